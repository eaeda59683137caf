/**
 * SIP and SIPS URIs, RFC 3261 section 25.1 (collected ABNF), with RFC 4904 trunk-group
 * parameters in the user part. A recursive-descent parser over the ABNF; every error carries
 * the offset and the reason.
 */
import { isIPv6 } from '../util/ip.js';
import { domainToASCII } from 'node:url';
import type { HostType, SipUri, UriParam } from '../model/sip.js';

export class SipUriError extends Error {
  constructor(
    readonly reason: string,
    readonly position: number,
    readonly input: string,
  ) {
    super(`invalid SIP URI "${input}" at position ${position + 1}: ${reason}`);
  }
}

const ALPHA = /[A-Za-z]/;
const DIGIT = /[0-9]/;
const ALPHANUM = /[A-Za-z0-9]/;
const MARK = "-_.!~*'()";
const isUnreserved = (c: string) => ALPHANUM.test(c) || MARK.includes(c);
const USER_UNRESERVED = '&=+$,;?/';
const PASSWORD_EXTRA = '&=+$,';
const PARAM_UNRESERVED = '[]/:&+$';
const HNV_UNRESERVED = '[]/?:+$';

class Cursor {
  pos = 0;
  constructor(readonly text: string) {}
  peek(offset = 0): string {
    return this.text[this.pos + offset] ?? '';
  }
  done(): boolean {
    return this.pos >= this.text.length;
  }
  fail(reason: string, at = this.pos): never {
    throw new SipUriError(reason, at, this.text);
  }
  /** Reads 1+ characters accepted by `ok`, decoding %HH escapes (as UTF-8); returns raw and decoded text. */
  run(ok: (c: string) => boolean, what: string, allowEmpty = false): { raw: string; value: string; start: number } {
    const start = this.pos;
    let value = '';
    while (!this.done()) {
      const c = this.peek();
      if (c === '%') {
        const hex = this.text.slice(this.pos + 1, this.pos + 3);
        if (!/^[0-9A-Fa-f]{2}$/.test(hex)) this.fail(`"%" must be followed by two hex digits in the ${what}`);
        value += String.fromCharCode(parseInt(hex, 16));
        this.pos += 3;
      } else if (ok(c)) {
        value += c;
        this.pos++;
      } else break;
    }
    if (!allowEmpty && this.pos === start)
      this.fail(this.done() ? `the ${what} is missing` : `unexpected "${this.peek()}" where the ${what} should be`);
    // Escapes are octets: %C3%A9 is one "é", as in the user part (and as formatSipUri writes it).
    return { raw: this.text.slice(start, this.pos), value: decodeUtf8(value), start };
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeUtf8(latin: string): string {
  if (!/[^\x00-\x7f]/.test(latin)) return latin;
  try {
    return utf8.decode(Buffer.from(latin, 'latin1'));
  } catch {
    return latin;
  }
}

/** hostname / IPv4address / IPv6reference (RFC 3261 25.1). */
export function parseHost(c: Cursor): { host: string; hostType: HostType; start: number; end: number } {
  const start = c.pos;
  if (c.peek() === '[') {
    const close = c.text.indexOf(']', start);
    if (close === -1) c.fail('"[" opens an IPv6 reference that is never closed');
    const address = c.text.slice(start + 1, close);
    if (!isIPv6(address)) c.fail(`"${address}" is not a valid IPv6 address`, start + 1);
    c.pos = close + 1;
    return { host: address.toLowerCase(), hostType: 'ipv6', start, end: c.pos };
  }
  const text = c.run((ch) => ALPHANUM.test(ch) || ch === '-' || ch === '.', 'host');
  if (text.raw.includes('%')) c.fail('escaped characters are not allowed in a host name', start);
  const host = text.raw;
  if (/^[0-9]{1,3}(\.[0-9]{1,3}){3}$/.test(host)) {
    if (host.split('.').some((o) => Number(o) > 255)) c.fail(`"${host}" is not a valid IPv4 address (octet above 255)`, start);
    return { host, hostType: 'ipv4', start, end: c.pos };
  }
  const labels = (host.endsWith('.') ? host.slice(0, -1) : host).split('.');
  let offset = start;
  for (const [i, label] of labels.entries()) {
    if (label === '') c.fail('empty label in the host name (two dots in a row?)', offset);
    if (label.startsWith('-') || label.endsWith('-')) c.fail(`the host label "${label}" starts or ends with "-"`, offset);
    if (label.length > 63) c.fail(`the host label "${label.slice(0, 20)}..." is longer than 63 characters`, offset);
    if (i === labels.length - 1 && !ALPHA.test(label[0]!))
      c.fail(`the last host label "${label}" must start with a letter (or the host must be a full IPv4 address)`, offset);
    offset += label.length + 1;
  }
  return { host: host.toLowerCase(), hostType: 'hostname', start, end: c.pos };
}

function parsePort(c: Cursor): number | undefined {
  if (c.peek() !== ':') return undefined;
  c.pos++;
  const start = c.pos;
  while (DIGIT.test(c.peek())) c.pos++;
  if (c.pos === start) c.fail('":" after the host must be followed by a port number');
  const port = Number(c.text.slice(start, c.pos));
  if (port > 65535) c.fail(`port ${port} is out of range`, start);
  return port;
}

function parseParams(c: Cursor): UriParam[] {
  const params: UriParam[] = [];
  const paramchar = (ch: string) => isUnreserved(ch) || PARAM_UNRESERVED.includes(ch);
  while (c.peek() === ';') {
    const start = c.pos;
    c.pos++;
    const name = c.run(paramchar, 'parameter name');
    let value: string | undefined;
    if (c.peek() === '=') {
      c.pos++;
      value = c.run(paramchar, `value of ;${name.value}`).value;
    }
    params.push({ name: name.value.toLowerCase(), ...(value === undefined ? {} : { value }), start, end: c.pos });
  }
  return params;
}

function parseHeaders(c: Cursor): Array<{ name: string; value: string }> {
  const headers: Array<{ name: string; value: string }> = [];
  if (c.peek() !== '?') return headers;
  const hchar = (ch: string) => isUnreserved(ch) || HNV_UNRESERVED.includes(ch);
  do {
    c.pos++;
    const name = c.run(hchar, 'header name');
    if (c.peek() !== '=') c.fail(`header "${name.value}" needs "=" and a value`);
    c.pos++;
    const value = c.run(hchar, 'header value', true);
    headers.push({ name: name.value, value: value.value });
  } while (c.peek() === '&');
  return headers;
}

/** Splits the user part into the user (or telephone number) and its ;parameters. */
function splitUser(raw: string, start: number): { user: string; params: UriParam[] } {
  const params: UriParam[] = [];
  const rawParts = raw.split(';');
  let offset = start + rawParts[0]!.length;
  for (const part of rawParts.slice(1)) {
    const eq = part.indexOf('=');
    const name = decodeURIComponentSafe(eq === -1 ? part : part.slice(0, eq));
    const val = eq === -1 ? undefined : decodeURIComponentSafe(part.slice(eq + 1));
    params.push({ name: name.toLowerCase(), ...(val === undefined ? {} : { value: val }), start: offset, end: offset + 1 + part.length });
    offset += 1 + part.length;
  }
  // Split on the raw text: an escaped %3B is part of the user, not a separator.
  return { user: decodeURIComponentSafe(rawParts[0]!), params };
}

function decodeURIComponentSafe(s: string): string {
  return decodeUtf8(s.replace(/%([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))));
}

export function parseSipUri(text: string): SipUri {
  const c = new Cursor(text);
  const colon = text.indexOf(':');
  const scheme = colon === -1 ? '' : text.slice(0, colon).toLowerCase();
  if (scheme !== 'sip' && scheme !== 'sips') {
    // "+1317...@host:5061" has a colon, but what precedes it is no scheme.
    const hasScheme = colon !== -1 && /^[A-Za-z][A-Za-z0-9+.-]*$/.test(text.slice(0, colon));
    c.fail(
      hasScheme
        ? `the scheme "${text.slice(0, colon)}" is not sip or sips`
        : 'no scheme: add `sip:` in front (a SIP URI starts with "sip:" or "sips:")',
      0,
    );
  }
  c.pos = colon + 1;
  let user: string | undefined;
  let userParams: UriParam[] = [];
  let password: string | undefined;
  const at = text.indexOf('@', c.pos);
  if (at !== -1) {
    const u = c.run((ch) => isUnreserved(ch) || USER_UNRESERVED.includes(ch), 'user part');
    const split = splitUser(u.raw, u.start);
    user = split.user;
    userParams = split.params;
    if (c.peek() === ':') {
      c.pos++;
      password = c.run((ch) => isUnreserved(ch) || PASSWORD_EXTRA.includes(ch), 'password', true).value;
    }
    if (c.peek() !== '@')
      c.fail(
        `unexpected "${c.peek()}" in the user part (escape it as %${c.peek().charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')})`,
      );
    c.pos++;
  }
  const host = parseHost(c);
  const port = parsePort(c);
  const params = parseParams(c);
  const headers = parseHeaders(c);
  if (!c.done()) c.fail(`unexpected "${c.peek()}" after the ${headers.length ? 'headers' : params.length ? 'parameters' : 'host'}`);
  return {
    raw: text,
    scheme: scheme as 'sip' | 'sips',
    ...(user === undefined ? {} : { user }),
    userParams,
    ...(password === undefined ? {} : { password }),
    host: host.host,
    hostType: host.hostType,
    ...(port === undefined ? {} : { port }),
    params,
    headers,
    hostStart: host.start,
    hostEnd: host.end,
  };
}

const escapeWith = (allowed: (c: string) => boolean) => (s: string) =>
  Array.from(Buffer.from(s, 'utf8').toString('latin1'))
    .map((ch) => (allowed(ch) ? ch : '%' + ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')))
    .join('');
const escapeUser = escapeWith((ch) => isUnreserved(ch) || '&=+$,?/'.includes(ch));
// In a user-part parameter name, "=" would end the name: escape it.
const escapeUserParamName = escapeWith((ch) => isUnreserved(ch) || '&+$,?/'.includes(ch));
const escapeParam = escapeWith((ch) => isUnreserved(ch) || PARAM_UNRESERVED.includes(ch));
const escapeHeader = escapeWith((ch) => isUnreserved(ch) || HNV_UNRESERVED.includes(ch));
const escapePassword = escapeWith((ch) => isUnreserved(ch) || PASSWORD_EXTRA.includes(ch));

/** Prints a URI in canonical form; parse(format(u)) gives u back (offsets aside). */
export function formatSipUri(uri: SipUri): string {
  let out = `${uri.scheme}:`;
  if (uri.user !== undefined) {
    out += escapeUser(uri.user);
    for (const p of uri.userParams) out += `;${escapeUserParamName(p.name)}${p.value === undefined ? '' : `=${escapeUser(p.value)}`}`;
    if (uri.password !== undefined) out += `:${escapePassword(uri.password)}`;
    out += '@';
  }
  out += uri.hostType === 'ipv6' ? `[${uri.host}]` : uri.host;
  if (uri.port !== undefined) out += `:${uri.port}`;
  for (const p of uri.params) out += `;${escapeParam(p.name)}${p.value === undefined ? '' : `=${escapeParam(p.value)}`}`;
  if (uri.headers.length) out += '?' + uri.headers.map((h) => `${escapeHeader(h.name)}=${escapeHeader(h.value)}`).join('&');
  return out;
}

/** A parameter as it was written in the URI (";transport=TCP", ";lr"), for messages and fixes. */
export function paramText(uri: SipUri, param: UriParam): string {
  return uri.raw.slice(param.start, param.end);
}

/**
 * A URI as pasted from a SIP trace or header: `<sip:...>`, `"Name" <sip:...>;tag=x`,
 * `To: <sip:...>`. Returns what is inside the angle brackets; other text comes back trimmed.
 */
export function unwrapPastedUri(text: string): string {
  const trimmed = text.trim();
  const open = trimmed.indexOf('<');
  if (open === -1) return trimmed;
  const close = trimmed.indexOf('>', open);
  if (close === -1) return trimmed;
  const after = trimmed.slice(close + 1).trim();
  // After the ">" only header parameters (;tag=...) may follow.
  if (after && !after.startsWith(';')) return trimmed;
  return trimmed.slice(open + 1, close).trim();
}

/** HOST[:PORT] as entered in "SIP Servers or Proxies"; IPv6 in brackets (or bare, without a port). */
export function parseHostPort(text: string): { host: string; hostType: HostType; port?: number } {
  // Internationalised names are compared as A-labels (bücher.example -> xn--bcher-kva.example).
  const trimmed = text.trim().replace(/^[^:[]+/, (h) => (/[^\x00-\x7f]/.test(h) ? domainToASCII(h) || h : h));
  // A bare IPv6 address has at least two colons; HOST:PORT has one.
  if (/:.*:/.test(trimmed) && !trimmed.startsWith('[') && isIPv6(trimmed)) return { host: trimmed.toLowerCase(), hostType: 'ipv6' };
  const c = new Cursor(trimmed);
  try {
    const host = parseHost(c);
    const port = parsePort(c);
    if (!c.done()) c.fail(`unexpected "${c.peek()}" after ${port === undefined ? 'the host' : 'the port'} (expected HOST[:PORT])`);
    return { host: host.host, hostType: host.hostType, ...(port === undefined ? {} : { port }) };
  } catch (error) {
    if (error instanceof SipUriError) throw new SipUriError(error.reason, error.position, trimmed);
    throw error;
  }
}

/** The parsed URI for report evidence: the parts a reader of a ticket wants, without offsets. */
export function uriEvidence(uri: SipUri): Record<string, unknown> {
  return {
    scheme: uri.scheme,
    ...(uri.user === undefined ? {} : { user: uri.user }),
    userParams: Object.fromEntries(uri.userParams.map((p) => [p.name, p.value ?? true])),
    host: uri.host,
    hostType: uri.hostType,
    port: uri.port ?? null,
    params: Object.fromEntries(uri.params.map((p) => [p.name, p.value ?? true])),
    headers: uri.headers,
  };
}
