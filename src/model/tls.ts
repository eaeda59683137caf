import type { TlsEndpointSettings } from './endpoint.js';

export type TlsVersion = '1.0' | '1.1' | '1.2' | '1.3';
export type TlsRole = 'server' | 'client';
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
  /** The OpenSSL version that resolved the strings. */
  openssl?: string;
}

export interface TlsFacts {
  endpoints: TlsEndpointFacts[];
}
