export type CrlOutcome =
  | 'ok' | 'http-error' | 'refused' | 'timeout' | 'too-large' | 'garbage' | 'bad-signature'
  | 'no-issuer' | 'redirect-error' | 'unsupported-scheme' | 'network-error';

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
}
