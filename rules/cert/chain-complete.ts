/**
 * > "the customer endpoint must send its end-entity certificate plus all intermediate CA
 * > certificates" — Genesys BYOC Cloud TLS trunk specification, Certificate trust.
 */
import { defineRule } from '../../src/engine/define-rule.js';
import { inputTarget, pathTarget } from '../../src/engine/targets.js';
import type { Finding } from '../../src/engine/types.js';

export default defineRule({
  meta: {
    id: 'chain-complete',
    area: 'cert',
    title: 'The chain reaches a trusted root using only the presented certificates',
    severity: 'error',
    citations: [{ source: 'BYOC_TLS_SPEC', section: 'Certificate trust' }, { source: 'RFC5246', section: '7.4.2' }],
    remediation: 'Configure the SBC to send the leaf certificate followed by every intermediate CA certificate your CA issued with it (the "CA bundle" or "chain" file).',
    docs: {
      what: 'Builds the path from the SBC certificate to a root using only what the SBC presents plus the trust anchors.',
      why: 'Genesys does not fetch missing intermediates (no AIA chasing): a missing intermediate makes every TLS handshake fail.',
    },
  },
  check({ chain }) {
    const findings: Finding[] = [];
    const top = chain.path[chain.path.length - 1]!;
    const topIndex = chain.path.length - 1;
    const presented = chain.path.filter((p) => p.inputIndex !== undefined).length;
    if (chain.missingIssuer) {
      findings.push({
        status: 'fail',
        target: pathTarget(topIndex),
        message: `The issuer of ${top.cert.subject} is missing: "${chain.missingIssuer.subject}" (subject hash ${chain.missingIssuer.hash}) is neither in the file nor a known root, so Genesys cannot build a path to a trusted CA.`,
        remediation: `Add the intermediate CA certificate "${chain.missingIssuer.subject}" (subject hash ${chain.missingIssuer.hash}) after ${top.role === 'leaf' ? 'the leaf' : 'the last certificate'} in the chain file, as your CA supplied it.`,
        evidence: { missingIssuer: chain.missingIssuer, presentedOnPath: presented },
      });
    } else if (!chain.complete) {
      findings.push({
        status: 'fail',
        target: pathTarget(topIndex),
        message: chain.trustMode === 'byoc'
          ? `The chain ends at the self-signed certificate "${top.cert.subject}", which is not a public root CA; Genesys accepts only certificates issued under the public roots on its list.`
          : `The chain ends at the self-signed certificate "${top.cert.subject}", which is not among the --ca trust anchors.`,
        remediation: 'Use a certificate issued by a public CA on the BYOC accepted list (`byoc-check cas` prints it), or give that self-signed root with --ca for a lab check.',
        evidence: { selfSigned: top.cert.subject, subjectHash: top.cert.subjectHash },
      });
    } else if (chain.rootByHashOnly) {
      findings.push({
        status: 'pass',
        target: 'chain',
        message: `The chain reaches "${top.cert.issuer}" (subject hash ${top.cert.issuerHash}), a listed BYOC root, using ${presented} presented certificate(s); the root itself is not on this machine, so it was matched by name only.`,
        evidence: { presentedOnPath: presented, rootMatchedByHash: top.cert.issuerHash },
      });
    } else {
      findings.push({
        status: 'pass',
        target: 'chain',
        message: `The chain reaches the root "${top.cert.subject}" using ${presented} presented certificate(s).`,
        evidence: { presentedOnPath: presented, root: top.cert.subject, rootOrigin: top.origin ?? 'presented' },
      });
    }
    for (const inputIndex of chain.extras) {
      const cert = chain.input[inputIndex]!;
      findings.push({
        status: 'warn',
        target: inputTarget(chain, inputIndex),
        message: `Certificate #${inputIndex + 1} in the file ("${cert.subject}") is not part of the path to the root; Genesys ignores it, but it bloats every handshake and hides mistakes.`,
        remediation: 'Remove certificates that do not belong to this chain from the file the SBC sends.',
        evidence: { inputIndex, subject: cert.subject, subjectHash: cert.subjectHash },
      });
    }
    return findings;
  },
});
