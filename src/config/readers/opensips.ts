/**
 * OpenSIPS 2.4 to 4.x: opensips.cfg with the tls_mgm module (`server_domain` / `client_domain`, then
 * `modparam("tls_mgm", NAME, "[domain]value")`), TLS sockets (`socket=tls:IP:PORT`, `listen=` up to 3.6)
 * and proto_tls' `tls_port`.
 *
 * Semantics follow the tls_mgm documentation (https://opensips.org/docs/modules/3.4.x/tls_mgm.html) and
 * source (modules/tls_mgm/tls_params.c, tls_config.c, tls_mgm.c; modules/tls_openssl/openssl_config.c):
 * - a `[dom]` prefix is mandatory (3.x: "No TLS domain name") and the domain must be declared first;
 * - `tls_method` is one of SSLv23 (alias TLSany), TLSv1, TLSv1_2, TLSv1_3, compared case-insensitively on
 *   the length written; a single value pins exactly that version, `LOW-HIGH` is a range (either side may
 *   be empty); there is no TLSv1_1;
 * - defaults: method SSLv23 (any version), verify_cert 1 and require_cert 1 (server and client),
 *   certificate CFG_DIR/tls/cert.pem and key CFG_DIR/tls/ckey.pem for server domains, ca_dir /etc/pki/CA/;
 * - `ciphers_list` goes to SSL_CTX_set_cipher_list only (TLS 1.3 suites stay OpenSSL's); `ec_curve` names
 *   the one ECDHE curve;
 * - domains may also live in a database (`db_url`): those are reported as not readable from files.
 */
import { posix } from 'node:path';
import type { SourceLocation } from '../../engine/types.js';
import { noTlsProblem, sourced, type ProductSyntax, type Provenance, type TlsEndpointSettings } from '../../model/endpoint.js';
import type { TlsVersion } from '../../model/tls.js';
import { coreParam, parseSocket } from '../sercfg.js';
import type { ConfigFile, ReaderInput, ReaderOutput, SbcReader } from '../types.js';
import { flatten, loadmoduleOf, modparamOf, statements } from './opensips/lexer.js';
import { Collector } from '../collector.js';

const DOCS = 'https://opensips.org/docs/modules/3.4.x/tls_mgm.html';
const ORDER: TlsVersion[] = ['1.0', '1.1', '1.2', '1.3'];
const MAX_ENDPOINTS = 1000;

/** tls_openssl's method table, in OpenSIPS' lookup order (openssl_config.c ssl_versions_struct). */
const METHODS: Array<{ name: string; alias?: string; version?: TlsVersion }> = [
  { name: 'SSLv23', alias: 'TLSany' },
  { name: 'TLSv1', version: '1.0' },
  { name: 'TLSv1_2', version: '1.2' },
  { name: 'TLSv1_3', version: '1.3' },
];

/** tls_mgm module parameters, 2.4 to 4.x. */
const PARAMS = new Set(
  (
    'tls_library client_tls_domain_avp client_sip_domain_avp client_domain_avp server_domain client_domain match_ip_address match_sip_domain tls_method ' +
    'verify_cert require_cert certificate private_key crl_check_all crl_dir ca_list ca_dir ciphers_list dh_params ec_curve db_url db_table domain_col ' +
    'address_col match_ip_address_col match_sip_domain_col type_col tls_method_col verify_cert_col require_cert_col certificate_col private_key_col ' +
    'crl_check_all_col crl_dir_col ca_list_col ca_dir_col ciphers_list_col dh_params_col ec_curve_col tls_handshake_timeout tls_send_timeout'
  ).split(' '),
);
const DOMAIN_ATTRS = new Set([
  'match_ip_address',
  'match_sip_domain',
  'tls_method',
  'verify_cert',
  'require_cert',
  'certificate',
  'private_key',
  'crl_check_all',
  'crl_dir',
  'ca_list',
  'ca_dir',
  'ciphers_list',
  'dh_params',
  'ec_curve',
]);
/** Names people copy from Kamailio's tls module. */
const KAMAILIO_NAMES: Record<string, string> = {
  cipher_list: 'ciphers_list',
  method: 'tls_method',
  verify_certificate: 'verify_cert',
  require_certificate: 'require_cert',
  ca_path: 'ca_dir',
  server_name: 'match_sip_domain',
};

function def(text: string, anchor = ''): Provenance {
  return { kind: 'default', text: `OpenSIPS tls_mgm default: ${text} (${DOCS}${anchor})` };
}

interface Attr {
  value: string;
  line: number;
  file: string;
  key: string;
}

interface Domain {
  name: string;
  role: 'server' | 'client';
  line: number;
  file: string;
  /** 2.x: `server_domain "dom=IP:port"`. */
  address?: string;
  attrs: Map<string, Attr>;
}

interface Socket {
  host?: string;
  port: number;
  line: number;
  file: string;
  key: string;
  raw: string;
}

/** The versions a tls_method value enables; a string is the reason OpenSIPS rejects it. */
export function methodVersions(value: string): TlsVersion[] | string {
  const lookup = (s: string): (typeof METHODS)[number] | undefined => {
    const v = s.trim().toLowerCase();
    // strncasecmp(name, value, strlen(value)): the value may be a prefix of the name
    return METHODS.find((m) => m.name.toLowerCase().startsWith(v) || (m.alias && m.alias.toLowerCase().startsWith(v)));
  };
  const dash = value.indexOf('-');
  const low = dash < 0 ? value : value.slice(0, dash);
  let min: TlsVersion = '1.0';
  if (low.trim()) {
    const m = lookup(low);
    if (!m) return `unsupported method [${low.trim()}]`;
    if (m.version) min = m.version;
    if (dash < 0) return m.version ? [m.version] : [...ORDER];
  } else if (dash < 0) {
    return 'empty value';
  }
  let max: TlsVersion = '1.3';
  const high = value.slice(dash + 1);
  if (high.trim()) {
    const m = lookup(high);
    if (!m) return `unsupported method [${high.trim()}]`;
    if (m.version) max = m.version;
  }
  return ORDER.filter((v) => v >= min && v <= max);
}

function syntaxFor(dom: string): ProductSyntax {
  const mp = (name: string, value: string) => `modparam("tls_mgm", "${name}", "[${dom}]${value}")`;
  return {
    ciphers: (v) => mp('ciphers_list', v),
    allowTls12: () => mp('tls_method', 'TLSv1_2-TLSv1_3'),
    curves: (v) => mp('ec_curve', v.split(':')[0] ?? v),
    noClientCertificate: () => `${mp('verify_cert', '0')} and ${mp('require_cert', '0')}`,
    verifyPeer: () => mp('verify_cert', '1'),
    caList: (p) => mp('ca_list', p),
  };
}

function read(input: ReaderInput): ReaderOutput {
  const out = new Collector();
  const endpoints: TlsEndpointSettings[] = [];
  try {
    readCfg(input, out, endpoints);
    if (endpoints.length > MAX_ENDPOINTS) {
      endpoints.length = MAX_ENDPOINTS;
      out.note(
        input.file.path,
        undefined,
        `more than ${MAX_ENDPOINTS} TLS domain/socket pairs: only the first ${MAX_ENDPOINTS} are reported`,
      );
    }
  } catch (err) {
    out.note(input.file.path, undefined, `could not read this file: ${(err as Error).message}`);
  }
  return {
    endpoints,
    consumed: [...out.consumed],
    notes: out.notes,
    problems: out.problems,
    ...(out.unseen.length ? { unseen: out.unseen } : {}),
  };
}

function readCfg(input: ReaderInput, out: Collector, endpoints: TlsEndpointSettings[]): void {
  const domains: Domain[] = [];
  const sockets: Socket[] = [];
  let tlsPort: { value: number; line: number; file: string } | undefined;
  let dbUrl: { line: number; file: string } | undefined;
  let tlsMgm: { line: number; file: string } | undefined;
  let tlsLibrary: { value: string; line: number; file: string } | undefined;
  /** The TLS library modules loaded (tls_openssl, tls_wolfssl), which tls_mgm needs from OpenSIPS 3.2. */
  const libraries = new Set<string>();
  /** TLS sockets whose port is a template macro: declared, but not usable as endpoints. */
  let unknownSockets = 0;
  const unprefixed: Array<{ name: string; value: string; line: number; file: string }> = [];
  let listenNoted = false;

  const param = (file: { path: string }, line: number, name: string, value: string, raw: string) => {
    const loc: SourceLocation = { file: file.path, line, key: name };
    if (!PARAMS.has(name)) {
      const better = KAMAILIO_NAMES[name];
      out.problem({
        code: 'unknown-option',
        message: `"${name}" is not a tls_mgm parameter${better ? ` (it is Kamailio's name; OpenSIPS' is ${better})` : ''}: OpenSIPS refuses to start`,
        location: loc,
        ...(better ? { fix: `modparam("tls_mgm", "${better}", ${raw})` } : {}),
      });
      return;
    }
    if (name === 'db_url') {
      dbUrl = { line, file: file.path };
      return;
    }
    if (name === 'tls_library') {
      tlsLibrary = { value: value.trim().toLowerCase(), line, file: file.path };
      return;
    }
    if (name === 'server_domain' || name === 'client_domain') {
      const role = name === 'server_domain' ? 'server' : 'client';
      const eq = value.indexOf('=');
      const domName = (eq >= 0 ? value.slice(0, eq) : value).trim();
      if (!domName) {
        out.problem({ code: 'syntax', message: `${name} with an empty name: OpenSIPS refuses to start`, location: loc });
        return;
      }
      if (domains.some((d) => d.name === domName && d.role === role)) {
        out.problem({
          code: 'syntax',
          message: `${name} "${domName}" is declared twice: OpenSIPS refuses to start`,
          location: loc,
          endpoint: domName,
        });
        return;
      }
      domains.push({
        name: domName,
        role,
        line,
        file: file.path,
        attrs: new Map(),
        ...(eq >= 0 ? { address: value.slice(eq + 1).trim() } : {}),
      });
      return;
    }
    if (!DOMAIN_ATTRS.has(name)) return;
    const m = /^\s*\[([^\]]*)\](.*)$/s.exec(value);
    if (!m) {
      unprefixed.push({ name, value, line, file: file.path });
      return;
    }
    const domName = m[1]!;
    const val = m[2]!;
    if (!domName) {
      out.problem({ code: 'syntax', message: `${name} "${value}": empty TLS domain name: OpenSIPS refuses to start`, location: loc });
      return;
    }
    if (!val) {
      out.problem({
        code: 'syntax',
        message: `${name} "${value}": empty value: OpenSIPS refuses to start`,
        location: loc,
        endpoint: domName,
      });
      return;
    }
    // set_domain_attr: server domains are searched first, then client domains
    const d =
      domains.find((x) => x.name === domName && x.role === 'server') ?? domains.find((x) => x.name === domName && x.role === 'client');
    if (!d) {
      out.problem({
        code: 'syntax',
        message: `${name} for TLS domain [${domName}], which is not declared before this line: OpenSIPS refuses to start ("TLS domain [${domName}] not defined")`,
        location: loc,
        fix: `modparam("tls_mgm", "server_domain", "${domName}") before the domain's other parameters`,
        endpoint: domName,
      });
      return;
    }
    d.attrs.set(name, { value: val, line, file: file.path, key: name });
  };

  const lines = flatten(input, out);
  const templates = new Set<string>();
  for (const path of new Set(lines.map((l) => l.file))) {
    const text = path === input.file.path ? input.file.text : input.open(path, input.file).file?.text;
    if (text !== undefined && m4Template(path, text)) templates.add(path);
    else if (text !== undefined) {
      // directives only, not English in a # comment ("# if caller is not local")
      const cpp =
        /^[ \t]*#(ifdef|ifndef|define|undef)[ \t]+[A-Za-z_]|^[ \t]*#(if|elif)[ \t]+(?:defined\b|!)|^[ \t]*#(include)[ \t]*[<"]/m.exec(text);
      if (cpp) {
        const line = text.slice(0, cpp.index).split('\n').length;
        out.note(
          path,
          line,
          `\`#${cpp[1] ?? cpp[2] ?? cpp[3]}\` is a comment to OpenSIPS (cfg.lex: # to the end of the line) unless it is started with \`-p cpp\` (or another preprocessor), whose output is not in the repository; every line is read here as OpenSIPS reads the file without one`,
        );
        out.unseen.push({
          area: 'tls',
          reason: `${path} has C preprocessor directives (#${cpp[1] ?? cpp[2] ?? cpp[3]}): with \`opensips -p cpp\` the TLS settings OpenSIPS runs with are in the preprocessed output, which the repository does not hold`,
          hint: "run the preprocessor (cpp -P FILE > opensips.cfg, with the deployment defines) and scan the output, or give the trunk's settings as `tls:` in byoc-check.yaml",
          location: { file: path, line },
        });
      }
    }
  }
  for (const path of templates) {
    out.note(
      path,
      undefined,
      'an m4 template (a .m4 file, or ifelse/define/divert/include macros): OpenSIPS reads it only through `opensips -p m4` (or a menuconfig render), whose output is not in the repository; macros are not expanded here, so values written through them are not known',
    );
    out.unseen.push({
      area: 'tls',
      reason: `${path} is an m4 template: the TLS settings OpenSIPS runs with are in its rendered output, which the repository does not hold`,
      hint: "render the template (m4 FILE > opensips.cfg, with the deployment defines) and scan the output, or give the trunk's settings as `tls:` in byoc-check.yaml",
      location: { file: path },
    });
  }
  // best effort inside a template: m4 removes one level of `quotes' from the text it copies; macros stay unexpanded
  const depth = new Map<string, number>();
  const read = lines.map((l) => (templates.has(l.file) ? { ...l, text: m4Unquote(l.text, depth, l.file) } : l));
  for (const st of statements(read)) {
    const text = st.text;
    const file = { path: st.file };
    const mod = loadmoduleOf(text);
    if (mod !== undefined) {
      if (mod === 'tls_mgm') tlsMgm = { line: st.line, file: st.file };
      if (mod === 'tls_openssl' || mod === 'tls_wolfssl') libraries.add(mod);
      continue;
    }
    if (/^modparam\s*\(/.test(text)) {
      const mp = modparamOf(text);
      if (!mp) {
        if (/^modparam\s*\(\s*["'](tls_mgm|proto_tls)["']/.test(text)) out.note(st.file, st.line, `could not read ${text.slice(0, 80)}`);
        continue;
      }
      const module = mp.module.toLowerCase();
      if (module === 'proto_tls' && mp.name === 'tls_port') {
        if (/^\d+$/.test(mp.value)) tlsPort = { value: Number(mp.value), line: st.line, file: st.file };
        continue;
      }
      if (module !== 'tls_mgm') continue;
      param(file, st.line, mp.name, mp.value, mp.raw);
      continue;
    }
    const cp = coreParam(text);
    if (cp && (cp.name === 'socket' || cp.name === 'listen')) {
      const sock = parseSocket(cp.value);
      if (!sock || sock.proto !== 'tls') continue;
      if (sock.portText !== undefined || (sock.host && /^[A-Z_][A-Z0-9_]*$/.test(sock.host))) {
        out.note(
          st.file,
          st.line,
          `${cp.name}=${cp.value}: ${sock.portText ?? sock.host} looks like a template macro; ${sock.portText ? "this TLS socket's port is unknown" : 'the address is taken as written'}`,
          sock.portText ? 'warn' : 'info',
        );
        if (sock.portText !== undefined) {
          unknownSockets++;
          continue;
        }
      }
      sockets.push({ host: sock.host, port: sock.port ?? NaN, line: st.line, file: st.file, key: cp.name, raw: cp.value });
      if (cp.name === 'listen' && !listenNoted) {
        listenNoted = true;
        out.note(st.file, st.line, 'listen= is accepted up to OpenSIPS 3.6; OpenSIPS 4.0 only reads socket=', 'info');
      }
    }
  }

  // un-prefixed values: OpenSIPS 2.x default domains when the 2.x `dom=IP:port` form is used; an error from 3.0
  const legacy = domains.some((d) => d.address !== undefined);
  if (unprefixed.length) {
    if (legacy) {
      for (const role of ['server', 'client'] as const) {
        const d: Domain = { name: 'default', role, line: unprefixed[0]!.line, file: unprefixed[0]!.file, attrs: new Map() };
        for (const u of unprefixed) d.attrs.set(u.name, { value: u.value, line: u.line, file: u.file, key: u.name });
        domains.push(d);
      }
      out.note(
        unprefixed[0]!.file,
        unprefixed[0]!.line,
        'values without a [domain] prefix: read as OpenSIPS 2.x default-domain settings (this file uses the 2.x server_domain "name=IP:port" form); OpenSIPS 3.0 and later refuse them',
        'info',
      );
    } else {
      for (const u of unprefixed) {
        out.problem({
          code: 'syntax',
          message: `${u.name} "${u.value}" has no [domain] prefix: OpenSIPS 3.x and 4.x refuse to start ("No TLS domain name")`,
          location: { file: u.file, line: u.line, key: u.name },
          fix: `modparam("tls_mgm", "${u.name}", "[${domains[0]?.name ?? 'default'}]${u.value}")`,
        });
      }
    }
  }

  if (dbUrl) {
    out.note(
      dbUrl.file,
      dbUrl.line,
      'tls_mgm db_url is set: TLS domains may also be provisioned in the database (table tls_mgm), whose settings cannot be read from files; only the domains written in the script are reported',
    );
    // A database domain can serve any TLS socket: what Genesys meets there is unknown, never READY.
    out.unseen.push({
      area: 'tls',
      reason: `tls_mgm takes TLS domains from the database (${dbUrl.file}:${dbUrl.line} db_url); their settings are not in the files`,
      hint: "export the tls_mgm table (or give the trunk's settings as `tls:` in byoc-check.yaml), or probe the running SBC with `byoc-check probe`",
      location: { file: dbUrl.file, line: dbUrl.line, key: 'db_url' },
    });
  }
  if (!tlsMgm && domains.length)
    out.note(input.file.path, domains[0]!.line, 'tls_mgm parameters without loadmodule "tls_mgm.so" in the scanned files');
  if (!domains.length) {
    if (sockets.length && !dbUrl)
      out.note(
        sockets[0]!.file,
        sockets[0]!.line,
        'a TLS socket but no tls_mgm server_domain/client_domain in the scanned files: the TLS domains are not read',
      );
    return;
  }

  // In an m4 template a loadmodule may sit inside a macro line: which modules load is not known.
  if (tlsMgm && !legacy && !templates.size) tlsLibraryProblem(tlsMgm, tlsLibrary, libraries, out);
  // An m4 template may declare its socket inside a macro (ifelse(ENABLE_TLS, ...)): unknown, already said so.
  if (!sockets.length && !unknownSockets && !dbUrl && !templates.size)
    out.problem(
      noTlsProblem(
        'tls_mgm domains are set, but no socket=tls: is declared in the scanned files (OpenSIPS opens only the sockets it is given, and without a TLS socket it cannot send over TLS either: forward.c "no corresponding socket")',
        { file: domains[0]!.file, line: domains[0]!.line },
        'socket=tls:0.0.0.0:5061   # with loadmodule "proto_tls.so"',
      ),
    );

  const defaultPort = tlsPort?.value ?? 5061;
  for (const s of sockets) if (Number.isNaN(s.port)) s.port = defaultPort;
  const cfgDir = posix.dirname(input.file.path);
  // a socket named by a server domain's match_ip_address is served by that domain; "*" domains serve the rest (tls_domain.c tls_find_server_domain)
  const specific = new Set<Socket>();
  for (const d of domains) {
    if (d.role !== 'server') continue;
    const filters =
      d.attrs
        .get('match_ip_address')
        ?.value.split(',')
        .map((x) => x.trim()) ?? (d.address ? [d.address] : []);
    for (const f of filters) {
      const a = f === '*' ? undefined : parseSocket(`tls:${f.replace(/^tls:/, '')}`);
      const hit = a && sockets.find((x) => x.port === (a.port ?? defaultPort) && (x.host ?? '').replace(/^\[|\]$/g, '') === (a.host ?? ''));
      if (hit) specific.add(hit);
    }
  }
  for (const d of domains) {
    if (endpoints.length > MAX_ENDPOINTS) break;
    const base = () => endpointFrom(d, cfgDir, out);
    if (d.role === 'client') {
      endpoints.push(base());
      continue;
    }
    // which sockets this server domain serves: match_ip_address (3.x), the 2.x address, or every TLS socket
    const match = d.attrs.get('match_ip_address');
    const filters = match
      ? match.value
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean)
      : d.address
        ? [d.address]
        : ['*'];
    const wildcard = filters.includes('*');
    if (wildcard) {
      const served = sockets.filter((x) => !specific.has(x));
      if (!served.length) endpoints.push(base());
      for (const s of served) {
        const e = base();
        e.listen = sourced(
          { ...(s.host ? { host: s.host } : {}), port: s.port },
          { kind: 'file', file: s.file, line: s.line, key: s.key },
          s.raw,
        );
        endpoints.push(e);
      }
      continue;
    }
    for (const f of filters) {
      const addr = parseSocket(f.startsWith('tls:') ? f : `tls:${f}`);
      if (addr?.portText !== undefined) {
        endpoints.push(base());
        out.note(
          match?.file ?? d.file,
          match?.line ?? d.line,
          `TLS domain [${d.name}] matches ${f}: the port ${addr.portText} is not a number (a template macro?), so its listener is unknown`,
        );
        continue;
      }
      const port = addr?.port ?? defaultPort;
      const sock = sockets.find((s) => s.port === port && (s.host ?? '').replace(/^\[|\]$/g, '') === (addr?.host ?? ''));
      const e = base();
      const from: Provenance = sock
        ? { kind: 'file', file: sock.file, line: sock.line, key: sock.key }
        : match
          ? { kind: 'file', file: match.file, line: match.line, key: match.key }
          : { kind: 'file', file: d.file, line: d.line, key: 'server_domain' };
      e.listen = sourced({ ...(addr?.host ? { host: addr.host } : {}), port }, from, f);
      endpoints.push(e);
      if (!sock && sockets.length) {
        out.note(
          match?.file ?? d.file,
          match?.line ?? d.line,
          `TLS domain [${d.name}] matches ${f}, but no socket=tls:${f} is declared in the scanned files: no connection can use it`,
        );
      }
    }
  }
}

/** An m4 template: a `.m4` file, or m4's own macros at the start of a line (OpenSIPS' menuconfig templates use them). */
function m4Template(path: string, text: string): boolean {
  return /\.m4$/i.test(path) || /\bifelse\s*\(|^[ \t]*(define|divert|include|changequote)\s*\(\s*`/m.test(text);
}

/** m4's quote removal: `` ` `` opens and `'` closes a (nesting) quote; both are dropped, the text between is kept. */
function m4Unquote(text: string, depth: Map<string, number>, file: string): string {
  let d = depth.get(file) ?? 0;
  let out = '';
  for (const c of text) {
    if (c === '`') d++;
    else if (c === "'" && d > 0) d--;
    else out += c;
  }
  depth.set(file, d);
  return out;
}

function endpointFrom(d: Domain, cfgDir: string, out: Collector): TlsEndpointSettings {
  const e: TlsEndpointSettings = {
    id: '',
    format: 'opensips',
    name: d.name,
    role: d.role,
    declared: { file: d.file, line: d.line },
    syntax: syntaxFor(d.name),
  };
  const at = (a: Attr): Provenance => ({ kind: 'file', file: a.file, line: a.line, key: a.key });
  const loc = (a: Attr): SourceLocation => ({ file: a.file, line: a.line, key: a.key });
  const get = (k: string) => d.attrs.get(k);

  const method = get('tls_method');
  if (method) {
    const v = methodVersions(method.value);
    if (typeof v === 'string') {
      const hint = /1[._]1/.test(method.value)
        ? ' (OpenSIPS has no TLSv1_1)'
        : /\.|\+/.test(method.value)
          ? ' (OpenSIPS writes TLSv1_2 with an underscore, and ranges as TLSv1_2-TLSv1_3)'
          : '';
      out.problem({
        code: 'unknown-method',
        message: `tls_method "[${d.name}]${method.value}": ${v}${hint}: OpenSIPS refuses to start`,
        location: loc(method),
        fix: syntaxFor(d.name).allowTls12(),
        endpoint: d.name,
      });
    } else {
      e.versions = sourced(v, at(method), method.value);
    }
  } else {
    e.versions = sourced<TlsVersion[]>(
      [...ORDER],
      def('tls_method SSLv23, any TLS version (modules/tls_mgm/tls_config.c tls_default_method)', '#param_tls_method'),
    );
  }
  const str = (k: string) => get(k);
  const c = str('ciphers_list');
  if (c) e.ciphers = sourced(c.value, at(c));
  else
    e.ciphers = sourced(
      'DEFAULT',
      def("ciphers_list unset: tls_mgm sets no list, so OpenSSL's default cipher list applies", '#param_ciphers_list'),
    );
  const curve = str('ec_curve');
  if (curve) e.curves = sourced(curve.value, at(curve));
  const cert = str('certificate');
  if (cert) e.certificate = sourced(cert.value, at(cert));
  else if (d.role === 'server')
    e.certificate = sourced(
      posix.join(cfgDir, 'tls/cert.pem'),
      def('certificate CFG_DIR/tls/cert.pem (CFG_DIR taken as the folder of this opensips.cfg)', '#param_certificate'),
    );
  const key = str('private_key');
  if (key) e.privateKey = sourced(key.value, at(key));
  else if (d.role === 'server' || cert)
    e.privateKey = sourced(
      posix.join(cfgDir, 'tls/ckey.pem'),
      def('private_key CFG_DIR/tls/ckey.pem (CFG_DIR taken as the folder of this opensips.cfg)', '#param_private_key'),
    );
  const ca = str('ca_list');
  if (ca) e.caList = sourced(ca.value, at(ca));
  const caDir = str('ca_dir');
  e.caPath = caDir ? sourced(caDir.value, at(caDir)) : sourced('/etc/pki/CA/', def('ca_dir /etc/pki/CA/', '#param_ca_dir'));
  const sni = str('match_sip_domain');
  if (sni) {
    const names = sni.value
      .split(',')
      .map((x) => x.trim())
      .filter((x) => x && x !== '*' && x.toLowerCase() !== 'none');
    if (names.length === 1) e.serverName = sourced(names[0]!, at(sni), sni.value);
  }
  const num = (a: Attr | undefined): boolean | undefined => {
    if (!a) return undefined;
    if (!/^\s*\d+\s*$/.test(a.value)) {
      out.problem({
        code: 'invalid-value',
        message: `${a.key} "[${d.name}]${a.value}" is not a number (0 or 1): OpenSIPS refuses to start ("option is not a number")`,
        location: loc(a),
        fix: `modparam("tls_mgm", "${a.key}", "[${d.name}]0")`,
        endpoint: d.name,
      });
      return undefined;
    }
    return Number(a.value) !== 0;
  };
  const verify = str('verify_cert');
  const require = str('require_cert');
  const vb = num(verify);
  const rb = num(require);
  if (d.role === 'server') {
    // SSL_VERIFY_PEER when verify_cert; FAIL_IF_NO_PEER_CERT when require_cert too (tls_openssl get_ssl_ctx_verify_mode)
    e.requestClientCert =
      vb !== undefined
        ? sourced(vb, at(verify!))
        : sourced(true, def('verify_cert 1 (modules/tls_mgm/tls_config.c tls_verify_client_cert)', '#param_verify_cert'));
    const requested = e.requestClientCert.value;
    if (rb !== undefined) e.requireClientCert = sourced(rb && requested, at(rb && !requested ? verify! : require!));
    else
      e.requireClientCert = requested
        ? sourced(true, def('require_cert 1 (modules/tls_mgm/tls_config.c tls_require_client_cert)', '#param_require_cert'))
        : sourced(false, at(verify!));
  } else {
    e.verifyPeer =
      vb !== undefined
        ? sourced(vb, at(verify!))
        : sourced(
            true,
            def(
              'verify_cert 1: a client domain verifies the server (modules/tls_mgm/tls_config.c tls_verify_server_cert)',
              '#param_verify_cert',
            ),
          );
  }
  return e;
}

function detect(file: ConfigFile): 'entry' | 'part' | false {
  try {
    const text = file.text.length > 2_000_000 ? file.text.slice(0, 2_000_000) : file.text;
    if (/^[ \t]*#!(KAMAILIO|SER|OPENSER)\b/m.test(text)) return false;
    if (/^[ \t]*loadmodule\s+["'][^"']*\btls_mgm(\.so)?["']/m.test(text) || /^[ \t]*modparam\s*\(\s*["']tls_mgm["']/m.test(text))
      return 'entry';
    if (/^[ \t]*socket\s*=\s*tls:/m.test(text) && /^[ \t]*loadmodule\s+["'][^"']*proto_tls/m.test(text)) return 'entry';
  } catch {
    /* never throw */
  }
  return false;
}

export const opensips: SbcReader = {
  format: 'opensips',
  describe:
    'OpenSIPS 2.4-4.x: opensips.cfg tls_mgm domains (server_domain/client_domain, [dom] parameters, tls_method ranges), socket=/listen=tls:; database-provisioned domains are noted, not read',
  detect,
  read,
};

/**
 * From OpenSIPS 3.2, tls_mgm runs its TLS through a library module: tls_openssl or tls_wolfssl, chosen
 * by modparam tls_library ("auto" by default: exactly one of them loaded). Otherwise mod_init fails
 * and OpenSIPS does not start (tls_mgm.c load_tls_library).
 */
function tlsLibraryProblem(
  tlsMgm: { line: number; file: string },
  param: { value: string; line: number; file: string } | undefined,
  loaded: ReadonlySet<string>,
  out: Collector,
): void {
  const wanted = param?.value ?? 'auto';
  const at = param
    ? { file: param.file, line: param.line, key: 'tls_library' }
    : { file: tlsMgm.file, line: tlsMgm.line, key: 'loadmodule' };
  const refuse = (why: string, error: string, fix: string) =>
    out.problem({
      code: 'other',
      message: `${why}: OpenSIPS 3.2 and later refuse to start ("${error}", tls_mgm.c load_tls_library)`,
      location: at,
      fix,
    });
  if (wanted === 'auto' && loaded.size === 0)
    refuse(
      'loadmodule "tls_mgm.so" without a TLS library module (tls_openssl.so or tls_wolfssl.so)',
      'No TLS library module loaded',
      'loadmodule "tls_openssl.so"',
    );
  else if (wanted === 'auto' && loaded.size > 1)
    refuse(
      'both tls_openssl.so and tls_wolfssl.so are loaded and tls_library is "auto"',
      'Multiple TLS library modules loaded',
      'modparam("tls_mgm", "tls_library", "openssl")',
    );
  else if ((wanted === 'openssl' || wanted === 'wolfssl') && !loaded.has(`tls_${wanted}`))
    refuse(
      `tls_library is "${wanted}" but tls_${wanted}.so is not loaded`,
      `Configured to use ${wanted} library but 'tls_${wanted}' module not loaded`,
      `loadmodule "tls_${wanted}.so"`,
    );
}
