export type CrlOutcome =
  | 'ok' | 'http-error' | 'refused' | 'timeout' | 'too-large' | 'garbage' | 'bad-signature'
  | 'no-issuer' | 'redirect-error' | 'unsupported-scheme' | 'network-error'
  /** A --crl file CRL OpenSSL would refuse (no cRLSign, unhandled critical extension, expired ...). */
  | 'rejected';

export interface CrlFetch {
  url: string;
  outcome: CrlOutcome;
  detail: string;
  httpStatus?: number;
  /** Every URL contacted, redirects included. */
  contacted: string[];
  elapsedMs: number;
  bytes?: number;
  thisUpdate?: string;
  nextUpdate?: string;
  fromCache?: boolean;
  revoked?: { serial: string; date: string; reason?: string };
  /** The --crl file this CRL came from (nothing was fetched). */
  file?: string;
  /** The CRL has no cRLNumber extension (RFC 5280 5.2.3: MUST include it). */
  missingCrlNumber?: boolean;
}

export interface CrlCertificateFacts {
  /** Index in the chain path. */
  pathIndex: number;
  urls: string[];
  fetches: CrlFetch[];
}

export interface CrlFacts {
  /** False with --offline: nothing was fetched. */
  attempted: boolean;
  certificates: CrlCertificateFacts[];
  timeoutSeconds: number;
  /** --crl files given by the user. */
  files?: string[];
}
