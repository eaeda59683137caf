import type { X509Certificate } from 'node:crypto';

export type KeyUsageName =
  | 'digitalSignature'
  | 'nonRepudiation'
  | 'keyEncipherment'
  | 'dataEncipherment'
  | 'keyAgreement'
  | 'keyCertSign'
  | 'cRLSign'
  | 'encipherOnly'
  | 'decipherOnly';

export interface PublicKeyFacts {
  /** RSA, RSA-PSS, EC, Ed25519, Ed448, DSA or the SPKI algorithm OID when unknown. */
  type: string;
  bits?: number;
  curve?: string;
  /** Security strength in bits as OpenSSL rates the key (EVP_PKEY_get_security_bits); 0 when unknown. */
  securityBits: number;
  /** False when OpenSSL cannot load the key (unknown algorithm or bad encoding). */
  loadable: boolean;
  /** DER of SubjectPublicKeyInfo, to compare keys without loading them. */
  spki: Buffer;
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
  /** Every extension in certificate order. */
  extensions: Array<{ oid: string; critical: boolean }>;
  /** authorityKeyIdentifier fields besides keyIdentifier (webpki forbids them in roots). */
  authorityKeyIdExtras: string[];
  /** authorityCertIssuer's directoryName (canonical hex) and authorityCertSerialNumber (hex), when present. */
  authorityKeyIdIssuer?: string;
  authorityKeyIdSerial?: string;
  /** SAN otherName type OIDs and directoryName canonical encodings (hex), for name constraints. */
  sanOtherNames: string[];
  sanDirNames: string[];
  /** emailAddress attributes of the subject (name constraints apply to them). */
  subjectEmails: string[];
  /** SAN entries that are not well formed, described (an IP of 5 bytes, a DNS name with a space ...). */
  malformedNames: string[];
  /** Serial number defects RFC 5280 4.1.2.2 forbids (zero, negative, over 20 octets). */
  serialProblem?: string;
  /** OID of the outer signatureAlgorithm, and whether the TBS copy equals it (RFC 5280 4.1.1.2). */
  signatureAlgorithmOid: string;
  signatureAlgorithmConsistent: boolean;
  /** Extension OIDs that appear more than once (RFC 5280 4.2: MUST NOT). */
  duplicateExtensions: string[];
  /** Known extensions whose value does not decode. */
  malformedExtensions: string[];
  selfIssued: boolean;
  /** OpenSSL's view of the certificate, for signature checks by the chain builder. */
  x509: X509Certificate;
}
