/**
 * Minimal DER reading and writing for the byte-exact work asn1js does not expose conveniently:
 * OpenSSL's name canonicalisation needs each value's original tag and bytes, and re-encodes
 * SETs with members sorted by their encodings.
 */

export interface Tlv {
  /** Identifier octet (class, constructed bit and low tag number); high-tag-number forms are rejected. */
  tag: number;
  /** Offset of the contents. */
  start: number;
  /** Offset just past the contents. */
  end: number;
  /** Offset of the identifier octet. */
  offset: number;
}

export class DerError extends Error {}

export function readTlv(buf: Uint8Array, offset: number, limit = buf.length): Tlv {
  if (offset + 2 > limit) throw new DerError('truncated DER element');
  const tag = buf[offset]!;
  if ((tag & 0x1f) === 0x1f) throw new DerError('high tag numbers are not used in X.509 names');
  let pos = offset + 1;
  let len = buf[pos++]!;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4) throw new DerError('unsupported DER length');
    len = 0;
    for (let i = 0; i < n; i++) {
      if (pos >= limit) throw new DerError('truncated DER length');
      len = len * 256 + buf[pos++]!;
    }
  }
  if (pos + len > limit) throw new DerError('DER element runs past its container');
  return { tag, start: pos, end: pos + len, offset };
}

/** Children of a constructed element. */
export function children(buf: Uint8Array, parent: Tlv): Tlv[] {
  const out: Tlv[] = [];
  let pos = parent.start;
  while (pos < parent.end) {
    const child = readTlv(buf, pos, parent.end);
    out.push(child);
    pos = child.end;
  }
  return out;
}

export function encodeLength(len: number): Uint8Array {
  if (len < 0x80) return Uint8Array.of(len);
  const bytes: number[] = [];
  for (let n = len; n > 0; n = Math.floor(n / 256)) bytes.unshift(n & 0xff);
  return Uint8Array.of(0x80 | bytes.length, ...bytes);
}

export function encodeTlv(tag: number, contents: Uint8Array): Uint8Array {
  const len = encodeLength(contents.length);
  const out = new Uint8Array(1 + len.length + contents.length);
  out[0] = tag;
  out.set(len, 1);
  out.set(contents, 1 + len.length);
  return out;
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  let size = 0;
  for (const p of parts) size += p.length;
  const out = new Uint8Array(size);
  let pos = 0;
  for (const p of parts) {
    out.set(p, pos);
    pos += p.length;
  }
  return out;
}

/** memcmp on the common prefix, shorter first on a tie: OpenSSL's DER SET OF order. */
export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/** Dotted OID text from the contents of an OBJECT IDENTIFIER. */
export function oidToString(bytes: Uint8Array): string {
  const arcs: number[] = [];
  let value = 0;
  for (const byte of bytes) {
    value = value * 128 + (byte & 0x7f);
    if (!(byte & 0x80)) {
      if (arcs.length === 0) {
        const first = value < 80 ? Math.floor(value / 40) : 2;
        arcs.push(first, value - first * 40);
      } else arcs.push(value);
      value = 0;
    }
  }
  return arcs.join('.');
}

/** True when constructed elements nest deeper than `max` (checked without recursion). */
export function nestsDeeperThan(buf: Uint8Array, max: number): boolean {
  const ends: number[] = [];
  let pos = 0;
  while (pos < buf.length) {
    while (ends.length && pos >= ends[ends.length - 1]!) ends.pop();
    let tlv: Tlv;
    try {
      tlv = readTlv(buf, pos, ends.length ? ends[ends.length - 1] : buf.length);
    } catch {
      return false;
    }
    if (tlv.tag & 0x20) {
      ends.push(tlv.end);
      if (ends.length > max) return true;
      pos = tlv.start;
    } else pos = tlv.end;
  }
  return false;
}
