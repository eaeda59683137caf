/**
 * Certificate facts from DER. OpenSSL (node:crypto X509Certificate) decides whether the bytes
 * are a certificate at all and checks signatures; a DER walk reads the fields and extensions the
 * rules need. (asn1js decodes the same fields but costs ~12 ms of cold start per check, a third of
 * the start-up budget, so it is kept for the lazily loaded CRL and PKCS#7 code.)
 */
import { createHash, createPublicKey, X509Certificate } from 'node:crypto';
import type { CertificateFacts, KeyUsageName, NameConstraint, NameConstraints, PublicKeyFacts } from '../model/certificate.js';
import { children, oidToString, readTlv, type Tlv } from './der.js';
import { attributeValues, parseName } from './name.js';

export class CertificateDecodeError extends Error {}

const KEY_USAGE_BITS: KeyUsageName[] = [
  'digitalSignature', 'nonRepudiation', 'keyEncipherment', 'dataEncipherment', 'keyAgreement',
  'keyCertSign', 'cRLSign', 'encipherOnly', 'decipherOnly',
];

const KNOWN_EXTENSIONS = new Set([
  '2.5.29.14', '2.5.29.15', '2.5.29.17', '2.5.29.18', '2.5.29.19', '2.5.29.30', '2.5.29.31', '2.5.29.32',
  '2.5.29.33', '2.5.29.35', '2.5.29.36', '2.5.29.37', '2.5.29.46', '2.5.29.54', '1.3.6.1.5.5.7.1.1',
  '1.3.6.1.5.5.7.1.24', '1.3.6.1.4.1.11129.2.4.2', '1.3.6.1.4.1.11129.2.4.3',
]);

const SIGNATURE_ALGORITHMS: Record<string, string> = {
  '1.2.840.113549.1.1.5': 'sha1WithRSAEncryption', '1.2.840.113549.1.1.11': 'sha256WithRSAEncryption',
  '1.2.840.113549.1.1.12': 'sha384WithRSAEncryption', '1.2.840.113549.1.1.13': 'sha512WithRSAEncryption',
  '1.2.840.113549.1.1.10': 'rsassaPss', '1.2.840.113549.1.1.4': 'md5WithRSAEncryption',
  '1.2.840.10045.4.3.2': 'ecdsa-with-SHA256', '1.2.840.10045.4.3.3': 'ecdsa-with-SHA384',
  '1.2.840.10045.4.3.4': 'ecdsa-with-SHA512', '1.2.840.10045.4.1': 'ecdsa-with-SHA1', '1.3.101.112': 'ED25519', '1.3.101.113': 'ED448',
};

const SEQUENCE = 0x30, OID = 0x06, BOOLEAN = 0x01, INTEGER = 0x02, BIT_STRING = 0x03, OCTET_STRING = 0x04;
const CTX = 0x80, CTX_CONSTRUCTED = 0xa0;

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
    let best = -1, bestLen = 0;
    for (let i = 0; i < 8; ) {
      if (groups[i] !== '0') { i++; continue; }
      let j = i;
      while (j < 8 && groups[j] === '0') j++;
      if (j - i > bestLen && j - i > 1) { best = i; bestLen = j - i; }
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
  const m = t.tag === 0x17
    ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?Z$/.exec(text)
    : /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(\.\d+)?Z$/.exec(text);
  if (!m || (t.tag !== 0x17 && t.tag !== 0x18)) throw new CertificateDecodeError(`malformed validity time "${text}"`);
  let year = Number(m[1]);
  if (t.tag === 0x17) year += year >= 50 ? 1900 : 2000;
  const ms = m[7] ? Math.round(Number(m[7]) * 1000) : 0;
  return new Date(Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0), ms));
}

function publicKeyFacts(spki: Buffer, der: Der, spkiTlv: Tlv): PublicKeyFacts {
  try {
    const key = createPublicKey({ key: spki, format: 'der', type: 'spki' });
    const details = key.asymmetricKeyDetails ?? {};
    const type = key.asymmetricKeyType ?? 'unknown';
    const names: Record<string, string> = { rsa: 'RSA', 'rsa-pss': 'RSA-PSS', ec: 'EC', ed25519: 'Ed25519', ed448: 'Ed448', dsa: 'DSA', x25519: 'X25519', x448: 'X448', dh: 'DH' };
    const facts: PublicKeyFacts = { type: names[type] ?? type };
    if (details.modulusLength) facts.bits = details.modulusLength;
    if (details.namedCurve) facts.curve = details.namedCurve;
    // OpenSSL names explicit curve parameters after the curve they equal; verifiers reject them
    // (RFC 5480 2.1.1: MUST use namedCurve; CVE-2020-0601).
    const params = der.kids(der.kids(spkiTlv)[0]!)[1];
    if (type === 'ec' && params?.tag === SEQUENCE) facts.curve = `explicit parameters${details.namedCurve ? ` (equal to ${details.namedCurve})` : ''}`;
    if (type === 'ed25519') facts.bits = 256;
    return facts;
  } catch {
    const algorithm = der.kids(spkiTlv)[0];
    const oid = algorithm ? der.kids(algorithm)[0] : undefined;
    return { type: oid && oid.tag === OID ? der.oid(oid) : 'unknown' };
  }
}

/** The certificate fields that come from extensions. */
type Extensions = Pick<CertificateFacts,
  | 'hasSanExtension' | 'san' | 'basicConstraints' | 'keyUsage' | 'extKeyUsage' | 'crlDistributionPoints' | 'subjectKeyId'
  | 'authorityKeyId' | 'unknownCriticalExtensions' | 'nameConstraints' | 'duplicateExtensions' | 'malformedExtensions'>;

function generalNames(der: Der, list: Tlv[], into: CertificateFacts['san']) {
  for (const name of list) {
    const view = der.body(name);
    switch (name.tag) {
      case CTX | 1: into.email.push(view.toString('latin1')); break;
      case CTX | 2: into.dns.push(view.toString('latin1')); break;
      case CTX | 6: into.uri.push(view.toString('latin1')); break;
      case CTX | 7: into.ip.push(ipText(view)); break;
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
      case CTX | 2: out.push({ type: 'dns', value: view.toString('latin1') }); break;
      case CTX | 1: out.push({ type: 'email', value: view.toString('latin1') }); break;
      case CTX | 6: out.push({ type: 'uri', value: view.toString('latin1') }); break;
      case CTX | 7: out.push({ type: 'ip', value: view.toString('hex') }); break;
      case CTX_CONSTRUCTED | 4: out.push({ type: 'dirName', value: der.whole(base).toString('hex') }); break;
      default: out.push({ type: 'other', value: String(base.tag & 0x1f) });
    }
  }
  return out;
}

function decodeExtension(der: Der, oid: string, critical: boolean, value: Tlv, ext: Extensions): void {
  switch (oid) {
    case '2.5.29.17':
      ext.hasSanExtension = true;
      generalNames(der, der.kids(value), ext.san);
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
      for (const f of der.kids(value)) if (f.tag === (CTX | 0)) ext.authorityKeyId = der.body(f).toString('hex');
      break;
    case '2.5.29.30': {
      const fields = der.kids(value);
      ext.nameConstraints = {
        critical,
        permitted: subtrees(der, fields.find((f) => f.tag === (CTX_CONSTRUCTED | 0))),
        excluded: subtrees(der, fields.find((f) => f.tag === (CTX_CONSTRUCTED | 1))),
      };
      break;
    }
  }
}

function parseExtensions(der: Der, list: Tlv[]): Extensions {
  const ext: Extensions = { hasSanExtension: false, san: { dns: [], ip: [], uri: [], email: [] }, crlDistributionPoints: [], unknownCriticalExtensions: [], duplicateExtensions: [], malformedExtensions: [] };
  const seen = new Set<string>();
  for (const extension of list) {
    const parts = der.kids(extension);
    const oid = der.oid(parts[0]!);
    if (seen.has(oid)) ext.duplicateExtensions.push(oid);
    seen.add(oid);
    const critical = parts.length === 3 && parts[1]!.tag === BOOLEAN && der.buf[parts[1]!.start] !== 0;
    const octets = parts[parts.length - 1]!;
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
    return {
      der: buf,
      sha256: createHash('sha256').update(buf).digest('hex'),
      version,
      serialNumber: der.body(serial).toString('hex').toUpperCase().replace(/^(00)+(?=.)/, ''),
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
