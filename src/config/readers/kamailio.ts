/**
 * Kamailio: kamailio.cfg (`enable_tls`, `listen=tls:...`, `loadmodule "tls.so"`, `modparam("tls", ...)`,
 * `#!define`/`#!ifdef`) and the tls module's domain file tls.cfg (`[server:default]`, `[client:IP:PORT]`).
 *
 * Semantics follow the tls module documentation (https://www.kamailio.org/docs/modules/stable/modules/tls.html)
 * and its source (src/modules/tls/tls_config.c, tls_domain.c, tls_mod.c, tls_cfg.c, tls_init.c):
 * - with `modparam("tls", "config", ...)` every domain starts from the compiled defaults (method TLSv1+,
 *   certificate and private key `cert.pem` in the main config folder for server domains, verification
 *   off); domains never inherit from `[server:default]`; the other tls modparams are ignored;
 * - without a config file, the modparams make the default server and client domains, and `tls_method`
 *   defaults to "TLSv1", TLS 1.0 only;
 * - `X` pins exactly version X, `X+` is X or newer (no maximum: TLS 1.3 negotiates with `TLSv1.2+`
 *   on 5.6 too); `TLSv1.3` and `TLSv1.3+` exist from 5.7.0 and send `cipher_list` to the TLS 1.3 suites;
 * - an unknown tls.cfg option, method or boolean stops Kamailio at start-up;
 * - a `[server:IP:PORT]` domain needs a `listen=tls:IP:PORT` socket (tls_init.c tls_check_sockets).
 * Kamailio has no key-exchange group parameter: OpenSSL's default groups apply (or OPENSSL_CONF).
 */
import { posix } from 'node:path';
import type { SourceLocation } from '../../engine/types.js';
import {
  locationOf,
  noTlsProblem,
  sourced,
  written,
  type ProductSyntax,
  type Provenance,
  type Sourced,
  type TlsEndpointSettings,
} from '../../model/endpoint.js';
import type { TlsVersion } from '../../model/tls.js';
import { coreParam, loadedModule, parseModparam, parseSocket, type CfgStatement } from '../sercfg.js';
import { IfdefStack, type IfdefBlock } from './kamailio/ifdef.js';
import { commentStart, kamailioStatements, type KamailioStatement } from './kamailio/lexer.js';
import type { ConfigFile, ReaderInput, ReaderOutput, SbcReader } from '../types.js';
import { MAX_EXPANDED_VALUE } from '../limits.js';
import { Collector } from '../collector.js';
import { isIPv4, isIPv6 } from '../../util/ip.js';

const DOCS = 'https://www.kamailio.org/docs/modules/stable/modules/tls.html';
const ALL: TlsVersion[] = ['1.0', '1.1', '1.2', '1.3'];

/** tls.cfg `method` values (case-insensitive, tls_config.c) and the versions each enables. */
const METHODS: Record<string, { versions: TlsVersion[]; since57?: boolean; unavailable?: string }> = {
  sslv2: { versions: [], unavailable: 'SSLv2 is not available in OpenSSL 1.1 and later, so Kamailio cannot create the domain' },
  sslv3: {
    versions: [],
    unavailable: 'SSLv3 is not available in current OpenSSL builds (OPENSSL_NO_SSL3_METHOD), so Kamailio cannot create the domain',
  },
  sslv23: { versions: ALL },
  tlsv1: { versions: ['1.0'] },
  'tlsv1.0': { versions: ['1.0'] },
  'tlsv1+': { versions: ALL },
  'tlsv1.0+': { versions: ALL },
  'tlsv1.1': { versions: ['1.1'] },
  'tlsv1.1+': { versions: ['1.1', '1.2', '1.3'] },
  'tlsv1.2': { versions: ['1.2'] },
  'tlsv1.2+': { versions: ['1.2', '1.3'] },
  'tlsv1.3': { versions: ['1.3'], since57: true },
  'tlsv1.3+': { versions: ['1.3'], since57: true },
};

/** tls.cfg options and their aliases (tls_config.c `options[]`, 5.6 to 6.x). */
const OPTIONS: Record<string, string> = {
  method: 'method',
  tls_method: 'method',
  verify_certificate: 'verify_certificate',
  verify_cert: 'verify_certificate',
  verify_depth: 'verify_depth',
  require_certificate: 'require_certificate',
  require_cert: 'require_certificate',
  private_key: 'private_key',
  pkey_file: 'private_key',
  private_key_password: 'private_key_password',
  pkey_password: 'private_key_password',
  calist_file: 'ca_list',
  ca_list: 'ca_list',
  certificate: 'certificate',
  cert_file: 'certificate',
  cipher_list: 'cipher_list',
  crl: 'crl',
  ca_path: 'ca_path',
  server_name: 'server_name',
  server_name_mode: 'server_name_mode',
  server_id: 'server_id',
  verify_client: 'verify_client',
  certificate2: 'certificate2',
  cert_file2: 'certificate2',
  private_key2: 'private_key2',
  pkey_file2: 'private_key2',
  private_key_password2: 'private_key_password2',
  pkey_password2: 'private_key_password2',
};

/** What a key people copy from OpenSIPS or Asterisk is called in tls.cfg. */
const FOREIGN: Record<string, string> = {
  ciphers_list: 'cipher_list',
  ciphers: 'cipher_list',
  cipher: 'cipher_list',
  tls_ciphers: 'cipher_list',
  ca_dir: 'ca_path',
  cafile: 'ca_list',
  ca_file: 'ca_list',
  ca_list_file: 'ca_list',
  cert: 'certificate',
  cert_file_path: 'certificate',
  priv_key_file: 'private_key',
  key_file: 'private_key',
  verify_peer: 'verify_certificate',
  verify_server: 'verify_certificate',
  require_client_cert: 'require_certificate',
};

const BOOLS: Record<string, boolean> = {
  yes: true,
  true: true,
  enable: true,
  enabled: true,
  1: true,
  on: true,
  no: false,
  false: false,
  disable: false,
  disabled: false,
  0: false,
  off: false,
};

/** tls module parameters (tls_mod.c `params[]`, 5.4 to 6.x). */
const MODPARAMS = new Set(
  (
    'ca_list ca_path certificate cipher_list con_ct_wq_max config connection_timeout crl ct_wq_blk_size ct_wq_max engine engine_algorithms engine_config ' +
    'event_callback init_mode key_password_mode keylog_file keylog_mode keylog_peer low_mem_threshold1 low_mem_threshold2 private_key private_key_password ' +
    'provider_quirks provider_quirks_config rand_engine renegotiation require_certificate send_close_notify server_name session_cache session_id ' +
    'ssl_freelist_max_len ssl_max_send_fragment ssl_read_ahead ssl_release_buffers tls_debug tls_disable_compression tls_force_run tls_log tls_method ' +
    'verify_certificate verify_client verify_depth xavp_cfg'
  ).split(' '),
);
/** tls modparams that describe the domain and are ignored once `config` names a tls.cfg. */
const DOMAIN_MODPARAMS = new Set([
  'tls_method',
  'server_name',
  'verify_certificate',
  'verify_depth',
  'require_certificate',
  'verify_client',
  'private_key',
  'private_key_password',
  'ca_list',
  'ca_path',
  'certificate',
  'crl',
  'cipher_list',
]);

function def(text: string, anchor = ''): Provenance {
  return { kind: 'default', text: `Kamailio default: ${text} (${DOCS}${anchor})` };
}

// ---------------------------------------------------------------------------------------------
// detection

const DOMAIN_HEADER = /^[ \t]*\[\s*(server|srv|s|client|cli|c)\s*:[^\]\n]*\]?/im;

function looksLikeKamailioCfg(text: string): boolean {
  if (/^[ \t]*#!(KAMAILIO|SER|OPENSER)\b/m.test(text)) return true;
  if (/loadmodule\s*\(?\s*"[^"]*tls_mgm/i.test(text) || /modparam\s*\(\s*["']tls_mgm["']/i.test(text)) return false;
  if (/^[ \t]*(request_route|reply_route|onsend_route)\s*\{/m.test(text)) return true;
  if (/^[ \t]*modparam\s*\(\s*["']tls["']\s*,/m.test(text)) return true;
  if (/^[ \t]*loadmodule\s*\(?\s*"([^"]*\/)?tls(\.so)?"/m.test(text)) return true;
  return /^[ \t]*(#!|!!)(define|ifdef|ifndef|trydef|substdef)\b/m.test(text) && /^[ \t]*(loadmodule|modparam|listen)\b/m.test(text);
}

function looksLikeTlsCfg(text: string): boolean {
  if (!DOMAIN_HEADER.test(text)) return false;
  // a tls.cfg holds only sections, `key = value` lines and comments
  let keys = 0;
  for (const raw of text.split(/\r?\n|\r/).slice(0, 2000)) {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) continue;
    if (line.startsWith('[')) continue;
    if (/^[A-Za-z_][A-Za-z0-9_]*\s*=/.test(line)) keys++;
    else return false;
  }
  return keys > 0 || /^[ \t]*\[\s*(server|client)\s*:/im.test(text);
}

// ---------------------------------------------------------------------------------------------
// kamailio.cfg: pre-processor and statements

interface Define {
  value: string;
  line: number;
  file: string;
}

interface Listener {
  host?: string;
  port: number;
  line: number;
  file: string;
  key: string;
  raw: string;
  portFrom?: 'tls_port_no';
}

interface MainCfg {
  file: ConfigFile;
  enableTls?: { value: boolean; line: number; file: string };
  tlsLoaded?: { line: number; file: string };
  tlsPortNo?: { value: number; line: number; file: string };
  listeners: Listener[];
  /** listen= lines that are not TLS. */
  otherListens: number;
  config?: { value: string; line: number; file: string; raw: string };
  /** modparam("tls", "config", ...) inside a #!ifdef block the scanned files do not enable. */
  inactiveConfig?: { value: string; line: number; file: string; raw: string; cond: string };
  modparams: Array<{ name: string; value: string; raw: string; line: number; file: string }>;
  mentionsOpensslConf: boolean;
  /** TLS statements inside #!ifdef blocks the scanned files do not enable. */
  skippedTls?: Array<{ file: string; line: number; cond: string; what?: string }>;
}

const IDENT = /[A-Za-z_][A-Za-z0-9_]*/g;

/** cfg.lex MAX_INCLUDE_DEPTH: kamailio.cfg and 10 nested includes (checked with `kamailio -c`). */
export const KAMAILIO_MAX_INCLUDE_DEPTH = 10;

/** Keywords this reader reads; cfg.lex matches them in lower case only (`ENABLE_TLS=yes` is a syntax error). */
const CASED_KEYWORDS = new Set([
  'loadmodule',
  'modparam',
  'listen',
  'enable_tls',
  'tls_enable',
  'disable_tls',
  'tls_disable',
  'tls_port_no',
  'include_file',
  'import_file',
]);

/**
 * Replaces defined identifiers outside double quotes, as Kamailio's lexer does (three rounds for nested
 * defines). Undefined when the result would pass MAX_EXPANDED_VALUE: doubling defines stop there.
 */
function expand(text: string, defines: Map<string, Define>, used?: Set<string>): string | undefined {
  if (defines.size === 0) return text;
  let out = text;
  for (let round = 0; round < 3; round++) {
    let changed = false;
    let size = out.length;
    out = out
      .split(/("(?:[^"\\]|\\.)*")/)
      .map((part, i) =>
        i % 2 === 1
          ? part
          : part.replace(IDENT, (id) => {
              const d = defines.get(id);
              if (!d || size > MAX_EXPANDED_VALUE) return id;
              size += d.value.length - id.length;
              changed = true;
              used?.add(id);
              return d.value;
            }),
      )
      .join('');
    if (size > MAX_EXPANDED_VALUE) return undefined;
    if (!changed) break;
  }
  return out;
}

/** `#!subst "/regex/replacement/flags"` as a literal replacement (regular expressions beyond literals are not evaluated). */
interface Subst {
  from: string;
  to: string;
}

function parseSubst(arg: string): Subst | undefined {
  const m = /^"(.)(.*)"$/.exec(arg.trim());
  if (!m) return undefined;
  const sep = m[1]!;
  const parts = m[2]!.split(sep);
  if (parts.length < 2 || !parts[0]) return undefined;
  return { from: parts[0], to: parts[1] ?? '' };
}

function readMain(input: ReaderInput, out: Collector): MainCfg {
  const main: MainCfg = { file: input.file, listeners: [], otherListens: 0, modparams: [], mentionsOpensslConf: false };
  const defines = new Map<string, Define>();
  const substs: Subst[] = [];
  const visited = new Set<string>();
  /** Each module's first loadmodule, and the modules each file loads (a file included again loads them again). */
  const modules = new Map<string, { file: string; line: number }>();
  const modulesOf = new Map<string, string[]>();
  const skippedTls: Array<{ file: string; line: number; cond: string; what?: string }> = [];

  /** `reading`: the files being read, outermost first (kamailio.cfg, then the includes down to this one). */
  const walk = (file: ConfigFile, reading: string[]): void => {
    if (visited.has(file.path)) return;
    visited.add(file.path);
    const lexed = kamailioStatements(file.text);
    for (const e of lexed.errors) out.problem({ code: 'syntax', message: e.message, location: { file: file.path, line: e.line } });
    for (const e of lexed.notes) out.note(file.path, e.line, e.message);
    if (/OPENSSL_CONF/.test(file.text)) main.mentionsOpensslConf = true;
    const stack = new IfdefStack();
    for (const st of lexed.statements) {
      if (st.include) {
        if (stack.active) include(file, st, st.include, [...reading, file.path]);
        else switchedOffInclude(file, st, st.include, stack.off!);
        continue;
      }
      if (st.directive) {
        directive(file, st, stack);
        continue;
      }
      if (!stack.active) {
        const cond = stack.off;
        if (!main.inactiveConfig && /^modparam\s*\(/i.test(st.text)) {
          const mp = parseModparam(st.text);
          if (mp && mp.module.toLowerCase() === 'tls' && mp.name.toLowerCase() === 'config')
            main.inactiveConfig = { value: mp.value, line: st.line, file: file.path, raw: mp.raw, cond: cond?.cond ?? '' };
        }
        if (skippedTls.length < 20 && /\btls\b|enable_tls|tls_enable/i.test(st.text)) {
          if (cond && !skippedTls.some((s) => s.cond === cond.cond && s.file === file.path))
            skippedTls.push({ file: file.path, line: st.line, cond: cond.cond });
        }
        continue;
      }
      statement(file, st);
    }
    for (const s of stack.open) out.note(file.path, s.line, `#!${s.cond} is not closed by #!endif`);
  };

  // An include switched off by #!ifdef: its file is not loaded, so it is no main file of its own either; and
  // when it turns TLS on (Kazoo: #!ifdef TLS_ROLE include_file "tls-role.cfg"), that is the define to set.
  // Each target is searched for TLS once, however many switched-off lines name it, and at most 200 are.
  const turnsTlsOn = new Map<string, boolean>();
  let skippedLookups = 0;
  let computedLookups = 0;
  const switchedOffInclude = (file: ConfigFile, st: CfgStatement, inc: NonNullable<KamailioStatement['include']>, cond: IfdefBlock) => {
    if (!/^".+"$/.test(inc.name)) return;
    const target = input.open(strings(inc.name.slice(1, -1)), file).file;
    if (!target || target.path === file.path) return;
    out.passOver(
      target.path,
      `not loaded: ${file.path}:${st.line} includes it only inside #!${cond.cond}, which no #!define in the scanned files ${cond.cond.startsWith('ifndef') ? 'leaves unset' : 'sets'}`,
    );
    if (skippedTls.length >= 20 || skippedTls.some((s) => s.cond === cond.cond && s.file === file.path)) return;
    let on = turnsTlsOn.get(target.path);
    if (on === undefined) {
      if (++skippedLookups > 200) return;
      turnsTlsOn.set(
        target.path,
        (on = /^[ \t]*enable_tls[ \t]*=|^[ \t]*loadmodule[ \t]*\(?[ \t]*"([^"]*\/)?tls(\.so)?"/m.test(target.text)),
      );
    }
    if (on) skippedTls.push({ file: file.path, line: st.line, cond: cond.cond, what: `${inc.keyword} ${inc.name} (it turns TLS on)` });
  };

  const directive = (file: ConfigFile, st: CfgStatement, stack: IfdefStack): void => {
    const m = /^([a-z_]+)\s*(.*)$/s.exec(st.text);
    if (!m) return;
    const name = m[1]!;
    const arg = m[2]!.trim();
    const id = /^[A-Za-z_][A-Za-z0-9_]*/.exec(arg)?.[0];
    switch (name) {
      case 'ifdef':
      case 'ifndef': {
        const on = id !== undefined && defines.has(id);
        const value = name === 'ifdef' ? on : !on;
        stack.push(value, `${name} ${id ?? ''}`.trim(), st.line);
        return;
      }
      case 'ifexp': {
        out.note(file.path, st.line, `#!ifexp ${arg} is not evaluated; the block is read as active`, 'info');
        stack.push(true, `ifexp ${arg}`, st.line);
        return;
      }
      case 'else':
        if (!stack.else()) out.note(file.path, st.line, '#!else without #!ifdef');
        return;
      case 'endif':
        if (!stack.pop()) out.note(file.path, st.line, '#!endif without #!ifdef');
        return;
    }
    if (!stack.active) return;
    switch (name) {
      case 'define':
      case 'redefine':
      case 'trydef': {
        if (!id) return;
        if (name === 'trydef' && defines.has(id)) return;
        const value = expand(arg.slice(id.length).trim(), defines);
        if (value === undefined) {
          out.note(
            file.path,
            st.line,
            `#!${name} ${id}: its value would be longer than ${MAX_EXPANDED_VALUE / 1024} KiB once expanded; ${id} is not expanded`,
          );
          defines.delete(id);
          return;
        }
        defines.set(id, { value, line: st.line, file: file.path });
        return;
      }
      case 'undef':
        if (id) defines.delete(id);
        return;
      case 'substdef':
      case 'substdefs': {
        const s = parseSubst(arg);
        if (!s) return out.note(file.path, st.line, `#!${name} ${arg} could not be read`);
        substs.push(s);
        defines.set(s.from, { value: name === 'substdefs' ? `"${s.to}"` : s.to, line: st.line, file: file.path });
        return;
      }
      case 'subst': {
        const s = parseSubst(arg);
        if (s) substs.push(s);
        else out.note(file.path, st.line, `#!subst ${arg} could not be read`);
        return;
      }
      case 'defenv':
      case 'defenvs':
      case 'trydefenv':
      case 'trydefenvs':
      case 'defexp':
      case 'defexps':
        if (id)
          out.note(
            file.path,
            st.line,
            `#!${name} ${arg}: ${id} takes its value when Kamailio starts (environment or expression); it is not resolved here`,
          );
        return;
    }
  };

  const include = (file: ConfigFile, st: CfgStatement, inc: NonNullable<KamailioStatement['include']>, stack: string[]) => {
    const { keyword, name } = inc;
    const at = { file: file.path, line: st.line, key: keyword };
    // cfg.lex sr_push_yy_state(): the name in double quotes, not empty, at most 10 files deep
    if (name.length < 2 || !name.startsWith('"') || !name.endsWith('"'))
      return out.problem({
        code: 'syntax',
        message: `${keyword} ${name}: Kamailio refuses to start ("included file name must be between quotes: ${name}")`,
        location: at,
        fix: `${keyword} "${name.replace(/^["']|["';]+$/g, '') || 'file.cfg'}"   # double quotes, nothing after them on the line but a comment`,
      });
    // cfg.lex runs the #!subst/#!substdef substitutions on the file name too (db_KAMAILIO_DBMS.cfg)
    const target = strings(name.slice(1, -1));
    // $def(...), $env(...), $(version(...){...}): an expression Kamailio evaluates when it starts
    if (/\$[A-Za-z_]*\(/.test(target)) {
      out.unfound.add(target);
      // each such name is a pass over the repository's paths: the first 50 of them are looked up
      if (++computedLookups <= 50)
        for (const path of computedNameMatches(target, file.path, input.paths))
          out.passOver(
            path,
            `not a main file: ${file.path}:${st.line} may include it (${keyword} "${target}" is a name Kamailio computes when it starts)`,
          );
      return out.note(
        file.path,
        st.line,
        `${keyword} "${target}" names its file through an expression Kamailio evaluates when it starts; that file is not read`,
      );
    }
    if (!target)
      return out.problem({
        code: 'syntax',
        message: `${keyword} "": Kamailio refuses to start ("invalid included file name")`,
        location: at,
      });
    const found = input.open(target, file);
    if (found.file && (stack.includes(found.file.path) || stack.length > KAMAILIO_MAX_INCLUDE_DEPTH)) {
      const cycle = stack.includes(found.file.path);
      return out.problem({
        code: 'syntax',
        message: cycle
          ? `${keyword} "${target}" includes ${found.file.path}, which is already being read (${[...stack.slice(stack.indexOf(found.file.path)), found.file.path].join(' -> ')}): Kamailio nests it until it refuses to start ("too many includes")`
          : `${keyword} "${target}" nests files deeper than Kamailio allows (${KAMAILIO_MAX_INCLUDE_DEPTH} includes below kamailio.cfg): Kamailio refuses to start ("too many includes")`,
        location: at,
      });
    }
    if (found.file) {
      out.consumed.add(found.file.path);
      // Kamailio has no include-once: a file read again loads its modules again, which it refuses
      const again = visited.has(found.file.path) ? (modulesOf.get(found.file.path) ?? []) : [];
      if (again.length)
        return out.problem({
          code: 'other',
          message: `${keyword} "${target}" reads ${found.file.path} a second time (Kamailio has no include-once), and its loadmodule of ${again.join(', ')} runs again: Kamailio refuses to start ("attempting to load the same module twice", then "failed to load module")`,
          location: at,
          fix: `include ${found.file.path} once`,
        });
      walk(found.file, stack);
      return;
    }
    const tried = found.tried.join(', ') || 'nothing';
    out.unfound.add(target);
    if (keyword === 'import_file')
      return out.note(
        file.path,
        st.line,
        `import_file "${target}" was not found in the scanned files (tried ${tried}); Kamailio starts without it`,
        'info',
      );
    if (/^[/~$]/.test(target))
      return out.note(
        file.path,
        st.line,
        `include_file "${target}" is a deployment path the repository does not hold (tried ${tried}); what it sets is not read, and Kamailio refuses to start where it is missing`,
      );
    out.problem({
      code: 'missing-file',
      message: `include_file "${target}" is not in the repository (tried ${tried}): Kamailio refuses to start ("cannot open included file: ${target}")`,
      location: at,
      fix: `commit ${target}, or import_file "${target}" if Kamailio may start without it`,
    });
  };

  const strings = (text: string): string => {
    if (!substs.length) return text;
    let out = text;
    for (const s of substs) {
      out = out.split(s.from).join(s.to);
      // substitutions that each grow the text stop at the cap: the statement is read as written
      if (out.length > MAX_EXPANDED_VALUE) return text;
    }
    return out;
  };

  /**
   * A #!define value ending in a comment comments out the rest of the line where its name is used
   * (checked with `kamailio -c`): each joined line is expanded and cut on its own. Undefined when the
   * cut leaves a parenthesis open, which Kamailio refuses as a syntax error (a problem is filed).
   */
  const withoutDefineComments = (file: ConfigFile, st: KamailioStatement, used: Set<string>): string | undefined => {
    const bounds = [0, ...(st.joins ?? []), st.text.length];
    let text = '';
    for (let k = 0; k + 1 < bounds.length; k++) {
      const line = expand(st.text.slice(bounds[k], bounds[k + 1]), defines) ?? '';
      const at = commentStart(line);
      text += at < 0 ? line : `${line.slice(0, at)} `;
    }
    const depth = (t: string) => {
      let n = 0;
      for (const c of t.replace(/"(?:[^"\\]|\\.)*"|'[^']*'/g, '')) n += c === '(' ? 1 : c === ')' ? -1 : 0;
      return n;
    };
    // only a balance the comment broke is its fault
    if (depth(text) === 0 || depth(st.text) !== 0) return text.trim();
    const culprit = [...used].find((id) => commentStart(defines.get(id)?.value ?? '') >= 0);
    const d = culprit === undefined ? undefined : defines.get(culprit);
    if (culprit === undefined || !d) return text.trim();
    const value = d.value.slice(0, commentStart(d.value)).trim();
    out.problem({
      code: 'syntax',
      message: `${culprit} is defined with a trailing comment (${d.file}:${d.line}), and Kamailio keeps the comment in the value: where ${culprit} is used here, the comment runs to the end of the line and takes a parenthesis with it, so Kamailio refuses to start (syntax error)`,
      location: { file: file.path, line: st.line, key: culprit },
      fix: `#!define ${culprit} ${value}   (and the comment on a line of its own, at ${d.file}:${d.line})`,
    });
    return undefined;
  };

  const statement = (file: ConfigFile, st: KamailioStatement) => {
    const used = new Set<string>();
    let expanded = expand(st.text, defines, used);
    if (expanded === undefined)
      return out.note(
        file.path,
        st.line,
        `this statement would be longer than ${MAX_EXPANDED_VALUE / 1024} KiB once its #!define names are expanded; it is not read`,
      );
    if (used.size && commentStart(expanded) >= 0) {
      const cut = withoutDefineComments(file, st, used);
      if (cut === undefined) return;
      expanded = cut;
    }
    const text = strings(expanded);
    const keyword = /^[A-Za-z_]+/.exec(text)?.[0] ?? '';
    if (keyword !== keyword.toLowerCase() && CASED_KEYWORDS.has(keyword.toLowerCase()))
      return out.problem({
        code: 'syntax',
        message: `${keyword}: Kamailio's keywords are lower case, so this line is a syntax error and Kamailio refuses to start`,
        location: { file: file.path, line: st.line, key: keyword },
        fix: text.replace(keyword, keyword.toLowerCase()),
      });
    const mod = loadedModule(text);
    if (mod !== undefined) {
      const first = modules.get(mod);
      if (first)
        return out.problem({
          code: 'other',
          message: `${mod} is loaded a second time (first at ${first.file}:${first.line}): Kamailio refuses to start ("attempting to load the same module twice", then "failed to load module")`,
          location: { file: file.path, line: st.line, key: 'loadmodule' },
          fix: `remove this loadmodule line; ${first.file}:${first.line} loads ${mod} already`,
        });
      modules.set(mod, { file: file.path, line: st.line });
      // Kamailio defines MOD_<name> for each module it loads, so `#!ifndef MOD_auth` guards a second load.
      defines.set(`MOD_${mod}`, { value: '', line: st.line, file: file.path });
      const ofFile = modulesOf.get(file.path);
      if (ofFile) ofFile.push(mod);
      else modulesOf.set(file.path, [mod]);
      if (mod === 'tls') main.tlsLoaded = { line: st.line, file: file.path };
      return;
    }
    if (/^modparam\s*\(/i.test(text)) {
      const mp = parseModparam(text);
      if (!mp) return out.note(file.path, st.line, `could not read ${text.slice(0, 80)}`);
      if (mp.module.toLowerCase() !== 'tls') return;
      const name = mp.name.toLowerCase();
      if (!MODPARAMS.has(name)) {
        out.problem({
          code: 'unknown-option',
          message: `modparam("tls", "${mp.name}", ...) is not a parameter of Kamailio's tls module: Kamailio refuses to start`,
          location: { file: file.path, line: st.line, key: mp.name },
        });
        return;
      }
      if (name === 'config') main.config = { value: mp.value, line: st.line, file: file.path, raw: mp.raw };
      else main.modparams.push({ name, value: mp.value, raw: mp.raw, line: st.line, file: file.path });
      return;
    }
    const cp = coreParam(text);
    if (!cp) return;
    switch (cp.name) {
      case 'enable_tls':
      case 'tls_enable':
      case 'disable_tls':
      case 'tls_disable': {
        const b = BOOLS[cp.value.toLowerCase()];
        if (b === undefined) return out.note(file.path, st.line, `${cp.name}=${cp.value} is not a boolean Kamailio reads`);
        main.enableTls = { value: cp.name.includes('disable') ? !b : b, line: st.line, file: file.path };
        return;
      }
      case 'tls_port_no': {
        if (/^\d+$/.test(cp.value)) main.tlsPortNo = { value: Number(cp.value), line: st.line, file: file.path };
        else out.note(file.path, st.line, `tls_port_no=${cp.value} is not a number; the TLS default port stays unknown`);
        return;
      }
      case 'listen': {
        const sock = parseSocket(cp.value);
        if (!sock) return out.note(file.path, st.line, `listen=${cp.value} could not be read`);
        // cfg.y: an address in brackets is an IPv6 address, nothing else (kamailio -c: "syntax error")
        if (sock.bracketed && !isIPv6(sock.host ?? ''))
          return out.problem({
            code: 'syntax',
            message: `${st.text.trim()}${st.text.trim() === `listen=${cp.value}` ? '' : ` (listen=${cp.value} with its #!define values)`}: [${sock.host ?? ''}] is not an IPv6 address, the only address Kamailio takes in brackets: Kamailio refuses to start ("syntax error")`,
            location: { file: file.path, line: st.line, key: 'listen' },
            fix: `listen=${sock.proto ? `${sock.proto}:` : ''}${isIPv4(sock.host ?? '') ? sock.host : '[IPV6-ADDRESS]'}${sock.port !== undefined ? `:${sock.port}` : ''}   # brackets only around an IPv6 address`,
          });
        if (sock.proto && sock.proto !== 'tls') {
          main.otherListens++;
          return;
        }
        const undefinedIds = [sock.host, sock.portText].filter((x): x is string => !!x && /^[A-Z_][A-Z0-9_]*$/.test(x) && !used.has(x));
        if (sock.portText !== undefined) {
          out.note(
            file.path,
            st.line,
            `${st.text}: the port ${sock.portText} is ${undefinedIds.includes(sock.portText) ? 'an identifier no #!define in the scanned files sets (a -A option or a template?)' : 'not a number'}; this TLS listener's port is unknown`,
          );
          if (sock.proto === 'tls')
            main.listeners.push({ host: sock.host, port: NaN, line: st.line, file: file.path, key: 'listen', raw: cp.value });
          return;
        }
        if (sock.host && undefinedIds.includes(sock.host)) {
          out.note(
            file.path,
            st.line,
            `${st.text}: ${sock.host} looks like an identifier no #!define in the scanned files sets (a -A option or a template?); the address is taken as written`,
            'info',
          );
        }
        if (sock.proto === 'tls' || sock.proto === undefined) {
          main.listeners.push({
            host: sock.host,
            port: sock.port ?? NaN,
            ...(sock.port === undefined ? { portFrom: 'tls_port_no' as const } : {}),
            line: st.line,
            file: file.path,
            key: 'listen',
            raw: cp.value,
          });
          if (sock.proto === undefined) main.otherListens++;
        }
        return;
      }
      case 'tls_method':
      case 'tls_verify':
      case 'tls_require_certificate':
      case 'tls_certificate':
      case 'tls_private_key':
      case 'tls_ca_list':
        out.note(
          file.path,
          st.line,
          `${cp.name} is a legacy core keyword that Kamailio parses but ignores ("tls-in-core support not compiled in"); set it in tls.cfg or modparam("tls", ...) instead`,
        );
        return;
    }
  };

  walk(input.file, []);
  main.skippedTls = skippedTls;
  for (const s of skippedTls) {
    out.note(
      s.file,
      s.line,
      `TLS settings here are inside #!${s.cond}, which the scanned files do not enable; if Kamailio is started with -A ${s.cond.split(' ')[1] ?? ''}, they apply`,
    );
  }
  // a listener without a port takes tls_port_no (default 5061)
  for (const l of main.listeners) if (l.portFrom) l.port = main.tlsPortNo?.value ?? 5061;
  return main;
}

// ---------------------------------------------------------------------------------------------
// tls.cfg

interface Value {
  value: string;
  line: number;
  key: string;
}

interface Domain {
  /** As written between the brackets: `server:default`, `s:127.0.0.1:5061`. */
  name: string;
  role: 'server' | 'client';
  kind: 'default' | 'any' | 'address';
  host?: string;
  port?: number;
  line: number;
  values: Map<string, Value>;
}

function parseHeader(inner: string): { role: 'server' | 'client'; kind: Domain['kind']; host?: string; port?: number } | string {
  const m = /^\s*([A-Za-z]+)\s*:\s*(.*?)\s*$/.exec(inner);
  if (!m) return 'a TLS domain is written [server:ADDRESS] or [client:ADDRESS]';
  const type = m[1]!.toLowerCase();
  const role = ['server', 'srv', 's'].includes(type) ? 'server' : ['client', 'cli', 'c'].includes(type) ? 'client' : undefined;
  if (!role) return `"${m[1]}" is not a TLS domain type (server, srv, s, client, cli, c)`;
  const addr = m[2]!;
  if (/^(default|def|\*)$/i.test(addr)) return { role, kind: 'default' };
  if (/^(any|all)$/i.test(addr)) return { role, kind: 'any' };
  const v6 = /^\[([0-9A-Fa-f:.]+)\]\s*:\s*(\d+)$/.exec(addr);
  const v4 = /^(\d{1,3}(?:\.\d{1,3}){3})\s*:\s*(\d+)$/.exec(addr);
  const hit = v6 ?? v4;
  if (!hit) {
    if (/^[A-Za-z0-9.-]+:\d+$/.test(addr))
      return `"${addr}" is a host name; Kamailio accepts only default, any, an IPv4 address or [IPv6] with a port ("Invalid IPv4 address")`;
    return `"${addr}" is not a TLS domain address (default, any, IPv4:PORT or [IPv6]:PORT)`;
  }
  if (v4 && hit[1]!.split('.').some((o) => Number(o) > 255)) return `"${addr}" is not a valid IPv4 address`;
  const port = Number(hit[2]);
  if (port > 65535) return `invalid port number ${hit[2]}`;
  return { role, kind: 'address', host: hit[1]!.toLowerCase(), port };
}

/** The value of `key = value` as Kamailio's tls.cfg tokenizer reads it; a string means a syntax error. */
function parseValue(rest: string): { value: string; quoted: boolean } | string {
  const r = rest.trim();
  if (!r) return 'option value missing';
  if (r.startsWith('"')) {
    let value = '';
    for (let i = 1; i < r.length; i++) {
      const c = r[i]!;
      if (c === '\\' && i + 1 < r.length) {
        const n = r[++i]!;
        value += n === 'n' ? '\n' : n === 't' ? '\t' : n === 'r' ? '\r' : n;
        continue;
      }
      if (c === '"') {
        if (r.slice(i + 1).trim()) return 'end of line expected after the quoted value';
        return { value, quoted: true };
      }
      value += c;
    }
    return 'missing closing quote';
  }
  if (/\s/.test(r)) return `end of line expected: "${r}" has a space (quote the value)`;
  return { value: r, quoted: false };
}

function readTlsCfg(file: ConfigFile, out: Collector): Domain[] {
  const domains: Domain[] = [];
  let current: Domain | undefined;
  /** After a header Kamailio rejects, its keys are not reported again. */
  let skipping = false;
  const lines = file.text.split(/\r?\n|\r/);
  const loc = (line: number, key?: string): SourceLocation => (key ? { file: file.path, line, key } : { file: file.path, line });
  for (let n = 0; n < lines.length; n++) {
    const line = n + 1;
    // a comment starts at # outside a quoted value
    let code = '';
    let quoted = false;
    const raw = lines[n]!;
    for (let i = 0; i < raw.length; i++) {
      const c = raw[i]!;
      if (c === '"') quoted = !quoted;
      if (c === '#' && !quoted) break;
      if (c === '\\' && i + 1 < raw.length) {
        code += c + raw[++i];
        continue;
      }
      code += c;
    }
    code = code.trim();
    if (!code) continue;
    if (code.startsWith('[')) {
      const close = /^\[\s*\w+\s*:\s*\[/.test(code) ? code.indexOf(']', code.indexOf(']') + 1) : code.indexOf(']');
      const inner = close > 0 ? code.slice(1, close) : code.slice(1);
      if (close < 0) {
        out.problem({ code: 'syntax', message: `${code}: closing ']' missing; Kamailio refuses to start`, location: loc(line) });
        current = undefined;
        skipping = true;
        continue;
      }
      const header = parseHeader(inner);
      if (typeof header === 'string') {
        out.problem({
          code: 'syntax',
          message: `[${inner}]: ${header}; Kamailio refuses to start`,
          location: loc(line),
          fix: '[server:default], [client:default] or [server:10.0.0.10:5061]',
        });
        current = undefined;
        skipping = true;
        continue;
      }
      current = { name: inner.trim(), ...header, line, values: new Map() };
      skipping = false;
      const dup = domains.find(
        (d) =>
          d.role === current!.role && d.kind === current!.kind && d.kind !== 'any' && d.host === current!.host && d.port === current!.port,
      );
      if (dup) {
        out.problem({
          code: 'syntax',
          message: `[${current.name}] duplicates [${dup.name}] (line ${dup.line}): Kamailio refuses to start ("Duplicate TLS domain")`,
          location: loc(line),
          endpoint: current.name,
        });
      }
      domains.push(current);
      continue;
    }
    const kv = /^([A-Za-z0-9_]+)\s*=(.*)$/.exec(code);
    if (!kv) {
      out.problem({
        code: 'syntax',
        message: `"${code.slice(0, 80)}" is not a tls.cfg line (key = value or [server:...]); Kamailio refuses to start`,
        location: loc(line),
      });
      continue;
    }
    if (skipping) continue;
    const key = kv[1]!;
    const canonical = OPTIONS[key.toLowerCase()];
    if (!canonical) {
      const better = FOREIGN[key.toLowerCase()];
      out.problem({
        code: 'unknown-option',
        message: `${key} is not a Kamailio tls.cfg option${better ? ` (it is ${key === 'ciphers_list' ? "OpenSIPS'" : "another product's"} name; Kamailio's is ${better})` : ''}: Kamailio refuses to start ("Unsupported option '${key}'")`,
        location: loc(line, key),
        ...(better ? { fix: `${better} = ${kv[2]!.trim()}` } : {}),
        ...(current ? { endpoint: current.name } : {}),
      });
      continue;
    }
    if (!current) {
      out.problem({
        code: 'syntax',
        message: `${key} before any [server:...] or [client:...] section: Kamailio refuses to start ("Unsupported option")`,
        location: loc(line, key),
      });
      continue;
    }
    const value = parseValue(kv[2]!);
    if (typeof value === 'string') {
      out.problem({
        code: 'syntax',
        message: `${key}: ${value}; Kamailio refuses to start`,
        location: loc(line, key),
        endpoint: current.name,
      });
      continue;
    }
    current.values.set(canonical, { value: value.value, line, key });
  }
  return domains;
}

// ---------------------------------------------------------------------------------------------
// endpoints

function syntaxFor(domain: string | undefined, role: 'server' | 'client', verifyClient = false): ProductSyntax {
  if (domain === undefined) {
    // modparam-only set-up
    return {
      ciphers: (v) => `modparam("tls", "cipher_list", "${v}")`,
      allowTls12: () => 'modparam("tls", "tls_method", "TLSv1.2+")',
      noClientCertificate: () =>
        `modparam("tls", "verify_certificate", 0) and modparam("tls", "require_certificate", 0)${verifyClient ? ' and modparam("tls", "verify_client", "off")' : ''}`,
      verifyPeer: () => 'modparam("tls", "verify_certificate", 1)',
      caList: (p) => `modparam("tls", "ca_list", "${p}")`,
    };
  }
  const where = `   # in [${domain}] of tls.cfg`;
  return {
    ciphers: (v) => `cipher_list = ${v}${where}`,
    allowTls12: () => `method = TLSv1.2+${where}`,
    noClientCertificate: () =>
      `verify_certificate = no and require_certificate = no${verifyClient ? ' and verify_client = off' : ''}${where}`,
    verifyPeer: () => `verify_certificate = yes${where}${role === 'server' ? ' (a [client:...] domain verifies servers)' : ''}`,
    caList: (p) => `ca_list = ${p}${where}`,
  };
}

type Got = Value & { file: string };

interface Settings {
  /** canonical option -> value */
  get(key: string): Got | undefined;
  modparamMode: boolean;
}

function fromFile(v: Got): Provenance {
  return { kind: 'file', file: v.file, line: v.line, key: v.key };
}

function bool(v: Got, out: Collector, endpoint: string): boolean | undefined {
  const b = BOOLS[v.value.toLowerCase()];
  if (b === undefined) {
    out.problem({
      code: 'invalid-value',
      message: `${v.key} = ${v.value} is not a boolean (yes/no, on/off, 1/0): Kamailio refuses to start`,
      location: { file: v.file, line: v.line, key: v.key },
      fix: `${v.key} = no`,
      endpoint,
    });
  }
  return b;
}

function endpointFrom(
  name: string,
  role: 'server' | 'client',
  declared: SourceLocation | undefined,
  s: Settings,
  cfgDir: string,
  out: Collector,
  syntaxDomain: string | undefined,
): TlsEndpointSettings {
  const e: TlsEndpointSettings = {
    id: '',
    format: 'kamailio',
    name,
    role,
    syntax: syntaxFor(syntaxDomain, role, s.get('verify_client') !== undefined),
    ...(declared ? { declared } : {}),
  };
  const mp = s.modparamMode;

  // versions
  const method = s.get('method');
  let tls13 = false;
  if (method) {
    const m = METHODS[method.value.toLowerCase()];
    const loc = { file: method.file, line: method.line, key: method.key };
    if (!m) {
      out.problem({
        code: 'unknown-method',
        message: `${method.key} = ${method.value} is not a Kamailio TLS method: Kamailio refuses to start ("Unsupported enum value '${method.value}'")`,
        location: loc,
        fix: e.syntax.allowTls12(),
        endpoint: name,
      });
    } else {
      e.versions = sourced(m.versions, fromFile(method), method.value);
      if (m.unavailable)
        out.problem({
          code: 'invalid-value',
          message: `${method.key} = ${method.value}: ${m.unavailable}`,
          location: loc,
          fix: e.syntax.allowTls12(),
          endpoint: name,
        });
      if (m.since57) {
        tls13 = true;
        out.problem({
          code: 'unknown-method',
          message: `${method.key} = ${method.value} exists only from Kamailio 5.7.0: Kamailio 5.6 and older refuse to start ("Unsupported enum value '${method.value}'"); on 5.7.0 and later it is valid`,
          location: loc,
          fix: e.syntax.allowTls12(),
          endpoint: name,
        });
      }
    }
  } else {
    e.versions = mp
      ? sourced<TlsVersion[]>(
          ['1.0'],
          def(
            'modparam tls_method is "TLSv1" (TLS 1.0 only) when no tls.cfg is configured (src/modules/tls/tls_cfg.c)',
            '#tls.p.tls_method',
          ),
        )
      : sourced<TlsVersion[]>(
          ALL,
          def(
            `a tls.cfg domain without \`method\` gets the compiled default TLSv1+ (TLS 1.0 and newer), never the values of another domain (src/modules/tls/tls_mod.c srv_defaults/cli_defaults)`,
            '#tls.p.tls_method',
          ),
        );
  }

  const str = (key: string) => s.get(key);
  const cipher = str('cipher_list');
  if (cipher) {
    if (tls13) e.tls13Suites = sourced(cipher.value, fromFile(cipher));
    else e.ciphers = sourced(cipher.value, fromFile(cipher));
  } else if (!tls13) {
    e.ciphers = sourced(
      'DEFAULT',
      def(
        "cipher_list unset: Kamailio sets no list, so OpenSSL's default cipher list applies (tls_domain.c set_cipher_list)",
        '#tls.p.cipher_list',
      ),
    );
  }

  const file = (key: string, field: 'certificate' | 'privateKey') => {
    const v = str(key);
    if (v) e[field] = sourced(v.value, fromFile(v));
    else if (role === 'server' || mp) {
      e[field] = sourced(
        posix.join(cfgDir, 'cert.pem'),
        def(`${key} is cert.pem in the folder of the main kamailio.cfg (src/core/config.h TLS_CERT_FILE / TLS_PKEY_FILE)`, `#tls.p.${key}`),
      );
    }
  };
  file('certificate', 'certificate');
  file('private_key', 'privateKey');
  const ca = str('ca_list');
  if (ca) e.caList = sourced(ca.value, fromFile(ca));
  const caPath = str('ca_path');
  if (caPath) e.caPath = sourced(caPath.value, fromFile(caPath));
  const sni = str('server_name');
  if (sni) e.serverName = sourced(sni.value, fromFile(sni));

  // verification: tls_domain.c set_verification()
  const verify = str('verify_certificate');
  const require = str('require_certificate');
  const client = str('verify_client');
  const vb = verify ? bool(verify, out, name) : undefined;
  const rb = require ? bool(require, out, name) : undefined;
  let vc: string | undefined;
  if (client) {
    vc = client.value.toLowerCase();
    if (!['off', 'on', 'optional', 'optional_no_ca'].includes(vc)) {
      out.problem({
        code: 'invalid-value',
        message: `${client.key} = ${client.value} is not off, on, optional or optional_no_ca: Kamailio refuses to start`,
        location: { file: client.file, line: client.line, key: client.key },
        endpoint: name,
      });
      vc = undefined;
    }
  }
  const dflt = (what: string) => def(`${what} is off unless set`, `#tls.p.${what}`);
  if (role === 'server') {
    const required = rb === true || vc === 'on';
    const requested = required || vb === true || vc === 'optional' || vc === 'optional_no_ca';
    const reqFrom = rb === true ? require : vc === 'on' ? client : require;
    e.requireClientCert = reqFrom ? sourced(required, fromFile(reqFrom), reqFrom.value) : sourced(false, dflt('require_certificate'));
    const askFrom = rb === true ? require : vb === true ? verify : vc && vc !== 'off' ? client : (verify ?? require ?? client);
    e.requestClientCert = askFrom ? sourced(requested, fromFile(askFrom), askFrom.value) : sourced(false, dflt('verify_certificate'));
  } else {
    const verified = (vb === true || rb === true || vc === 'on' || vc === 'optional') && vc !== 'optional_no_ca';
    const from =
      vc === 'optional_no_ca'
        ? client
        : vb === true
          ? verify
          : rb === true
            ? require
            : vc && vc !== 'off'
              ? client
              : (verify ?? require ?? client);
    e.verifyPeer = from ? sourced(verified, fromFile(from), from.value) : sourced(false, dflt('verify_certificate'));
  }
  return e;
}

function withFile(v: Value, file: string): Got {
  return { ...v, file };
}

// ---------------------------------------------------------------------------------------------

function read(input: ReaderInput): ReaderOutput {
  const out = new Collector();
  const endpoints: TlsEndpointSettings[] = [];
  try {
    const kind = detect(input.file);
    if (kind === 'part') readAlone(input.file, out, endpoints);
    else readEntry(input, out, endpoints);
  } catch (err) {
    out.note(input.file.path, undefined, `could not read this file: ${(err as Error).message}`);
  }
  return {
    endpoints,
    consumed: [...out.consumed],
    notes: out.notes,
    problems: out.problems,
    ...(out.unfound.size ? { unfound: [...out.unfound] } : {}),
    ...(out.passedOver.size ? { passedOver: [...out.passedOver].map(([path, why]) => ({ path, why })) } : {}),
  };
}

/**
 * The files an include name Kamailio computes when it starts may stand for (dispatcher-role-$(version(num)...).cfg,
 * db_$def(KZ_DB_MODULE).cfg): each expression any run of characters, beside the including file. A name with
 * a folder in it, or an expression whose parentheses do not balance, stands for nothing known.
 */
function computedNameMatches(target: string, fromPath: string, paths: readonly string[]): string[] {
  if (target.length > 512) return [];
  let pattern = '';
  for (let i = 0; i < target.length;) {
    const start = /^\$[A-Za-z_]*\(/.exec(target.slice(i, i + 64));
    if (!start) {
      if (target[i] === '/') return [];
      pattern += target[i]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      i++;
      continue;
    }
    let depth = 0;
    let j = i + start[0].length - 1;
    for (; j < target.length; j++)
      if (target[j] === '(') depth++;
      else if (target[j] === ')' && --depth === 0) break;
    if (depth) return [];
    pattern += '.*';
    i = j + 1;
  }
  const name = new RegExp(`^${pattern}$`);
  const dir = posix.dirname(fromPath);
  return paths.filter((p) => posix.dirname(p) === dir && p !== fromPath && name.test(posix.basename(p))).slice(0, 50);
}

function domainSettings(d: Domain, file: string): Settings {
  return { get: (k) => (d.values.has(k) ? withFile(d.values.get(k)!, file) : undefined), modparamMode: false };
}

function checkDomain(d: Domain, file: string, out: Collector): void {
  if (d.kind === 'any' && !d.values.has('server_name') && d.role === 'server') {
    out.problem({
      code: 'other',
      message: `[${d.name}] has no server_name: Kamailio refuses to start (an "any" domain is chosen by SNI)`,
      location: { file, line: d.line },
      fix: 'server_name = sbc.example.com',
      endpoint: d.name,
    });
  }
}

function readAlone(file: ConfigFile, out: Collector, endpoints: TlsEndpointSettings[]): void {
  const domains = readTlsCfg(file, out);
  out.note(
    file.path,
    undefined,
    'tls.cfg read alone: no kamailio.cfg in the scan names it, so its TLS listen sockets (listen=tls:...) are unknown; [server:default] gets no port, and relative certificate paths are taken from this folder',
    'info',
  );
  for (const d of domains) {
    checkDomain(d, file.path, out);
    const e = endpointFrom(
      d.name,
      d.role,
      { file: file.path, line: d.line },
      domainSettings(d, file.path),
      posix.dirname(file.path),
      out,
      d.name,
    );
    if (d.role === 'server' && d.kind === 'address')
      e.listen = sourced({ host: d.host, port: d.port! }, { kind: 'file', file: file.path, line: d.line, key: `[${d.name}]` });
    endpoints.push(e);
  }
  implicitDefaults(domains, file.path, posix.dirname(file.path), out, endpoints, undefined);
}

/** Kamailio creates [server:default] and [client:default] from the compiled defaults when tls.cfg has none. */
function implicitDefaults(
  domains: Domain[],
  tlsPath: string,
  cfgDir: string,
  out: Collector,
  endpoints: TlsEndpointSettings[],
  serverListeners: Listener[] | undefined,
  files?: FileCheck,
): void {
  const none: Settings = { get: () => undefined, modparamMode: false };
  if (!domains.some((d) => d.role === 'client' && d.kind === 'default')) {
    endpoints.push(endpointFrom('client:default', 'client', undefined, none, cfgDir, out, 'client:default'));
    out.note(
      tlsPath,
      undefined,
      "tls.cfg has no [client:default]: outgoing TLS connections that no other client domain matches use Kamailio's compiled defaults (TLSv1+, server certificate not verified)",
      'info',
    );
  }
  const hasServerDefault = domains.some((d) => d.role === 'server' && d.kind === 'default');
  // Kamailio builds [server:default] from its compiled defaults and loads it even when no listener uses it.
  if (files && !hasServerDefault && !serverListeners?.length) {
    const e = endpointFrom('server:default', 'server', undefined, none, cfgDir, out, 'server:default');
    e.unused = 'tls.cfg has no [server:default] and every listen=tls socket has its own [server:IP:PORT] domain';
    files.check([e], 'server:default', { file: tlsPath });
    endpoints.push(e);
  }
  if (serverListeners?.length && !hasServerDefault) {
    for (const l of serverListeners) {
      const e = endpointFrom('server:default', 'server', undefined, none, cfgDir, out, 'server:default');
      if (!Number.isNaN(l.port)) e.listen = listenValue(l);
      files?.check([e], 'server:default', { file: tlsPath });
      endpoints.push(e);
    }
    out.note(
      tlsPath,
      undefined,
      `tls.cfg has no [server:default]: the TLS listener(s) ${serverListeners.map(show).join(', ')} use Kamailio's compiled defaults (TLSv1+, certificate cert.pem in the kamailio.cfg folder)`,
      'warn',
    );
  }
}

function show(l: Listener): string {
  return `${l.host ?? '*'}:${Number.isNaN(l.port) ? '?' : l.port}`;
}

function listenValue(l: Listener): Sourced<{ host?: string; port: number }> {
  if (l.line === 0 && !l.key) {
    return sourced(
      { port: l.port },
      def('with no listen= line Kamailio binds every local address; the TLS port is tls_port_no, 5061 (core parameter)'),
    );
  }
  return sourced({ ...(l.host ? { host: l.host } : {}), port: l.port }, { kind: 'file', file: l.file, line: l.line, key: l.key }, l.raw);
}

function sameHost(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const norm = (h: string) => h.replace(/^\[|\]$/g, '').toLowerCase();
  return norm(a) === norm(b);
}

function readEntry(input: ReaderInput, out: Collector, endpoints: TlsEndpointSettings[]): void {
  const main = readMain(input, out);
  const path = input.file.path;
  if (main.mentionsOpensslConf) {
    out.note(
      path,
      undefined,
      'Kamailio has no key-exchange group parameter; OPENSSL_CONF is mentioned, so the groups may be restricted by that OpenSSL configuration (system_default Groups=), which is not read here',
      'info',
    );
  }
  const cfgDir = posix.dirname(path);
  const files = new FileCheck(input, out);
  if (main.enableTls?.value !== true) {
    const skipped = main.skippedTls?.[0];
    const tlsMentioned =
      main.config || main.inactiveConfig || main.tlsLoaded || skipped || main.listeners.some((l) => l.raw.toLowerCase().startsWith('tls:'));
    // The oracle's view: no BYOC handshake gets through a Kamailio that configures no TLS at all. Only a
    // file Kamailio can run is that SBC: a fragment (modules.k, no request_route) is part of another.
    const runnable = [path, ...out.consumed].some((p) =>
      /^[ \t]*(request_route|route)[ \t]*\{/m.test(p === input.file.path ? input.file.text : (input.open(p, input.file).file?.text ?? '')),
    );
    // An include the repository lacks may hold the TLS settings: then nothing is claimed.
    if (!tlsMentioned && runnable && !out.unfound.size)
      noTls(
        out,
        { file: path },
        `${posix.basename(path)} configures no TLS at all (no enable_tls, no loadmodule "tls.so", no listen=tls:)`,
        'enable_tls=yes, loadmodule "tls.so" and listen=tls:<SBC address>:5061',
      );
    else if (tlsMentioned) {
      const why = main.enableTls
        ? `${main.enableTls.file}:${main.enableTls.line} turns TLS off`
        : skipped
          ? `${skipped.what ?? 'enable_tls=yes'} is inside #!${skipped.cond} (${skipped.file}:${skipped.line}), which no #!define in the scanned files enables`
          : "enable_tls=yes is not set (Kamailio's default is off)";
      const ifdef = !main.enableTls && skipped ? skipped.cond.split(' ')[1] : undefined;
      noTls(
        out,
        main.enableTls ?? skipped ?? { file: path, line: main.tlsLoaded?.line },
        why,
        ifdef ? `#!define ${ifdef} at the top of kamailio.cfg (or start Kamailio with -A ${ifdef})` : 'enable_tls=yes',
      );
    }
    if (main.config) consumeConfig(input, main.config, out, 'TLS is off, so Kamailio does not use its domains; they are not judged');
    else if (main.inactiveConfig)
      consumeConfig(
        input,
        main.inactiveConfig,
        out,
        `modparam("tls", "config", ...) is inside #!${main.inactiveConfig.cond}, which the scanned files do not enable; its domains are not judged`,
      );
    return;
  }
  if (!main.tlsLoaded) {
    noTls(
      out,
      main.enableTls,
      'enable_tls=yes but no loadmodule "tls.so": Kamailio warns "forgot to load the tls module?" and disables TLS',
      'loadmodule "tls.so"',
    );
    if (main.config)
      consumeConfig(input, main.config, out, 'tls.so is not loaded, so Kamailio does not use its domains; they are not judged');
    return;
  }
  // TLS listeners: listen=tls:... lines; none at all = every local address on tls_port_no
  let listeners = main.listeners;
  if (listeners.length === 0 && main.otherListens === 0) {
    const port = main.tlsPortNo;
    listeners = [{ port: port?.value ?? 5061, line: port?.line ?? 0, file: port?.file ?? path, key: port ? 'tls_port_no' : '', raw: '' }];
  } else if (listeners.length === 0) {
    noTls(
      out,
      { file: path },
      'kamailio.cfg has listen= lines but none for tls, so Kamailio accepts no TLS connections (it can still open outgoing TLS)',
      `listen=tls:${'<SBC address>'}:5061`,
    );
  }
  const listenOf = listenValue;

  if (!main.config) {
    // modparam-only set-up: the modparams make the default domains
    const get = (key: string) => {
      const p = [...main.modparams].reverse().find((m) => m.name === (key === 'method' ? 'tls_method' : key));
      return p ? { value: p.value, line: p.line, key: p.name, file: p.file } : undefined;
    };
    const s: Settings = { get, modparamMode: true };
    const declared = { file: main.tlsLoaded.file, line: main.tlsLoaded.line };
    for (const l of listeners.length ? listeners : [undefined]) {
      const e = endpointFrom('server:default', 'server', declared, s, cfgDir, out, undefined);
      if (l) e.listen = listenOf(l);
      endpoints.push(e);
    }
    endpoints.push(endpointFrom('client:default', 'client', declared, s, cfgDir, out, undefined));
    files.check(endpoints.slice(-2), 'modparam');
    out.note(
      path,
      main.tlsLoaded.line,
      'no modparam("tls", "config", ...): the tls modparams make the default server and client domains',
      'info',
    );
    return;
  }

  for (const m of main.modparams) {
    if (DOMAIN_MODPARAMS.has(m.name)) {
      out.note(
        m.file,
        m.line,
        `modparam("tls", "${m.name}", ...) is ignored because modparam("tls", "config", ...) names a tls.cfg: its domains start from the compiled defaults, not from modparams; set ${m.name === 'tls_method' ? 'method' : m.name} in tls.cfg`,
      );
    }
  }
  const tls = consumeConfig(input, main.config, out);
  if (!tls) return;
  const domains = readTlsCfg(tls, out);
  // which listener each [server:IP:PORT] domain takes; the others are served by [server:default]
  const claimed = new Map<Domain, Listener | undefined>();
  for (const d of domains) {
    if (d.role === 'server' && d.kind === 'address')
      claimed.set(
        d,
        listeners.find((l) => l.port === d.port && (sameHost(l.host, d.host) || (l.line === 0 && !l.key))),
      );
  }
  const taken = new Set([...claimed.values()]);
  const free = listeners.filter((l) => !taken.has(l) && !Number.isNaN(l.port));
  // A listener whose port is not known (an identifier no #!define sets): [server:default] serves it
  // unless it is a [server:IP:PORT] domain's (tls_domain.c tls_lookup_cfg), so both are judged.
  const unknownPort = listeners.filter((l) => Number.isNaN(l.port));
  const maybeServes = (d: Domain) => unknownPort.find((l) => !l.host || sameHost(l.host, d.host));
  for (const d of domains) {
    checkDomain(d, tls.path, out);
    const s = domainSettings(d, tls.path);
    const make = () => endpointFrom(d.name, d.role, { file: tls.path, line: d.line }, s, cfgDir, out, d.name);
    if (d.role === 'server' && d.kind === 'address') {
      const e = make();
      files.check([e], d.name);
      const hit = claimed.get(d);
      const maybe = hit ? undefined : maybeServes(d);
      if (hit) e.listen = listenOf(hit);
      else if (maybe) {
        e.listen = sourced({ host: d.host, port: d.port! }, { kind: 'file', file: tls.path, line: d.line, key: `[${d.name}]` });
        out.note(
          tls.path,
          d.line,
          `[${d.name}] serves ${maybe.key}=${maybe.raw} (${maybe.file}:${maybe.line}) only if that port is ${d.port}; otherwise Kamailio refuses to start ("No listening socket found")`,
          'warn',
        );
      } else {
        const addr = `${d.host!.includes(':') ? `[${d.host}]` : d.host}:${d.port}`;
        e.listen = sourced({ host: d.host, port: d.port! }, { kind: 'file', file: tls.path, line: d.line, key: `[${d.name}]` });
        out.problem({
          code: 'no-listener',
          message: `[${d.name}] has no matching listen=tls:${addr} in kamailio.cfg: Kamailio refuses to start ("No listening socket found")`,
          location: { file: tls.path, line: d.line },
          fix: `listen=tls:${addr}`,
          endpoint: d.name,
        });
      }
      endpoints.push(e);
    } else if (d.role === 'server' && d.kind === 'default') {
      // Kamailio loads the domain even when it serves no listener: its files must load, its TLS settings do not matter.
      if (free.length === 0 && unknownPort.length) {
        const e = make();
        files.check([e], d.name);
        endpoints.push(e);
      }
      if (free.length === 0 && !unknownPort.length) {
        const e = make();
        e.unused = listeners.length ? 'every listen=tls socket has its own [server:IP:PORT] domain' : 'kamailio.cfg has no TLS listener';
        files.check([e], d.name);
        endpoints.push(e);
        if (listeners.length)
          out.note(
            tls.path,
            d.line,
            `[${d.name}] serves no TLS listener: every listen=tls socket has its own [server:IP:PORT] domain; its files must load, its TLS settings are not judged`,
            'info',
          );
      }
      for (const l of free) {
        const e = make();
        e.listen = listenOf(l);
        endpoints.push(e);
      }
      if (free.length) files.check(endpoints.slice(-1), d.name);
    } else {
      const e = make();
      files.check([e], d.name);
      endpoints.push(e);
    }
  }
  implicitDefaults(domains, tls.path, cfgDir, out, endpoints, [...free, ...unknownPort], files);
}

/** The finding for a Kamailio that runs without any TLS listener. */
function noTls(out: Collector, where: { file: string; line?: number }, why: string, fix: string): void {
  out.problem(noTlsProblem(why, { file: where.file, ...(where.line ? { line: where.line } : {}) }, fix));
}

/**
 * Kamailio loads every domain's certificate, key and CA list at start-up, relative paths from the
 * main kamailio.cfg's folder (tls_domain.c fix_shm_pathname): a relative path the repository does not
 * hold stops it. An absolute (deployment) path the repository does not hold is left to the gatherer,
 * which lists it as not checked.
 */
class FileCheck {
  private readonly seen = new Set<string>();
  constructor(
    private readonly input: ReaderInput,
    private readonly out: Collector,
  ) {}

  check(endpoints: TlsEndpointSettings[], domain: string, fallback?: SourceLocation): void {
    for (const e of endpoints)
      for (const [field, error] of [
        ['certificate', 'Unable to load certificate file'],
        ['privateKey', 'Unable to load private key file'],
        ['caList', 'Unable to load CA list file'],
      ] as const) {
        const v = e[field];
        if (!v || /^[/~$]/.test(v.value) || /^[A-Za-z]:[\\/]/.test(v.value)) continue;
        // one finding per file and domain (the compiled default names cert.pem for both certificate and key)
        const id = `${domain}\0${v.value}`;
        if (this.seen.has(id)) continue;
        this.seen.add(id);
        const found = this.input.open(v.value, this.input.file);
        if (found.file) continue;
        const fromDefault = v.from.kind === 'default';
        const where = locationOf(v) ?? e.declared ?? fallback ?? { file: this.input.file.path };
        this.out.problem({
          code: 'missing-file',
          message: fromDefault
            ? `${domain === 'modparam' ? `modparam("tls", "${field === 'certificate' ? 'certificate' : 'private_key'}", ...) is not set, so Kamailio` : e.declared ? `[${domain}] sets no ${field === 'certificate' ? 'certificate' : 'private_key'}, so it` : `tls.cfg has no [${domain}], so Kamailio builds one that`} loads the compiled default ${v.value} (cert.pem beside kamailio.cfg), which is not in the repository (tried ${found.tried.join(', ') || 'nothing'}): Kamailio refuses to start ("${error}")`
            : `${v.from.kind === 'file' ? `${v.from.key} = ` : ''}${written(v)} is not in the repository (tried ${found.tried.join(', ') || 'nothing'}); Kamailio reads relative paths from the folder of kamailio.cfg and refuses to start without it ("${error}")`,
          location: where,
          fix: fromDefault
            ? domain === 'modparam'
              ? `modparam("tls", "certificate", "<file>") and modparam("tls", "private_key", "<file>"), or add ${v.value}`
              : `certificate = <file> and private_key = <file>   # in [${domain}] of tls.cfg, or add ${v.value}`
            : `commit the file, or write the path the SBC uses (an absolute path is not required to be in the repository)`,
          endpoint: domain,
        });
      }
  }
}

function consumeConfig(
  input: ReaderInput,
  cfg: { value: string; line: number; file: string },
  out: Collector,
  unused?: string,
): ConfigFile | undefined {
  const from = input.file.path === cfg.file ? input.file : { path: cfg.file, text: '' };
  const found = input.open(cfg.value, from);
  if (!found.file) {
    // a file Kamailio would not use anyway is not worth a warning
    if (unused) return undefined;
    out.unfound.add(cfg.value);
    out.note(
      cfg.file,
      cfg.line,
      `modparam("tls", "config", "${cfg.value}"): the file is not among the scanned files (tried ${found.tried.join(', ') || 'nothing'}); its TLS domains are not read (use --path-map if it lives elsewhere in the repository)`,
    );
    return undefined;
  }
  out.consumed.add(found.file.path);
  if (unused) {
    out.note(found.file.path, undefined, `not used by Kamailio: ${unused}`);
    return undefined;
  }
  return found.file;
}

function detect(file: ConfigFile): 'entry' | 'part' | false {
  try {
    const text = file.text.length > 2_000_000 ? file.text.slice(0, 2_000_000) : file.text;
    if (looksLikeKamailioCfg(text)) return 'entry';
    if (looksLikeTlsCfg(text)) return 'part';
  } catch {
    /* never throw */
  }
  return false;
}

export const kamailio: SbcReader = {
  format: 'kamailio',
  describe:
    'Kamailio: kamailio.cfg (enable_tls, listen=tls:..., modparam("tls", ...), #!define/#!ifdef) and the tls.cfg it names ([server:...]/[client:...] domains); no curves parameter, OpenSSL default groups',
  detect,
  read,
};
