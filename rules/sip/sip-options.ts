/**
 * > "The OPTIONS method allows a UA to query another UA or a proxy server as to its capabilities.
 * > [...] All UAs MUST support the OPTIONS method." — RFC 3261, section 11.
 *
 * Genesys BYOC Cloud monitors a trunk's SIP servers with OPTIONS over the TLS connection; an SBC
 * that answers OPTIONS shows a SIP stack behind its TLS port.
 */
import { defineRule } from '../../src/engine/define-rule.js';

export default defineRule({
  meta: {
    id: 'sip-options',
    area: 'sip',
    title: 'The SBC answers SIP OPTIONS over TLS',
    severity: 'error',
    citations: [{ source: 'RFC3261', section: '11' }, { source: 'BYOC_CHECK' }],
    remediation: 'Make the SBC answer SIP OPTIONS on its TLS listener (at least from the Genesys BYOC Cloud addresses of your region).',
    docs: {
      what: 'The live probe sends one OPTIONS request (RFC 3261 syntax) over a TLS connection made as BYOC Cloud makes it, and reports the answer: status line, Server header and time.',
      why: 'Any SIP answer proves that a SIP stack listens behind the TLS port. Silence may be an SBC that drops OPTIONS from unknown peers (then it must let Genesys through); a non-SIP answer means the port serves another protocol, and no call will pass.',
    },
  },
  check({ probe }) {
    if (!probe)
      return [
        {
          status: 'skip',
          target: 'probe.sip',
          evidence: { reason: 'not-applicable' },
          message: 'Not applicable: no live probe ran (`byoc-check probe HOST` sends SIP OPTIONS).',
        },
      ];
    const handshake = probe.attempts.find((a) => a.kind === 'handshake');
    if (!handshake || handshake.result !== 'accepted') {
      return [
        {
          status: 'skip',
          target: 'probe.sip',
          evidence: { sip: probe.sip },
          message: `No OPTIONS sent: the TLS handshake as BYOC Cloud makes it did not complete (${handshake ? handshake.result + (handshake.alert ? ` ${handshake.alert}` : '') : 'not attempted'}).`,
        },
      ];
    }
    const sip = probe.sip;
    const evidence = { sip };
    if (sip.answered) {
      const server = sip.server ? ` (${sip.server})` : '';
      return [
        { status: 'pass', target: 'probe.sip', evidence, message: `OPTIONS answered with "${sip.statusLine}"${server} in ${sip.ms} ms.` },
      ];
    }
    if (sip.error === 'not-sip') {
      return [
        {
          status: 'fail',
          target: 'probe.sip',
          evidence,
          message: `The TLS port answered OPTIONS with something that is not SIP${sip.detail ? ` ("${sip.detail.slice(0, 60)}")` : ''}: another service runs behind this TLS port.`,
          remediation: "Point the trunk at the SBC's SIP TLS listener (SIP over TLS, usually 5061), not at a web or management port.",
        },
      ];
    }
    if (sip.error === 'timeout') {
      return [
        {
          status: 'warn',
          target: 'probe.sip',
          evidence,
          message: `No answer to OPTIONS within ${(sip.ms / 1000).toFixed(1)} s. Some SBCs drop OPTIONS from unknown peers; make sure they answer Genesys.`,
        },
      ];
    }
    return [
      {
        status: 'warn',
        target: 'probe.sip',
        evidence,
        message: `The SBC closed the TLS connection after the OPTIONS request without a SIP answer${sip.detail ? ` (${sip.detail})` : ''}. Some SBCs drop unknown peers; make sure Genesys is allowed.`,
      },
    ];
  },
});
