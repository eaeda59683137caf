/**
 * FreeSWITCH sofia SIP profiles (`conf/sip_profiles/*.xml`, or profiles inline in `sofia.conf.xml`):
 * `<profile name="…"><settings><param name="tls…" value="…"/>`, with `$${var}` resolved through the
 * `<X-PRE-PROCESS cmd="set" data="var=value"/>` lines of `vars.xml`. One profile is one server endpoint
 * (its TLS listener) and one client endpoint (outbound TLS): both use the profile's settings.
 *
 * Semantics from mod_sofia (https://github.com/signalwire/freeswitch/blob/master/src/mod/endpoints/mod_sofia/sofia.c)
 * and sofia-sip's TLS transport (https://github.com/freeswitch/sofia-sip/blob/master/libsofia-sip-ua/tport/tport_tls.c);
 * parameters: https://developer.signalwire.com/freeswitch/FreeSWITCH-Explained/Configuration/Sofia-SIP-Stack/
 */
import { posix } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { SourceLocation } from '../../engine/types.js';
import {
  noTlsProblem,
  sourced,
  type ConfigProblem,
  type ProductSyntax,
  type Provenance,
  type TlsEndpointSettings,
} from '../../model/endpoint.js';
import type { TlsVersion } from '../../model/tls.js';
import { MAX_EXPANDED_VALUE } from '../limits.js';
import type { ConfigFile, FileNote, ReaderInput, ReaderOutput, SbcReader } from '../types.js';
import { sharedFolders } from '../paths.js';
import { CORE_VARIABLES, preprocessFile, references, type PreLine, type Variable } from './freeswitch/preprocess.js';

const SOFIA = 'mod_sofia sofia.c';
const TPORT = 'sofia-sip tport_tls.c';
const DEFAULT_CIPHERS = 'ALL:!ADH:!LOW:!EXP:!MD5:@STRENGTH';
/** Debian/RPM packages; source builds use /usr/local/freeswitch/certs. */
const DEFAULT_CERT_DIR = '/etc/freeswitch/tls';

interface Tag {
  name: string;
  line: number;
}

/** Start tags in document order with the line each begins on (comments, CDATA, PIs and DOCTYPE skipped). */
function startTags(text: string): Tag[] {
  const tags: Tag[] = [];
  let line = 1;
  let pos = 0;
  const advance = (to: number) => {
    for (let k = pos; k < to && k < text.length; k++) if (text.charCodeAt(k) === 10) line++;
    pos = Math.min(to, text.length);
  };
  for (;;) {
    const lt = text.indexOf('<', pos);
    if (lt < 0) break;
    advance(lt);
    const skipTo = (end: string, from: number) => {
      const e = text.indexOf(end, from);
      advance(e < 0 ? text.length : e + end.length);
    };
    if (text.startsWith('<!--', lt)) skipTo('-->', lt + 4);
    else if (text.startsWith('<![CDATA[', lt)) skipTo(']]>', lt + 9);
    else if (text.startsWith('<?', lt)) skipTo('?>', lt + 2);
    else if (text.startsWith('<!', lt) || text.startsWith('</', lt)) skipTo('>', lt + 2);
    else {
      const m = /^<([^\s/>]+)/.exec(text.slice(lt, lt + 200));
      if (m) tags.push({ name: m[1]!, line });
      // The tag ends at the first '>' outside quotes.
      let k = lt + 1;
      let quote = '';
      for (; k < text.length; k++) {
        const c = text[k];
        if (quote) {
          if (c === quote) quote = '';
        } else if (c === '"' || c === "'") quote = c!;
        else if (c === '>') break;
      }
      advance(k + 1);
    }
  }
  return tags;
}

type XmlNode = Record<string, unknown>;

export interface Element {
  name: string;
  attrs: Record<string, string>;
  children: Element[];
  line: number;
}

/** fast-xml-parser's ordered tree as elements, each given the line of its start tag (same document order). */
function toElements(nodes: XmlNode[], tags: Tag[], counter: { next: number; mismatch: boolean }): Element[] {
  const out: Element[] = [];
  for (const node of nodes) {
    const name = Object.keys(node).find((k) => k !== ':@' && k !== '#text');
    if (!name) continue;
    const tag = tags[counter.next++];
    if (!tag || tag.name !== name) counter.mismatch = true;
    const attrs = (node[':@'] ?? {}) as Record<string, string>;
    const element: Element = { name, attrs, line: tag?.line ?? 1, children: [] };
    element.children = toElements((node[name] as XmlNode[]) ?? [], tags, counter);
    out.push(element);
  }
  return out;
}

type Parsed = { tree: Element[]; mismatch: boolean } | { error: string; line?: number; column?: number };

/**
 * The reader and the media extractor both read a profile's XML: the last parses are kept (bounded by
 * their text size) so a scan parses each file once. Callers treat the trees as read-only.
 */
const parsedXml = new Map<string, Parsed>();
let parsedBytes = 0;
const PARSED_XML_BYTES = 16 * 1024 * 1024;

/** A file's elements with the line of each start tag, or why it is not XML FreeSWITCH can load. */
export function xmlElements(text: string): Parsed {
  const known = parsedXml.get(text);
  if (known) return known;
  const parsed = parseXml(text);
  if (text.length <= PARSED_XML_BYTES / 4) {
    parsedXml.set(text, parsed);
    parsedBytes += text.length;
    for (const [key] of parsedXml) {
      if (parsedBytes <= PARSED_XML_BYTES) break;
      parsedXml.delete(key);
      parsedBytes -= key.length;
    }
  }
  return parsed;
}

function parseXml(text: string): Parsed {
  const valid = XMLValidator.validate(text, { allowBooleanAttributes: true });
  if (valid !== true) return { error: valid.err.msg, line: valid.err.line, column: valid.err.col };
  const counter = { next: 0, mismatch: false };
  try {
    const parser = new XMLParser({
      preserveOrder: true,
      ignoreAttributes: false,
      attributeNamePrefix: '',
      ignoreDeclaration: true,
      ignorePiTags: true,
      parseTagValue: false,
      parseAttributeValue: false,
      trimValues: false,
      allowBooleanAttributes: true,
      processEntities: true,
    });
    return { tree: toElements(parser.parse(text) as XmlNode[], startTags(text), counter), mismatch: counter.mismatch };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

export function* walk(elements: Element[]): Generator<Element> {
  for (const e of elements) {
    yield e;
    yield* walk(e.children);
  }
}

export type { Variable };

/**
 * Applies a file's X-PRE-PROCESS directives to `vars` as switch_xml.c preprocess() does (see
 * freeswitch-preprocess.ts), without following its includes: for readers of one file at a time.
 */
export function preprocess(file: ConfigFile, vars: Map<string, Variable>): void {
  const input: ReaderInput = { file, open: () => ({ tried: [] }), paths: [] };
  preprocessFile(file, vars, { input, notes: [], count: { files: 0, bytes: 0, capNoted: false }, follow: false });
}

export function expand(
  text: string,
  vars: Map<string, Variable>,
): { text: string; missing: string[]; used: Variable[]; tooLong?: boolean } {
  const missing: string[] = [];
  const used: Variable[] = [];
  let size = text.length;
  let tooLong = false;
  const out = text.replace(/\$\$\{([^}]*)\}/g, (whole, name: string) => {
    const v = vars.get(name);
    if (v && v.value !== undefined) {
      // bounded: a chain of variables that each double the last stops at the cap
      size += v.value.length - whole.length;
      if (size > MAX_EXPANDED_VALUE) {
        tooLong = true;
        return '';
      }
      used.push(v);
      return v.value;
    }
    missing.push(name);
    return whole;
  });
  return tooLong ? { text: '', missing, used, tooLong } : { text: out, missing, used };
}

/** `tls-version`: comma tokens, exact length, case-insensitive, never trimmed (sofia.c). */
const VERSION_TOKENS: Record<string, TlsVersion[]> = {
  sslv2: [],
  sslv3: [],
  sslv23: ['1.0', '1.1', '1.2'],
  tlsv1: ['1.0'],
  'tlsv1.1': ['1.1'],
  'tlsv1.2': ['1.2'],
  'tlsv1.3': [],
};
const ORDER: TlsVersion[] = ['1.0', '1.1', '1.2', '1.3'];

/** `tls-verify-policy` keywords in the order sofia-sip tries them; a `|` token matches the first keyword it begins. */
const POLICY_KEYWORDS = ['in', 'out', 'all', 'subjects_in', 'subjects_out', 'subjects_all', 'none'];

function policy(value: string): { incoming: boolean; outgoing: boolean; unknown: string[] } {
  let incoming = false;
  let outgoing = false;
  const unknown: string[] = [];
  for (const token of value.split('|')) {
    const t = token.trim().toLowerCase();
    if (!t) continue;
    const k = POLICY_KEYWORDS.find((kw) => kw.startsWith(t));
    if (!k) unknown.push(token);
    else if (k === 'all' || k === 'subjects_all') incoming = outgoing = true;
    else if (k === 'in' || k === 'subjects_in') incoming = true;
    else if (k === 'out' || k === 'subjects_out') outgoing = true;
  }
  return { incoming, outgoing, unknown };
}

/** switch_true(): these words, or a non-zero number. */
const TRUE = new Set(['yes', 'true', 't', 'on', 'enabled', 'active', 'allow']);
export const isTrue = (value: string) => TRUE.has(value.toLowerCase()) || (/^-?\d+$/.test(value) && Number(value) !== 0);

const syntax: ProductSyntax = {
  ciphers: (value) => `<param name="tls-ciphers" value="${value}"/>`,
  allowTls12: () => '<param name="tls-version" value="tlsv1.2"/>',
  noClientCertificate: () => '<param name="tls-verify-policy" value="out"/>',
  verifyPeer: () => '<param name="tls-verify-policy" value="out"/>',
  caList: (path) =>
    `copy ${path} to cafile.pem in the profile's tls-cert-dir (<param name="tls-cert-dir" value="${posix.dirname(path)}"/>)`,
};

/** A param's value after `$${var}` expansion, with the provenance to cite: vars.xml's line when the value is one variable. */
interface Value {
  text?: string;
  written: string;
  from: Provenance;
  location: SourceLocation;
}

/** The repository's vars.xml files, listed once per repository (a scan reads hundreds of profiles). */
const varsFiles = new WeakMap<readonly string[], string[]>();
function varsFilesIn(paths: readonly string[]): string[] {
  let found = varsFiles.get(paths);
  if (!found) varsFiles.set(paths, (found = paths.filter((p) => posix.basename(p) === 'vars.xml')));
  return found;
}

export function findVarsFile(input: ReaderInput): { file?: ConfigFile; how: string; tried: string[]; ambiguous?: string[] } {
  const from = input.file;
  const up = posix.join(posix.dirname(posix.dirname(from.path)), 'vars.xml');
  const opened = input.open(posix.relative(posix.dirname(from.path), up) || 'vars.xml', from);
  if (opened.file && posix.basename(opened.file.path) === 'vars.xml')
    return { file: opened.file, how: `${opened.file.path} (two folders up from ${from.path})`, tried: opened.tried };
  const sibling = input.open('vars.xml', from);
  if (sibling.file)
    return { file: sibling.file, how: `${sibling.file.path} (beside ${from.path})`, tried: [...opened.tried, ...sibling.tried] };
  const candidates = varsFilesIn(input.paths);
  const tried = [...new Set([...opened.tried, ...sibling.tried])];
  if (!candidates.length) return { how: '', tried };
  // The nearest one: the longest common folder prefix with the profile.
  const common = (p: string) => sharedFolders(p, from.path);
  const ranked = [...candidates].sort((x, y) => common(y) - common(x) || x.localeCompare(y));
  if (ranked.length > 1 && common(ranked[0]!) === common(ranked[1]!)) {
    return { how: '', tried, ambiguous: ranked.filter((p) => common(p) === common(ranked[0]!)) };
  }
  const file = input.open(ranked[0]!, from).file;
  return {
    file,
    how: `${ranked[0]} (the nearest vars.xml among the scanned files${ranked.length > 1 ? `, of ${ranked.length}` : ''})`,
    tried,
  };
}

/**
 * switch_xml_parse_str() skips the text before the first '<' ("find first tag") and ignores character
 * content once the root element is closed (switch_xml_char_content() with no current element): blanked
 * here, line breaks kept, so the XML parser sees what FreeSWITCH's does.
 */
function outerTextBlanked(text: string): string {
  const first = text.indexOf('<');
  const last = text.lastIndexOf('>');
  if (first < 0 || last < first) return text;
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  return blank(text.slice(0, first)) + text.slice(first, last + 1) + blank(text.slice(last + 1));
}

interface Reached {
  root: string;
  /** The include chain from the root to the file. */
  chain: string[];
  /** Variables set when FreeSWITCH starts reading the file. */
  vars: Map<string, Variable>;
  /** Files read before it that are not sofia profiles (freeswitch.xml, vars.xml ...). */
  before: string[];
}

/** Per repository: each freeswitch.xml's walk, by the file it reaches first. */
const walks = new WeakMap<readonly string[], Map<string, Reached>>();

/**
 * freeswitch.xml is where FreeSWITCH starts (switch_xml.c switch_xml_parse_file(), from the configuration
 * folder): its includes (vars.xml, autoload_configs/*.xml, then sofia.conf.xml's ../sip_profiles/*.xml)
 * set variables in order, so a profile sees what was set before it is included.
 */
function rootReaching(input: ReaderInput): Reached | undefined {
  let reached = walks.get(input.paths);
  if (!reached) {
    reached = new Map();
    walks.set(input.paths, reached);
    const roots = input.paths.filter((p) => posix.basename(p) === 'freeswitch.xml').sort();
    for (const rootPath of roots) {
      const root = input.open(rootPath, input.file).file;
      if (!root) continue;
      const before: string[] = [];
      const stack: string[] = [];
      const ctx = {
        input,
        notes: [],
        count: { files: 0, bytes: 0, capNoted: false },
        follow: true,
        rooted: true,
        onFile: (f: ConfigFile, vars: Map<string, Variable>, depth: number) => {
          stack.length = depth;
          if (!reached!.has(f.path))
            reached!.set(f.path, { root: rootPath, chain: [...stack, f.path], vars: new Map(vars), before: [...before] });
          stack.push(f.path);
          if (!looksLikeProfile(f.text)) before.push(f.path);
        },
      };
      preprocessFile(root, new Map(), ctx);
    }
  }
  const hit = reached.get(input.file.path);
  return hit && hit.root !== input.file.path ? hit : undefined;
}

/** A gateway file (`sip_profiles/external/*.xml`): gateways outside XML comments. */
function hasGateway(text: string): boolean {
  return /<gateway\s+name\s*=/i.test(text.replace(/<!--[\s\S]*?(-->|$)/g, ''));
}

/** Gateways take their TLS settings from the profile; tls-* params inside a gateway do nothing. */
function gatewayNotes(tree: Element[], path: string, notes: FileNote[]): void {
  for (const gateway of walk(tree)) {
    if (gateway.name !== 'gateway') continue;
    for (const p of gateway.children) {
      if (p.name === 'param' && /^tls/i.test(p.attrs.name ?? '')) {
        notes.push({
          location: { file: path, line: p.line, key: p.attrs.name! },
          level: 'warn',
          message: `gateway ${gateway.attrs.name ?? ''}: ${p.attrs.name} has no effect inside a gateway; the gateway uses its sofia profile's TLS settings`,
        });
      }
    }
  }
}

function looksLikeProfile(text: string): boolean {
  return (
    /<profile\s+name\s*=/i.test(text) &&
    /<settings\s*>/i.test(text) &&
    /<param\s+name\s*=\s*"(sip-port|sip-ip|rtp-ip|context|dialplan|tls[\w-]*)"/i.test(text)
  );
}

/** A template rendered into the real file at deployment: read for what it shows, with its own notes. */
const TEMPLATE_SUFFIX = /\.(j2|jinja2?|tmpl|tpl|erb|mustache|template)$/i;

export const freeswitchReader: SbcReader = {
  format: 'freeswitch',
  describe: 'FreeSWITCH sofia SIP profiles (sip_profiles/*.xml, sofia.conf.xml): tls-* params, $${var} resolved through vars.xml',
  loadsFolder: true,
  detect(file) {
    const text = file.text;
    if (looksLikeProfile(text)) return 'entry';
    if (/<X-PRE-PROCESS\s+cmd\s*=\s*"set"/i.test(text) || hasGateway(text)) return 'part';
    return false;
  },
  read(input): ReaderOutput {
    const file = input.file;
    // FreeSWITCH reads its XML through include globs (sip_profiles/*.xml, switch_xml.c glob()): a
    // renamed copy (external.xml.noload, FusionPBX's way to switch a profile off; .bak, .orig) never loads.
    if (!/\.xml$/i.test(file.path) && !TEMPLATE_SUFFIX.test(file.path))
      return {
        endpoints: [],
        consumed: [],
        notes: [],
        problems: [],
        ignored: `FreeSWITCH includes its XML through *.xml patterns (sofia.conf.xml: sip_profiles/*.xml), so ${posix.basename(file.path)} is never loaded; name it .xml to use it`,
      };
    const notes: FileNote[] = [];
    const problems: ConfigProblem[] = [];
    const endpoints: TlsEndpointSettings[] = [];
    const consumed: string[] = [];
    const isProfile = looksLikeProfile(file.text);
    if (!isProfile && !hasGateway(file.text)) {
      notes.push({
        location: { file: file.path },
        level: 'info',
        message: 'variables for sofia profiles (vars.xml); no profile in the scan read it, and alone it has no TLS endpoint',
      });
      return { endpoints, consumed, notes, problems };
    }
    // Variables as FreeSWITCH has them when it reaches this file: through freeswitch.xml's includes when
    // one in the scan includes it, else from the nearest vars.xml; then the file's own lines in order.
    const vars = new Map<string, Variable>();
    const root = isProfile ? rootReaching(input) : undefined;
    const varsFile = root ? undefined : isProfile ? findVarsFile(input) : undefined;
    const ctx = { input, notes, count: { files: 0, bytes: 0, capNoted: false }, follow: true, rooted: !!root };
    if (root) {
      for (const [k, v] of root.vars) vars.set(k, v);
      consumed.push(...root.before);
    } else if (varsFile?.file) {
      preprocessFile(varsFile.file, vars, { ...ctx, notes: [] });
      consumed.push(varsFile.file.path);
    }
    const lines = isProfile ? preprocessFile(file, vars, ctx) : undefined;
    const varsHow = root
      ? `variables as FreeSWITCH has them when ${root.root}'s includes reach this file (${root.chain.join(' -> ')})`
      : varsFile?.file
        ? `vars.xml read: ${varsFile.how}; no freeswitch.xml in the scan includes this file, so it is read on its own`
        : varsFile?.ambiguous
          ? `no vars.xml read: ${varsFile.ambiguous.join(', ')} are equally near, none chosen`
          : `no freeswitch.xml includes this file and no vars.xml was found (tried ${varsFile?.tried.join(', ') || 'nothing'})`;

    if (root && file.text.includes('$${'))
      notes.push({ location: { file: file.path }, level: 'info', message: `$\${...} variables: ${varsHow}` });
    // FreeSWITCH parses the pre-processor's output, not the file: directive lines and <include> lines are gone
    const pre = lines?.map((l) => l.text).join('\n');
    const parsed = xmlElements(pre === undefined ? file.text : outerTextBlanked(pre));
    if ('error' in parsed) {
      problems.push(
        parsed.line === undefined
          ? { code: 'syntax', message: `XML not understood: ${parsed.error}`, location: { file: file.path } }
          : {
              code: 'syntax',
              message: `not well-formed XML: ${parsed.error}; FreeSWITCH cannot load this file`,
              location: { file: file.path, line: parsed.line, ...(parsed.column === undefined ? {} : { column: parsed.column }) },
            },
      );
      return { endpoints, consumed, notes, problems };
    }
    const tree = parsed.tree;
    const counter = { mismatch: parsed.mismatch };
    if (counter.mismatch)
      notes.push({
        location: { file: file.path },
        level: 'info',
        message: 'line numbers in this file may be approximate (the XML tags could not be matched one to one)',
      });
    gatewayNotes(tree, file.path, notes);
    if (!isProfile) {
      notes.push({
        location: { file: file.path },
        level: 'info',
        message:
          'sofia gateways: they have no TLS settings of their own; TLS to a gateway (transport=tls, register-transport=tls) uses the settings of the profile that includes this file',
      });
      return { endpoints, consumed, notes, problems };
    }

    const valueOf = (param: Element, key: string): Value => {
      const pre: PreLine | undefined = lines?.[param.line - 1];
      const expanded = param.attrs.value ?? '';
      const rawAttr = pre ? /\bvalue\s*=\s*"([^"]*)"/i.exec(pre.raw) : null;
      const written = rawAttr && rawAttr[1]!.includes('$${') ? rawAttr[1]! : expanded;
      const location: SourceLocation = { file: file.path, line: param.line, key };
      const own: Provenance = { kind: 'file', file: file.path, line: param.line, key };
      if (!written.includes('$${')) {
        if (/\{\{|\{%/.test(written)) {
          notes.push({
            location,
            level: 'warn',
            message: `${key} = "${written}" is a template placeholder filled at deployment; render the template and scan its output`,
          });
          return { written, from: own, location };
        }
        return { text: expanded, written, from: own, location };
      }
      if (pre?.tooLong) {
        notes.push({
          location,
          level: 'warn',
          message: `${key}: the value would be longer than ${MAX_EXPANDED_VALUE / 1024} KiB once its $\${...} variables are expanded; it is not expanded or judged`,
        });
        return { written: written.slice(0, 200), from: own, location };
      }
      const refs = references(written);
      const used = refs.map((name) => pre?.used.get(name)).filter((v): v is Variable => !!v);
      const unknown: string[] = [];
      const empty: string[] = [];
      for (const name of refs) {
        if (pre?.used.has(name)) continue;
        const v = vars.get(name);
        if (v?.unknown) unknown.push(`$\${${name}} (${v.file}:${v.line}): ${v.unknown}`);
        else if (CORE_VARIABLES.has(name))
          unknown.push(`$\${${name}} is a core variable FreeSWITCH sets from the machine it runs on (switch_core.c)`);
        else if (!root) unknown.push(`$\${${name}} is not set by any X-PRE-PROCESS line read here`);
        else empty.push(name);
      }
      if (unknown.length) {
        notes.push({
          location,
          level: 'warn',
          message: `${key} = "${written}" does not resolve: ${unknown.join('; ')} (${varsHow}); its value is not known`,
        });
        return { written, from: own, location };
      }
      if (empty.length)
        notes.push({
          location,
          level: 'warn',
          message: `${key} = "${written}": ${empty.map((n) => `$\${${n}}`).join(', ')} ${empty.length > 1 ? 'are' : 'is'} set by no X-PRE-PROCESS line FreeSWITCH reads before this one (${varsHow}), so FreeSWITCH puts nothing in ${empty.length > 1 ? 'their' : 'its'} place (switch_xml.c expand_vars()): the value is "${expanded}"`,
        });
      for (const v of used.filter((u) => u.commented)) {
        notes.push({
          location: { file: v.file, line: v.line },
          level: 'info',
          message: `${key} uses a variable set on a line inside an XML comment; FreeSWITCH's pre-processor applies X-PRE-PROCESS lines even there`,
        });
      }
      if (refs.length === 1 && used.length === 1 && written === `$\${${refs[0]}}`) {
        const v = used[0]!;
        return { text: expanded, written, from: { kind: 'file', file: v.file, line: v.line, key: refs[0]! }, location };
      }
      return { text: expanded, written, from: own, location };
    };

    // Profiles of this file that open no TLS port, for the finding when none of them does.
    const tlsOff: Array<{ location: SourceLocation; why: string; fix: string }> = [];
    for (const profile of walk(tree)) {
      if (profile.name !== 'profile') continue;
      const settings = profile.children.find((c) => c.name === 'settings');
      if (!settings) continue;
      const name = profile.attrs.name ?? '';
      const declared: SourceLocation = { file: file.path, line: profile.line, key: `profile ${name}` };
      const params = new Map<string, Element>();
      for (const p of settings.children) if (p.name === 'param' && p.attrs.name !== undefined) params.set(p.attrs.name.toLowerCase(), p);
      const param = (key: string): Value | undefined => {
        const p = params.get(key);
        return p ? valueOf(p, p.attrs.name!) : undefined;
      };

      const tls = param('tls');
      if (!tls) {
        notes.push({
          location: declared,
          level: 'info',
          message: `profile ${name} does not set \`tls\`: TLS is off (mod_sofia default), no TLS endpoint`,
        });
        tlsOff.push({
          location: declared,
          why: `profile ${name} (${file.path}:${profile.line}) does not set tls, and sofia opens its TLS port only with tls on (mod_sofia default off)`,
          fix: `<param name="tls" value="true"/>   # in <settings> of profile ${name}`,
        });
        continue;
      }
      if (tls.text !== undefined && !isTrue(tls.text)) {
        notes.push({
          location: tls.location,
          level: 'info',
          message: `profile ${name}: tls = ${tls.text}${tls.written !== tls.text ? ` (${tls.written})` : ''}, TLS is off; no TLS endpoint`,
        });
        const variable = /^\$\$\{([^}]+)\}$/.exec(tls.written)?.[1];
        const setAt = tls.from.kind === 'file' && tls.from.file !== file.path ? ` (set in ${tls.from.file}:${tls.from.line})` : '';
        tlsOff.push({
          location: tls.location,
          why: `profile ${name} has tls = ${tls.written}${tls.written !== tls.text ? `, which is ${tls.text}${setAt}` : ''}, and sofia opens its TLS port only with tls on (sofia.c)`,
          fix: variable
            ? `<X-PRE-PROCESS cmd="set" data="${variable}=true"/>   # in vars.xml`
            : `<param name="tls" value="true"/>   # in <settings> of profile ${name}`,
        });
        continue;
      }
      if (tls.text === undefined) {
        notes.push({
          location: tls.location,
          level: 'warn',
          message: `profile ${name}: whether TLS is on is not known (tls = "${tls.written}"); its TLS settings are read as if it were on`,
        });
      }

      const shared: Partial<TlsEndpointSettings> = {};

      // Versions: sofia-sip never disables TLS 1.3, whatever tls-version says.
      const version = param('tls-version');
      if (version && version.text !== undefined && version.text !== '') {
        const enabled = new Set<TlsVersion>();
        let valid = 0;
        for (const token of version.text.split(',')) {
          const hit = VERSION_TOKENS[token.toLowerCase()];
          if (hit === undefined) {
            notes.push({
              location: version.location,
              level: 'warn',
              message: `profile ${name}: tls-version token "${token}" is not one sofia.c knows (it matches exact tokens, without trimming spaces); it is ignored`,
            });
            continue;
          }
          valid++;
          hit.forEach((v) => enabled.add(v));
          if (token.toLowerCase() === 'sslv23')
            notes.push({
              location: version.location,
              level: 'info',
              message: `profile ${name}: tls-version sslv23 is the legacy "all versions" value; read as TLS 1.0-1.2 (and 1.3)`,
            });
        }
        enabled.add('1.3');
        if (!valid)
          notes.push({
            location: version.location,
            level: 'warn',
            message: `profile ${name}: tls-version "${version.text}" has no valid token, so TLS 1.0-1.2 are all disabled and only TLS 1.3 remains`,
          });
        shared.versions = sourced(
          ORDER.filter((v) => enabled.has(v)),
          version.from,
          version.written,
        );
        if (!version.text.toLowerCase().split(',').includes('tlsv1.3')) {
          notes.push({
            location: version.location,
            level: 'info',
            message: `profile ${name}: TLS 1.3 stays enabled although tls-version does not list it (${TPORT} never sets SSL_OP_NO_TLSv1_3)`,
          });
        }
      } else if (!version || version.text === '') {
        shared.versions = sourced<TlsVersion[]>(['1.0', '1.1', '1.2', '1.3'], {
          kind: 'default',
          text: `FreeSWITCH default when tls-version is not set: tlsv1,tlsv1.1,tlsv1.2,tlsv1.3 (${SOFIA}); ${TPORT} never disables TLS 1.3`,
        });
      }

      const ciphers = param('tls-ciphers');
      if (ciphers && ciphers.text)
        shared.ciphers = sourced(ciphers.text, ciphers.from, ciphers.written !== ciphers.text ? ciphers.written : undefined);
      else if (!ciphers || ciphers.text === '')
        shared.ciphers = sourced(DEFAULT_CIPHERS, {
          kind: 'default',
          text: `FreeSWITCH default when tls-ciphers is not set: ${DEFAULT_CIPHERS} (${SOFIA})`,
        });

      // Certificate, key and CA list: fixed file names in tls-cert-dir.
      const dir = param('tls-cert-dir');
      let certDir: string | undefined;
      let dirFrom: Provenance | undefined;
      let dirRaw: string | undefined;
      if (dir && dir.text) {
        certDir = dir.text;
        dirFrom = dir.from;
        dirRaw = dir.written;
      } else if (!dir || dir.text === '') {
        certDir = DEFAULT_CERT_DIR;
        dirFrom = {
          kind: 'default',
          text: `FreeSWITCH default when tls-cert-dir is not set: the global certs_dir, ${DEFAULT_CERT_DIR} in the Debian/RPM packages (/usr/local/freeswitch/certs in source builds) (${SOFIA})`,
        };
      }
      if (certDir !== undefined && dirFrom) {
        const file = (n: string) => posix.join(certDir!, n);
        shared.certificate = sourced(file('agent.pem'), dirFrom, dirRaw);
        shared.certificateFallbacks = [file('tls.pem')];
        shared.privateKey = sourced(file('agent.pem'), dirFrom, dirRaw);
        shared.caList = sourced(file('cafile.pem'), dirFrom, dirRaw);
        notes.push({
          location: dir?.location ?? declared,
          level: 'info',
          message: `profile ${name}: sofia-sip loads the certificate and key from agent.pem and the CA list from cafile.pem in ${certDir} (tls.pem for both when they are missing; FreeSWITCH generates a self-signed tls.pem when neither exists); intermediates are sent only when OpenSSL can build them from cafile.pem`,
        });
      }

      const server: TlsEndpointSettings = { id: '', format: 'freeswitch', declared, name, role: 'server', ...shared, syntax };
      const client: TlsEndpointSettings = { id: '', format: 'freeswitch', declared, name, role: 'client', ...shared, syntax };

      const port = param('tls-sip-port');
      const ip = param('sip-ip');
      const host = ip?.text && !/^auto/i.test(ip.text) ? { host: ip.text } : {};
      if (port && port.text !== undefined && port.text !== '') {
        if (/^auto$/i.test(port.text))
          notes.push({
            location: port.location,
            level: 'info',
            message: `profile ${name}: tls-sip-port = auto, FreeSWITCH picks the port at start; the listening port is not known`,
          });
        else if (/^\d+$/.test(port.text) && Number(port.text) > 0 && Number(port.text) < 65536)
          server.listen = sourced({ ...host, port: Number(port.text) }, port.from, port.written);
        else
          problems.push({
            code: 'invalid-value',
            message: `profile ${name}: tls-sip-port = "${port.text}" is not a port number`,
            location: port.location,
            fix: '<param name="tls-sip-port" value="5061"/>',
            endpoint: name,
          });
      } else if (!port || port.text === '') {
        server.listen = sourced(
          { ...host, port: 5061 },
          { kind: 'default', text: `FreeSWITCH default when tls-sip-port is not set: 5061 (${SOFIA})` },
        );
      }

      const verify = param('tls-verify-policy');
      if (verify && verify.text !== undefined && verify.text !== '') {
        const p = policy(verify.text);
        if (p.unknown.length)
          notes.push({
            location: verify.location,
            level: 'warn',
            message: `profile ${name}: tls-verify-policy token${p.unknown.length > 1 ? 's' : ''} ${p.unknown.map((u) => `"${u}"`).join(', ')} not known to sofia-sip; ignored`,
          });
        server.requestClientCert = sourced(p.incoming, verify.from, verify.written);
        server.requireClientCert = sourced(p.incoming, verify.from, verify.written);
        client.verifyPeer = sourced(p.outgoing, verify.from, verify.written);
      } else if (!verify || verify.text === '') {
        const from: Provenance = { kind: 'default', text: `FreeSWITCH default when tls-verify-policy is not set: none (${SOFIA})` };
        server.requestClientCert = sourced(false, from);
        server.requireClientCert = sourced(false, from);
        client.verifyPeer = sourced(false, from);
      }
      endpoints.push(server, client);
    }
    if (!endpoints.length && ![...walk(tree)].some((e) => e.name === 'profile')) {
      notes.push({ location: { file: file.path }, level: 'info', message: 'no sofia profile in this file' });
    }
    // Not one profile here opens a TLS port (another profile file of the same FreeSWITCH may: the scan checks its siblings).
    if (!endpoints.length && tlsOff.length) {
      const first = tlsOff[0]!;
      problems.push(noTlsProblem(tlsOff.map((t) => t.why).join('; '), first.location, first.fix));
    }
    return { endpoints, consumed, notes, problems };
  },
};
