import type { X509Certificate } from 'node:crypto';

export type KeyUsageName =
  | 'digitalSignature' | 'nonRepudiation' | 'keyEncipherment' | 'dataEncipherment' | 'keyAgreement'
  | 'keyCertSign' | 'cRLSign' | 'encipherOnly' | 'decipherOnly';

export interface PublicKeyFacts {
  /** RSA, RSA-PSS, EC, Ed25519, Ed448, DSA or the SPKI algorithm OID when unknown. */
  type: string;
  bits?: number;
  curve?: string;
}

export interface NameConstraint {
  type: 'dns' | 'ip' | 'email' | 'uri' | 'dirName' | 'other';
  /** DNS/email/URI text; for IP the hex of address and mask; for dirName the DER hex. */
  value: string;
}

export interface NameConstraints {
  critical: boolean;
  permitted: NameConstraint[];
  excluded: NameConstraint[];
}

/** Everything the rules may read about one certificate; built once by the parser. */
export interface CertificateFacts {
  der: Buffer;
  sha256: string;
  version: number;
  serialNumber: string;
  subject: string;
  issuer: string;
  subjectHash: string;
  issuerHash: string;
  subjectHashOld: string;
  issuerHashOld: string;
  /** OpenSSL canonical name encodings (hex), for name equality. */
  subjectCanon: string;
  issuerCanon: string;
  subjectDer: Buffer;
  issuerDer: Buffer;
  commonNames: string[];
  notBefore: Date;
  notAfter: Date;
  signatureAlgorithm: string;
  publicKey: PublicKeyFacts;
  hasSanExtension: boolean;
  san: { dns: string[]; ip: string[]; uri: string[]; email: string[] };
  basicConstraints?: { ca: boolean; pathLen?: number; critical: boolean };
  keyUsage?: KeyUsageName[];
  extKeyUsage?: string[];
  crlDistributionPoints: string[];
  subjectKeyId?: string;
  authorityKeyId?: string;
  unknownCriticalExtensions: string[];
  nameConstraints?: NameConstraints;
  /** Extension OIDs that appear more than once (RFC 5280 4.2: MUST NOT). */
  duplicateExtensions: string[];
  /** Known extensions whose value does not decode. */
  malformedExtensions: string[];
  selfIssued: boolean;
  /** OpenSSL's view of the certificate, for signature checks by the chain builder. */
  x509: X509Certificate;
}
