/** Small pure helpers the data actions rules share: targets, names, the path each authority implies. */
import type { CertificateFacts } from '../model/certificate.js';
import type { ChainFacts } from '../model/chain.js';
import type { DaEntity } from '../model/data-actions.js';

export const ROTATION_WINDOW_DAYS = 90;
export const CLIENT_AUTH = '1.3.6.1.5.5.7.3.2';
export const ANY_EKU = '2.5.29.37.0';

export const entityTarget = (e: DaEntity) => `entity[${e.index}]`;

export const leafOf = (e: DaEntity): CertificateFacts => e.publicChain.path[0]!.cert;

/** The common name, or the whole subject when there is none. */
export const shortName = (cert: CertificateFacts) => cert.commonNames[0] ?? cert.subject;

/** `the Upcoming DigiCert certificate "CN" (certs.json entities[1])` */
export function describe(e: DaEntity): string {
  const status = e.status || 'unlabelled';
  const authority = e.authority ?? (e.signingAuthority ? `"${e.signingAuthority}"` : 'unlabelled');
  return `the ${status} ${authority} certificate "${shortName(leafOf(e))}" (${e.source})`;
}

export const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export const isActive = (e: DaEntity) => e.status === 'Current' || e.status === 'Upcoming';

export const isDigiCertRoot = (cert: CertificateFacts) => /(^|, )O=DigiCert\b/i.test(cert.subject);

/** The path the entity's signing authority implies: towards the public roots for DigiCert, the given CA for Genesys. */
export function authorityChain(e: DaEntity): ChainFacts | undefined {
  if (e.authority === 'DigiCert') return e.publicChain;
  if (e.authority === 'Genesys') return e.genesysChain;
  return undefined;
}

/** Certificates whose validity matters: the authority's path when it is known, else the entity's own. */
export function relevantCertificates(e: DaEntity): CertificateFacts[] {
  const chain = authorityChain(e);
  return chain?.complete ? chain.path.map((p) => p.cert) : [leafOf(e)];
}

/** RFC 5280 6.1.4 checks on every issuer of the path (store roots and v1 roots are trust anchors). */
export function caProblems(chain: ChainFacts): string[] {
  const problems: string[] = [];
  for (let i = 1; i < chain.path.length; i++) {
    const entry = chain.path[i]!;
    const cert = entry.cert;
    if (!cert.basicConstraints?.ca) {
      const anchor = entry.role === 'root' && (entry.origin !== undefined || cert.version === 1);
      if (!anchor)
        problems.push(
          `"${cert.subject}" signs a certificate but is not a CA (${cert.basicConstraints ? 'basicConstraints CA:FALSE' : 'no basicConstraints'})`,
        );
      continue;
    }
    if (cert.keyUsage && !cert.keyUsage.includes('keyCertSign')) problems.push(`"${cert.subject}" has a key usage without keyCertSign`);
    const below = chain.path.slice(1, i).filter((p) => !p.cert.selfIssued).length;
    const pathLen = cert.basicConstraints.pathLen;
    if (pathLen !== undefined && below > pathLen)
      problems.push(`"${cert.subject}" allows ${pathLen} intermediate(s) below it but the path has ${below}`);
    for (const oid of cert.unknownCriticalExtensions) problems.push(`"${cert.subject}" has an unknown critical extension ${oid}`);
  }
  return problems;
}

/** Signatures on the path that do not verify. */
export function brokenSignatures(chain: ChainFacts): string[] {
  return chain.links
    .filter((l) => !l.valid)
    .map(
      (l) =>
        `the signature on "${chain.path[l.child]!.cert.subject}" does not verify with the key of "${chain.path[l.parent]!.cert.subject}"`,
    );
}

/** Whether a name (or wildcard) in a certificate covers a DNS name (RFC 6125 6.4.3, left-most label only). */
export function nameCovers(pattern: string, host: string): boolean {
  const p = pattern.toLowerCase().replace(/\.$/, '');
  const h = host.toLowerCase();
  if (p === h) return true;
  if (!p.startsWith('*.')) return false;
  const dot = h.indexOf('.');
  return dot > 0 && h.slice(dot + 1) === p.slice(2);
}
