/** A dated distrust decision by a root program that affects an accepted root. */
export interface Distrust {
  from: string;
  scope: string;
  by: string;
  source: string;
  /** True when the distrust applies only to certificates issued after `from`. */
  issuedAfter?: boolean;
}

/** One row of the BYOC accepted-CA list. */
export interface AcceptedCa {
  provider: string;
  /** The name Genesys shows; not always the certificate CN. */
  name: string;
  subjectHash: string;
  subjectHashOld: string | null;
  /** SHA-256 of the root certificate, when it could be identified in a public store. */
  sha256: string | null;
  subject: string | null;
  notAfter: string | null;
  distrust?: Distrust;
  notes: string[];
}
