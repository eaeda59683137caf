/**
 * Certificate facts from DER. OpenSSL (node:crypto X509Certificate) decides whether the bytes
 * are a certificate at all and checks signatures; a DER walk reads the fields and extensions the
 * rules need. (asn1js decodes the same fields but costs ~12 ms of cold start per check, a third of
 * the start-up budget, so it is kept for the lazily loaded CRL and PKCS#7 code.)
 */
import { createHash, createPublicKey, X509Certificate } from 'node:crypto';
import type { CertificateFacts, KeyUsageName, NameConstraint, PublicKeyFacts } from '../model/certificate.js';
import { children, oidToString, readTlv, type Tlv } from './der.js';
import { attributeValues, parseName } from './name.js';

export class CertificateDecodeError extends Error {}

const KEY_USAGE_BITS: KeyUsageName[] = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
];

const KNOWN_EXTENSIONS = new Set([
  '2.5.29.14',
  '2.5.29.15',
  '2.5.29.17',
  '2.5.29.18',
  '2.5.29.19',
  '2.5.29.30',
  '2.5.29.31',
  '2.5.29.32',
  '2.5.29.33',
  '2.5.29.35',
  '2.5.29.36',
  '2.5.29.37',
  '2.5.29.46',
  '2.5.29.54',
  '1.3.6.1.5.5.7.1.1',
  '1.3.6.1.5.5.7.1.24',
  '1.3.6.1.4.1.11129.2.4.2',
  '1.3.6.1.4.1.11129.2.4.3',
]);

const SIGNATURE_ALGORITHMS: Record<string, string> = {
  '1.2.840.113549.1.1.5': 'sha1WithRSAEncryption',
  '1.2.840.113549.1.1.11': 'sha256WithRSAEncryption',
  '1.2.840.113549.1.1.12': 'sha384WithRSAEncryption',
  '1.2.840.113549.1.1.13': 'sha512WithRSAEncryption',
  '1.2.840.113549.1.1.10': 'rsassaPss',
  '1.2.840.113549.1.1.4': 'md5WithRSAEncryption',
  '1.2.840.10045.4.3.2': 'ecdsa-with-SHA256',
  '1.2.840.10045.4.3.3': 'ecdsa-with-SHA384',
  '1.2.840.10045.4.3.4': 'ecdsa-with-SHA512',
  '1.2.840.10045.4.1': 'ecdsa-with-SHA1',
  '1.3.101.112': 'ED25519',
  '1.3.101.113': 'ED448',
  '1.2.840.113549.1.1.2': 'md2WithRSAEncryption',
  '1.2.840.113549.1.1.14': 'sha224WithRSAEncryption',
  '1.2.840.10045.4.3.1': 'ecdsa-with-SHA224',
  '1.2.840.10040.4.3': 'dsa-with-SHA1',
  '2.16.840.1.101.3.4.3.2': 'dsa-with-SHA256',
};

const SEQUENCE = 0x30,
  OID = 0x06,
  BOOLEAN = 0x01,
  INTEGER = 0x02,
  BIT_STRING = 0x03,
  OCTET_STRING = 0x04;
const CTX = 0x80,
  CTX_CONSTRUCTED = 0xa0;

/** A DER view: the buffer plus helpers that name what they read. */
class Der {
  constructor(readonly buf: Buffer) {}
  root(): Tlv {
    return readTlv(this.buf, 0);
  }
  kids(t: Tlv): Tlv[] {
    return children(this.buf, t);
  }
  body(t: Tlv): Buffer {
    return this.buf.subarray(t.start, t.end);
  }
  whole(t: Tlv): Buffer {
    return this.buf.subarray(t.offset, t.end);
  }
  oid(t: Tlv): string {
    if (t.tag !== OID) throw new CertificateDecodeError('expected an OBJECT IDENTIFIER');
    return oidToString(this.body(t));
  }
  integer(t: Tlv): number {
    const b = this.body(t);
    let n = 0;
    for (const byte of b) n = n * 256 + byte;
    return n;
  }
}

function ipText(view: Uint8Array): string {
  if (view.length === 4) return Array.from(view).join('.');
  if (view.length === 16) {
    const groups: string[] = [];
    for (let i = 0; i < 16; i += 2) groups.push(((view[i]! << 8) | view[i + 1]!).toString(16));
    // RFC 5952: compress the longest run of zero groups.
    let best = -1,
      bestLen = 0;
    for (let i = 0; i < 8;) {
      if (groups[i] !== '0') {
        i++;
        continue;
      }
      let j = i;
      while (j < 8 && groups[j] === '0') j++;
      if (j - i > bestLen && j - i > 1) {
        best = i;
        bestLen = j - i;
      }
      i = j;
    }
    if (best < 0) return groups.join(':');
    return `${groups.slice(0, best).join(':')}::${groups.slice(best + bestLen).join(':')}`;
  }
  return Buffer.from(view).toString('hex');
}

/** X.509 Time: UTCTime (YYMMDDHHMMSSZ, years 1950-2049) or GeneralizedTime (YYYYMMDDHHMMSS[.f]Z). */
function parseTime(der: Der, t: Tlv): Date {
  const text = der.body(t).toString('latin1');
  const m =
    t.tag === 0x17
      ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?Z$/.exec(text)
      : /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(\.\d+)?Z$/.exec(text);
  if (!m || (t.tag !== 0x17 && t.tag !== 0x18)) throw new CertificateDecodeError(`malformed validity time "${text}"`);
  let year = Number(m[1]);
  if (t.tag === 0x17) year += year >= 50 ? 1900 : 2000;
  const ms = m[7] ? Math.round(Number(m[7]) * 1000) : 0;
  // Date.UTC reads years 0-99 as 1900-1999; setUTCFullYear takes a GeneralizedTime year as written.
  const date = new Date(Date.UTC(2000, 0, 1, Number(m[4]), Number(m[5]), Number(m[6] ?? 0), ms));
  date.setUTCFullYear(year, Number(m[2]) - 1, Number(m[3]));
  return date;
}

/** OpenSSL's security bits for an RSA or finite-field key of `bits` (crypto/rsa/rsa_lib.c, NIST SP 800-57). */
export function ffcSecurityBits(bits: number): number {
  if (bits >= 15360) return 256;
  if (bits >= 7680) return 192;
  if (bits >= 3072) return 128;
  if (bits >= 2048) return 112;
  if (bits >= 1024) return 80;
  return 0;
}

/** Bits of a named curve's order, from its OpenSSL name (prime256v1, secp384r1, brainpoolP512r1 ...). */
function curveBits(curve: string): number {
  const known: Record<string, number> = { prime192v1: 192, prime256v1: 256, 'P-192': 192, 'P-256': 256, 'P-384': 384, 'P-521': 521 };
  if (known[curve]) return known[curve]!;
  const m = /(\d{3})/.exec(curve);
  return m ? Number(m[1]) : 0;
}

/** Key facts by SubjectPublicKeyInfo: renewed and sibling certificates share keys, and loading a key costs more than the rest of a decode. */
const keyFactsCache = new Map<string, PublicKeyFacts>();
const KEY_FACTS_CACHE_SIZE = 256;

function publicKeyFacts(spki: Buffer, der: Der, spkiTlv: Tlv): PublicKeyFacts {
  const id = spki.toString('base64');
  const known = keyFactsCache.get(id);
  if (known) return { ...known, spki };
  const facts = loadPublicKeyFacts(spki, der, spkiTlv);
  if (keyFactsCache.size >= KEY_FACTS_CACHE_SIZE) keyFactsCache.delete(keyFactsCache.keys().next().value!);
  keyFactsCache.set(id, facts);
  return facts;
}

function loadPublicKeyFacts(spki: Buffer, der: Der, spkiTlv: Tlv): PublicKeyFacts {
  try {
    const key = createPublicKey({ key: spki, format: 'der', type: 'spki' });
    const details = key.asymmetricKeyDetails ?? {};
    const type = key.asymmetricKeyType ?? 'unknown';
    const names: Record<string, string> = {
      rsa: 'RSA',
      'rsa-pss': 'RSA-PSS',
      ec: 'EC',
      ed25519: 'Ed25519',
      ed448: 'Ed448',
      dsa: 'DSA',
      x25519: 'X25519',
      x448: 'X448',
      dh: 'DH',
    };
    const facts: PublicKeyFacts = { type: names[type] ?? type, securityBits: 0, loadable: true, spki };
    if (details.modulusLength) facts.bits = details.modulusLength;
    if (details.namedCurve) facts.curve = details.namedCurve;
    // OpenSSL names explicit curve parameters after the curve they equal; verifiers reject them
    // (RFC 5480 2.1.1: MUST use namedCurve; CVE-2020-0601).
    const params = der.kids(der.kids(spkiTlv)[0]!)[1];
    if (type === 'ec' && params?.tag === SEQUENCE)
      facts.curve = `explicit parameters${details.namedCurve ? ` (equal to ${details.namedCurve})` : ''}`;
    if (type === 'ed25519') facts.bits = 256;
    if (type === 'ed448') facts.bits = 456;
    if (type === 'rsa' || type === 'rsa-pss') facts.securityBits = ffcSecurityBits(facts.bits ?? 0);
    else if (type === 'dsa')
      facts.securityBits = Math.min(ffcSecurityBits(facts.bits ?? 0), Math.floor((details.divisorLength ?? 0) / 2) || Infinity);
    else if (type === 'ec' && details.namedCurve) {
      facts.bits = curveBits(details.namedCurve);
      facts.securityBits = Math.floor(facts.bits / 2);
    } else if (type === 'ed25519' || type === 'x25519') facts.securityBits = 128;
    else if (type === 'ed448' || type === 'x448') facts.securityBits = 224;
    return facts;
  } catch {
    const algorithm = der.kids(spkiTlv)[0];
    const oid = algorithm ? der.kids(algorithm)[0] : undefined;
    return { type: oid && oid.tag === OID ? der.oid(oid) : 'unknown', securityBits: 0, loadable: false, spki };
  }
}

/** The certificate fields that come from extensions. */
type Extensions = Pick<
  CertificateFacts,
  | 'hasSanExtension'
  | 'san'
  | 'basicConstraints'
  | 'keyUsage'
  | 'extKeyUsage'
  | 'crlDistributionPoints'
  | 'subjectKeyId'
  | 'authorityKeyId'
  | 'unknownCriticalExtensions'
  | 'nameConstraints'
  | 'duplicateExtensions'
  | 'malformedExtensions'
  | 'extensions'
  | 'authorityKeyIdExtras'
  | 'authorityKeyIdIssuer'
  | 'authorityKeyIdSerial'
  | 'sanOtherNames'
  | 'sanDirNames'
  | 'malformedNames'
>;

/** Why a SAN dNSName is not a host name (RFC 5280 4.2.1.6 preferred name syntax), or undefined. */
export function dnsNameProblem(name: string): string | undefined {
  if (name === '' || name === ' ') return 'an empty dNSName';
  if (/[^\x21-\x7e]/.test(name)) return `dNSName "${name}" has spaces or non-ASCII characters`;
  if (name.startsWith('.') || name.includes('..')) return `dNSName "${name}" has an empty label`;
  if (!/^[A-Za-z0-9*_.-]+$/.test(name)) return `dNSName "${name}" has characters a host name cannot have`;
  return undefined;
}

function generalNames(der: Der, list: Tlv[], into: CertificateFacts['san'], ext?: Extensions) {
  for (const name of list) {
    const view = der.body(name);
    switch (name.tag) {
      case CTX | 1:
        into.email.push(view.toString('latin1'));
        break;
      case CTX | 2: {
        const text = view.toString('latin1');
        // A malformed name stays in the SAN list (it still counts as a DNS SAN for name matching) and is noted.
        const problem = ext && dnsNameProblem(text);
        if (problem) ext.malformedNames.push(problem);
        into.dns.push(text);
        break;
      }
      case CTX | 6:
        into.uri.push(view.toString('latin1'));
        break;
      case CTX | 7:
        if (view.length === 4 || view.length === 16 || !ext) into.ip.push(ipText(view));
        else ext.malformedNames.push(`iPAddress of ${view.length} bytes (${view.toString('hex')}); an address has 4 or 16`);
        break;
      case CTX_CONSTRUCTED | 0: {
        const typeId = der.kids(name)[0];
        ext?.sanOtherNames.push(typeId?.tag === OID ? der.oid(typeId) : 'unknown');
        break;
      }
      case CTX_CONSTRUCTED | 4: {
        const inner = der.kids(name)[0];
        if (inner && ext) ext.sanDirNames.push(parseName(der.whole(inner)).canon);
        break;
      }
    }
  }
}

function subtrees(der: Der, block: Tlv | undefined): NameConstraint[] {
  const out: NameConstraint[] = [];
  for (const subtree of block ? der.kids(block) : []) {
    const base = der.kids(subtree)[0];
    if (!base) continue;
    const view = der.body(base);
    switch (base.tag) {
      case CTX | 2:
        out.push({ type: 'dns', value: view.toString('latin1') });
        break;
      case CTX | 1:
        out.push({ type: 'email', value: view.toString('latin1') });
        break;
      case CTX | 6:
        out.push({ type: 'uri', value: view.toString('latin1') });
        break;
      case CTX | 7:
        out.push({ type: 'ip', value: view.toString('hex') });
        break;
      case CTX_CONSTRUCTED | 4:
        out.push({ type: 'dirName', value: der.whole(base).toString('hex') });
        break;
      default:
        out.push({ type: 'other', value: String(base.tag & 0x1f) });
    }
  }
  return out;
}

function decodeExtension(der: Der, oid: string, critical: boolean, value: Tlv, ext: Extensions): void {
  switch (oid) {
    case '2.5.29.17':
      ext.hasSanExtension = true;
      generalNames(der, der.kids(value), ext.san, ext);
      break;
    case '2.5.29.19': {
      let ca = false;
      let pathLen: number | undefined;
      for (const f of der.kids(value)) {
        if (f.tag === BOOLEAN) ca = der.buf[f.start] !== 0;
        if (f.tag === INTEGER) pathLen = der.integer(f);
      }
      ext.basicConstraints = { ca, critical, ...(pathLen === undefined ? {} : { pathLen }) };
      break;
    }
    case '2.5.29.15': {
      if (value.tag !== BIT_STRING) throw new CertificateDecodeError('keyUsage is not a BIT STRING');
      const unused = der.buf[value.start] ?? 0;
      const bits = der.buf.subarray(value.start + 1, value.end);
      const usages: KeyUsageName[] = [];
      for (let bit = 0; bit < Math.min(9, bits.length * 8 - unused); bit++) {
        if (bits[bit >> 3]! & (0x80 >> (bit & 7))) usages.push(KEY_USAGE_BITS[bit]!);
      }
      ext.keyUsage = usages;
      break;
    }
    case '2.5.29.37':
      ext.extKeyUsage = der.kids(value).map((o) => der.oid(o));
      break;
    case '2.5.29.31':
      for (const point of der.kids(value)) {
        for (const field of der.kids(point)) {
          if (field.tag !== (CTX_CONSTRUCTED | 0)) continue;
          for (const dpName of der.kids(field)) {
            if (dpName.tag !== (CTX_CONSTRUCTED | 0)) continue;
            const found = { dns: [], ip: [], uri: [] as string[], email: [] };
            generalNames(der, der.kids(dpName), found);
            ext.crlDistributionPoints.push(...found.uri);
          }
        }
      }
      break;
    case '2.5.29.14':
      ext.subjectKeyId = der.body(value).toString('hex');
      break;
    case '2.5.29.35':
      for (const f of der.kids(value)) {
        if (f.tag === (CTX | 0)) ext.authorityKeyId = der.body(f).toString('hex');
        else if (f.tag === (CTX_CONSTRUCTED | 1)) {
          ext.authorityKeyIdExtras.push('authorityCertIssuer');
          const dirName = der.kids(f).find((g) => g.tag === (CTX_CONSTRUCTED | 4));
          const name = dirName ? der.kids(dirName)[0] : undefined;
          if (name) ext.authorityKeyIdIssuer = parseName(der.whole(name)).canon;
        } else if (f.tag === (CTX | 2)) {
          ext.authorityKeyIdExtras.push('authorityCertSerialNumber');
          ext.authorityKeyIdSerial = der
            .body(f)
            .toString('hex')
            .toUpperCase()
            .replace(/^(00)+(?=.)/, '');
        }
      }
      break;
    case '2.5.29.30': {
      const fields = der.kids(value);
      ext.nameConstraints = {
        critical,
        permitted: subtrees(
          der,
          fields.find((f) => f.tag === (CTX_CONSTRUCTED | 0)),
        ),
        excluded: subtrees(
          der,
          fields.find((f) => f.tag === (CTX_CONSTRUCTED | 1)),
        ),
      };
      break;
    }
  }
}

function parseExtensions(der: Der, list: Tlv[]): Extensions {
  const ext: Extensions = {
    hasSanExtension: false,
    san: { dns: [], ip: [], uri: [], email: [] },
    crlDistributionPoints: [],
    unknownCriticalExtensions: [],
    duplicateExtensions: [],
    malformedExtensions: [],
    extensions: [],
    authorityKeyIdExtras: [],
    sanOtherNames: [],
    sanDirNames: [],
    malformedNames: [],
  };
  const seen = new Set<string>();
  for (const extension of list) {
    const parts = der.kids(extension);
    const oid = der.oid(parts[0]!);
    if (seen.has(oid)) ext.duplicateExtensions.push(oid);
    seen.add(oid);
    const critical = parts.length === 3 && parts[1]!.tag === BOOLEAN && der.buf[parts[1]!.start] !== 0;
    const octets = parts[parts.length - 1]!;
    ext.extensions.push({ oid, critical });
    if (!KNOWN_EXTENSIONS.has(oid)) {
      if (critical) ext.unknownCriticalExtensions.push(oid);
      continue;
    }
    try {
      if (octets.tag !== OCTET_STRING) throw new CertificateDecodeError('extnValue is not an OCTET STRING');
      const inner = readTlv(der.buf, octets.start, octets.end);
      if (inner.end !== octets.end) throw new CertificateDecodeError('trailing bytes in extnValue');
      decodeExtension(der, oid, critical, inner, ext);
    } catch {
      ext.malformedExtensions.push(oid);
    }
  }
  return ext;
}

/** Decodes one DER certificate. Throws CertificateDecodeError when OpenSSL or the DER walk rejects it. */
export function decodeCertificate(buf: Buffer): CertificateFacts {
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(buf);
  } catch (error) {
    throw new CertificateDecodeError(`OpenSSL cannot parse it (${(error as Error).message})`);
  }
  try {
    const der = new Der(buf);
    const certificate = der.root();
    const [tbs, signatureAlgorithm] = der.kids(certificate);
    if (certificate.tag !== SEQUENCE || !tbs || !signatureAlgorithm) throw new CertificateDecodeError('not an X.509 certificate');
    const fields = der.kids(tbs);
    let i = 0;
    let version = 1;
    if (fields[0]?.tag === (CTX_CONSTRUCTED | 0)) {
      version = der.integer(der.kids(fields[0])[0]!) + 1;
      i = 1;
    }
    const serial = fields[i]!;
    const issuerTlv = fields[i + 2]!;
    const validity = der.kids(fields[i + 3]!);
    const subjectTlv = fields[i + 4]!;
    const spki = fields[i + 5]!;
    const extensionsTlv = fields.slice(i + 6).find((f) => f.tag === (CTX_CONSTRUCTED | 3));
    const subject = parseName(der.whole(subjectTlv));
    const issuer = parseName(der.whole(issuerTlv));
    const extensions = parseExtensions(der, extensionsTlv ? der.kids(der.kids(extensionsTlv)[0]!) : []);
    const sigOid = der.oid(der.kids(signatureAlgorithm)[0]!);
    const tbsSignature = fields[i + 1]!;
    const serialBytes = der.body(serial);
    const serialProblem =
      serialBytes.length === 0 || serialBytes.every((b) => b === 0)
        ? 'the serial number is zero'
        : serialBytes[0]! & 0x80
          ? 'the serial number is negative'
          : serialBytes.length > 20 + (serialBytes[0] === 0 ? 1 : 0)
            ? `the serial number is ${serialBytes.length} octets long (at most 20)`
            : undefined;
    return {
      der: buf,
      sha256: createHash('sha256').update(buf).digest('hex'),
      version,
      serialNumber: der
        .body(serial)
        .toString('hex')
        .toUpperCase()
        .replace(/^(00)+(?=.)/, ''),
      subject: subject.text,
      issuer: issuer.text,
      subjectHash: subject.hash,
      issuerHash: issuer.hash,
      subjectHashOld: subject.hashOld,
      issuerHashOld: issuer.hashOld,
      subjectCanon: subject.canon,
      issuerCanon: issuer.canon,
      subjectDer: Buffer.from(der.whole(subjectTlv)),
      issuerDer: Buffer.from(der.whole(issuerTlv)),
      commonNames: attributeValues(subject, '2.5.4.3'),
      notBefore: parseTime(der, validity[0]!),
      notAfter: parseTime(der, validity[1]!),
      signatureAlgorithm: SIGNATURE_ALGORITHMS[sigOid] ?? sigOid,
      signatureAlgorithmOid: sigOid,
      signatureAlgorithmConsistent: der.whole(tbsSignature).equals(der.whole(signatureAlgorithm)),
      ...(serialProblem ? { serialProblem } : {}),
      subjectEmails: attributeValues(subject, '1.2.840.113549.1.9.1'),
      publicKey: publicKeyFacts(der.whole(spki), der, spki),
      ...extensions,
      selfIssued: subject.canon === issuer.canon,
      x509,
    };
  } catch (error) {
    if (error instanceof CertificateDecodeError) throw error;
    throw new CertificateDecodeError(`its fields cannot be decoded (${(error as Error).message})`);
  }
}
