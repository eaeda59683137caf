/**
 * > "TLS-only listeners are available on host port 5061" — Genesys BYOC Cloud TLS trunk
 * > specification, Requirements. BYOC Cloud must reach the SBC's TLS listener to send calls.
 */
import { defineRule } from '../../src/engine/define-rule.js';

export default defineRule({
  meta: {
    id: 'tls-reachable',
    area: 'tls',
    title: "A TLS server answers on the SBC's SIP TLS port",
    severity: 'error',
    citations: [
      { source: 'BYOC_TLS_SPEC', section: 'Requirements' },
      { source: 'RFC5246', section: '7.4.1' },
    ],
    remediation:
      "Enable the SBC's SIP TLS listener on the address and port the trunk names, and open it in the firewall to the Genesys BYOC Cloud addresses of your region.",
    docs: {
      what: 'The live probe connects to the SBC and reports whether any TLS server answers: connection refused, no TCP answer, a listener that never speaks, plain text, a reset or a DNS failure each get their own message.',
      why: 'Without a TLS server on that port, Genesys cannot deliver a single call to the SBC.',
    },
  },
  check({ probe }) {
    if (!probe)
      return [
        {
          status: 'skip',
          target: 'probe',
          evidence: { reason: 'not-applicable' },
          message: 'Not applicable: no live probe ran (`byoc-check probe HOST` connects to the SBC).',
        },
      ];
    const where = `${probe.target.host.includes(':') ? `[${probe.target.host}]` : probe.target.host}:${probe.target.port}`;
    if (probe.fault)
      return [
        {
          status: 'fail',
          target: 'probe',
          evidence: { fault: probe.fault.kind, address: probe.target.address },
          message: probe.fault.message,
        },
      ];
    const answered = probe.attempts.filter((a) => a.result === 'accepted' || a.result.startsWith('alert ')).length;
    return [
      {
        status: 'pass',
        target: 'probe',
        evidence: { address: probe.target.address, answered },
        message: `A TLS server answers on ${where} (${probe.target.address}).`,
      },
    ];
  },
});
