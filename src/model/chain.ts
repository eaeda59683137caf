import type { CertificateFacts } from './certificate.js';
import type { AcceptedCa } from './trust.js';

export type Role = 'leaf' | 'intermediate' | 'root';
export type RootOrigin = 'presented' | 'ca-file' | 'node-store' | 'system-store';

export interface PathEntry {
  cert: CertificateFacts;
  role: Role;
  /** Position in the input file, when the certificate was presented. */
  inputIndex?: number;
  /** Where a root that was not presented came from. */
  origin?: RootOrigin;
}

export interface SignatureLink {
  /** Index in `path` of the signed certificate and of its issuer. */
  child: number;
  parent: number;
  valid: boolean;
  error?: string;
}

/** The certification path from the leaf towards a trust anchor, as the chain builder found it. */
export interface ChainFacts {
  input: CertificateFacts[];
  leafInputIndex: number;
  path: PathEntry[];
  /** The path ends at a trust anchor (a root certificate, or a listed root known by hash only). */
  complete: boolean;
  /** The top certificate's issuer when neither the input nor the anchors hold it. */
  missingIssuer?: { subject: string; hash: string };
  /** Listed BYOC roots matching the top certificate's issuer hash while the root itself is not available. */
  rootByHashOnly?: AcceptedCa[];
  /**
   * The trust store holds certificates with the name of the top certificate's issuer, but none of
   * them signed it: a look-alike of a trusted root (or a forged certificate) sits above the path.
   */
  impostorIssuer?: { subject: string; hash: string; storeCertificates: Array<{ sha256: string; origin: RootOrigin; error?: string }> };
  /** Presented certificates that can issue a certificate on the path but lead nowhere valid (verifiers may pick them). */
  deadEnds: Array<{ inputIndex: number; reason: string }>;
  /** How many candidate paths the builder tried (bounded). */
  pathsTried: number;
  links: SignatureLink[];
  /** Input indices that are not on the path (not counting duplicates). */
  extras: number[];
  /** Pairs of input indices holding the same certificate. */
  duplicates: Array<[number, number]>;
  /** 'byoc': the BYOC accepted-CA list; 'custom': the anchors of --ca. */
  trustMode: 'byoc' | 'custom';
}
