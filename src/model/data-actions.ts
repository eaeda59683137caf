/** Facts about the Genesys data actions mTLS client certificates, gathered by `byoc-check data-actions`. */
import type { CertificateFacts } from './certificate.js';
import type { ChainFacts } from './chain.js';

export type SigningAuthority = 'DigiCert' | 'Genesys';

/** One entry of the certificates API (or one PEM file given instead). */
export interface DaEntity {
  index: number;
  /** Where it came from: `certs.json entities[1]`, `client.pem`, `api entities[0]`. */
  source: string;
  /** As the API gave it (or as inferred for a PEM file). */
  signingAuthority: string;
  /** Normalised authority; undefined when the value is neither DigiCert nor Genesys. */
  authority?: SigningAuthority;
  /** True when the input was a PEM file and the authority was read from the issuer name. */
  authorityInferred: boolean;
  /** Current, Upcoming, or whatever else the API said. */
  status: string;
  type: string | null;
  /** The certificates of the entity's PEM text, in order; the leaf is `chain.path[0]`. */
  certificates: CertificateFacts[];
  /** Towards the machine's public root stores (where DigiCert roots live). */
  publicChain: ChainFacts;
  /** Towards the regional Genesys CA certificates given (INPUT files or --trust); absent when none were given. */
  genesysChain?: ChainFacts;
  /** With --trust: towards the certificates the web service trusts. */
  trustChain?: ChainFacts;
}

export interface DataActionsFacts {
  now: Date;
  warnDays: number;
  /** Genesys region code given with --region. */
  region?: string;
  entities: DaEntity[];
  /** The --trust bundle, when given. */
  trust?: { name: string; certificates: CertificateFacts[] };
  /** How many CA certificates were available to verify Genesys-signed certificates. */
  genesysCas: number;
}
