/**
 * SRTP on the Genesys leg of FreeSWITCH: the outbound channel to the Genesys gateway. Its crypto mode is
 * `rtp_secure_media_outbound`, else `rtp_secure_media` (switch_core_media.c
 * switch_core_session_parse_crypto_prefs), looked up on the channel and then among the global variables
 * (vars.xml `X-PRE-PROCESS set`). The channel gets them from the dial string (`{..}` / `[..]`), the
 * gateway's `<variables>` (direction outbound or none) and dialplan `export` (a `set` stays on the A-leg).
 * Unset on an outbound channel means forbidden: plain RTP. Suites: after the first `:` of the value or in
 * `rtp_secure_media_suites`, `:`-separated, matched against FreeSWITCH's own suite names only.
 */
import { posix } from 'node:path';
import type { SourceLocation } from '../../engine/types.js';
import { sourced, type ConfigProblem, type Provenance } from '../../model/endpoint.js';
import { canonicalSuite, type MediaSettings, type MediaSyntax, type SrtpOffer, type SrtpStrictness } from '../../model/media.js';
import { expand, findVarsFile, isTrue, preprocess, walk, xmlElements, type Element, type Variable } from '../readers/freeswitch.js';
import type { ConfigFile, FileNote, ReaderInput } from '../types.js';
import type { MediaOutput } from './types.js';
import { pathsUnder } from '../paths.js';

const CORE = 'switch_core_media.c switch_core_session_parse_crypto_prefs';

/** The names the suite parser accepts (signalwire/freeswitch SUITES[], RFC spellings; the old `AES_CM_256_...` aliases are not). */
export const FREESWITCH_SUITES = [
  'AEAD_AES_256_GCM_8',
  'AEAD_AES_256_GCM',
  'AEAD_AES_128_GCM_8',
  'AEAD_AES_128_GCM',
  'AES_256_CM_HMAC_SHA1_80',
  'AES_192_CM_HMAC_SHA1_80',
  'AES_CM_128_HMAC_SHA1_80',
  'AES_256_CM_HMAC_SHA1_32',
  'AES_192_CM_HMAC_SHA1_32',
  'AES_CM_128_HMAC_SHA1_32',
  'AES_CM_128_NULL_AUTH',
];
const KNOWN = new Set(FREESWITCH_SUITES);
const FALSE = new Set(['no', 'false', 'off', 'disabled', 'inactive', 'disallow', '0', 'forbidden']);

/** A channel variable as one place sets it. */
interface Setting {
  value: string;
  from: FileFrom;
  where: string;
}

type FileFrom = Extract<Provenance, { kind: 'file' }>;

type Level = Map<string, Setting>;

const VARS = ['rtp_secure_media_outbound', 'rtp_secure_media', 'rtp_secure_media_suites'];

function fileAt(file: string, line: number, key: string): FileFrom {
  return { kind: 'file', file, line, key };
}

function syntaxFor(gateway: string | undefined): MediaSyntax {
  const variable = (name: string, value: string) =>
    gateway
      ? `<variable name="${name}" value="${value}" direction="outbound"/> in gateway ${gateway}'s <variables>`
      : `<action application="export" data="nolocal:${name}=${value}"/> before the bridge to Genesys`;
  return {
    offerSdes: () => variable('rtp_secure_media_outbound', 'mandatory'),
    suites: (canonical) =>
      variable('rtp_secure_media_suites', canonical.filter((s) => KNOWN.has(s)).join(':') || 'AES_CM_128_HMAC_SHA1_80'),
  };
}

/** `{a=b,c=d}` / `[a=b]` / `<a=b>` variable blocks of a dial string. */
function dialVars(block: string, into: Level, where: string, file: string, line: number): void {
  for (const pair of block.split(',')) {
    const eq = pair.indexOf('=');
    if (eq < 1) continue;
    const name = pair.slice(0, eq).trim().toLowerCase();
    if (VARS.includes(name)) into.set(name, { value: pair.slice(eq + 1).trim(), from: fileAt(file, line, name), where });
  }
}

/** The variables a bridge's dial string gives the leg that names `target` (leg `[..]` over the global `{..}`). */
function dialStringLevel(data: string, at: number, file: string, line: number): Level {
  const level: Level = new Map();
  const global = /^\s*\{([^}]*)\}/.exec(data);
  if (global) dialVars(global[1]!, level, `the dial string's {…} (${file}:${line})`, file, line);
  // The leg's `[..]` ends right before the target (found by index: a regex anchored at `$` rescans).
  const before = data.slice(0, at).trimEnd();
  const open = before.endsWith(']') ? before.lastIndexOf('[') : -1;
  if (open >= 0) dialVars(before.slice(open + 1, -1), level, `the dial string's […] (${file}:${line})`, file, line);
  return level;
}

interface Gateway {
  name: string;
  file: string;
  line: number;
  level: Level;
}

/** Whether a gateway (or a dial target) goes to Genesys over TLS. */
function genesysGateway(g: Element): boolean {
  const params = g.children.filter((p) => p.name === 'param');
  return params.some((p) => {
    const n = (p.attrs.name ?? '').toLowerCase();
    const v = p.attrs.value ?? '';
    if (n === 'register-transport' && /^tls$/i.test(v.trim())) return true;
    return (
      ['proxy', 'realm', 'outbound-proxy', 'register-proxy'].includes(n) &&
      (/transport=tls/i.test(v) || /^sips:/i.test(v) || /pure\.cloud/i.test(v))
    );
  });
}

function gatewaysIn(tree: Element[], file: string, vars: Map<string, Variable>): Gateway[] {
  const out: Gateway[] = [];
  for (const g of walk(tree)) {
    if (g.name !== 'gateway' || !genesysGateway(g)) continue;
    const level: Level = new Map();
    for (const vs of g.children.filter((c) => c.name === 'variables'))
      for (const v of vs.children) {
        const name = (v.attrs.name ?? '').toLowerCase();
        const direction = (v.attrs.direction ?? '').toLowerCase();
        if (v.name !== 'variable' || !VARS.includes(name) || direction === 'inbound') continue;
        level.set(name, {
          value: expand(v.attrs.value ?? '', vars).text,
          from: fileAt(file, v.line, name),
          where: `gateway ${g.attrs.name}'s <variables>`,
        });
      }
    out.push({ name: g.attrs.name ?? '', file, line: g.line, level });
  }
  return out;
}

interface Bridge {
  file: string;
  line: number;
  extension: string;
  /** Exports before the bridge in its extension; `set`s there (A-leg only). */
  exports: Level;
  sets: Setting[];
  dial: Level;
  /** Exports in an `<anti-action>` (they run only when their condition fails): said, not applied. */
  conditional: Setting[];
}

interface Found {
  bridges: Map<string, Bridge[]>;
  /** Dialplan files with a bridge to Genesys or a media variable. */
  files: Set<string>;
  /** Exports in extensions without a bridge to Genesys: whether they run first depends on the dialplan. */
  elsewhere: Setting[];
}

function assignment(data: string): { name: string; value: string; nolocal: boolean } | undefined {
  const m = /^\s*(nolocal:)?([\w.-]+)=(.*)$/s.exec(data);
  return m ? { name: m[2]!.toLowerCase(), value: m[3]!.trim(), nolocal: !!m[1] } : undefined;
}

/** A dial target: a gateway (`sofia/gateway/NAME`), or a profile dialled directly at a Genesys URI (`sofia/external/sip:...pure.cloud`). */
interface Target {
  key: string;
  re: RegExp;
  /** For direct dials: what the URI after the profile must contain. */
  uri?: RegExp;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const GENESYS_URI = /pure\.cloud|transport=tls|^sips:/i;

function scanDialplan(tree: Element[], file: string, targets: Target[], vars: Map<string, Variable>, found: Found): void {
  for (const ext of walk(tree)) {
    if (ext.name !== 'extension') continue;
    const extension = ext.attrs.name ?? '';
    const exports: Level = new Map();
    const sets: Setting[] = [];
    const conditional: Setting[] = [];
    let bridged = false;
    for (const cond of ext.children.filter((c) => c.name === 'condition'))
      for (const action of cond.children) {
        if (action.name !== 'action' && action.name !== 'anti-action') continue;
        const app = (action.attrs.application ?? '').toLowerCase();
        const data = expand(action.attrs.data ?? '', vars).text;
        const where = `${action.name} ${app} in extension ${extension} (${file}:${action.line})`;
        if (app === 'set' || app === 'export') {
          const a = assignment(data);
          if (!a || !VARS.includes(a.name)) continue;
          const setting = { value: a.value, from: fileAt(file, action.line, a.name), where };
          found.files.add(file);
          if (app === 'set') sets.push(setting);
          else if (action.name === 'anti-action') conditional.push(setting);
          else exports.set(a.name, setting);
          continue;
        }
        if (app !== 'bridge') continue;
        for (const { key: gw, re, uri } of targets) {
          const m = re.exec(data);
          if (!m || (uri && !uri.test(m[1] ?? ''))) continue;
          bridged = true;
          found.files.add(file);
          const list = found.bridges.get(gw) ?? [];
          list.push({
            file,
            line: action.line,
            extension,
            exports: new Map(exports),
            sets: [...sets],
            conditional: [...conditional],
            dial: dialStringLevel(data, m.index, file, action.line),
          });
          found.bridges.set(gw, list);
        }
      }
    if (!bridged) found.elsewhere.push(...exports.values());
  }
}

/** Crypto mode and suites for one outbound leg, from its levels (highest first) and the globals. */
function resolveLeg(
  name: string,
  levels: Level[],
  globals: Map<string, Variable>,
  sets: Setting[],
  gateway: string | undefined,
  declared: SourceLocation,
  unresolved: string[],
  notes: FileNote[],
  problems: ConfigProblem[],
): MediaSettings {
  const global = (v: string): Setting | undefined => {
    const g = globals.get(v);
    if (!g) return undefined;
    if (g.value === undefined) {
      unresolved.push(`global ${v} (${g.file}:${g.line}): ${g.unknown ?? 'value not known'}`);
      return undefined;
    }
    return { value: g.value, from: fileAt(g.file, g.line, v), where: `vars.xml global (${g.file}:${g.line})` };
  };
  const lookup = (v: string) => levels.map((l) => l.get(v)).find((s) => s !== undefined) ?? global(v);
  const mode = lookup('rtp_secure_media_outbound') ?? lookup('rtp_secure_media');
  const out: MediaSettings = { id: '', format: 'freeswitch', name, declared, syntax: syntaxFor(gateway) };
  const setOnly = sets.length
    ? ` The set at ${sets.map((s) => s.where).join(', ')} applies to the inbound leg only (export reaches the outbound leg).`
    : '';
  if (!mode || mode.value === '') {
    out.offer = sourced<SrtpOffer>('none', {
      kind: 'default',
      text: `FreeSWITCH default on an outbound channel without rtp_secure_media(_outbound): forbidden, plain RTP (${CORE}).${setOnly}`,
    });
  } else if (/\$\{|\$\$\{/.test(mode.value)) {
    out.offer = sourced<SrtpOffer>('unknown', mode.from, mode.value);
    unresolved.push(`${mode.where} sets it to ${mode.value}, known only at call time: check what it expands to`);
  } else {
    const colon = mode.value.indexOf(':');
    const word = (colon < 0 ? mode.value : mode.value.slice(0, colon)).trim();
    const lower = word.toLowerCase();
    if (lower === 'optional' || lower === 'mandatory' || isTrue(word)) {
      out.offer = sourced<SrtpOffer>('sdes', mode.from, mode.value);
      out.strictness = sourced<SrtpStrictness>(lower === 'optional' ? 'optional' : 'mandatory', mode.from, mode.value);
    } else {
      out.offer = sourced<SrtpOffer>('none', mode.from, mode.value);
      if (!FALSE.has(lower))
        notes.push({
          location: { file: mode.from.file, line: mode.from.line, key: mode.from.key },
          level: 'warn',
          message: `${mode.where}: "${word}" is not mandatory, optional or a true/false value; FreeSWITCH logs INVALID VALUE and uses forbidden`,
        });
    }
    if (out.offer.value === 'sdes') {
      const inline = colon < 0 ? '' : mode.value.slice(colon + 1).trim();
      const listed = inline ? { value: inline, from: mode.from, where: mode.where } : lookup('rtp_secure_media_suites');
      if (listed && listed.value) {
        const names = listed.value
          .split(':')
          .map((s) => s.trim())
          .filter(Boolean);
        const ok = names.filter((s) => KNOWN.has(s.toUpperCase()));
        const bad = names.filter((s) => !KNOWN.has(s.toUpperCase()));
        out.suites = sourced(ok, listed.from, listed.value);
        if (bad.length) {
          out.rejectedSuites = sourced(bad, listed.from, listed.value);
          const fixed = names.map((n) => canonicalSuite(n) ?? n).filter((n) => KNOWN.has(n));
          problems.push({
            code: 'invalid-value',
            message: `${listed.where}: ${bad.join(', ')} ${bad.length > 1 ? 'are' : 'is'} not a suite name FreeSWITCH knows; it logs "INVALID SUITE SUPPLIED" and leaves ${bad.length > 1 ? 'them' : 'it'} out of the offer${ok.length ? '' : ', so no a=crypto is offered'}`,
            location: { file: listed.from.file, line: listed.from.line, key: listed.from.key },
            fix: `${listed.from.key}=${inline ? `${word}:` : ''}${[...new Set(fixed.length ? fixed : ['AES_CM_128_HMAC_SHA1_80'])].join(':')}`,
          });
        }
      } else {
        out.suites = sourced([...FREESWITCH_SUITES], {
          kind: 'default',
          text: `FreeSWITCH offers every suite it knows when rtp_secure_media_suites is not set (${CORE})`,
        });
      }
    }
  }
  if (unresolved.length) out.unresolved = unresolved;
  return out;
}

/** The files `<X-PRE-PROCESS cmd="include" data="external/*.xml"/>` lines name, as path patterns relative to the file. */
function includeGlobs(file: ConfigFile): RegExp[] {
  const out: RegExp[] = [];
  const re = /<X-PRE-PROCESS\s+cmd\s*=\s*"include"\s+data\s*=\s*"([^"]*)"/gi;
  for (let m = re.exec(file.text); m; m = re.exec(file.text)) {
    const path = posix.normalize(posix.join(posix.dirname(file.path), m[1]!));
    const body = path
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '[^/]*')
      .replace(/\?/g, '[^/]');
    out.push(new RegExp(`^${body}$`));
  }
  return out;
}

/** What an anti-action export before the bridge would change, to check by hand. */
function whenFailed(b: Bridge): string[] {
  return b.conditional.map(
    (c) => `${c.where} exports ${c.from.key}=${c.value} only when its condition does not match: check whether it does for calls to Genesys`,
  );
}

/** Every `.xml` of the scan that `keep` accepts, parsed (files that are not XML are left to the reader's notes). */
type Parsed = { file: ConfigFile; tree: Element[] } | null;

/** Parsed XML files per scan (keyed by its path list): a scan reads many profiles, each file is parsed once. */
const parsedFiles = new WeakMap<readonly string[], Map<string, Parsed>>();

function xmlFiles(input: ReaderInput, keep: RegExp): Array<{ file: ConfigFile; tree: Element[] }> {
  let cache = parsedFiles.get(input.paths);
  if (!cache) parsedFiles.set(input.paths, (cache = new Map()));
  const out: Array<{ file: ConfigFile; tree: Element[] }> = [];
  for (const p of pathsUnder(input.paths, confFolderOf(input.file.path))) {
    if (!p.endsWith('.xml')) continue;
    let hit = cache.get(p);
    if (hit === undefined) {
      const file = p === input.file.path ? input.file : input.open(p, input.file).file;
      // Only files that can hold a gateway or an extension are worth parsing.
      const parsed = file && /<(gateway|extension)\s/i.test(file.text) ? xmlElements(file.text) : undefined;
      hit = file && parsed && !('error' in parsed) ? { file, tree: parsed.tree } : null;
      cache.set(p, hit);
    }
    if (hit && keep.test(hit.file.text)) out.push(hit);
  }
  return out;
}

/**
 * The FreeSWITCH configuration a sofia profile belongs to: the folder above sip_profiles/ (conf/ in
 * conf/sip_profiles/external.xml). Its gateways and dialplans are that tree's; another SBC's tree in the
 * same repository is another FreeSWITCH.
 */
function confFolderOf(profile: string): string {
  return posix.dirname(posix.dirname(profile));
}

/** The media settings of each outbound dial path to a Genesys gateway, for the sofia profile (or file) `input.file`. */
export function freeswitchMedia(input: ReaderInput): MediaOutput {
  const notes: FileNote[] = [];
  const problems: ConfigProblem[] = [];
  const vars = new Map<string, Variable>();
  const varsFile = findVarsFile(input);
  if (varsFile.file) preprocess(varsFile.file, vars);
  preprocess(input.file, vars);
  const globals = new Map([...vars].filter(([k]) => VARS.includes(k.toLowerCase())).map(([k, v]) => [k.toLowerCase(), v]));

  // Gateways: inline in this profile, or in the files its X-PRE-PROCESS include names (sip_profiles/external/*.xml).
  const included = includeGlobs(input.file);
  const gateways: Gateway[] = [];
  for (const { file, tree } of xmlFiles(input, /<gateway\s/i))
    if (file.path === input.file.path || included.some((re) => re.test(file.path))) gateways.push(...gatewaysIn(tree, file.path, vars));
  // Without a gateway, a bridge may dial Genesys through the profile itself: sofia/external/sip:...@lb01....pure.cloud;transport=tls.
  const parsed = xmlElements(input.file.text);
  const profiles =
    'error' in parsed ? [] : [...walk(parsed.tree)].filter((e) => e.name === 'profile' && e.attrs.name).map((e) => e.attrs.name!);
  const targets: Target[] = gateways.length
    ? gateways.map((g) => ({ key: g.name, re: new RegExp(`sofia/gateway/${escape(g.name)}(/|$|[,|])`, 'i') }))
    : profiles.map((p) => ({ key: `profile:${p}`, re: new RegExp(`sofia/${escape(p)}/([^,|]*)`, 'i'), uri: GENESYS_URI }));
  const found: Found = { bridges: new Map(), files: new Set(), elsewhere: [] };
  const readFiles = () =>
    [...new Set([...(varsFile.file ? [varsFile.file.path] : []), ...gateways.map((g) => g.file), ...found.files])].filter(
      (f) => f !== input.file.path,
    );
  if (targets.length) for (const { file, tree } of xmlFiles(input, /<extension\s/i)) scanDialplan(tree, file.path, targets, vars, found);
  const elsewhere = found.elsewhere.map(
    (s) =>
      `${s.where} exports ${s.from.key}=${s.value}: it reaches this leg only when that extension runs before the bridge (continue="true")`,
  );
  if (!gateways.length) {
    const direct = profiles.flatMap((p) => (found.bridges.get(`profile:${p}`) ?? []).map((b) => ({ p, b })));
    if (!direct.length) {
      notes.push({
        location: { file: input.file.path },
        level: 'info',
        message:
          'no sofia gateway to Genesys (transport=tls, sips: or pure.cloud in its proxy/realm, or register-transport=tls) and no bridge dialling Genesys through this profile: SRTP on the Genesys leg not read',
      });
      return { media: [], notes };
    }
    return {
      media: direct.map(({ p, b }) =>
        resolveLeg(
          `profile ${p}, bridge in extension ${b.extension} (${b.file}:${b.line})`,
          [b.dial, b.exports],
          globals,
          b.sets,
          undefined,
          { file: b.file, line: b.line, key: 'bridge' },
          [...elsewhere, ...whenFailed(b)],
          notes,
          problems,
        ),
      ),
      notes,
      problems,
      files: readFiles(),
    };
  }
  const media: MediaSettings[] = [];
  for (const g of gateways) {
    const declared: SourceLocation = { file: g.file, line: g.line, key: `gateway ${g.name}` };
    const bridges = found.bridges.get(g.name) ?? [];
    if (!bridges.length) {
      const unresolved = [
        `no bridge to sofia/gateway/${g.name} in the scanned dialplans: a dial string or export there may set rtp_secure_media`,
        ...elsewhere,
      ];
      media.push(resolveLeg(`gateway ${g.name}`, [g.level], globals, [], g.name, declared, unresolved, notes, problems));
      continue;
    }
    for (const b of bridges) {
      const unresolved = [...elsewhere, ...whenFailed(b)];
      for (const v of VARS) {
        const d = b.dial.get(v);
        const gv = g.level.get(v);
        if (d && gv && d.value !== gv.value)
          unresolved.push(`${v} is ${d.value} in ${d.where} and ${gv.value} in ${gv.where}: check which one the outbound channel keeps`);
      }
      const name = `gateway ${g.name}, bridge in extension ${b.extension} (${b.file}:${b.line})`;
      media.push(resolveLeg(name, [b.dial, g.level, b.exports], globals, b.sets, g.name, declared, unresolved, notes, problems));
    }
  }
  return { media, notes, problems, files: readFiles() };
}
