/**
 * > "If the basic constraints extension is not present in a version 3 certificate, or the
 * > extension is present but the cA boolean is not asserted, then the certified public key MUST
 * > NOT be used to verify certificate signatures." — RFC 5280 section 4.2.1.9
 */
import { defineRule } from '../../src/engine/define-rule.js';
import { pathTarget } from '../../src/engine/targets.js';
import type { Finding } from '../../src/engine/types.js';
import { dialledHostViolations, nameConstraintNotes, nameConstraintViolations } from '../../src/x509/name-constraints.js';
import { structureProblems, structureStatus } from '../../src/x509/structure.js';

export default defineRule({
  meta: {
    id: 'ca-constraints',
    area: 'cert',
    title: 'Every issuing certificate is a CA allowed to sign at this depth',
    severity: 'error',
    citations: [{ source: 'RFC5280', section: '4.2.1.3, 4.2.1.9, 6.1.4' }],
    remediation: 'Use the intermediate certificates your CA publishes; a certificate without CA rights cannot sign other certificates.',
    docs: {
      what: 'Checks basicConstraints CA:TRUE, keyCertSign, pathLenConstraint and name constraints (also against the dialled SBC host when a wildcard covers it) on every certificate that signs another on the path, and their structure as OpenSSL judges it: critical extensions it does not process fail; what only openssl verify -x509_strict or the CA/Browser Forum rejects warns (fails with --pki-profile strict).',
      why: "Verifiers reject a path through a non-CA certificate or one that exceeds a CA's path length.",
    },
  },
  check({ chain, pkiProfile, sip }) {
    const findings: Finding[] = [];
    const leaf = chain.path[0]!.cert;
    // Hosts Genesys dials that the leaf covers only through a wildcard: constraints apply to them too.
    const wildcardHosts = sip.sbcs
      .filter((s) => s.hostType === 'hostname')
      .map((s) => s.host.toLowerCase().replace(/\.$/, ''))
      .filter(
        (host) =>
          !leaf.san.dns.some((d) => d.toLowerCase() === host) &&
          leaf.san.dns.some(
            (d) =>
              d.startsWith('*.') && host.endsWith(d.slice(1).toLowerCase()) && !host.slice(0, host.length - d.length + 1).includes('.'),
          ),
      );
    for (let i = 1; i < chain.path.length; i++) {
      const entry = chain.path[i]!;
      const cert = entry.cert;
      const target = pathTarget(i);
      const evidence = { basicConstraints: cert.basicConstraints ?? null, keyUsage: cert.keyUsage ?? null };
      const before = findings.length;
      const anchor = entry.role === 'root' && i === chain.path.length - 1;
      for (const problem of structureProblems(cert, i, chain.path.length, anchor)) {
        findings.push({
          status: structureStatus(problem, pkiProfile),
          target,
          evidence: { ...evidence, level: problem.level },
          message: `"${cert.subject}" ${problem.text}.`,
        });
      }
      const storeRoot = entry.role === 'root' && entry.origin !== undefined;
      if (!cert.basicConstraints?.ca) {
        if (storeRoot || (entry.role === 'root' && cert.version === 1)) {
          if (findings.length === before)
            findings.push({
              status: 'pass',
              target,
              evidence,
              message: `The root "${cert.subject}" has no basicConstraints; as a trust anchor (version ${cert.version}) it is accepted as a CA.`,
            });
          continue;
        }
        findings.push({
          status: 'fail',
          target,
          evidence,
          message: `"${cert.subject}" signs another certificate but is not a CA (${cert.basicConstraints ? 'basicConstraints CA:FALSE' : 'no basicConstraints'}).`,
        });
        continue;
      }
      if (cert.subject === '') {
        findings.push({
          status: 'fail',
          target,
          evidence,
          message:
            'An issuing certificate has an empty subject name; RFC 5280 4.1.2.6 requires a CA to have one, and issuer matching cannot work.',
        });
        continue;
      }
      if (cert.keyUsage && !cert.keyUsage.includes('keyCertSign')) {
        findings.push({
          status: 'fail',
          target,
          evidence,
          message: `"${cert.subject}" has a key usage without keyCertSign, so it may not sign certificates.`,
        });
        continue;
      }
      // Intermediates below this one, not counting self-issued ones (RFC 5280 6.1.4 (l)).
      const below = chain.path.slice(1, i).filter((p) => !p.cert.selfIssued).length;
      const pathLen = cert.basicConstraints.pathLen;
      if (pathLen !== undefined && below > pathLen) {
        findings.push({
          status: 'fail',
          target,
          evidence: { ...evidence, intermediatesBelow: below },
          message: `"${cert.subject}" allows ${pathLen} intermediate(s) below it (pathLenConstraint) but the path has ${below}.`,
        });
        continue;
      }
      for (const note of nameConstraintNotes(cert)) {
        findings.push({
          status: pkiProfile === 'strict' ? 'fail' : 'warn',
          target,
          evidence: { nameConstraints: cert.nameConstraints, level: 'webpki' },
          message: `"${cert.subject}": ${note}; OpenSSL and Java accept it.`,
        });
      }
      // Name constraints bind every certificate below this CA (self-issued intermediates excepted).
      for (let j = 0; j < i; j++) {
        const under = chain.path[j]!.cert;
        if (j > 0 && under.selfIssued) continue;
        for (const problem of nameConstraintViolations(cert, under)) {
          findings.push({
            status: 'fail',
            target: pathTarget(j),
            evidence: { constrainedBy: pathTarget(i), nameConstraints: cert.nameConstraints },
            message: `"${under.subject}" breaks the name constraints of "${cert.subject}": ${problem}.`,
          });
        }
      }
      for (const host of wildcardHosts) {
        for (const problem of dialledHostViolations(cert, host)) {
          findings.push({
            status: 'fail',
            target: pathTarget(0),
            evidence: { constrainedBy: pathTarget(i), host, nameConstraints: cert.nameConstraints },
            message: `The name constraints of "${cert.subject}" forbid ${problem}; a verifier that checks the dialled name refuses it (CVE-2025-61727).`,
          });
        }
      }
      if (!findings.slice(before).some((f) => f.status === 'fail'))
        findings.push({ status: 'pass', target, evidence, message: `"${cert.subject}" is a CA allowed to sign at this depth.` });
    }
    if (findings.length === 0) findings.push({ status: 'skip', target: 'chain', message: 'No issuing certificate on the path.' });
    return findings;
  },
});
