/**
 * > "If the basic constraints extension is not present in a version 3 certificate, or the
 * > extension is present but the cA boolean is not asserted, then the certified public key MUST
 * > NOT be used to verify certificate signatures." — RFC 5280 section 4.2.1.9
 */
import { defineRule } from '../../src/engine/define-rule.js';
import { pathTarget } from '../../src/engine/targets.js';
import type { Finding } from '../../src/engine/types.js';
import { nameConstraintViolations } from '../../src/x509/name-constraints.js';

export default defineRule({
  meta: {
    id: 'ca-constraints',
    area: 'cert',
    title: 'Every issuing certificate is a CA allowed to sign at this depth',
    severity: 'error',
    citations: [{ source: 'RFC5280', section: '4.2.1.3, 4.2.1.9, 6.1.4' }],
    remediation: 'Use the intermediate certificates your CA publishes; a certificate without CA rights cannot sign other certificates.',
    docs: {
      what: 'Checks basicConstraints CA:TRUE, keyCertSign and pathLenConstraint on every certificate that signs another on the path.',
      why: 'Verifiers reject a path through a non-CA certificate or one that exceeds a CA\'s path length.',
    },
  },
  check({ chain }) {
    const findings: Finding[] = [];
    for (let i = 1; i < chain.path.length; i++) {
      const entry = chain.path[i]!;
      const cert = entry.cert;
      const target = pathTarget(i);
      const evidence = { basicConstraints: cert.basicConstraints ?? null, keyUsage: cert.keyUsage ?? null };
      const storeRoot = entry.role === 'root' && entry.origin !== undefined;
      if (!cert.basicConstraints?.ca) {
        if (storeRoot || (entry.role === 'root' && cert.version === 1)) {
          findings.push({ status: 'pass', target, evidence, message: `The root "${cert.subject}" has no basicConstraints; as a trust anchor (version ${cert.version}) it is accepted as a CA.` });
          continue;
        }
        findings.push({ status: 'fail', target, evidence, message: `"${cert.subject}" signs another certificate but is not a CA (${cert.basicConstraints ? 'basicConstraints CA:FALSE' : 'no basicConstraints'}).` });
        continue;
      }
      if (cert.subject === '') {
        findings.push({ status: 'fail', target, evidence, message: 'An issuing certificate has an empty subject name; RFC 5280 4.1.2.6 requires a CA to have one, and issuer matching cannot work.' });
        continue;
      }
      if (cert.keyUsage && !cert.keyUsage.includes('keyCertSign')) {
        findings.push({ status: 'fail', target, evidence, message: `"${cert.subject}" has a key usage without keyCertSign, so it may not sign certificates.` });
        continue;
      }
      // Intermediates below this one, not counting self-issued ones (RFC 5280 6.1.4 (l)).
      const below = chain.path.slice(1, i).filter((p) => !p.cert.selfIssued).length;
      const pathLen = cert.basicConstraints.pathLen;
      if (pathLen !== undefined && below > pathLen) {
        findings.push({ status: 'fail', target, evidence: { ...evidence, intermediatesBelow: below }, message: `"${cert.subject}" allows ${pathLen} intermediate(s) below it (pathLenConstraint) but the path has ${below}.` });
        continue;
      }
      const before = findings.length;
      for (const oid of cert.unknownCriticalExtensions) {
        findings.push({ status: 'fail', target, evidence: { oid }, message: `"${cert.subject}" has a critical extension this verifier does not know (${oid}); RFC 5280 requires verifiers to reject it.` });
      }
      for (const oid of [...cert.duplicateExtensions, ...cert.malformedExtensions]) {
        findings.push({ status: 'fail', target, evidence: { oid }, message: `"${cert.subject}" has a ${cert.duplicateExtensions.includes(oid) ? 'repeated' : 'malformed'} extension ${oid}; OpenSSL-based verifiers reject the certificate.` });
      }
      // Name constraints bind every certificate below this CA (self-issued intermediates excepted).
      for (let j = 0; j < i; j++) {
        const below = chain.path[j]!.cert;
        if (j > 0 && below.selfIssued) continue;
        for (const problem of nameConstraintViolations(cert, below)) {
          findings.push({ status: 'fail', target: pathTarget(j), evidence: { constrainedBy: pathTarget(i), nameConstraints: cert.nameConstraints }, message: `"${below.subject}" breaks the name constraints of "${cert.subject}": ${problem}.` });
        }
      }
      if (findings.length === before) findings.push({ status: 'pass', target, evidence, message: `"${cert.subject}" is a CA allowed to sign at this depth.` });
    }
    if (findings.length === 0) findings.push({ status: 'skip', target: 'chain', message: 'No issuing certificate on the path.' });
    return findings;
  },
});
