/**
 * Root certificates from the machine: Node's bundled Mozilla store (tls.rootCertificates) and the
 * system bundle. Certificates are decoded only when their subject bytes could match, so a lookup
 * costs a byte search, not 150 parses.
 */
import { readCapped } from '../input/read.js';
import type { CertificateFacts } from '../model/certificate.js';
import { pemCertificates } from '../parsers/pem.js';
import { decodeCertificate } from '../x509/certificate.js';

export type RootSource = 'node-store' | 'system-store' | 'ca-file';

export interface StoredRoot {
  cert: CertificateFacts;
  source: RootSource;
}

const SYSTEM_BUNDLES = [
  '/etc/ssl/certs/ca-certificates.crt',
  '/etc/pki/tls/certs/ca-bundle.crt',
  '/etc/ssl/ca-bundle.pem',
  '/etc/ssl/cert.pem',
];

/** A set of root certificates searchable by subject name. */
export class RootStore {
  private decoded = new Map<number, CertificateFacts | null>();

  constructor(private readonly ders: Buffer[], readonly source: RootSource) {}

  /** Roots whose subject equals `issuerDer` (byte search, then OpenSSL canonical comparison). */
  findBySubject(issuerDer: Buffer, issuerCanon: string): CertificateFacts[] {
    const found: CertificateFacts[] = [];
    this.ders.forEach((der, i) => {
      if (der.indexOf(issuerDer) === -1 && !this.decoded.get(i)) return;
      const cert = this.decode(i);
      if (cert && cert.subjectCanon === issuerCanon) found.push(cert);
    });
    return found;
  }

  all(): CertificateFacts[] {
    return this.ders.map((_, i) => this.decode(i)).filter((c): c is CertificateFacts => !!c);
  }

  private decode(i: number): CertificateFacts | null {
    if (!this.decoded.has(i)) {
      try {
        this.decoded.set(i, decodeCertificate(this.ders[i]!));
      } catch {
        this.decoded.set(i, null);
      }
    }
    return this.decoded.get(i)!;
  }
}

let nodeStore: RootStore | undefined;
let systemStore: RootStore | undefined;

export function nodeRootStore(): RootStore {
  // node:tls is loaded only when a chain needs Node's bundled roots.
  const tls = process.getBuiltinModule('node:tls') as typeof import('node:tls');
  nodeStore ??= new RootStore(tls.rootCertificates.flatMap(pemCertificates), 'node-store');
  return nodeStore;
}

export function systemRootStore(): RootStore {
  if (!systemStore) {
    const paths = [process.env.SSL_CERT_FILE, ...SYSTEM_BUNDLES].filter((p): p is string => !!p);
    let ders: Buffer[] = [];
    for (const path of paths) {
      try {
        ders = pemCertificates(readCapped(path, 'root store').toString('latin1'));
        if (ders.length) break;
      } catch {
        // Try the next conventional location.
      }
    }
    systemStore = new RootStore(ders, 'system-store');
  }
  return systemStore;
}
