/**
 * Certificate facts from DER. OpenSSL (node:crypto X509Certificate) decides whether the bytes are
 * a certificate at all and checks signatures; asn1js decodes the fields and extensions the rules read.
 */
import { createHash, createPublicKey, X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import type { CertificateFacts, KeyUsageName, NameConstraint, NameConstraints, PublicKeyFacts } from '../model/certificate.js';
import { attributeValues, parseName } from './name.js';

export class CertificateDecodeError extends Error {}

type Block = asn1js.AsnType & {
  idBlock: { tagClass: number; tagNumber: number; isConstructed: boolean };
  valueBlock: { value?: unknown; valueHexView?: Uint8Array; unusedBits?: number; toString?: () => string };
  valueBeforeDecodeView: Uint8Array;
};

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

function items(block: Block): Block[] {
  const value = block.valueBlock.value;
  return Array.isArray(value) ? (value as Block[]) : [];
}

function bytes(block: Block): Uint8Array {
  return block.valueBlock.valueHexView ?? new Uint8Array();
}

function hex(view: Uint8Array): string {
  return Buffer.from(view).toString('hex');
}

function decode(view: Uint8Array): Block {
  const parsed = asn1js.fromBER(view);
  if (parsed.offset === -1) throw new CertificateDecodeError(`malformed DER: ${parsed.result.error}`);
  return parsed.result as unknown as Block;
}

function isContext(block: Block, tag: number): boolean {
  return block.idBlock.tagClass === 3 && block.idBlock.tagNumber === tag;
}

function ascii(view: Uint8Array): string {
  return Buffer.from(view).toString('latin1');
}

function ipText(view: Uint8Array): string {
  if (view.length === 4) return Array.from(view).join('.');
  if (view.length === 16) {
    const groups: string[] = [];
    for (let i = 0; i < 16; i += 2) groups.push(((view[i]! << 8) | view[i + 1]!).toString(16));
    return groups.join(':').replace(/(^|:)0(:0)+(:|$)/, '::').replace(/:{3,}/, '::');
  }
  return hex(view);
}

function publicKeyFacts(spki: Uint8Array): PublicKeyFacts {
  try {
    const key = createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' });
    const details = key.asymmetricKeyDetails ?? {};
    const type = key.asymmetricKeyType ?? 'unknown';
    const names: Record<string, string> = { rsa: 'RSA', 'rsa-pss': 'RSA-PSS', ec: 'EC', ed25519: 'Ed25519', ed448: 'Ed448', dsa: 'DSA', x25519: 'X25519', x448: 'X448', dh: 'DH' };
    const facts: PublicKeyFacts = { type: names[type] ?? type };
    if (details.modulusLength) facts.bits = details.modulusLength;
    if (details.namedCurve) facts.curve = details.namedCurve;
    if (type === 'ed25519') facts.bits = 256;
    return facts;
  } catch {
    const algorithm = items(decode(spki))[0];
    const oid = algorithm ? items(algorithm)[0]?.valueBlock.toString?.() : undefined;
    return { type: oid ?? 'unknown' };
  }
}

interface Extensions {
  nameConstraints?: NameConstraints;
  duplicateExtensions: string[];
  malformedExtensions: string[];
  hasSanExtension: boolean;
  san: CertificateFacts['san'];
  basicConstraints?: CertificateFacts['basicConstraints'];
  keyUsage?: KeyUsageName[];
  extKeyUsage?: string[];
  crlDistributionPoints: string[];
  subjectKeyId?: string;
  authorityKeyId?: string;
  unknownCriticalExtensions: string[];
}

function generalNames(list: Block[], into: CertificateFacts['san']) {
  for (const name of list) {
    if (name.idBlock.tagClass !== 3) continue;
    const view = bytes(name);
    switch (name.idBlock.tagNumber) {
      case 1: into.email.push(ascii(view)); break;
      case 2: into.dns.push(ascii(view)); break;
      case 6: into.uri.push(ascii(view)); break;
      case 7: into.ip.push(ipText(view)); break;
    }
  }
}

function subtrees(block: Block | undefined): NameConstraint[] {
  const out: NameConstraint[] = [];
  for (const subtree of block ? items(block) : []) {
    const base = items(subtree)[0];
    if (!base || base.idBlock.tagClass !== 3) continue;
    const view = bytes(base);
    switch (base.idBlock.tagNumber) {
      case 2: out.push({ type: 'dns', value: ascii(view) }); break;
      case 1: out.push({ type: 'email', value: ascii(view) }); break;
      case 6: out.push({ type: 'uri', value: ascii(view) }); break;
      case 7: out.push({ type: 'ip', value: hex(view) }); break;
      case 4: out.push({ type: 'dirName', value: hex(base.valueBeforeDecodeView) }); break;
      default: out.push({ type: 'other', value: String(base.idBlock.tagNumber) });
    }
  }
  return out;
}

function parseExtensions(list: Block[]): Extensions {
  const ext: Extensions = { hasSanExtension: false, san: { dns: [], ip: [], uri: [], email: [] }, crlDistributionPoints: [], unknownCriticalExtensions: [], duplicateExtensions: [], malformedExtensions: [] };
  const seen = new Set<string>();
  for (const extension of list) {
    const parts = items(extension);
    const oid = parts[0]?.valueBlock.toString?.() ?? '';
    if (seen.has(oid)) ext.duplicateExtensions.push(oid);
    seen.add(oid);
    const critical = parts.length === 3 && parts[1]!.valueBlock.value === true;
    if (!KNOWN_EXTENSIONS.has(oid)) {
      if (critical) ext.unknownCriticalExtensions.push(oid);
      continue;
    }
    let inner: Block;
    try {
      inner = decode(bytes(parts[parts.length - 1]!));
    } catch {
      ext.malformedExtensions.push(oid);
      continue;
    }
    switch (oid) {
      case '2.5.29.17':
        ext.hasSanExtension = true;
        generalNames(items(inner), ext.san);
        break;
      case '2.5.29.19': {
        const fields = items(inner);
        let ca = false;
        let pathLen: number | undefined;
        for (const f of fields) {
          if (f.idBlock.tagNumber === 1 && f.idBlock.tagClass === 1) ca = f.valueBlock.value === true;
          if (f.idBlock.tagNumber === 2 && f.idBlock.tagClass === 1) pathLen = Number((f as unknown as asn1js.Integer).valueBlock.valueDec);
        }
        ext.basicConstraints = { ca, critical, ...(pathLen === undefined ? {} : { pathLen }) };
        break;
      }
      case '2.5.29.15': {
        const view = bytes(inner);
        const unused = inner.valueBlock.unusedBits ?? 0;
        const usages: KeyUsageName[] = [];
        for (let bit = 0; bit < Math.min(9, view.length * 8 - unused); bit++) {
          if (view[bit >> 3]! & (0x80 >> (bit & 7))) usages.push(KEY_USAGE_BITS[bit]!);
        }
        ext.keyUsage = usages;
        break;
      }
      case '2.5.29.37':
        ext.extKeyUsage = items(inner).map((o) => o.valueBlock.toString?.() ?? '');
        break;
      case '2.5.29.31':
        for (const point of items(inner)) {
          for (const field of items(point)) {
            if (!isContext(field, 0)) continue;
            for (const dpName of items(field)) if (isContext(dpName, 0)) {
              const uris = { dns: [], ip: [], uri: [] as string[], email: [] };
              generalNames(items(dpName), uris);
              ext.crlDistributionPoints.push(...uris.uri);
            }
          }
        }
        break;
      case '2.5.29.14':
        ext.subjectKeyId = hex(bytes(inner));
        break;
      case '2.5.29.35':
        for (const f of items(inner)) if (isContext(f, 0)) ext.authorityKeyId = hex(bytes(f));
        break;
      case '2.5.29.30': {
        const fields = items(inner);
        ext.nameConstraints = {
          critical,
          permitted: subtrees(fields.find((f) => isContext(f, 0))),
          excluded: subtrees(fields.find((f) => isContext(f, 1))),
        };
        break;
      }
    }
  }
  return ext;
}

/** Decodes one DER certificate. Throws CertificateDecodeError when OpenSSL or asn1js rejects it. */
export function decodeCertificate(der: Buffer): CertificateFacts {
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(der);
  } catch (error) {
    throw new CertificateDecodeError(`OpenSSL cannot parse it (${(error as Error).message})`);
  }
  try {
    const certificate = decode(der);
    const [tbs, signatureAlgorithm] = items(certificate);
    if (!tbs || !signatureAlgorithm) throw new CertificateDecodeError('not an X.509 certificate');
    const fields = items(tbs);
    let i = 0;
    let version = 1;
    if (fields[0] && isContext(fields[0], 0)) {
      version = Number((items(fields[0])[0] as unknown as asn1js.Integer).valueBlock.valueDec) + 1;
      i = 1;
    }
    const serial = fields[i]!;
    const issuerBlock = fields[i + 2]!;
    const validity = items(fields[i + 3]!);
    const subjectBlock = fields[i + 4]!;
    const spki = fields[i + 5]!;
    const extensionsBlock = fields.slice(i + 6).find((f) => isContext(f, 3));
    const subject = parseName(subjectBlock.valueBeforeDecodeView);
    const issuer = parseName(issuerBlock.valueBeforeDecodeView);
    const extensions = parseExtensions(extensionsBlock ? items(items(extensionsBlock)[0]!) : []);
    const sigOid = items(signatureAlgorithm)[0]?.valueBlock.toString?.() ?? '';
    const time = (b: Block) => (b as unknown as asn1js.UTCTime).toDate();
    return {
      der,
      sha256: createHash('sha256').update(der).digest('hex'),
      version,
      serialNumber: hex(bytes(serial)).toUpperCase().replace(/^(00)+(?=.)/, ''),
      subject: subject.text,
      issuer: issuer.text,
      subjectHash: subject.hash,
      issuerHash: issuer.hash,
      subjectHashOld: subject.hashOld,
      issuerHashOld: issuer.hashOld,
      subjectCanon: subject.canon,
      issuerCanon: issuer.canon,
      subjectDer: Buffer.from(subjectBlock.valueBeforeDecodeView),
      issuerDer: Buffer.from(issuerBlock.valueBeforeDecodeView),
      commonNames: attributeValues(subject, '2.5.4.3'),
      notBefore: time(validity[0]!),
      notAfter: time(validity[1]!),
      signatureAlgorithm: SIGNATURE_ALGORITHMS[sigOid] ?? sigOid,
      publicKey: publicKeyFacts(spki.valueBeforeDecodeView),
      ...extensions,
      selfIssued: subject.canon === issuer.canon,
      x509,
    };
  } catch (error) {
    if (error instanceof CertificateDecodeError) throw error;
    throw new CertificateDecodeError(`its fields cannot be decoded (${(error as Error).message})`);
  }
}
