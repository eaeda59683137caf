/** Builds a CheckContext by hand for rules whose inputs cannot be issued in a test (public roots). */
import { readFileSync } from 'node:fs';
import { acceptedCas } from '../../rules/data/accepted-cas.js';
import type { CheckContext } from '../../src/engine/types.js';
import type { CertificateFacts } from '../../src/model/certificate.js';
import type { ChainFacts, PathEntry } from '../../src/model/chain.js';
import { pemCertificates } from '../../src/parsers/pem.js';
import { decodeCertificate } from '../../src/x509/certificate.js';

/** A root from the system store by its OpenSSL subject hash, as /etc/ssl/certs names it. */
export function systemRoot(hash: string): CertificateFacts {
  const der = pemCertificates(readFileSync(`/etc/ssl/certs/${hash}.0`, 'latin1'))[0]!;
  return decodeCertificate(der);
}

export function decodePem(pem: string): CertificateFacts[] {
  return pemCertificates(pem).map(decodeCertificate);
}

export function ctx(
  path: PathEntry[],
  overrides: Omit<Partial<CheckContext>, 'chain'> & { chain?: Partial<ChainFacts> } = {},
): CheckContext {
  const chain: ChainFacts = {
    input: path.filter((p) => p.inputIndex !== undefined).map((p) => p.cert),
    leafInputIndex: 0,
    path,
    complete: true,
    links: [],
    extras: [],
    duplicates: [],
    deadEnds: [],
    pathsTried: 1,
    trustMode: 'byoc',
    ...overrides.chain,
  };
  const { chain: _chain, ...rest } = overrides;
  return {
    now: new Date('2026-11-22T12:00:00Z'),
    warnDays: 30,
    offline: true,
    input: { name: 'test', format: 'pem', sha256: '0'.repeat(64), privateKeys: [] },
    acceptedCas,
    sip: { uris: [], sbcs: [] },
    tls: { endpoints: [] },
    crl: { attempted: false, certificates: [], timeoutSeconds: 10 },
    pkiProfile: 'default',
    ...rest,
    chain,
  };
}
