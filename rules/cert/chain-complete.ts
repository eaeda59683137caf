/**
 * > "the customer endpoint must send its end-entity certificate plus all intermediate CA
 * > certificates" — Genesys BYOC Cloud TLS trunk specification, Certificate trust.
 */
import { namedAsRoot } from '../data/accepted-cas.js';
import { defineRule } from '../../src/engine/define-rule.js';
import { inputTarget, pathTarget } from '../../src/engine/targets.js';
import type { Finding } from '../../src/engine/types.js';
import { couldIssue } from '../../src/x509/chain.js';

export default defineRule({
  meta: {
    id: 'chain-complete',
    area: 'cert',
    title: 'The chain reaches a trusted root using only the presented certificates',
    severity: 'error',
    citations: [
      { source: 'BYOC_TLS_SPEC', section: 'Certificate trust' },
      { source: 'RFC5246', section: '7.4.2' },
    ],
    remediation:
      'Configure the SBC to send the leaf certificate followed by every intermediate CA certificate your CA issued with it (the "CA bundle" or "chain" file).',
    docs: {
      what: 'Builds the path from the SBC certificate to a root using only what the SBC presents plus the trust anchors.',
      why: 'Genesys does not fetch missing intermediates (no AIA chasing): a missing intermediate makes every TLS handshake fail.',
    },
  },
  check({ chain, maxDepth }) {
    const findings: Finding[] = [];
    const top = chain.path[chain.path.length - 1]!;
    const topIndex = chain.path.length - 1;
    const presented = chain.path.filter((p) => p.inputIndex !== undefined).length;
    if (chain.impostorIssuer) {
      const who = chain.impostorIssuer;
      findings.push({
        status: 'fail',
        target: pathTarget(topIndex),
        message: `"${top.cert.subject}" names "${who.subject}" (subject hash ${who.hash}) as its issuer, and this machine's trust store holds that root, but its key did not sign the certificate: the chain leads to a look-alike of the trusted root, not to the root itself${who.storeCertificates[0]?.error ? ` (${who.storeCertificates[0].error})` : ''}.`,
        remediation:
          "Install the intermediate certificates your CA actually issued (its download page or the ACME account's chain), not a bundle from elsewhere; if the chain came from the SBC, the certificate may be forged.",
        evidence: { impostorIssuer: who, presentedOnPath: presented },
      });
    } else if (chain.missingIssuer && chain.trustMode === 'byoc' && namedAsRoot(chain.missingIssuer.subject)) {
      // A private CA's root: no intermediate is missing, the root is simply not one Genesys accepts.
      findings.push({
        status: 'fail',
        target: pathTarget(topIndex),
        message: `${top.cert.subject} is issued under "${chain.missingIssuer.subject}" (subject hash ${chain.missingIssuer.hash}), a root that is not on the BYOC Cloud accepted-CA list: Genesys accepts only certificates issued under the public roots it lists, so a private CA cannot be used for BYOC Cloud.`,
        remediation:
          'Get the SBC certificate from a public CA on the BYOC accepted list (`byoc-check cas` prints it, with subject hashes); to check a lab or BYOC Premises chain against your own root, give the root with --ca.',
        evidence: { missingIssuer: chain.missingIssuer, privateRoot: true, presentedOnPath: presented },
      });
    } else if (chain.missingIssuer) {
      findings.push({
        status: 'fail',
        target: pathTarget(topIndex),
        message: `The issuer of ${top.cert.subject} is missing: "${chain.missingIssuer.subject}" (subject hash ${chain.missingIssuer.hash}) is neither in the file nor a known root, so Genesys cannot build a path to a trusted CA.`,
        remediation: `Add the intermediate CA certificate "${chain.missingIssuer.subject}" (subject hash ${chain.missingIssuer.hash}) after ${top.role === 'leaf' ? 'the leaf' : 'the last certificate'} in the chain file, as your CA supplied it${chain.trustMode === 'byoc' ? '; if it is your own private CA, Genesys refuses it: only the public roots `byoc-check cas` lists are accepted' : ''}.`,
        evidence: { missingIssuer: chain.missingIssuer, presentedOnPath: presented },
      });
    } else if (!chain.complete) {
      findings.push({
        status: 'fail',
        target: pathTarget(topIndex),
        message:
          chain.trustMode === 'byoc'
            ? `The chain ends at the self-signed certificate "${top.cert.subject}", which is not a public root CA; Genesys accepts only certificates issued under the public roots on its list.`
            : `The chain ends at the self-signed certificate "${top.cert.subject}", which is not among the --ca trust anchors.`,
        remediation:
          'Use a certificate issued by a public CA on the BYOC accepted list (`byoc-check cas` prints it), or give that self-signed root with --ca for a lab check.',
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
    if (top.role === 'root' && top.cert.selfIssued && !couldIssue(top.cert, top.cert)) {
      findings.push({
        status: 'fail',
        target: pathTarget(topIndex),
        message: `The root "${top.cert.subject}" has an authorityKeyIdentifier that does not name the root itself (${top.cert.authorityKeyId && top.cert.subjectKeyId && top.cert.authorityKeyId !== top.cert.subjectKeyId ? `keyIdentifier ${top.cert.authorityKeyId}, its own key ${top.cert.subjectKeyId}` : 'another issuer name or serial number'}); OpenSSL then does not treat it as self-signed and looks for an issuer that does not exist ("unable to get issuer certificate").`,
        remediation: 'Use the root certificate as your CA publishes it (its authorityKeyIdentifier, if any, names the root itself).',
        evidence: {
          authorityKeyId: top.cert.authorityKeyId ?? null,
          subjectKeyId: top.cert.subjectKeyId ?? null,
          authorityKeyIdExtras: top.cert.authorityKeyIdExtras,
        },
      });
    }
    if (maxDepth !== undefined && chain.complete) {
      // Intermediates between the leaf and the trust anchor; self-issued ones (a CA re-keying
      // under the same name) are one logical CA, as RFC 5280 6.1.4 (l) and x509-limbo count them.
      const intermediates = chain.path.slice(1).filter((p) => p.role !== 'root');
      const logical = intermediates.filter((p) => !p.cert.selfIssued).length;
      const evidence = { maxDepth, intermediates: intermediates.length, logicalIntermediates: logical };
      if (logical > maxDepth) {
        findings.push({
          status: 'fail',
          target: 'chain',
          evidence,
          message: `The path has ${logical} intermediate CA(s) but the verify depth is ${maxDepth}: a verifier with that depth stops before the root ("certificate chain too long").`,
          remediation: `Raise the SBC's verify depth to at least ${logical}, or use a chain with fewer intermediates.`,
        });
      } else if (intermediates.length > maxDepth) {
        findings.push({
          status: 'warn',
          target: 'chain',
          evidence,
          message: `The path has ${intermediates.length} intermediate certificates (${logical} CA(s) plus self-issued re-keys); OpenSSL counts every certificate against a verify depth of ${maxDepth} and stops before the root.`,
          remediation: `Raise the SBC's verify depth to at least ${intermediates.length}.`,
        });
      }
    }
    const deadEnds = new Map(chain.deadEnds.map((d) => [d.inputIndex, d.reason]));
    for (const inputIndex of chain.extras) {
      const cert = chain.input[inputIndex]!;
      const reason = deadEnds.get(inputIndex);
      if (reason) {
        findings.push({
          status: 'warn',
          target: inputTarget(chain, inputIndex),
          message: `Certificate #${inputIndex + 1} in the file ("${cert.subject}") is a dead end: ${reason}. A verifier that does not backtrack (OpenSSL) may pick it and fail.`,
          remediation: 'Remove the certificate that leads nowhere from the file the SBC sends, so every peer builds the path that works.',
          evidence: { inputIndex, subject: cert.subject, subjectHash: cert.subjectHash, deadEnd: true },
        });
        continue;
      }
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
