/**
 * The routing-script language Kamailio and OpenSIPS share (both descend from SER): `#` line comments,
 * `/* ... *\/` block comments, `name = value` core parameters, `loadmodule "x.so"` and
 * `modparam("module", "name", value)`. This splits a file into statements with their line numbers;
 * each reader interprets them. Linear in the size of the text; never throws.
 */

export interface CfgStatement {
  /** 1-based line where the statement starts. */
  line: number;
  /** The statement with comments removed and whitespace trimmed (a multi-line statement joined by spaces). */
  text: string;
  /** Kamailio pre-processor directives (`#!define`, `!!ifdef`) keep their text here, untouched by comment removal. */
  directive?: boolean;
}

/** modparam/loadmodule calls are joined across lines while a `(` is open, at most this many lines. */
const MAX_JOIN = 20;

/** Removes a `#` comment (outside double quotes) and tracks `/* *\/` blocks; returns the code of one line. */
function stripLine(raw: string, state: { inBlock: boolean }): string {
  let out = '';
  let quoted = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (state.inBlock) {
      if (c === '*' && raw[i + 1] === '/') {
        state.inBlock = false;
        i++;
      }
      continue;
    }
    if (quoted) {
      out += c;
      if (c === '\\' && i + 1 < raw.length) out += raw[++i];
      else if (c === '"') quoted = false;
      continue;
    }
    if (c === '"') {
      quoted = true;
      out += c;
    } else if (c === '#') {
      break;
    } else if (c === '/' && raw[i + 1] === '*') {
      state.inBlock = true;
      i++;
    } else {
      out += c;
    }
  }
  return out.trim();
}

function openParens(text: string): number {
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '\\') i++;
      else if (c === '"') quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
  }
  return depth;
}

/**
 * Statements of a routing script. With `directives`, lines starting with `#!` or `!!` (Kamailio's
 * pre-processor) are returned as directives instead of being dropped as comments.
 */
export function cfgStatements(text: string, directives = false): CfgStatement[] {
  const lines = text.split(/\r?\n|\r/);
  const out: CfgStatement[] = [];
  const state = { inBlock: false };
  let pending: CfgStatement | undefined;
  let joined = 0;
  for (let n = 0; n < lines.length; n++) {
    const raw = lines[n]!;
    const trimmed = raw.trim();
    if (directives && !state.inBlock && !pending && (trimmed.startsWith('#!') || trimmed.startsWith('!!'))) {
      out.push({ line: n + 1, text: trimmed.slice(2).trim(), directive: true });
      continue;
    }
    const code = stripLine(raw, state);
    if (pending) {
      pending.text += code ? ` ${code}` : '';
      joined++;
      if (openParens(pending.text) <= 0 || joined >= MAX_JOIN) {
        out.push(pending);
        pending = undefined;
      }
      continue;
    }
    if (!code) continue;
    if (/^(modparam|loadmodule)\b/i.test(code) && openParens(code) > 0) {
      pending = { line: n + 1, text: code };
      joined = 0;
      continue;
    }
    out.push({ line: n + 1, text: code });
  }
  if (pending) out.push(pending);
  return out;
}

/** A parsed `modparam("module", "name", value)`; `value` is the string without quotes, or the number as written. */
export interface Modparam {
  module: string;
  name: string;
  value: string;
  /** The value as written, quotes included. */
  raw: string;
  quoted: boolean;
}

/** Parses `modparam("m", "n", "v")` (also single-quoted); undefined when the statement is not one or is malformed. */
export function parseModparam(text: string): Modparam | undefined {
  const m = /^modparam\s*\(\s*(["'])([^"']*)\1\s*,\s*(["'])([^"']*)\3\s*,(.*)$/i.exec(text);
  if (!m) return undefined;
  // `\s*(.*?)\s*\)\s*;?\s*$` done by hand: the lazy group before `\s*` was quadratic on a run of spaces.
  let rest = trimTail(m[5]!);
  if (!rest.endsWith(')')) return undefined;
  rest = rest.slice(0, -1);
  if (/[\r\n\u2028\u2029]/.test(rest.trim())) return undefined;
  const raw = rest.trim();
  const q = /^(["'])([\s\S]*)\1$/.exec(raw);
  return { module: m[2]!.trim(), name: m[4]!.trim(), value: q ? unescape(q[2]!) : raw, raw, quoted: !!q };
}

function unescape(s: string): string {
  return s.replace(/\\(.)/g, '$1');
}

/** The module a `loadmodule "..."` statement loads (`tls` for `"/usr/lib/kamailio/modules/tls.so"`), or undefined. */
export function loadedModule(text: string): string | undefined {
  const m = /^loadmodule\s*\(?\s*["']([^"']+)["']/i.exec(text);
  if (!m) return undefined;
  const base = m[1]!.split('/').pop() ?? '';
  return base.replace(/\.so$/i, '');
}

/** `name = value` core parameter (value without trailing `;`), or undefined. */
export function coreParam(text: string): { name: string; value: string } | undefined {
  const m = /^([A-Za-z_][A-Za-z0-9_]*)\s*=(.*)$/s.exec(text);
  if (!m) return undefined;
  const value = trimTail(m[2]!).trim();
  if (/[\r\n\u2028\u2029]/.test(value)) return undefined;
  return { name: m[1]!.toLowerCase(), value };
}

/** Drops trailing whitespace, then one `;` and the whitespace before it. */
function trimTail(s: string): string {
  const end = s.trimEnd();
  return end.endsWith(';') ? end.slice(0, -1).trimEnd() : end;
}

export interface SocketSpec {
  proto?: string;
  host?: string;
  port?: number;
  /** The port as written when it is not a number (an undefined `#!define`, an m4 macro). */
  portText?: string;
  /** The host was written in brackets (`[2001:db8::1]`), where the grammar takes an IPv6 address only. */
  bracketed?: boolean;
}

/**
 * Parses a listen/socket address `[proto:]host[:port]` (`tls:10.0.0.1:5061`, `tls:[2001:db8::1]:5061`,
 * `tls:eth0`, `10.0.0.1:5061`), ignoring what follows (`advertise ...`, `name "x"`).
 */
export function parseSocket(value: string): SocketSpec | undefined {
  const first =
    value
      .trim()
      .replace(/^["']|["']$/g, '')
      .split(/\s+/)[0] ?? '';
  if (!first) return undefined;
  let rest = first;
  const out: SocketSpec = {};
  const proto = /^(udp|tcp|tls|sctp|ws|wss|hep_udp|hep_tcp|bin|bins|smpp|msrp|msrps|ipsec):(.*)$/i.exec(rest);
  if (proto) {
    out.proto = proto[1]!.toLowerCase();
    rest = proto[2]!;
  }
  let hostPart: string;
  let portPart: string | undefined;
  if (rest.startsWith('[')) {
    const end = rest.indexOf(']');
    if (end < 0) return undefined;
    hostPart = rest.slice(1, end);
    out.bracketed = true;
    const after = rest.slice(end + 1);
    if (after.startsWith(':')) portPart = after.slice(1);
  } else {
    const colons = rest.split(':');
    if (colons.length > 2) {
      // a bare IPv6 address without brackets: no port
      hostPart = rest;
    } else {
      hostPart = colons[0]!;
      portPart = colons[1];
    }
  }
  if (hostPart) out.host = hostPart;
  if (portPart !== undefined && portPart !== '') {
    if (/^\d{1,5}$/.test(portPart) && Number(portPart) <= 65535) out.port = Number(portPart);
    else out.portText = portPart;
  }
  return out;
}
