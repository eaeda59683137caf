/**
 * > "If a certificate contains both a key usage extension and an extended key usage extension,
 * > then both extensions MUST be processed independently" — RFC 5280 section 4.2.1.12.
 * Genesys connects to the SBC as a TLS client, so the SBC certificate serves as a TLS server
 * certificate (id-kp-serverAuth).
 */
import { defineRule } from '../../src/engine/define-rule.js';
import { pathTarget } from '../../src/engine/targets.js';
import type { Finding } from '../../src/engine/types.js';
import { structureProblems, structureStatus } from '../../src/x509/structure.js';

const SERVER_AUTH = '1.3.6.1.5.5.7.3.1';
const ANY_EKU = '2.5.29.37.0';

export default defineRule({
  meta: {
    id: 'leaf-usage',
    area: 'cert',
    title: 'The SBC certificate may be used as a TLS server certificate',
    severity: 'error',
    citations: [
      { source: 'RFC5280', section: '4.2.1.3, 4.2.1.9, 4.2.1.12' },
      { source: 'BYOC_TLS_SPEC', section: 'Requirements' },
    ],
    remediation:
      'Request the certificate with a "TLS Web Server Authentication" (serverAuth) extended key usage and key usage digitalSignature, keyEncipherment.',
    docs: {
      what: 'Checks extended key usage (serverAuth), key usage (digitalSignature for ECDHE_RSA, keyEncipherment for TLS_RSA) and that the leaf is not a CA.',
      why: 'Genesys dials the SBC as a TLS client and validates the SBC certificate as a server certificate; a certificate restricted to other uses is refused.',
    },
  },
  check({ chain, pkiProfile }) {
    const cert = chain.path[0]!.cert;
    const findings: Finding[] = [];
    const target = pathTarget(0);
    const evidence = {
      extKeyUsage: cert.extKeyUsage ?? null,
      keyUsage: cert.keyUsage ?? null,
      basicConstraints: cert.basicConstraints ?? null,
    };
    if (cert.extKeyUsage && !cert.extKeyUsage.includes(SERVER_AUTH)) {
      if (cert.extKeyUsage.includes(ANY_EKU)) {
        findings.push({
          status: 'warn',
          target,
          evidence,
          message:
            'The extended key usage allows "any purpose" but does not name serverAuth; OpenSSL-based peers refuse it as a TLS server certificate.',
        });
      } else {
        findings.push({
          status: 'fail',
          target,
          evidence,
          message: `The extended key usage (${cert.extKeyUsage.join(', ')}) lacks serverAuth, so Genesys (the TLS client) refuses the certificate.`,
        });
      }
    }
    // Which BYOC suites a key usage leaves is an RSA question; a non-RSA key is leaf-key's finding alone.
    if (cert.keyUsage && cert.publicKey.type === 'RSA') {
      const signature = cert.keyUsage.includes('digitalSignature');
      const encipherment = cert.keyUsage.includes('keyEncipherment');
      if (!signature && !encipherment) {
        findings.push({
          status: 'fail',
          target,
          evidence,
          message: `The key usage (${cert.keyUsage.join(', ') || 'empty'}) allows neither digitalSignature nor keyEncipherment, which rules out every BYOC cipher suite.`,
        });
      } else if (!signature) {
        findings.push({
          status: 'warn',
          target,
          evidence,
          message:
            'The key usage lacks digitalSignature, which rules out the TLS_ECDHE_RSA_* suites (forward secrecy); only TLS_RSA_* suites remain.',
        });
      } else if (!encipherment) {
        findings.push({
          status: 'warn',
          target,
          evidence,
          message:
            'The key usage lacks keyEncipherment, which rules out the TLS_RSA_* suites; only TLS_ECDHE_RSA_* suites (with secp384r1) remain.',
        });
      }
    }
    if (cert.basicConstraints?.ca) {
      findings.push({
        status: 'fail',
        target,
        evidence,
        message:
          'The leaf certificate is a CA certificate (basicConstraints CA:TRUE); TLS clients refuse a CA certificate as a server certificate.',
      });
    }
    // Structure as OpenSSL judges it (one finding per fact; issuers are judged by ca-constraints).
    for (const problem of structureProblems(cert, 0, chain.path.length, chain.path.length === 1 && chain.path[0]!.role === 'root')) {
      findings.push({
        status: structureStatus(problem, pkiProfile),
        target,
        evidence: { level: problem.level },
        message: `The leaf ${problem.text}.`,
      });
    }
    if (cert.extKeyUsage?.includes(ANY_EKU) && cert.extKeyUsage.includes(SERVER_AUTH)) {
      findings.push({
        status: pkiProfile === 'strict' ? 'fail' : 'warn',
        target,
        evidence: { ...evidence, level: 'webpki' },
        message:
          'The extended key usage includes anyExtendedKeyUsage, which the CA/Browser Forum (7.1.2.7.10) forbids in server certificates; OpenSSL and Java accept it.',
      });
    }
    if (!cert.extKeyUsage) {
      findings.push({
        status: pkiProfile === 'strict' ? 'fail' : 'warn',
        target,
        evidence: { ...evidence, level: 'webpki' },
        message:
          'The leaf has no extendedKeyUsage; OpenSSL and Java accept that, but the CA/Browser Forum (7.1.2.7.10) requires serverAuth to be named.',
      });
    } else if (cert.extensions.some((e) => e.oid === '2.5.29.37' && e.critical)) {
      findings.push({
        status: pkiProfile === 'strict' ? 'fail' : 'warn',
        target,
        evidence: { ...evidence, level: 'webpki' },
        message:
          "The leaf's extendedKeyUsage is critical; the CA/Browser Forum (7.1.2.7.10) requires it non-critical (OpenSSL and Java accept it).",
      });
    }
    if (cert.nameConstraints && !cert.basicConstraints?.ca) {
      findings.push({
        status: 'fail',
        target,
        evidence: { nameConstraints: cert.nameConstraints },
        message: 'The leaf carries a name constraints extension, which RFC 5280 allows only in CA certificates.',
      });
    }
    if (findings.length === 0) {
      findings.push({
        status: 'pass',
        target,
        evidence,
        message: cert.extKeyUsage
          ? 'The leaf allows serverAuth and the key usages BYOC suites need.'
          : 'The leaf has no extended key usage restriction and allows the key usages BYOC suites need.',
      });
    }
    return findings;
  },
});
