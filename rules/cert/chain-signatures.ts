/**
 * > "the signature on the certificate can be verified using the working public key algorithm,
 * > the working public key, and the working public key parameters" — RFC 5280 section 6.1.3 (a)(1)
 */
import { defineRule } from '../../src/engine/define-rule.js';
import { pathTarget } from '../../src/engine/targets.js';
import type { Finding } from '../../src/engine/types.js';

/**
 * Signature algorithms OpenSSL 3 rejects at its default security level 1 (SHA-1 rates 63 bits,
 * MD5 39, under level 1's 80; X509_V_ERR_CA_MD_TOO_WEAK) and Java disables for TLS server chains
 * (jdk.certpath.disabledAlgorithms: MD2, MD5, "SHA1 jdkCA & usage TLSServer").
 */
export const REJECTED_SIGNATURES = new Set([
  'md2WithRSAEncryption',
  'md5WithRSAEncryption',
  'sha1WithRSAEncryption',
  'ecdsa-with-SHA1',
  'dsa-with-SHA1',
]);

export default defineRule({
  meta: {
    id: 'chain-signatures',
    area: 'cert',
    title: 'Every signature on the path verifies, up to the root',
    severity: 'error',
    citations: [
      { source: 'RFC5280', section: '6.1.3' },
      { source: 'BYOC_TLS_SPEC', section: 'Certificate trust' },
      { source: 'OPENSSL_VERIFY', section: 'security level 1' },
      { source: 'JAVA_DISABLED_ALGORITHMS' },
    ],
    remediation:
      'Re-download the certificate and its CA bundle from your CA: a certificate whose signature does not verify was altered or belongs to another issuer.',
    docs: {
      what: "Verifies each certificate with its issuer's public key (OpenSSL), including the top intermediate against the resolved root, and fails signature algorithms OpenSSL 3 and Java reject (MD5, SHA-1) below the trust anchor.",
      why: 'A broken signature means the certificate was not issued by the CA it names, and Genesys refuses it.',
    },
  },
  check({ chain, pkiProfile }) {
    const findings: Finding[] = [];
    let verified = 0;
    for (const link of chain.links) {
      const child = chain.path[link.child]!.cert;
      const parent = chain.path[link.parent]!.cert;
      if (!child.signatureAlgorithmConsistent) {
        findings.push({
          status: pkiProfile === 'strict' ? 'fail' : 'warn',
          target: pathTarget(link.child),
          message: `"${child.subject}" names a different signature algorithm inside the signed part than outside it; RFC 5280 4.1.1.2 requires them equal (openssl verify -x509_strict rejects it).`,
          evidence: { signatureAlgorithm: child.signatureAlgorithm },
        });
      }
      if (link.valid) {
        verified++;
        if (REJECTED_SIGNATURES.has(child.signatureAlgorithm) && !(chain.path[link.child]!.role === 'root' && child.selfIssued)) {
          findings.push({
            status: 'fail',
            target: pathTarget(link.child),
            message: `"${child.subject}" is signed with ${child.signatureAlgorithm}: OpenSSL 3 rejects it at its default security level ("CA signature digest algorithm too weak") and Java disables it for TLS, so the handshake fails.`,
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
      findings.push({
        status: 'pass',
        target: 'chain',
        message: `All ${verified} signature(s) on the path verify.`,
        evidence: { verified },
      });
    }
    return findings;
  },
});
