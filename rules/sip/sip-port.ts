/**
 * > "TLS-only listeners are available on host port 5061" — Genesys BYOC Cloud TLS trunk
 * > specification, Requirements.
 */
import { defineRule } from '../../src/engine/define-rule.js';
import type { Finding } from '../../src/engine/types.js';

export default defineRule({
  meta: {
    id: 'sip-port',
    area: 'sip',
    title: 'SIP over TLS uses port 5061',
    severity: 'error',
    citations: [{ source: 'BYOC_TLS_SPEC', section: 'Requirements' }, { source: 'RFC3261', section: '19.1.2' }],
    remediation: 'Use port 5061 (or leave the port out: 5061 is the default for TLS).',
    docs: {
      what: 'Checks explicit ports in --uri and --sbc entries.',
      why: 'BYOC Cloud listens for TLS only on 5061; port 5060 is plain UDP/TCP and never completes a TLS handshake.',
    },
  },
  check({ sip }) {
    const findings: Finding[] = [];
    for (const { uri, index } of sip.uris) {
      const target = `uri[${index}]`;
      if (uri.port === undefined) findings.push({ status: 'pass', target, evidence: { port: null }, message: 'No port given: TLS uses 5061 by default.' });
      else if (uri.port === 5061) findings.push({ status: 'pass', target, evidence: { port: 5061 }, message: 'Port 5061.' });
      else {
        const at = uri.raw.indexOf(`:${uri.port}`, uri.hostEnd);
        findings.push({ status: 'fail', target, evidence: { port: uri.port, uri: uri.raw, mark: { start: at, end: at + 1 + String(uri.port).length } }, message: `Port ${uri.port}: BYOC Cloud TLS listeners are on 5061${uri.port === 5060 ? ' (5060 is plain SIP)' : ''}.`, remediation: `Change :${uri.port} to :5061.` });
      }
    }
    for (const sbc of sip.sbcs.filter((s) => s.origin === 'sbc')) {
      const target = `sbc[${sbc.index}]`;
      if (sbc.port === undefined || sbc.port === 5061) findings.push({ status: 'pass', target, evidence: { port: sbc.port ?? null }, message: sbc.port ? 'Port 5061.' : 'No port given: Genesys dials 5061 for TLS.' });
      else findings.push({ status: 'fail', target, evidence: { port: sbc.port }, message: `Port ${sbc.port} for "${sbc.raw}": secure trunks use 5061${sbc.port === 5060 ? ' (5060 is plain SIP)' : ''}.`, remediation: `Make the SBC listen for TLS on 5061 and enter ${sbc.host}:5061 in "SIP Servers or Proxies".` });
    }
    if (findings.length === 0) findings.push({ status: 'skip', target: 'uri', message: 'No --uri or --sbc given.' });
    return findings;
  },
});
