/**
 * Builds the data actions facts: every entity's path towards the public root stores (DigiCert), the
 * regional Genesys CA certificates given, and the web service's --trust bundle, with the project's
 * chain builder (signatures verified by OpenSSL).
 */
import type { CertificateFacts } from '../model/certificate.js';
import type { DaEntity, DataActionsFacts, SigningAuthority } from '../model/data-actions.js';
import { byocAnchors, customAnchors } from '../trust/anchors.js';
import { nodeRootStore, systemRootStore, type RootStore } from '../trust/stores.js';
import { buildChain, type Anchors } from '../x509/chain.js';
import type { EntityInput } from './input.js';

export interface GatherOptions {
  now: Date;
  warnDays: number;
  region?: string;
  entities: EntityInput[];
  /** CA certificates given as INPUT files (the regional Genesys CA download). */
  cas: CertificateFacts[];
  trust?: { name: string; certificates: CertificateFacts[] };
  /** Public root stores; the machine's by default (tests pass their own). */
  stores?: RootStore[];
}

function normalise(value: string): SigningAuthority | undefined {
  const v = value.trim().toLowerCase();
  return v === 'digicert' ? 'DigiCert' : v === 'genesys' ? 'Genesys' : undefined;
}

/**
 * The web service's trust: CA certificates by name and key, as verifiers match trust anchors, but an
 * end-entity certificate only by its exact bytes (Java trust stores, OpenSSL partial chains): a
 * pinned Current certificate does not vouch for an Upcoming one with the same name and key.
 */
function pinningAnchors(certificates: CertificateFacts[]): Anchors {
  const base = customAnchors(certificates);
  return {
    ...base,
    isAnchor: (cert) => (cert.basicConstraints?.ca ? base.isAnchor(cert) : certificates.some((c) => c.sha256 === cert.sha256)),
  };
}

export function gatherDataActionsFacts(options: GatherOptions): DataActionsFacts {
  const stores = options.stores ?? [nodeRootStore(), systemRootStore()];
  // Public roots, none of them "listed": the chain builder ends at whichever store root verifies.
  const publicAnchors = byocAnchors([], stores);
  const trustCas = (options.trust?.certificates ?? []).filter((c) => c.basicConstraints?.ca === true || c.selfIssued);
  const genesysCas = [...options.cas, ...trustCas.filter((c) => !options.cas.some((o) => o.sha256 === c.sha256))];
  const genesysAnchors = genesysCas.length ? customAnchors(genesysCas) : undefined;
  const trustAnchors = options.trust ? pinningAnchors(options.trust.certificates) : undefined;

  const entities: DaEntity[] = options.entities.map((e, index) => {
    const authority = normalise(e.signingAuthority);
    return {
      index,
      source: e.source,
      signingAuthority: e.signingAuthority,
      ...(authority ? { authority } : {}),
      authorityInferred: e.authorityInferred,
      status: e.status,
      type: e.type,
      certificates: e.certificates,
      publicChain: buildChain(e.certificates, publicAnchors),
      ...(genesysAnchors ? { genesysChain: buildChain(e.certificates, genesysAnchors) } : {}),
      ...(trustAnchors ? { trustChain: buildChain(e.certificates, trustAnchors) } : {}),
    };
  });
  return {
    now: options.now,
    warnDays: options.warnDays,
    ...(options.region ? { region: options.region } : {}),
    entities,
    ...(options.trust ? { trust: options.trust } : {}),
    genesysCas: genesysCas.length,
  };
}
