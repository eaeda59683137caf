import type { Sourced, TlsEndpointSettings, TlsVersion } from './endpoint.js';

export type { TlsRole, TlsVersion } from './endpoint.js';
export const TLS_VERSION_ORDER: readonly TlsVersion[] = ['1.0', '1.1', '1.2', '1.3'];

/** One TLS endpoint with its cipher and group settings as OpenSSL (the one Node links) resolves them, or as the probe saw them. */
export interface TlsEndpointFacts extends TlsEndpointSettings {
  /** The string handed to OpenSSL after IANA names were mapped. */
  opensslCipherString?: string;
  /** Enabled TLS 1.2 suites in preference order, as IANA names. */
  enabledSuites?: string[];
  /** OpenSSL selects no cipher from `ciphers`: the SBC's TLS context would not load. */
  cipherError?: string;
  /** Which term of the cipher string removed which BYOC suites. */
  byocRemovedBy?: Array<{ term: string; removed: string[] }>;
  /** A cipher string, verified with OpenSSL, that enables a non-deprecated BYOC suite. */
  suggestedFix?: string;
  /** Enabled groups in preference order, OpenSSL names (secp384r1, x25519, ...). */
  groups?: string[];
  /** OpenSSL rejects the group list as written: the SBC would not start TLS with it. */
  groupError?: string;
  /** Group names this OpenSSL does not know but newer ones do (X25519MLKEM768), left out of `groups`. */
  groupsUnknownHere?: string[];
  /** The certificates of `caList`, when the file was found (trusts-genesys matches roots by subject hash). */
  caCertificates?: Sourced<Array<{ subject: string; subjectHash: string; sha256: string }>>;
  /** Paths tried for `caList` when it was not found. */
  caListTried?: string[];
  /** The OpenSSL version that resolved the strings. */
  openssl?: string;
  /** The certificate file as the product loads it (its first PEM block is the server certificate), when the repository holds it. */
  certificateLoad?: CertificateLoadFacts;
}

/** What the SBC's OpenSSL finds when it loads the endpoint's certificate (and key) files from the repository. */
export interface CertificateLoadFacts {
  certificateFile: string;
  /** The first certificate of the file: the one OpenSSL's certificate (chain) file loader takes as the SBC's own. */
  first: { subject: string; ca: boolean; keyType: string; keyBits?: number; securityBits: number };
  /** A later certificate of the same file is an end-entity certificate (not a CA): the file is in the wrong order. */
  leafLater?: { index: number; subject: string };
  /** The weakest key among the other certificates of the file (OpenSSL's security level applies to the whole chain sent). */
  weakestCa?: { subject: string; securityBits: number };
  /** The private key file, when the repository holds it and the key is not encrypted. */
  keyFile?: string;
  /** Whether that private key belongs to the first certificate (OpenSSL's SSL_CTX_check_private_key). */
  keyMatches?: boolean;
}

export interface TlsFacts {
  endpoints: TlsEndpointFacts[];
}
