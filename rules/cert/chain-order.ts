/**
 * > "The sender's certificate MUST come first in the list. Each following certificate MUST
 * > directly certify the one preceding it." — RFC 5246 section 7.4.2
 */
import { defineRule } from '../../src/engine/define-rule.js';
import { inputTarget } from '../../src/engine/targets.js';
import type { Finding } from '../../src/engine/types.js';

export default defineRule({
  meta: {
    id: 'chain-order',
    area: 'cert',
    title: 'Leaf first, then each issuer in order, no duplicates, no root',
    severity: 'warning',
    citations: [{ source: 'RFC5246', section: '7.4.2' }],
    remediation: 'Order the chain file as: leaf, the intermediate that signed it, the next intermediate ... and leave the root out.',
    docs: {
      what: 'Checks the order of the certificates in the file against the path the chain builder found.',
      why: 'TLS 1.2 requires leaf first and each issuer next; many SBCs send the file as it is, and strict peers reject a disordered chain.',
    },
  },
  check({ chain }) {
    const findings: Finding[] = [];
    const presented = chain.path.filter((p) => p.inputIndex !== undefined);
    if (chain.leafInputIndex !== 0) {
      findings.push({
        status: 'warn',
        target: inputTarget(chain, chain.leafInputIndex),
        message: `The leaf certificate ("${chain.input[chain.leafInputIndex]!.subject}") is #${chain.leafInputIndex + 1} in the file, not first; SBCs that send the file as is present a chain strict TLS clients reject.`,
        evidence: { leafInputIndex: chain.leafInputIndex },
      });
    }
    presented.forEach((entry, position) => {
      if (position === 0) return;
      const previous = presented[position - 1]!;
      if (entry.inputIndex !== previous.inputIndex! + 1 && chain.leafInputIndex === 0) {
        findings.push({
          status: 'warn',
          target: inputTarget(chain, entry.inputIndex!),
          message: `"${entry.cert.subject}" (#${entry.inputIndex! + 1} in the file) signed #${previous.inputIndex! + 1} and should come right after it.`,
          evidence: { inputIndex: entry.inputIndex, expectedInputIndex: previous.inputIndex! + 1 },
        });
      }
    });
    for (const [first, duplicate] of chain.duplicates) {
      findings.push({
        status: 'warn',
        target: inputTarget(chain, first),
        message: `Certificate #${duplicate + 1} repeats #${first + 1} ("${chain.input[first]!.subject}"); duplicates waste handshake bytes and some stacks reject them.`,
        remediation: 'Remove the repeated certificate from the chain file.',
        evidence: { inputIndex: duplicate, duplicateOf: first },
      });
    }
    const root = chain.path[chain.path.length - 1]!;
    if (chain.path.length > 1 && root.role === 'root' && root.inputIndex !== undefined && root.cert.selfIssued) {
      findings.push({
        status: 'warn',
        target: inputTarget(chain, root.inputIndex),
        message: `The file includes the root "${root.cert.subject}"; Genesys uses its own copy of the root, so sending it only adds bytes (and an old or cross-signed copy can confuse peers).`,
        remediation: 'Leave the root certificate out of the chain the SBC sends.',
        evidence: { inputIndex: root.inputIndex },
      });
    }
    if (findings.length === 0) {
      findings.push({
        status: 'pass',
        target: 'chain',
        message: 'The leaf comes first and each issuer follows the certificate it signed.',
      });
    }
    return findings;
  },
});
