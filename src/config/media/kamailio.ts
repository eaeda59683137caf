/**
 * SRTP on the Genesys leg of a Kamailio (or OpenSIPS) route script: the flags of each
 * `rtpengine_offer` / `rtpengine_answer` / `rtpengine_manage` call (kamailio src/modules/rtpengine/rtpengine.c,
 * rtpengine docs/ng_control_protocol.md; OpenSIPS' rtpengine module takes the same flag words). Flags held
 * in a `$var(...)` are followed when the script assigns one literal; anything else is left to check by hand.
 * Media relayed by rtpproxy (no SDES) or by nothing the script shows is said, not judged.
 */
import type { SourceLocation } from '../../engine/types.js';
import { sourced, type Provenance, type SbcFormat } from '../../model/endpoint.js';
import type { MediaSettings, MediaSyntax, SrtpOffer, SrtpStrictness } from '../../model/media.js';
import { IfdefStack } from '../readers/kamailio/ifdef.js';
import { cfgStatements, loadedModule } from '../sercfg.js';
import type { ConfigFile, FileNote, ReaderInput } from '../types.js';
import type { MediaOutput } from './types.js';

const NG = 'rtpengine docs/ng_control_protocol.md';

/** The suites rtpengine offers when no `SDES-only-` / `SDES-no-` flag narrows them (RFC spellings). */
export const RTPENGINE_SUITES = [
  'AEAD_AES_256_GCM',
  'AEAD_AES_128_GCM',
  'AES_256_CM_HMAC_SHA1_80',
  'AES_256_CM_HMAC_SHA1_32',
  'AES_192_CM_HMAC_SHA1_80',
  'AES_192_CM_HMAC_SHA1_32',
  'AES_CM_128_HMAC_SHA1_80',
  'AES_CM_128_HMAC_SHA1_32',
  'F8_128_HMAC_SHA1_80',
  'F8_128_HMAC_SHA1_32',
  'NULL_HMAC_SHA1_80',
  'NULL_HMAC_SHA1_32',
];

/** What one rtpengine flag string does to the SDP the SBC sends on. */
export interface RtpengineMedia {
  offer: SrtpOffer;
  strictness?: SrtpStrictness;
  /** Present when SDES is offered: the suites, after `SDES-only-` / `SDES-no-`. */
  suites?: string[];
  /** True when `suites` is rtpengine's default list (no SDES-only-/SDES-no- flag). */
  defaultSuites?: boolean;
  /** The words that have nothing to do with SRTP, kept for a fix. */
  other: string[];
}

/** Transport words: [SRTP?, AVPF?, DTLS protocol?]; undefined leaves that part as it came. */
const TRANSPORTS: Record<string, { srtp?: boolean; avpf?: boolean; dtls?: boolean }> = {
  'rtp/avp': { srtp: false, avpf: false },
  'rtp/savp': { srtp: true, avpf: false },
  'rtp/avpf': { srtp: false, avpf: true },
  'rtp/savpf': { srtp: true, avpf: true },
  'udp/tls/rtp/savp': { srtp: true, dtls: true },
  'udp/tls/rtp/savpf': { srtp: true, dtls: true },
  rtp: { srtp: false },
  srtp: { srtp: true },
  avp: { avpf: false },
  avpf: { avpf: true },
  dtls: { srtp: true, dtls: true },
};

/** Parses an rtpengine flag string (space-separated words, as Kamailio and OpenSIPS pass them). Linear in its length. */
export function rtpengineFlags(flags: string): RtpengineMedia {
  let srtp: boolean | undefined;
  let dtlsProtocol = false;
  let dtlsOff = false;
  let sdesOff = false;
  let osrtp = false;
  const only: string[] = [];
  const no = new Set<string>();
  const other: string[] = [];
  for (const word of flags.split(/\s+/).filter(Boolean)) {
    const lower = word.toLowerCase();
    const transport = TRANSPORTS[lower.startsWith('transport-protocol=') ? lower.slice('transport-protocol='.length) : lower];
    if (transport) {
      if (transport.srtp !== undefined) srtp = transport.srtp;
      if (transport.dtls) dtlsProtocol = true;
      else if (transport.srtp !== undefined) dtlsProtocol = false;
    } else if (/^dtls[=-](off|no|disable)$/.test(lower)) dtlsOff = true;
    else if (/^sdes[=-](off|no|disable)$/.test(lower)) sdesOff = true;
    else if (lower.startsWith('sdes-only-')) only.push(word.slice('sdes-only-'.length).toUpperCase());
    else if (lower.startsWith('sdes-no-')) no.add(word.slice('sdes-no-'.length).toUpperCase());
    else if (lower === 'osrtp' || lower.startsWith('osrtp-offer')) osrtp = true;
    else if (!/^(dtls|sdes|osrtp)\b/.test(lower)) other.push(word);
  }
  const out: RtpengineMedia = { offer: 'unchanged', other };
  if (dtlsProtocol) out.offer = 'dtls';
  else if (srtp === true || (srtp === undefined && osrtp)) {
    out.offer = sdesOff ? (dtlsOff ? 'none' : 'dtls') : dtlsOff ? 'sdes' : 'sdes+dtls';
    out.strictness = srtp === true ? 'mandatory' : 'optimistic';
  } else if (srtp === false) out.offer = osrtp ? (dtlsOff ? 'sdes' : 'sdes+dtls') : 'none';
  if (srtp === false && osrtp) out.strictness = 'optimistic';
  if (out.offer === 'sdes' || out.offer === 'sdes+dtls') {
    out.suites = only.length ? only : RTPENGINE_SUITES.filter((s) => !no.has(s));
    if (!only.length && !no.size) out.defaultSuites = true;
  }
  return out;
}

interface Call {
  fn: string;
  /** The flag string once resolved; undefined when it is not known statically. */
  flags?: string;
  file: string;
  line: number;
  route: string;
  /** Where the flags came from, when a `$var` assignment supplied them. */
  from?: Provenance;
  why?: string;
}

interface Assignment {
  file: string;
  line: number;
  value?: string;
  /** A #!define inside an #!ifdef the scanned files switch off: named in messages, defines nothing. */
  off?: boolean;
}

const ROUTE =
  /^(request_route|route|onreply_route|reply_route|branch_route|failure_route|event_route|local_route|onsend_route)\b\s*(?:\[\s*([^\]]*?)\s*\])?\s*\{/;
// The argument: a string, $var(name), or anything else with one level of parentheses ($xavp(r=>$T_branch_idx)).
const CALL =
  /\b(rtpengine_offer|rtpengine_answer|rtpengine_manage)\s*\(\s*("(?:[^"\\]|\\.)*"|\$var\([\w.]+\)|(?:[^()]|\([^()]*\))*)\s*[,)]/g;
/** `$var(x) = "literal";` anywhere in a statement (inside an `if { }` too); without the literal, an expression. */
const VAR_SET = /\$var\(([\w.]+)\)\s*=(?!=)\s*("(?:[^"\\]|\\.)*"\s*(?:;|$))?/g;
const CALL_NAME = /\brtpengine_(offer|answer|manage)\s*\(/;
const CALL_ONE = new RegExp(CALL.source);
const RTPPROXY = /\b(rtpproxy_(offer|answer|manage|stream2uac|stream2uas)|force_rtp_proxy|rtpproxy_engage)\s*\(/;
const MAX_INCLUDES = 16;

interface Script {
  calls: Call[];
  vars: Map<string, Assignment[]>;
  /** `#!define NAME "value"` (Kamailio's pre-processor); a name defined twice is kept with no value. */
  defines: Map<string, Assignment>;
  rtpproxy?: SourceLocation;
  rtpengineLoaded?: SourceLocation;
  files: string[];
  /** Blocks (file and condition) whose media calls were not read, each noted once. */
  passedOver: Set<string>;
  /** Kamailio's #!ifdef is evaluated; OpenSIPS has no such pre-processor (its `#` lines are comments). */
  preprocessor: boolean;
}

/**
 * The route script as Kamailio's pre-processor leaves it: lines inside an #!ifdef that the scanned files
 * switch off (nothing #!defines the name; a module loaded defines MOD_<name>) are not read, and neither
 * is a file only they include, as the TLS reader does; `#!ifexp` is read as on.
 */
function readScript(file: ConfigFile, input: ReaderInput, script: Script, notes: FileNote[], depth: number): void {
  if (script.files.includes(file.path)) return;
  script.files.push(file.path);
  let route = 'top level';
  const stack = new IfdefStack();
  for (const st of cfgStatements(file.text, true)) {
    if (st.directive) {
      if (script.preprocessor) directive(st.text, st.line, stack, script);
      const d = /^(?:define|trydef|redefine|substdef)\s+([A-Za-z_]\w*)\s*(.*)$/.exec(st.text);
      if (d) {
        // A define under #!ifdef depends on other defines (or -A): kept without a value, never guessed;
        // one the scanned files switch off is kept too (for the message), but defines nothing.
        const literal = /^"((?:[^"\\]|\\.)*)"$/.exec(d[2]!.trim());
        const seen = script.defines.get(d[1]!);
        const on = stack.active;
        if (!(st.text.startsWith('trydef') && seen && !seen.off) && (on || !seen))
          script.defines.set(d[1]!, {
            file: file.path,
            line: st.line,
            ...(literal && !seen && !stack.open.length ? { value: literal[1]! } : {}),
            ...(on ? {} : { off: true }),
          });
      }
      continue;
    }
    const switchedOff = stack.off;
    if (switchedOff) {
      if (/\brtpengine_|\brtpproxy_|\bforce_rtp_proxy\b|^(?:include_file|import_file)\b/.test(st.text))
        passedOver(file, st.line, switchedOff.cond, script, notes);
      continue;
    }
    const include = /^(?:include_file|import_file)\s*\(?\s*["']([^"']+)["']/.exec(st.text);
    if (include) {
      const opened = depth < MAX_INCLUDES ? input.open(include[1]!, file) : { tried: [] };
      if (opened.file) readScript(opened.file, input, script, notes, depth + 1);
      else
        notes.push({
          location: { file: file.path, line: st.line },
          level: 'info',
          message: `${include[1]} is not among the scanned files: rtpengine calls it holds are not read`,
        });
      continue;
    }
    const r = ROUTE.exec(st.text);
    if (r) route = r[2] ? `${r[1]}[${r[2].trim()}]` : r[1]!;
    if (/^loadmodule\b/i.test(st.text)) {
      if (/rtpproxy(\.so)?["']/i.test(st.text)) script.rtpproxy ??= { file: file.path, line: st.line, key: 'loadmodule' };
      if (/rtpengine(\.so)?["']/i.test(st.text)) script.rtpengineLoaded ??= { file: file.path, line: st.line, key: 'loadmodule' };
      const mod = loadedModule(st.text);
      if (mod !== undefined) script.defines.set(`MOD_${mod}`, { file: file.path, line: st.line });
      continue;
    }
    if (RTPPROXY.test(st.text)) script.rtpproxy ??= { file: file.path, line: st.line, key: 'rtpproxy' };
    for (const v of st.text.matchAll(VAR_SET)) {
      const literal = v[2] ? /^"((?:[^"\\]|\\.)*)"/.exec(v[2]) : null;
      const list = script.vars.get(v[1]!) ?? [];
      list.push({ file: file.path, line: st.line, ...(literal ? { value: literal[1]! } : {}) });
      script.vars.set(v[1]!, list);
    }
    for (const m of st.text.matchAll(CALL)) {
      const arg = m[2]!.trim();
      const call: Call = { fn: m[1]!, file: file.path, line: st.line, route };
      if (arg === '') call.flags = '';
      else if (arg.startsWith('"')) call.flags = arg.slice(1, -1);
      else call.why = arg;
      script.calls.push(call);
    }
    // A call split over lines: the statement holds the name but no closing parenthesis.
    if (CALL_NAME.test(st.text) && !CALL_ONE.test(st.text))
      script.calls.push({ fn: 'rtpengine call', file: file.path, line: st.line, route, why: 'a call spread over several lines' });
  }
}

/** #!ifdef, #!ifndef, #!ifexp, #!else, #!endif and #!undef, as cfg.lex reads them. */
function directive(text: string, line: number, stack: IfdefStack, script: Script): void {
  const m = /^([a-z_]+)\s*([A-Za-z_]\w*)?/.exec(text);
  if (!m) return;
  const [, name, id] = m;
  if (name === 'ifdef' || name === 'ifndef') {
    const defined = id !== undefined && script.defines.has(id) && !script.defines.get(id)!.off;
    stack.push(name === 'ifdef' ? defined : !defined, `${name} ${id ?? ''}`.trim(), line);
  } else if (name === 'ifexp') stack.push(true, 'ifexp', line);
  else if (name === 'else') stack.else();
  else if (name === 'endif') stack.pop();
  else if (name === 'undef' && id && stack.active) script.defines.delete(id);
}

/** Media calls and includes inside a switched-off #!ifdef: one note per block, never judged. */
function passedOver(file: ConfigFile, line: number, cond: string, script: Script, notes: FileNote[]): void {
  const key = `${file.path}\n${cond}`;
  if (script.passedOver.has(key) || script.passedOver.size >= 20) return;
  script.passedOver.add(key);
  notes.push({
    location: { file: file.path, line },
    level: 'info',
    message: cond.startsWith('ifdef ')
      ? `media calls and includes inside #!${cond} are not read: no #!define in the scanned files sets ${cond.slice(6)} (Kamailio started with -A ${cond.slice(6)} would read them)`
      : `media calls and includes inside #!${cond} are not read: the scanned files define ${cond.slice(7)}`,
  });
}

/** `$var(x)` in a flag string (or as the whole argument), when the script assigns it exactly one literal. */
function resolveVars(call: Call, vars: Map<string, Assignment[]>, defines: Map<string, Assignment>): void {
  const target = call.flags ?? call.why ?? '';
  const names = [...target.matchAll(/\$var\(([\w.]+)\)/g)].map((m) => m[1]!);
  const define = call.flags === undefined ? defines.get(target) : undefined;
  if (define?.value !== undefined) {
    call.flags = define.value;
    call.from = { kind: 'file', file: define.file, line: define.line, key: `#!define ${target}` };
    delete call.why;
    return;
  }
  if (call.flags === undefined && !names.length) {
    call.why = defines.has(target)
      ? `flags given as #!define ${target} (${defines.get(target)!.file}:${defines.get(target)!.line}), defined under #!ifdef, more than once or not as one string`
      : `flags given as \`${target}\` (a #!define, an AVP or another pseudo-variable)`;
    return;
  }
  let text = target;
  for (const name of names) {
    const list = vars.get(name) ?? [];
    if (list.length !== 1 || list[0]!.value === undefined) {
      call.flags = undefined;
      call.why = list.length
        ? `$var(${name}) is assigned ${list.length} times or from an expression (${list.map((a) => `${a.file}:${a.line}`).join(', ')})`
        : `$var(${name}) is never assigned in the scanned files`;
      return;
    }
    text = text.split(`$var(${name})`).join(list[0]!.value);
    call.from = { kind: 'file', file: list[0]!.file, line: list[0]!.line, key: `$var(${name})` };
  }
  call.flags = text;
  delete call.why;
}

function syntaxFor(call: Call, parsed: RtpengineMedia | undefined): MediaSyntax {
  const fn = call.fn.startsWith('rtpengine_') ? call.fn : 'rtpengine_offer';
  const kept = parsed?.other.join(' ') ?? '...';
  return {
    offerSdes: () => `${fn}("${kept ? `${kept} ` : ''}RTP/SAVP DTLS=off") in ${call.route} (${call.file}:${call.line})`,
    suites: (canonical) =>
      `add SDES-only-${canonical[0] ?? 'AES_CM_128_HMAC_SHA1_80'} to the ${fn} flags in ${call.route} (${call.file}:${call.line})`,
  };
}

/** The media settings of every rtpengine call of the route script that starts at `input.file`. */
export function routeScriptMedia(input: ReaderInput, format: Extract<SbcFormat, 'kamailio' | 'opensips'>): MediaOutput {
  const notes: FileNote[] = [];
  const script: Script = {
    calls: [],
    vars: new Map(),
    defines: new Map(),
    files: [],
    passedOver: new Set(),
    preprocessor: format === 'kamailio',
  };
  readScript(input.file, input, script, notes, 0);
  const product = format === 'kamailio' ? 'Kamailio' : 'OpenSIPS';
  const media: MediaSettings[] = [];
  if (!script.calls.length) {
    const where: SourceLocation = script.rtpproxy ?? { file: input.file.path };
    const unresolved = script.rtpproxy
      ? `media is relayed by rtpproxy (${where.file}:${where.line ?? ''}), which has no SDES: the SDP Genesys gets carries whatever crypto the B2BUA or phone behind ${product} wrote; check that box`
      : script.rtpengineLoaded
        ? `rtpengine is loaded (${script.rtpengineLoaded.file}:${script.rtpengineLoaded.line}) but no rtpengine_offer/answer/manage call was found in the scanned files; check where the script calls it`
        : `no rtpengine or rtpproxy call: ${product} forwards the SDP as the B2BUA or phone behind it wrote it; check that box's SRTP settings`;
    media.push({
      id: '',
      format,
      name: script.rtpproxy ? 'rtpproxy' : 'route script',
      declared: where,
      offer: sourced<SrtpOffer>('unchanged', {
        kind: 'default',
        text: `${product} itself never changes the SDP's media profile; only a media relay does`,
      }),
      unresolved: [unresolved],
      syntax: {
        offerSdes: () =>
          `relay media through rtpengine with rtpengine_manage("RTP/SAVP DTLS=off") on the route to Genesys, or offer SDES-SRTP from the box behind ${product}`,
        suites: (canonical) => `offer ${canonical[0] ?? 'AES_CM_128_HMAC_SHA1_80'} from the box that writes the SDP`,
      },
    });
    return { media, notes, files: script.files.slice(1) };
  }
  const outcomes = new Set<string>();
  for (const call of script.calls) {
    resolveVars(call, script.vars, script.defines);
    const parsed = call.flags === undefined ? undefined : rtpengineFlags(call.flags);
    outcomes.add(parsed ? `${parsed.offer}/${parsed.strictness ?? ''}` : 'unknown');
    const at: Provenance = call.from ?? { kind: 'file', file: call.file, line: call.line, key: call.fn };
    const m: MediaSettings = {
      id: '',
      format,
      name: `${call.fn} in ${call.route}`,
      declared: { file: call.file, line: call.line, key: call.fn },
      offer: sourced<SrtpOffer>(parsed?.offer ?? 'unknown', at, call.flags ?? call.why),
      syntax: syntaxFor(call, parsed),
    };
    const unresolved: string[] = [];
    if (!parsed) unresolved.push(`${call.fn} at ${call.file}:${call.line}: ${call.why}; check the flags it passes (RTP/SAVP, DTLS=off)`);
    if (parsed?.strictness) m.strictness = sourced(parsed.strictness, at, call.flags);
    if (parsed?.suites)
      m.suites = parsed.defaultSuites
        ? sourced(parsed.suites, {
            kind: 'default',
            text: `rtpengine offers every suite it supports without SDES-only-/SDES-no- flags (${NG})`,
          })
        : sourced(parsed.suites, at, call.flags);
    if (parsed?.offer === 'unchanged')
      unresolved.push(
        `${call.fn} at ${call.file}:${call.line} names no transport (RTP/SAVP): the SDP keeps the profile it came with; check what the other side offers`,
      );
    m.unresolved = unresolved;
    media.push(m);
  }
  // Several calls that do different things: which one handles the Genesys leg is routing logic.
  if (outcomes.size > 1)
    for (const m of media)
      m.unresolved!.push(
        `the script calls rtpengine in ${media.length} places with different SRTP flags; check that ${m.name} (${m.declared!.file}:${m.declared!.line}) is or is not on the path to Genesys`,
      );
  for (const m of media) if (!m.unresolved!.length) delete m.unresolved;
  return { media, notes, files: script.files.slice(1) };
}

export const kamailioMedia = (input: ReaderInput): MediaOutput => routeScriptMedia(input, 'kamailio');
export const opensipsMedia = (input: ReaderInput): MediaOutput => routeScriptMedia(input, 'opensips');
