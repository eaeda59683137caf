/**
 * Root certificates from the machine: Node's bundled Mozilla store (tls.rootCertificates) and the
 * system bundle. Certificates are decoded only when their subject bytes could match, so a lookup
 * costs a byte search, not 150 parses.
 */
import { readCapped } from '../input/read.js';
import type { CertificateFacts } from '../model/certificate.js';
import { pemCertificates } from '../parsers/pem.js';
import { decodeCertificate } from '../x509/certificate.js';
import { children, readTlv } from '../x509/der.js';
import { parseName } from '../x509/name.js';

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

/** Searches before the roots are indexed by name: a single chain check never pays for the index. */
const INDEX_AFTER_SEARCHES = 32;

/** A set of root certificates searchable by subject name. */
export class RootStore {
  private decoded = new Map<number, CertificateFacts | null>();
  /** Lookups by issuer bytes: a scan asks for the same few issuers once per trunk. */
  private found = new Map<string, readonly CertificateFacts[]>();

  constructor(
    private readonly ders: Buffer[],
    readonly source: RootSource,
  ) {}

  /**
   * Roots whose subject equals `issuerDer` in OpenSSL's canonical comparison. A byte search finds
   * the usual case cheaply; when it finds nothing and `anyEncoding` is set, every root is compared canonically, since a name
   * encoded differently (UTF8String for PrintableString, other case or spacing) is still the same
   * name to a verifier, and a look-alike must not hide behind a different encoding.
   */
  findBySubject(issuerDer: Buffer, issuerCanon: string, anyEncoding = false): readonly CertificateFacts[] {
    // The canonical name is a function of the DER, so the bytes alone key the answer.
    const key = `${anyEncoding ? 1 : 0}${issuerDer.toString('latin1')}`;
    let roots = this.found.get(key);
    if (!roots) this.found.set(key, (roots = this.search(issuerDer, issuerCanon, anyEncoding)));
    return roots;
  }

  private search(issuerDer: Buffer, issuerCanon: string, anyEncoding: boolean): CertificateFacts[] {
    const match = (i: number) => {
      const cert = this.decode(i);
      return cert && cert.subjectCanon === issuerCanon ? cert : undefined;
    };
    // A root whose canonical subject differs can never match: once a run has asked often (a scan asks for
    // every certificate of every trunk), only roots of that name, or of a name the DER walk could not read, are searched.
    const candidates = ++this.searches > INDEX_AFTER_SEARCHES ? this.rootsNamed(issuerCanon) : this.ders.keys();
    const quick: CertificateFacts[] = [];
    for (const i of candidates) {
      if (this.ders[i]!.indexOf(issuerDer) === -1 && !this.decoded.get(i)) continue;
      const cert = match(i);
      if (cert) quick.push(cert);
    }
    if (quick.length || !anyEncoding) return quick;
    // ~35 ms for both stores: done only when a listed root's name would otherwise be matched by hash alone.
    return this.subjectCanons()
      .flatMap((canon, i) => (canon === issuerCanon ? [match(i)] : []))
      .filter((c): c is CertificateFacts => !!c);
  }

  private searches = 0;
  /** Canonical subject of every root, read with a DER walk (no full decode). */
  private canons: Array<string | undefined> | undefined;
  private byCanon: Map<string, number[]> | undefined;
  private unnamed: number[] = [];

  private subjectCanons(): Array<string | undefined> {
    return (this.canons ??= this.ders.map(subjectCanonOf));
  }

  /** Indices, ascending, of the roots named `canon` and of those whose name the DER walk could not read. */
  private rootsNamed(canon: string): number[] {
    if (!this.byCanon) {
      this.byCanon = new Map();
      this.subjectCanons().forEach((c, i) => {
        if (c === undefined) this.unnamed.push(i);
        else if (this.byCanon!.has(c)) this.byCanon!.get(c)!.push(i);
        else this.byCanon!.set(c, [i]);
      });
    }
    const named = this.byCanon.get(canon) ?? [];
    return this.unnamed.length ? [...named, ...this.unnamed].sort((a, b) => a - b) : named;
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

/** The subject Name's canonical encoding, from the TBSCertificate fields; undefined when unreadable. */
function subjectCanonOf(der: Buffer): string | undefined {
  try {
    const [tbs] = children(der, readTlv(der, 0));
    const fields = children(der, tbs!);
    const subject = fields[fields[0]!.tag === 0xa0 ? 5 : 4]!;
    return parseName(der.subarray(subject.offset, subject.end)).canon;
  } catch {
    return undefined;
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
