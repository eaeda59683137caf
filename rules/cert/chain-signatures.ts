/**
 * > "the signature on the certificate can be verified using the working public key algorithm,
 * > the working public key, and the working public key parameters" — RFC 5280 section 6.1.3 (a)(1)
 */
import { defineRule } from '../../src/engine/define-rule.js';
import { pathTarget } from '../../src/engine/targets.js';
import type { Finding } from '../../src/engine/types.js';

const WEAK = new Set(['md5WithRSAEncryption', 'sha1WithRSAEncryption', 'ecdsa-with-SHA1']);
const CURVES = new Set(['prime256v1', 'secp384r1', 'secp521r1', 'P-256', 'P-384', 'P-521']);

/** Why an issuing key is too weak to trust a signature from it, or undefined. */
export function weakIssuerKey(key: { type: string; bits?: number; curve?: string }): string | undefined {
  if (key.type === 'RSA' || key.type === 'RSA-PSS') {
    if ((key.bits ?? 0) < 2048) return `an RSA key of ${key.bits} bits (at least 2048 are required by the CA/Browser Forum and current verifiers)`;
    if ((key.bits ?? 0) % 8 !== 0) return `an RSA key of ${key.bits} bits, not a whole number of bytes`;
    return undefined;
  }
  if (key.type === 'EC') return key.curve && CURVES.has(key.curve) ? undefined : `an EC key on ${key.curve ? `curve ${key.curve}` : 'explicit or unknown curve parameters'}`;
  if (key.type === 'Ed25519' || key.type === 'Ed448') return undefined;
  return `a ${key.type} key, which TLS verifiers no longer accept`;
}

export default defineRule({
  meta: {
    id: 'chain-signatures',
    area: 'cert',
    title: 'Every signature on the path verifies, up to the root',
    severity: 'error',
    citations: [{ source: 'RFC5280', section: '6.1.3' }, { source: 'BYOC_TLS_SPEC', section: 'Certificate trust' }],
    remediation: 'Re-download the certificate and its CA bundle from your CA: a certificate whose signature does not verify was altered or belongs to another issuer.',
    docs: {
      what: 'Verifies each certificate with its issuer\'s public key (OpenSSL), including the top intermediate against the resolved root.',
      why: 'A broken signature means the certificate was not issued by the CA it names, and Genesys refuses it.',
    },
  },
  check({ chain }) {
    const findings: Finding[] = [];
    let verified = 0;
    for (const link of chain.links) {
      const child = chain.path[link.child]!.cert;
      const parent = chain.path[link.parent]!.cert;
      const weak = weakIssuerKey(parent.publicKey);
      if (weak) {
        findings.push({ status: 'fail', target: pathTarget(link.parent), evidence: { keyType: parent.publicKey.type, keyBits: parent.publicKey.bits ?? null, curve: parent.publicKey.curve ?? null }, message: `"${parent.subject}" signs with ${weak}.` });
      }
      if (link.valid) {
        verified++;
        if (WEAK.has(child.signatureAlgorithm) && !(chain.path[link.child]!.role === 'root' && child.selfIssued)) {
          findings.push({
            status: child.signatureAlgorithm.startsWith('md5') ? 'fail' : 'warn',
            target: pathTarget(link.child),
            message: `"${child.subject}" is signed with ${child.signatureAlgorithm}, which current TLS stacks reject as too weak.`,
            remediation: 'Have the certificate reissued with a SHA-256 (or stronger) signature.',
            evidence: { signatureAlgorithm: child.signatureAlgorithm },
          });
        }
        continue;
      }
      findings.push({
        status: 'fail',
        target: pathTarget(link.child),
        message: `The signature on "${child.subject}" does not verify with the key of "${parent.subject}"${link.error ? ` (${link.error})` : ''}.`,
        evidence: { child: link.child, parent: link.parent, signatureAlgorithm: child.signatureAlgorithm },
      });
    }
    if (chain.rootByHashOnly) {
      const top = chain.path.length - 1;
      findings.push({
        status: 'warn',
        target: pathTarget(top),
        message: `The root "${chain.path[top]!.cert.issuer}" is not on this machine, so the top signature could not be checked.`,
        remediation: 'Give the root certificate with --ca (PEM) to check the last signature too.',
        evidence: { issuerHash: chain.path[top]!.cert.issuerHash },
      });
    }
    if (chain.links.length === 0 && !chain.rootByHashOnly) {
      findings.push({ status: 'skip', target: 'chain', message: 'No issuer certificate was found to verify a signature against.' });
    } else if (!findings.some((f) => f.status === 'fail' || f.status === 'warn')) {
      findings.push({ status: 'pass', target: 'chain', message: `All ${verified} signature(s) on the path verify.`, evidence: { verified } });
    }
    return findings;
  },
});
