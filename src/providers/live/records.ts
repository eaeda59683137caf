/**
 * TLS records on the wire, for the live probe: ClientHellos built byte by byte (RFC 5246 7.4.1.2,
 * RFC 8446 4.1.2), so each offer is exactly one suite, one group or one version, and a reader for
 * what the server sends back before encryption starts. In TLS 1.2 the whole first server flight is
 * plaintext: ServerHello, Certificate (the chain exactly as sent), ServerKeyExchange (the named
 * curve), CertificateRequest and ServerHelloDone. Node's TLS stack exposes none of that verbatim.
 */
import { createECDH, generateKeyPairSync, randomBytes } from 'node:crypto';

export type WireVersion = 'TLSv1' | 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3';

export const VERSION_CODES: Record<WireVersion, number> = { TLSv1: 0x0301, 'TLSv1.1': 0x0302, 'TLSv1.2': 0x0303, 'TLSv1.3': 0x0304 };
const VERSION_NAMES = new Map(Object.entries(VERSION_CODES).map(([name, code]) => [code, name as WireVersion]));

/** Named groups by code point (RFC 8422, RFC 7748, RFC 8446). */
export const GROUP_CODES: Record<string, number> = {
  secp256r1: 0x0017,
  secp384r1: 0x0018,
  secp521r1: 0x0019,
  x25519: 0x001d,
  x448: 0x001e,
};
const GROUP_NAMES = new Map(Object.entries(GROUP_CODES).map(([name, code]) => [code, name]));

export function groupName(code: number): string {
  return GROUP_NAMES.get(code) ?? `0x${code.toString(16).padStart(4, '0')}`;
}

export function versionName(code: number): string {
  return VERSION_NAMES.get(code) ?? `0x${code.toString(16).padStart(4, '0')}`;
}

/** Signature algorithms a current TLS 1.2/1.3 client offers (RFC 8446 4.2.3), RSA and ECDSA, SHA-1 last. */
const SIGNATURE_ALGORITHMS = [0x0804, 0x0805, 0x0806, 0x0401, 0x0501, 0x0601, 0x0403, 0x0503, 0x0603, 0x0807, 0x0808, 0x0201, 0x0203];
/** TLS 1.3 suites (RFC 8446 B.4). */
export const TLS13_SUITES = [0x1301, 0x1302, 0x1303];
/** What a TLS 1.0/1.1 client offers: the CBC suites of that era, ECDHE and RSA key exchange. */
export const LEGACY_SUITES = [0xc014, 0xc013, 0xc00a, 0xc009, 0x0039, 0x0033, 0x0035, 0x002f, 0x000a];
const RENEGOTIATION_SCSV = 0x00ff;

export interface HelloSpec {
  version: WireVersion;
  suites: number[];
  groups: number[];
  /** server_name; absent = no SNI (IP literals never go in SNI, RFC 6066 3). */
  sni?: string;
}

const u8 = (n: number) => Buffer.from([n & 0xff]);
const u16 = (n: number) => Buffer.from([(n >> 8) & 0xff, n & 0xff]);
const u24 = (n: number) => Buffer.from([(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff]);
const vec16 = (...parts: Buffer[]) => {
  const body = Buffer.concat(parts);
  return Buffer.concat([u16(body.length), body]);
};
const list16 = (codes: number[]) => vec16(...codes.map(u16));
const extension = (type: number, body: Buffer) => Buffer.concat([u16(type), u16(body.length), body]);

/** A fresh public key for a TLS 1.3 key_share entry; a server may check that it is on the curve. */
function keyShare(group: number): Buffer | undefined {
  switch (group) {
    case 0x001d:
      return (generateKeyPairSync('x25519').publicKey.export({ format: 'der', type: 'spki' }) as Buffer).subarray(-32);
    case 0x001e:
      return (generateKeyPairSync('x448').publicKey.export({ format: 'der', type: 'spki' }) as Buffer).subarray(-56);
    case 0x0017:
      return createECDH('prime256v1').generateKeys();
    case 0x0018:
      return createECDH('secp384r1').generateKeys();
    case 0x0019:
      return createECDH('secp521r1').generateKeys();
    default:
      return undefined;
  }
}

/** One TLS record holding one ClientHello. */
export function clientHello(spec: HelloSpec): Buffer {
  const tls13 = spec.version === 'TLSv1.3';
  const legacyVersion = tls13 ? 0x0303 : VERSION_CODES[spec.version];
  const extensions: Buffer[] = [];
  if (spec.sni) {
    const name = Buffer.from(spec.sni, 'ascii');
    extensions.push(extension(0x0000, vec16(u8(0), u16(name.length), name)));
  }
  if (spec.groups.length) {
    extensions.push(extension(0x000a, list16(spec.groups)));
    extensions.push(extension(0x000b, Buffer.from([1, 0])));
  }
  if (spec.version === 'TLSv1.2' || tls13) extensions.push(extension(0x000d, list16(SIGNATURE_ALGORITHMS)));
  extensions.push(extension(0x0017, Buffer.alloc(0)));
  if (tls13) {
    extensions.push(extension(0x002b, Buffer.concat([u8(2), u16(0x0304)])));
    extensions.push(extension(0x002d, Buffer.from([1, 1])));
    const shares = spec.groups.flatMap((g) => {
      const key = keyShare(g);
      return key ? [Buffer.concat([u16(g), u16(key.length), key])] : [];
    });
    extensions.push(extension(0x0033, vec16(...shares)));
  }
  const body = Buffer.concat([
    u16(legacyVersion),
    randomBytes(32),
    tls13 ? Buffer.concat([u8(32), randomBytes(32)]) : u8(0),
    list16([...spec.suites, ...(tls13 ? [] : [RENEGOTIATION_SCSV])]),
    Buffer.from([1, 0]),
    vec16(...extensions),
  ]);
  const handshake = Buffer.concat([u8(1), u24(body.length), body]);
  return Buffer.concat([u8(0x16), u16(tls13 ? 0x0301 : Math.min(legacyVersion, 0x0301)), u16(handshake.length), handshake]);
}

/** SHA-256("HelloRetryRequest"): the ServerHello random that marks a HelloRetryRequest (RFC 8446 4.1.3). */
const HRR_RANDOM = Buffer.from('cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c', 'hex');

/** Alert descriptions (RFC 8446 6, RFC 5246 7.2). */
export const ALERT_NAMES: Record<number, string> = {
  0: 'close_notify',
  10: 'unexpected_message',
  20: 'bad_record_mac',
  22: 'record_overflow',
  40: 'handshake_failure',
  42: 'bad_certificate',
  43: 'unsupported_certificate',
  44: 'certificate_revoked',
  45: 'certificate_expired',
  46: 'certificate_unknown',
  47: 'illegal_parameter',
  48: 'unknown_ca',
  49: 'access_denied',
  50: 'decode_error',
  51: 'decrypt_error',
  70: 'protocol_version',
  71: 'insufficient_security',
  80: 'internal_error',
  86: 'inappropriate_fallback',
  90: 'user_canceled',
  109: 'missing_extension',
  110: 'unsupported_extension',
  112: 'unrecognized_name',
  116: 'certificate_required',
  120: 'no_application_protocol',
};

export interface ServerFlight {
  /** The version the server selected (supported_versions for TLS 1.3). */
  version?: string;
  suite?: number;
  /** TLS 1.2: ServerKeyExchange named curve; TLS 1.3: key_share group. */
  group?: number;
  helloRetry?: boolean;
  /** DER certificates in the order the server sent them (TLS 1.2 and older). */
  certificates?: Buffer[];
  certificateRequest?: boolean;
  /** ServerHelloDone seen, or the rest of the flight is encrypted (TLS 1.3). */
  complete: boolean;
  alert?: { level: number; description: number };
  /** The peer does not speak TLS; the first bytes, printable. */
  notTls?: string;
}

/** Printable ASCII of the first bytes a non-TLS peer sent (never control characters). */
export function preview(buf: Buffer): string {
  return buf
    .subarray(0, 60)
    .toString('latin1')
    .replace(/[^\x20-\x7e]+/g, ' ')
    .trim();
}

/**
 * Reads what a server sent so far. Stops at ServerHelloDone (TLS 1.2), after the ServerHello of a
 * TLS 1.3 handshake (the rest is encrypted), or at an alert. `complete: false` = more bytes needed.
 */
export function readServerFlight(buf: Buffer): ServerFlight {
  try {
    return readFlight(buf);
  } catch {
    // A message that claims more than it holds: the peer is not a sound TLS server.
    return { complete: true, notTls: `malformed TLS handshake: ${preview(buf)}` };
  }
}

function readFlight(buf: Buffer): ServerFlight {
  const flight: ServerFlight = { complete: false };
  let handshake = Buffer.alloc(0);
  let pos = 0;
  while (pos + 5 <= buf.length) {
    const type = buf[pos]!;
    const major = buf[pos + 1]!;
    const length = buf.readUInt16BE(pos + 3);
    if (type < 0x14 || type > 0x18 || major !== 3 || length > 18432) {
      if (pos === 0) return { complete: true, notTls: preview(buf) };
      return { ...flight, complete: true };
    }
    if (pos + 5 + length > buf.length) break;
    const fragment = buf.subarray(pos + 5, pos + 5 + length);
    pos += 5 + length;
    if (type === 0x15 && fragment.length >= 2)
      return { ...flight, complete: true, alert: { level: fragment[0]!, description: fragment[1]! } };
    if (type !== 0x16) {
      // ChangeCipherSpec or application data: TLS 1.3 encryption started, nothing more to read in clear.
      return { ...flight, complete: true };
    }
    handshake = Buffer.concat([handshake, fragment]);
    let h = 0;
    while (h + 4 <= handshake.length) {
      const msgType = handshake[h]!;
      const msgLength = handshake.readUIntBE(h + 1, 3);
      if (h + 4 + msgLength > handshake.length) break;
      const msg = handshake.subarray(h + 4, h + 4 + msgLength);
      h += 4 + msgLength;
      if (msgType === 2) {
        parseServerHello(msg, flight);
        if (flight.version === 'TLSv1.3') return { ...flight, complete: true };
      } else if (msgType === 11) flight.certificates = parseCertificateList(msg);
      else if (msgType === 12) {
        if (msg[0] === 3 && msg.length >= 3) flight.group = msg.readUInt16BE(1);
      } else if (msgType === 13) flight.certificateRequest = true;
      else if (msgType === 14) return { ...flight, complete: true };
    }
    handshake = handshake.subarray(h);
  }
  if (pos === 0 && buf.length >= 5 && (buf[0]! < 0x14 || buf[0]! > 0x18 || buf[1] !== 3)) return { complete: true, notTls: preview(buf) };
  // Fewer than five bytes that cannot start a TLS record (a text banner's first letters).
  if (buf.length > 0 && buf.length < 5 && (buf[0]! < 0x14 || buf[0]! > 0x18 || (buf.length > 1 && buf[1] !== 3)))
    return { complete: false, notTls: preview(buf) };
  return flight;
}

function parseServerHello(msg: Buffer, flight: ServerFlight): void {
  let p = 0;
  const legacyVersion = msg.readUInt16BE(p);
  p += 2;
  const random = msg.subarray(p, p + 32);
  p += 32;
  p += 1 + msg[p]!;
  flight.suite = msg.readUInt16BE(p);
  p += 2 + 1;
  flight.version = versionName(legacyVersion);
  flight.helloRetry = random.equals(HRR_RANDOM);
  if (p + 2 > msg.length) return;
  const end = p + 2 + msg.readUInt16BE(p);
  p += 2;
  while (p + 4 <= end && p + 4 <= msg.length) {
    const type = msg.readUInt16BE(p);
    const length = msg.readUInt16BE(p + 2);
    const body = msg.subarray(p + 4, p + 4 + length);
    if (type === 0x002b && body.length >= 2) flight.version = versionName(body.readUInt16BE(0));
    if (type === 0x0033 && body.length >= 2) flight.group = body.readUInt16BE(0);
    p += 4 + length;
  }
}

function parseCertificateList(msg: Buffer): Buffer[] {
  const out: Buffer[] = [];
  const end = Math.min(msg.length, 3 + msg.readUIntBE(0, 3));
  let p = 3;
  while (p + 3 <= end) {
    const length = msg.readUIntBE(p, 3);
    out.push(Buffer.from(msg.subarray(p + 3, p + 3 + length)));
    p += 3 + length;
  }
  return out;
}
