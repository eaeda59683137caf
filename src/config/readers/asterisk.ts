/**
 * Asterisk `pjsip.conf` (res_pjsip; TLS by pjproject's OpenSSL socket): `type=transport` sections with
 * `protocol=tls` are TLS endpoints, each both a server (the listener Genesys connects to) and a client
 * (outbound connections through the transport).
 *
 * The file format is Asterisk's config INI: `[section]`, `key = value` or `key => value`, `;` comments and
 * `;-- block --;` comments, `\;` for a literal semicolon, templates `[tpl](!)`, inheritance
 * `[name](tpl1,tpl2)`, additions `[name](+)`, `#include` / `#tryinclude`, and the same section name
 * repeated with a different `type=` (https://docs.asterisk.org/Fundamentals/Asterisk-Configuration/Asterisk-Configuration-Files/).
 * Transport options and defaults: https://docs.asterisk.org/Asterisk_22_Documentation/API_Documentation/Module_Configuration/res_pjsip/
 */
import { posix } from 'node:path';
import { byocSuites } from '../../../rules/data/byoc-suites.js';
import { suiteNames } from '../../../rules/data/cipher-names.js';
import type { SourceLocation } from '../../engine/types.js';
import {
  noTlsProblem,
  sourced,
  type ConfigProblem,
  type ProductSyntax,
  type Provenance,
  type Sourced,
  type TlsEndpointSettings,
} from '../../model/endpoint.js';
import type { TlsVersion } from '../../model/tls.js';
import type { ConfigFile, FileNote, ReaderInput, SbcReader } from '../types.js';
import { literalFolderOf, pathsInFolderNamed, pathsUnder } from '../paths.js';

const DOCS = 'https://docs.asterisk.org/Asterisk_22_Documentation/API_Documentation/Module_Configuration/res_pjsip/';
const PJ_SSL = 'pjproject pjlib/src/pj/ssl_sock_ossl.c';

/** The object types res_pjsip and its modules register; a `type=` among them marks a pjsip.conf. */
const PJSIP_TYPES = new Set([
  'transport',
  'endpoint',
  'aor',
  'auth',
  'identify',
  'registration',
  'global',
  'system',
  'domain_alias',
  'acl',
  'contact',
  'outbound-publish',
  'inbound-publish',
  'asap-publish',
  'resource_list',
  'phoneprov',
]);

export interface Entry {
  file: string;
  line: number;
  key: string;
  value: string;
}

export interface Section {
  name: string;
  file: string;
  line: number;
  template: boolean;
  parents: string[];
  entries: Entry[];
}

export interface Parsed {
  sections: Section[];
  lastByName: Map<string, Section>;
  files: string[];
  /** `#include` targets the scan does not hold: what they define is unknown. */
  missing?: string[];
}

const MAX_INCLUDE_DEPTH = 16;

/** Asterisk's limit on nested block comments (main/config.c MAX_NESTED_COMMENTS). */
const MAX_NESTED_COMMENTS = 128;

/**
 * Removes comments exactly as Asterisk's config_text_file_load (main/config.c) does; `state.depth`
 * carries open block comments across lines.
 * - `\;` is a literal semicolon;
 * - `;--` opens a block comment only when the next character is not `-` (so `;------` banners are
 *   ordinary line comments), and block comments nest;
 * - `--;` closes one level when both dashes come after the last comment token on the line;
 * - any other `;` ends the line outside a block comment, and is skipped inside one.
 * Asterisk does not check that a `--;` closes an open block: outside one it makes the depth -1, and
 * every later line is a comment until the next `;--`. That is modelled as it is.
 */
function stripComment(line: string, state: { depth: number }): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c !== ';') {
      if (state.depth === 0) out += c;
      continue;
    }
    if (i > from && line[i - 1] === '\\') {
      if (state.depth === 0) out = `${out.slice(0, -1)};`;
      from = i + 1;
    } else if (line[i + 1] === '-' && line[i + 2] === '-' && line[i + 3] !== '-') {
      if (state.depth < MAX_NESTED_COMMENTS) state.depth++;
      i += 2;
      from = i + 1;
    } else if (i >= from + 2 && line[i - 1] === '-' && line[i - 2] === '-') {
      // the dashes were kept only when no block was open; they belong to the comment token
      if (state.depth === 0) out = out.slice(0, -2);
      state.depth--;
      from = i + 1;
    } else if (state.depth === 0) return out;
    else from = i + 1;
  }
  return out;
}

function globToRegex(glob: string): RegExp {
  const body = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '[^/]*')
    .replace(/\?/g, '[^/]');
  return new RegExp(`^${body}$`);
}

/** Reads one file (and its includes, in place) into sections. */
export function parseFile(file: ConfigFile, input: ReaderInput, out: Parsed, notes: FileNote[], depth: number, stack: string[]): void {
  if (out.files.includes(file.path) && stack.includes(file.path)) {
    notes.push({
      location: { file: file.path },
      level: 'warn',
      message: `${file.path} includes itself (through ${stack.join(' -> ')}); Asterisk would loop, the repeated include is not read`,
    });
    return;
  }
  if (!out.files.includes(file.path)) out.files.push(file.path);
  const lines = file.text.split(/\r?\n/);
  const state = { depth: 0 };
  let current: Section | undefined;
  for (let n = 0; n < lines.length; n++) {
    const lineNo = n + 1;
    const raw = lines[n]!;
    const trimmedRaw = raw.trim();
    if (state.depth === 0 && trimmedRaw.startsWith('#')) {
      const m = /^#\s*(include|tryinclude|exec)\s+(.+)$/i.exec(trimmedRaw);
      if (!m) {
        notes.push({
          location: { file: file.path, line: lineNo },
          level: 'warn',
          message: `unknown directive \`${trimmedRaw.slice(0, 80)}\`; not read`,
        });
        continue;
      }
      const directive = m[1]!.toLowerCase();
      const target = beforeComment(m[2]!)
        .trim()
        .replace(/^["<](.*)[">]$/, '$1');
      if (directive === 'exec') {
        notes.push({
          location: { file: file.path, line: lineNo, key: '#exec' },
          level: 'warn',
          message: `#exec ${target}: the output of a program is not read; sections it would add are not checked`,
        });
        continue;
      }
      if (depth >= MAX_INCLUDE_DEPTH) {
        notes.push({
          location: { file: file.path, line: lineNo, key: `#${directive}` },
          level: 'warn',
          message: `#${directive} ${target}: includes nested more than ${MAX_INCLUDE_DEPTH} deep; not read`,
        });
        continue;
      }
      const included: ConfigFile[] = [];
      const tried: string[] = [];
      if (/[*?]/.test(target)) {
        const base = target.startsWith('/') ? target.replace(/^\/+/, '') : posix.join(posix.dirname(file.path), target);
        const re = globToRegex(posix.normalize(base));
        const tail = globToRegex(posix.basename(target));
        const dirTail = posix.basename(posix.dirname(target));
        const candidates = new Set([
          ...pathsUnder(input.paths, literalFolderOf(posix.normalize(base))),
          ...pathsInFolderNamed(input.paths, dirTail),
        ]);
        for (const p of candidates) {
          if (re.test(p) || (tail.test(posix.basename(p)) && posix.basename(posix.dirname(p)) === dirTail)) {
            const opened = input.open(p, file);
            if (opened.file) included.push(opened.file);
          }
        }
        tried.push(base);
        included.sort((a, b) => a.path.localeCompare(b.path));
      } else {
        const opened = input.open(target, file);
        tried.push(...opened.tried);
        if (opened.file) included.push(opened.file);
      }
      if (!included.length) {
        (out.missing ??= []).push(target);
        notes.push({
          location: { file: file.path, line: lineNo, key: `#${directive}` },
          level: directive === 'tryinclude' ? 'info' : 'warn',
          message: `#${directive} ${target}: not found in the scanned files (tried ${tried.join(', ') || 'nothing'}); transports it defines are not checked`,
        });
      }
      const before = out.sections.length;
      for (const inc of included) parseFile(inc, input, out, notes, depth + 1, [...stack, file.path]);
      // Like Asterisk, lines after an #include belong to the last section the included files opened.
      if (out.sections.length > before) current = out.sections[out.sections.length - 1];
      continue;
    }
    const text = stripComment(raw, state).trim();
    if (!text) continue;
    const header = /^\[([^\]]*)\]\s*(?:\(([^)]*)\))?\s*(.*)$/.exec(text);
    if (header) {
      const name = header[1]!.trim();
      const options = (header[2] ?? '')
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean);
      if (header[3])
        notes.push({
          location: { file: file.path, line: lineNo },
          level: 'warn',
          message: `text after the section header [${name}] is not understood: \`${header[3].slice(0, 60)}\``,
        });
      if (options.includes('+')) {
        const previous = out.lastByName.get(name);
        if (previous) {
          current = previous;
          continue;
        }
        notes.push({
          location: { file: file.path, line: lineNo },
          level: 'warn',
          message: `[${name}](+) adds to a section that is not defined before it; read as a new section`,
        });
      }
      current = {
        name,
        file: file.path,
        line: lineNo,
        template: options.includes('!'),
        parents: options.filter((o) => o !== '!' && o !== '+'),
        entries: [],
      };
      out.sections.push(current);
      out.lastByName.set(name, current);
      continue;
    }
    const kv = splitKeyValue(text);
    if (!kv) {
      notes.push({
        location: { file: file.path, line: lineNo },
        level: 'warn',
        message: `line not understood (no \`=\`): \`${text.slice(0, 80)}\`; Asterisk ignores it too`,
      });
      continue;
    }
    if (!current) {
      notes.push({
        location: { file: file.path, line: lineNo, key: kv[1]! },
        level: 'warn',
        message: `\`${kv[1]}\` appears before any [section]; Asterisk ignores it`,
      });
      continue;
    }
    current.entries.push({ file: file.path, line: lineNo, key: kv[1]!.trim(), value: kv[2]!.trim() });
  }
}

/** Sections by name, in file order, and each section's position: parents are looked up among earlier sections. */
export interface Index {
  byName: Map<string, Section[]>;
  position: Map<Section, number>;
}

export function indexSections(all: Section[]): Index {
  const byName = new Map<string, Section[]>();
  const position = new Map<Section, number>();
  all.forEach((s, k) => {
    position.set(s, k);
    const list = byName.get(s.name);
    if (list) list.push(s);
    else byName.set(s.name, [s]);
  });
  return { byName, position };
}

/** The section's effective entries: templates' first (in order, recursively), then its own. */
export function effectiveEntries(section: Section, index: Index, notes: FileNote[], seen: Set<Section> = new Set()): Entry[] {
  if (seen.has(section)) return [];
  seen.add(section);
  const out: Entry[] = [];
  const at = index.position.get(section)!;
  for (const parent of section.parents) {
    const candidates = index.byName.get(parent) ?? [];
    let found: Section | undefined;
    for (const c of candidates) if (index.position.get(c)! < at) found = c;
    found ??= candidates.find((c) => c !== section);
    if (!found) {
      notes.push({
        location: { file: section.file, line: section.line },
        level: 'warn',
        message: `[${section.name}] inherits from [${parent}], which is not defined; Asterisk refuses the section (values it would inherit are not known)`,
      });
      continue;
    }
    out.push(...effectiveEntries(found, index, notes, seen));
  }
  out.push(...section.entries);
  return out;
}

export function lastOf(entries: Entry[], key: string): Entry | undefined {
  for (let k = entries.length - 1; k >= 0; k--) if (entries[k]!.key.toLowerCase() === key) return entries[k];
  return undefined;
}

function fromEntry(e: Entry): Provenance {
  return { kind: 'file', file: e.file, line: e.line, key: e.key };
}

function locOf(e: Entry): SourceLocation {
  return { file: e.file, line: e.line, key: e.key };
}

const TRUE = new Set(['yes', 'true', 'y', 't', '1', 'on']);
const FALSE = new Set(['no', 'false', 'n', 'f', '0', 'off']);

/** Asterisk's ast_true/ast_false; undefined for anything else. */
export function bool(value: string): boolean | undefined {
  const v = value.toLowerCase();
  return TRUE.has(v) ? true : FALSE.has(v) ? false : undefined;
}

const METHODS: Record<string, TlsVersion[]> = {
  tlsv1: ['1.0'],
  tlsv1_1: ['1.1'],
  tlsv1_2: ['1.2'],
  tlsv1_3: ['1.3'],
  sslv23: ['1.0', '1.1', '1.2', '1.3'],
  sslv2: [],
  sslv3: [],
};

const byOpenSsl = new Map(suiteNames.map((s) => [s.openssl.toUpperCase(), s]));
const byIana = new Map(suiteNames.map((s) => [s.iana.toUpperCase(), s]));
const byCode = new Map(suiteNames.map((s) => [s.code, s]));
const BYOC_NAMES = byocSuites.filter((s) => s.status === 'supported').map((s) => s.openssl);

type CipherToken = { ok: true; name: string } | { ok: false; why: 'expression' | 'iana' | 'unknown'; replacement?: string };

/** How pjproject reads one `cipher` token: an OpenSSL cipher name, a TLS 1.3 suite name or a numeric id. */
function cipherToken(token: string): CipherToken {
  const upper = token.toUpperCase();
  if (/^(0x[0-9a-f]+|\d+)$/i.test(token)) {
    const suite = byCode.get(Number(token));
    return suite ? { ok: true, name: suite.openssl } : { ok: false, why: 'unknown' };
  }
  const known = byOpenSsl.get(upper);
  if (known) return { ok: true, name: known.openssl };
  if (/[:!+@\s]/.test(token) || /^-/.test(token) || !/[-_]/.test(token)) return { ok: false, why: 'expression' };
  const iana = byIana.get(upper) ?? byIana.get(upper.replace(/^SSL_/, 'TLS_'));
  if (iana) return { ok: false, why: 'iana', replacement: iana.openssl };
  return { ok: false, why: 'unknown' };
}

/** An OpenSSL cipher string as a pjsip.conf `cipher=` comma list; terms with operators fall back to the BYOC suites. */
export function asteriskCipherList(openssl: string): string {
  const terms = openssl.split(/[:,\s]+/).filter(Boolean);
  const names: string[] = [];
  for (const term of terms) {
    const t = cipherToken(term);
    if (t.ok) names.push(t.name);
    else if (t.why === 'iana' && t.replacement) names.push(t.replacement);
    else return `cipher=${BYOC_NAMES.join(',')}`;
  }
  return `cipher=${(names.length ? names : BYOC_NAMES).join(',')}`;
}

const syntax: ProductSyntax = {
  ciphers: (value) => asteriskCipherList(value),
  allowTls12: () => 'method=tlsv1_2',
  noClientCertificate: () =>
    'require_client_cert=no and verify_client=no in the transport (pjproject still asks every client for a certificate; Genesys sends none and the handshake goes on, so the remaining request is harmless)',
  verifyPeer: () => 'verify_server=yes',
  caList: (path) => `ca_list_file=${path}`,
};

/** `bind=IP[:PORT]`, `[v6]:PORT`; the port defaults to 5061 for TLS. */
function parseBind(value: string): { host?: string; port: number } | undefined {
  const v6 = /^\[([^\]]+)\](?::(\d+))?$/.exec(value);
  if (v6) return { host: v6[1]!, port: v6[2] ? Number(v6[2]) : 5061 };
  const v4 = /^([^:\s]+)(?::(\d+))?$/.exec(value);
  if (v4) return { host: v4[1]!, port: v4[2] ? Number(v4[2]) : 5061 };
  if (/^[0-9a-f:]+$/i.test(value) && value.includes('::')) return { host: value, port: 5061 };
  return undefined;
}

function readTransport(section: Section, entries: Entry[], notes: FileNote[], problems: ConfigProblem[]): TlsEndpointSettings[] {
  const name = section.name;
  const declared: SourceLocation = { file: section.file, line: section.line, key: `[${name}]` };
  const get = (key: string) => lastOf(entries, key);
  const base: Partial<TlsEndpointSettings> = {};
  const path = (key: string, field: 'certificate' | 'privateKey' | 'caList' | 'caPath') => {
    const e = get(key);
    if (e && e.value) base[field] = sourced(e.value, fromEntry(e));
  };
  path('cert_file', 'certificate');
  path('priv_key_file', 'privateKey');
  path('ca_list_file', 'caList');
  path('ca_list_path', 'caPath');
  if (base.certificate && !base.privateKey) {
    problems.push({
      code: 'missing-file',
      message: `transport ${name} names cert_file but no priv_key_file; pjproject needs the key in its own file and the transport cannot serve TLS`,
      location: locOf(get('cert_file')!),
      fix: 'priv_key_file=/etc/asterisk/keys/asterisk.key',
      endpoint: name,
    });
  }

  // method: exactly one version (pjproject sets SSL_OP_NO_* for every other one).
  const method = get('method');
  const methodValue = method?.value.toLowerCase() ?? '';
  if (!method || methodValue === '' || methodValue === 'default' || methodValue === 'unspecified') {
    base.versions = sourced<TlsVersion[]>(['1.0'], {
      kind: 'default',
      text: `PJSIP default when \`method\` is ${method ? `\`${method.value || 'empty'}\`` : 'not set'}: TLSv1 per the Asterisk documentation (${DOCS}); the real default varies with the pjproject version (PJSIP_SSL_DEFAULT_METHOD)`,
    });
    notes.push({
      location: method ? locOf(method) : declared,
      level: 'warn',
      message: `transport ${name}: \`method\` ${method ? `is \`${method.value || 'empty'}\`` : 'is not set'}, so the TLS version is pjproject's default (TLSv1 per the Asterisk docs, all versions in some pjproject builds); set method=tlsv1_2`,
    });
  } else if (methodValue in METHODS) {
    base.versions = sourced(METHODS[methodValue]!, fromEntry(method), method.value);
    if (methodValue === 'tlsv1_3')
      notes.push({
        location: locOf(method),
        level: 'info',
        message: `transport ${name}: method=tlsv1_3 needs Asterisk 18.20/20.5 or later built with a pjproject that knows TLS 1.3; older versions refuse the transport`,
      });
    if (methodValue === 'sslv2' || methodValue === 'sslv3') {
      problems.push({
        code: 'invalid-value',
        message: `transport ${name}: method=${method.value} enables no TLS version; current OpenSSL has no SSLv2/SSLv3, so the transport cannot handshake`,
        location: locOf(method),
        fix: 'method=tlsv1_2',
        endpoint: name,
      });
    }
  } else {
    problems.push({
      code: 'unknown-method',
      message: `transport ${name}: method=${method.value} is not a method Asterisk knows (tlsv1, tlsv1_1, tlsv1_2, tlsv1_3, sslv23, default); the transport will not load`,
      location: locOf(method),
      fix: 'method=tlsv1_2',
      endpoint: name,
    });
  }

  // cipher: a comma list of exact names, not an OpenSSL expression.
  const cipher = get('cipher');
  if (cipher && cipher.value) {
    const tokens = cipher.value
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
    const names: string[] = [];
    const tls13: string[] = [];
    for (const token of tokens) {
      const t = cipherToken(token);
      if (t.ok) {
        (/^TLS_/.test(t.name) ? tls13 : names).push(t.name);
        continue;
      }
      if (t.why === 'expression') {
        problems.push({
          code: 'invalid-value',
          message: `transport ${name}: cipher token \`${token}\` is an OpenSSL cipher expression, not a cipher name; Asterisk loads only exact cipher names (a comma list), so the transport will not load`,
          location: locOf(cipher),
          fix: asteriskCipherList(cipher.value.replace(/,/g, ':')),
          endpoint: name,
        });
      } else if (t.why === 'iana') {
        problems.push({
          code: 'invalid-value',
          message: `transport ${name}: cipher \`${token}\` is an IANA name; pjproject knows OpenSSL's name (${t.replacement}) and refuses the transport ("Cipher '${token}' is unsupported")`,
          location: locOf(cipher),
          fix: asteriskCipherList(
            tokens
              .map((x) => cipherToken(x))
              .map((x, k) => (x.ok ? x.name : (x.replacement ?? tokens[k]!)))
              .join(':'),
          ),
          endpoint: name,
        });
      } else {
        notes.push({
          location: locOf(cipher),
          level: 'warn',
          message: `transport ${name}: cipher \`${token}\` is not a cipher name OpenSSL 3.0 knows; if the SBC's OpenSSL does not know it either, Asterisk refuses the transport`,
        });
      }
      names.push(token);
    }
    base.ciphers = sourced(names.join(':'), fromEntry(cipher), cipher.value);
    if (tls13.length) base.tls13Suites = sourced(tls13.join(':'), fromEntry(cipher), cipher.value);
  } else {
    base.ciphers = sourced('DEFAULT', {
      kind: 'default',
      text: `PJSIP default when \`cipher\` is not set: OpenSSL's default cipher list (${PJ_SSL} sets none)`,
    });
  }

  const boolOf = (key: string, fallback: boolean, defaultText: string): Sourced<boolean> | undefined => {
    const e = get(key);
    if (!e || e.value === '') return sourced(fallback, { kind: 'default', text: defaultText });
    const b = bool(e.value);
    if (b === undefined) {
      problems.push({
        code: 'invalid-value',
        message: `transport ${name}: ${e.key}=${e.value} is not yes or no; Asterisk refuses the transport`,
        location: locOf(e),
        fix: `${e.key}=no`,
        endpoint: name,
      });
      return undefined;
    }
    return sourced(b, fromEntry(e), e.value);
  };

  const server: TlsEndpointSettings = { id: '', format: 'asterisk', declared, name, role: 'server', ...base, syntax };
  const bind = get('bind');
  if (bind) {
    const parsed = parseBind(bind.value);
    if (parsed) server.listen = sourced(parsed, fromEntry(bind), bind.value);
    else
      problems.push({
        code: 'invalid-value',
        message: `transport ${name}: bind=${bind.value} is not IP[:PORT]; Asterisk refuses the transport`,
        location: locOf(bind),
        fix: 'bind=0.0.0.0:5061',
        endpoint: name,
      });
  } else {
    notes.push({
      location: declared,
      level: 'warn',
      message: `transport ${name} has no \`bind\`; the address and port it listens on are unknown`,
    });
  }
  const require = boolOf('require_client_cert', false, `Asterisk default: require_client_cert=no (${DOCS})`);
  const verifyClient = boolOf('verify_client', false, `Asterisk default: verify_client=no (${DOCS})`);
  if (require?.value) server.requireClientCert = require;
  else if (verifyClient?.value) {
    server.requireClientCert = verifyClient;
    notes.push({
      location: where(verifyClient) ?? declared,
      level: 'info',
      message: `transport ${name}: verify_client=yes makes pjsip close a connection whose client certificate does not verify, and a client that sends none (Genesys BYOC sends none) fails that check; read as requiring a client certificate`,
    });
  } else if (require) server.requireClientCert = require;
  server.requestClientCert = sourced(true, {
    kind: 'default',
    text: `pjproject asks every TLS client for a certificate (SSL_VERIFY_PEER in ${PJ_SSL}); the handshake fails without one only with require_client_cert=yes`,
  });

  const client: TlsEndpointSettings = { id: '', format: 'asterisk', declared, name, role: 'client', ...base, syntax };
  const verifyServer = boolOf('verify_server', false, `Asterisk default: verify_server=no (${DOCS})`);
  if (verifyServer) client.verifyPeer = verifyServer;
  return [server, client];
}

function where(v: Sourced<unknown> | Entry): SourceLocation | undefined {
  if ('from' in v) return v.from.kind === 'file' ? { file: v.from.file, line: v.from.line, key: v.from.key } : undefined;
  return locOf(v);
}

function looksLikePjsip(text: string): boolean {
  // Most scanned files (certificates, other SBCs' configurations) have no `type =` at all: skip the line walk.
  if (!/\btype\s*=/i.test(text)) return false;
  let sections = 0;
  let types = 0;
  const state = { depth: 0 };
  for (const raw of text.split(/\r?\n/, 20000)) {
    const line = stripComment(raw, state).trim();
    if (/^\[[^\]]+\]\s*(\([^)]*\))?$/.test(line)) sections++;
    const m = /^type\s*=>?\s*([\w-]+)$/i.exec(line);
    if (m && PJSIP_TYPES.has(m[1]!.toLowerCase())) types++;
    if (sections && types) return true;
  }
  return false;
}

export const asteriskReader: SbcReader = {
  format: 'asterisk',
  describe: 'Asterisk pjsip.conf (res_pjsip): type=transport sections with protocol=tls, templates, inheritance and #include',
  detect(file) {
    if (looksLikePjsip(file.text)) return 'entry';
    // chan_sip's sip.conf with TLS: claimed so the scan says it is not judged, instead of never naming it.
    if (posix.basename(file.path) === 'sip.conf' && /^[ \t]*tlsenable[ \t]*=/im.test(file.text)) return 'entry';
    // A sample pjsip.conf with every line commented out: claim it by name so the scan says why nothing was read.
    if (/pjsip[^/]*\.conf(\.sample)?$/i.test(file.path) && /^[ \t]*;\s*type\s*=\s*transport\b/im.test(file.text)) return 'entry';
    return false;
  },
  read(input) {
    const notes: FileNote[] = [];
    const problems: ConfigProblem[] = [];
    const endpoints: TlsEndpointSettings[] = [];
    const parsed: Parsed = { sections: [], lastByName: new Map(), files: [] };
    try {
      parseFile(input.file, input, parsed, notes, 0, []);
    } catch (error) {
      notes.push({ location: { file: input.file.path }, level: 'warn', message: `could not read the file: ${(error as Error).message}` });
    }
    if (posix.basename(input.file.path) === 'sip.conf') return chanSip(input.file, parsed, notes);
    if (!parsed.sections.length) {
      notes.push({
        location: { file: input.file.path },
        level: 'info',
        message: 'no active (uncommented) section: nothing for Asterisk to load here',
      });
    }
    const seenTransports = new Map<string, Section>();
    /** Transports that are not TLS (udp, tcp, ws, wss), for the finding when no transport is. */
    const plain: Array<{ section: Section; protocol: string }> = [];
    const index = indexSections(parsed.sections);
    for (const section of parsed.sections) {
      if (section.template) continue;
      const entries = effectiveEntries(section, index, notes);
      const type = lastOf(entries, 'type')?.value.toLowerCase();
      if (type !== 'transport') continue;
      const protocol = lastOf(entries, 'protocol');
      if (!protocol || protocol.value.toLowerCase() !== 'tls') {
        plain.push({ section, protocol: protocol?.value.toLowerCase() ?? 'udp' });
        continue;
      }
      const first = seenTransports.get(section.name);
      if (first) {
        notes.push({
          location: { file: section.file, line: section.line },
          level: 'warn',
          message: `transport ${section.name} is defined again (first at ${first.file}:${first.line}); Asterisk keeps the first definition, this one is not read`,
        });
        continue;
      }
      seenTransports.set(section.name, section);
      endpoints.push(...readTransport(section, entries, notes, problems));
    }
    // Transports, and not one of them TLS: pjsip opens no TLS listener (protocol defaults to udp). An
    // include the scan lacks may define the TLS one.
    if (!seenTransports.size && plain.length && !parsed.missing?.length)
      problems.push(
        noTlsProblem(
          `no pjsip transport has protocol=tls (${plain
            .slice(0, 5)
            .map((t) => `[${t.section.name}] ${t.protocol} at ${t.section.file}:${t.section.line}`)
            .join(', ')}${plain.length > 5 ? ', ...' : ''})`,
          { file: plain[0]!.section.file, line: plain[0]!.section.line },
          '[transport-tls] with type=transport, protocol=tls, bind=0.0.0.0:5061, cert_file=<certificate chain>, priv_key_file=<key>, method=tlsv1_2 (one per line)',
        ),
      );
    return { endpoints, consumed: parsed.files.filter((f) => f !== input.file.path), notes, problems };
  },
};

/**
 * chan_sip (sip.conf) has a TLS listener of its own (tlsenable, tlsbindaddr, tlscertfile, tlsclientmethod,
 * tlscipher in [general]; main/tcptls.c). It is not judged: chan_sip was removed in Asterisk 21, and its
 * settings are another model. Said as a note, and as TLS the trunk's verdict cannot vouch for.
 */
function chanSip(file: ConfigFile, parsed: Parsed, notes: FileNote[]): ReturnType<SbcReader['read']> {
  const general = parsed.sections.filter((s) => s.name.toLowerCase() === 'general');
  const tls = general.flatMap((s) => s.entries).filter((e) => e.key.toLowerCase() === 'tlsenable');
  const on = tls.at(-1);
  const consumed = parsed.files.filter((f) => f !== file.path);
  if (!on || !bool(on.value)) {
    notes.push({
      location: { file: on?.file ?? file.path, ...(on ? { line: on.line, key: 'tlsenable' } : {}) },
      level: 'info',
      message: "chan_sip (sip.conf) with TLS off: its TLS listener is not opened; the pjsip transports are the SBC's TLS side",
    });
    return { endpoints: [], consumed, notes, problems: [] };
  }
  const where = { file: on.file, line: on.line, key: 'tlsenable' };
  notes.push({
    location: where,
    level: 'warn',
    message:
      'chan_sip TLS (sip.conf tlsenable=yes) is not judged: chan_sip was removed in Asterisk 21 and is deprecated before it; on Asterisk 20 and older it opens a TLS listener of its own (tlsbindaddr, tlscertfile, tlsclientmethod, tlscipher)',
  });
  return {
    endpoints: [],
    consumed,
    notes,
    problems: [],
    unseen: [
      {
        area: 'tls',
        reason: `${file.path}:${on.line} enables chan_sip TLS, whose settings are not judged`,
        hint: "move the Genesys trunk to a pjsip transport with protocol=tls (chan_sip is gone from Asterisk 21), or give the trunk's settings as `tls:` in byoc-check.yaml, or probe the running SBC with `byoc-check probe`",
        location: where,
      },
    ],
  };
}

/** Text before the first `;` (linear; the regex `\s*;.*$` rescanned runs of spaces from every start). */
function beforeComment(s: string): string {
  const at = s.indexOf(';');
  return at < 0 ? s : s.slice(0, at);
}

/** `name = value` or `name => value` as [line, name, value]; linear where `^([^=]+?)\s*=` was quadratic on spaces. */
function splitKeyValue(text: string): [string, string, string] | null {
  const eq = text.indexOf('=');
  if (eq < 1) return null;
  const name = text.slice(0, eq).trimEnd() || text.slice(0, 1);
  return [text, name, text.slice(text[eq + 1] === '>' ? eq + 2 : eq + 1).trimStart()];
}
