export type TlsVersion = '1.0' | '1.1' | '1.2' | '1.3';
export type TlsRole = 'server' | 'client';

/** One role's TLS settings as OpenSSL (the one Node links) resolves them. */
export interface TlsRoleSettings {
  role: TlsRole;
  /** Where the settings came from, e.g. "--ciphers". */
  origin: string;
  cipherString?: string;
  /** The string handed to OpenSSL after IANA names were mapped. */
  opensslCipherString?: string;
  /** Enabled TLS 1.2 suites in preference order, as IANA names. */
  enabledSuites?: string[];
  /** Which term of the cipher string removed which BYOC suites. */
  byocRemovedBy?: Array<{ term: string; removed: string[] }>;
  /** A cipher string, verified with OpenSSL, that enables a non-deprecated BYOC suite. */
  suggestedFix?: string;
  curvesString?: string;
  /** Enabled groups in preference order, OpenSSL names (secp384r1, x25519, ...). */
  groups?: string[];
  minVersion?: TlsVersion;
  maxVersion?: TlsVersion;
  /** The version texts as given ("TLSv1.2+", "tlsv1_2"), when they differ from the version read. */
  versionsGiven?: { min?: string; max?: string };
}

export interface TlsFacts {
  ciphersGiven: boolean;
  curvesGiven: boolean;
  versionsGiven: boolean;
  roles: TlsRoleSettings[];
}
