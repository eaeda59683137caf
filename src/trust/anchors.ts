/** The two kinds of trust anchors: the BYOC accepted-CA list (default) or a --ca bundle. */
import type { CertificateFacts } from '../model/certificate.js';
import type { RootOrigin } from '../model/chain.js';
import type { AcceptedCa } from '../model/trust.js';
import type { Anchors } from '../x509/chain.js';
import { nodeRootStore, systemRootStore, type RootStore } from './stores.js';

/** Same name and key, compared as SubjectPublicKeyInfo bytes (a key OpenSSL cannot load must not throw here). */
function sameKeyAndName(a: CertificateFacts, b: CertificateFacts): boolean {
  return a.sha256 === b.sha256 || (a.subjectCanon === b.subjectCanon && a.publicKey.spki.equals(b.publicKey.spki));
}

/** BYOC list rows for a subject hash (several when hashes collide, as for Network Solutions). */
export function listedEntries(list: readonly AcceptedCa[], subjectHash: string): AcceptedCa[] {
  return list.filter((row) => row.subjectHash === subjectHash);
}

export function byocAnchors(list: readonly AcceptedCa[], stores: RootStore[] = [nodeRootStore(), systemRootStore()]): Anchors {
  const accepted = (cert: CertificateFacts) => listedEntries(list, cert.subjectHash).length > 0;
  return {
    mode: 'byoc',
    issuersOf(cert, anyEncoding = false) {
      const seen = new Set<string>();
      const out: Array<{ cert: CertificateFacts; origin: RootOrigin; accepted: boolean }> = [];
      for (const store of stores) {
        for (const root of store.findBySubject(cert.issuerDer, cert.issuerCanon, anyEncoding)) {
          if (seen.has(root.sha256)) continue;
          seen.add(root.sha256);
          out.push({ cert: root, origin: store.source as RootOrigin, accepted: accepted(root) });
        }
      }
      return out.sort((a, b) => Number(b.accepted) - Number(a.accepted));
    },
    isAnchor(cert) {
      return stores.some((store) => store.findBySubject(cert.subjectDer, cert.subjectCanon).some((root) => sameKeyAndName(root, cert)));
    },
    acceptedByHash(hash) {
      return listedEntries(list, hash);
    },
  };
}

export function customAnchors(roots: CertificateFacts[]): Anchors {
  return {
    mode: 'custom',
    issuersOf(cert) {
      return roots.filter((r) => r.subjectCanon === cert.issuerCanon).map((r) => ({ cert: r, origin: 'ca-file' as const, accepted: true }));
    },
    isAnchor(cert) {
      return roots.some((r) => sameKeyAndName(r, cert));
    },
    acceptedByHash() {
      return [];
    },
  };
}
