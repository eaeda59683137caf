export type CrlOutcome =
  | 'ok'
  | 'http-error'
  | 'refused'
  | 'timeout'
  | 'too-large'
  | 'garbage'
  | 'bad-signature'
  | 'no-issuer'
  | 'redirect-error'
  | 'unsupported-scheme'
  | 'network-error'
  /** This machine's network, not the CRL server: the host name does not resolve from here ... */
  | 'dns-error'
  /** ... there is no route out (ENETUNREACH, EHOSTUNREACH) ... */
  | 'no-route'
  /** ... or the proxy failed: unreachable, refused, or asks for credentials (407). */
  | 'proxy-error'
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
  /** Served from --cache-dir: nothing was contacted; fetchedAt is when it was downloaded. */
  fromCache?: boolean;
  /** When the CRL was downloaded (ISO 8601, wall clock). */
  fetchedAt?: string;
  /** The proxy the download went through (no credentials). */
  via?: string;
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
  /** The proxies in use (from HTTPS_PROXY / HTTP_PROXY / NO_PROXY), without credentials. */
  proxy?: { https?: string; http?: string; noProxy?: string };
  /** --crl files given by the user. */
  files?: string[];
}

/** CRLReason codes (RFC 5280 5.3.1); 7 is unused. */
export const CRL_REASONS: readonly string[] = [
  'unspecified',
  'keyCompromise',
  'cACompromise',
  'affiliationChanged',
  'superseded',
  'cessationOfOperation',
  'certificateHold',
  '',
  'removeFromCRL',
  'privilegeWithdrawn',
  'aACompromise',
];
