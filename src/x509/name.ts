/**
 * X.509 Names: OpenSSL's subject hash (X509_NAME_hash_ex, `openssl x509 -subject_hash`), the old
 * MD5 hash (`-subject_hash_old`), and a readable one-line form.
 *
 * The canonical encoding follows OpenSSL crypto/x509/x_name.c (x509_name_canon,
 * asn1_string_canon); the steps are in ../shared/reference/byoc-domain-facts.md section 7.
 */
import { createHash } from 'node:crypto';
import { children, compareBytes, concat, DerError, encodeTlv, oidToString, readTlv } from './der.js';

const UTF8 = 0x0c,
  NUMERIC = 0x12,
  PRINTABLE = 0x13,
  T61 = 0x14,
  IA5 = 0x16,
  VISIBLE = 0x1a,
  UNIVERSAL = 0x1c,
  BMP = 0x1e;
/** The string types OpenSSL canonicalises (ASN1_MASK_CANON); any other value is kept byte for byte. */
const CANONICAL_TYPES = new Set([UTF8, BMP, UNIVERSAL, PRINTABLE, T61, IA5, VISIBLE]);

export interface NameAttribute {
  oid: string;
  tag: number;
  text: string;
}

export interface ParsedName {
  /** RDNs in certificate order; each RDN holds one or more attributes. */
  rdns: NameAttribute[][];
  /** Hex of OpenSSL's canonical encoding: equal names (in OpenSSL's sense) have equal canon. */
  canon: string;
  hash: string;
  hashOld: string;
  text: string;
}

/** Decodes a string value to Unicode text the way ASN1_STRING_to_UTF8 does. */
export function decodeString(tag: number, bytes: Uint8Array): string {
  switch (tag) {
    case UTF8: {
      // OpenSSL refuses invalid UTF-8 too (ASN1_STRING_to_UTF8 fails); say so as a DER error.
      try {
        return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        throw new DerError('UTF8String holds invalid UTF-8');
      }
    }
    case BMP: {
      if (bytes.length % 2) throw new DerError('BMPString with an odd number of bytes');
      let s = '';
      for (let i = 0; i < bytes.length; i += 2) s += String.fromCharCode((bytes[i]! << 8) | bytes[i + 1]!);
      return s;
    }
    case UNIVERSAL: {
      if (bytes.length % 4) throw new DerError('UniversalString length is not a multiple of 4');
      let s = '';
      for (let i = 0; i < bytes.length; i += 4) {
        const cp = ((bytes[i]! << 24) | (bytes[i + 1]! << 16) | (bytes[i + 2]! << 8) | bytes[i + 3]!) >>> 0;
        if (cp > 0x10ffff) throw new DerError('UniversalString character out of range');
        s += String.fromCodePoint(cp);
      }
      return s;
    }
    default: {
      // PrintableString, T61String, IA5String, VisibleString, NumericString: one byte per character, Latin-1.
      let s = '';
      for (const b of bytes) s += String.fromCharCode(b);
      return s;
    }
  }
}

const isSpace = (b: number) => b === 0x20 || (b >= 0x09 && b <= 0x0d);

/** asn1_string_canon: UTF-8, trim ASCII space, fold runs of space to one, lower-case A-Z only. */
export function canonicalValue(text: string): Uint8Array {
  const utf8 = Buffer.from(text, 'utf8');
  let from = 0,
    to = utf8.length;
  while (from < to && isSpace(utf8[from]!)) from++;
  while (to > from && isSpace(utf8[to - 1]!)) to--;
  const out: number[] = [];
  for (let i = from; i < to;) {
    const b = utf8[i]!;
    if (b >= 0x80) {
      out.push(b);
      i++;
    } else if (isSpace(b)) {
      out.push(0x20);
      while (i < to && isSpace(utf8[i]!)) i++;
    } else {
      out.push(b >= 0x41 && b <= 0x5a ? b + 0x20 : b);
      i++;
    }
  }
  return Uint8Array.from(out);
}

const SHORT_NAMES: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.5': 'serialNumber',
  '2.5.4.9': 'street',
  '2.5.4.17': 'postalCode',
  '2.5.4.97': 'organizationIdentifier',
  '1.2.840.113549.1.9.1': 'emailAddress',
  '0.9.2342.19200300.100.1.25': 'DC',
  '0.9.2342.19200300.100.1.1': 'UID',
  '1.3.6.1.4.1.311.60.2.1.3': 'jurisdictionC',
  '1.3.6.1.4.1.311.60.2.1.2': 'jurisdictionST',
  '1.3.6.1.4.1.311.60.2.1.1': 'jurisdictionL',
  '2.5.4.15': 'businessCategory',
  '2.5.4.42': 'GN',
  '2.5.4.4': 'SN',
  '2.5.4.12': 'title',
  '2.5.4.46': 'dnQualifier',
  '2.5.4.65': 'pseudonym',
};

function escapeValue(text: string): string {
  return text
    .replace(/[\\,+]/g, (c) => '\\' + c)
    .replace(/[\u0000-\u001f\u007f]/g, (c) => '\\x' + c.charCodeAt(0).toString(16).padStart(2, '0'));
}

/** Parses a DER Name (the whole SEQUENCE, as it appears in a certificate). */
export function parseName(der: Uint8Array): ParsedName {
  const seq = readTlv(der, 0);
  if (seq.tag !== 0x30 || seq.end !== der.length) throw new DerError('a Name must be one DER SEQUENCE');
  const rdns: NameAttribute[][] = [];
  const canonSets: Uint8Array[] = [];
  for (const set of children(der, seq)) {
    if (set.tag !== 0x31) throw new DerError('an RDN must be a SET');
    const rdn: NameAttribute[] = [];
    const canonMembers: Uint8Array[] = [];
    for (const atv of children(der, set)) {
      if (atv.tag !== 0x30) throw new DerError('an attribute must be a SEQUENCE');
      const [oid, value, ...rest] = children(der, atv);
      if (!oid || !value || rest.length || oid.tag !== 0x06) throw new DerError('malformed attribute');
      const oidTlv = der.subarray(oid.offset, oid.end);
      const valueBytes = der.subarray(value.start, value.end);
      let canonValue: Uint8Array;
      let text: string;
      if (CANONICAL_TYPES.has(value.tag)) {
        text = decodeString(value.tag, valueBytes);
        canonValue = encodeTlv(UTF8, canonicalValue(text));
      } else {
        text =
          value.tag === NUMERIC
            ? decodeString(value.tag, valueBytes)
            : '#' + Buffer.from(der.subarray(value.offset, value.end)).toString('hex');
        canonValue = der.subarray(value.offset, value.end);
      }
      rdn.push({ oid: oidToString(der.subarray(oid.start, oid.end)), tag: value.tag, text });
      canonMembers.push(encodeTlv(0x30, concat([oidTlv, canonValue])));
    }
    if (canonMembers.length > 1) canonMembers.sort(compareBytes);
    canonSets.push(encodeTlv(0x31, concat(canonMembers)));
    rdns.push(rdn);
  }
  const canon = concat(canonSets);
  return {
    rdns,
    canon: Buffer.from(canon).toString('hex'),
    hash: littleEndianHash('sha1', canon),
    hashOld: littleEndianHash('md5', der),
    text: rdns.map((rdn) => rdn.map((a) => `${SHORT_NAMES[a.oid] ?? a.oid}=${escapeValue(a.text)}`).join(' + ')).join(', '),
  };
}

function littleEndianHash(algorithm: 'sha1' | 'md5', bytes: Uint8Array): string {
  const md = createHash(algorithm).update(bytes).digest();
  return ((md[0]! | (md[1]! << 8) | (md[2]! << 16) | (md[3]! << 24)) >>> 0).toString(16).padStart(8, '0');
}

/** The values of one attribute type, e.g. all CNs, in certificate order. */
export function attributeValues(name: ParsedName, oid: string): string[] {
  return name.rdns
    .flat()
    .filter((a) => a.oid === oid)
    .map((a) => a.text);
}
