/**
 * > "TLS-only listeners are available on host port 5061" — Genesys BYOC Cloud TLS trunk
 * > specification, Requirements.
 */
import { defineRule } from '../../src/engine/define-rule.js';
import type { Finding } from '../../src/engine/types.js';
import { endpointLabel, locationOf, quoteValue } from '../../src/model/endpoint.js';

export default defineRule({
  meta: {
    id: 'sip-port',
    area: 'sip',
    title: 'SIP over TLS uses port 5061',
    severity: 'error',
    citations: [
      { source: 'BYOC_TLS_SPEC', section: 'Requirements' },
      { source: 'RFC3261', section: '19.1.2' },
    ],
    remediation: 'Use port 5061 (or leave the port out: 5061 is the default for TLS).',
    docs: {
      what: "Checks explicit ports in --uri and --sbc entries, and that the SBC's TLS listener (from its configuration) is on the port Genesys dials.",
      why: 'BYOC Cloud listens for TLS only on 5061; port 5060 is plain UDP/TCP and never completes a TLS handshake.',
    },
  },
  check({ sip, tls }) {
    const findings: Finding[] = [];
    for (const { uri, index } of sip.uris) {
      const target = `uri[${index}]`;
      if (uri.port === undefined)
        findings.push({ status: 'pass', target, evidence: { port: null }, message: 'No port given: TLS uses 5061 by default.' });
      else if (uri.port === 5061) findings.push({ status: 'pass', target, evidence: { port: 5061 }, message: 'Port 5061.' });
      else {
        const at = uri.raw.indexOf(`:${uri.port}`, uri.hostEnd);
        findings.push({
          status: 'fail',
          target,
          evidence: { port: uri.port, uri: uri.raw, mark: { start: at, end: at + 1 + String(uri.port).length } },
          message: `Port ${uri.port}: BYOC Cloud TLS listeners are on 5061${uri.port === 5060 ? ' (5060 is plain SIP)' : ''}.`,
          remediation: `Change :${uri.port} to :5061.`,
        });
      }
    }
    for (const sbc of sip.sbcs.filter((s) => s.origin === 'sbc')) {
      const target = `sbc[${sbc.index}]`;
      if (sbc.port === undefined || sbc.port === 5061)
        findings.push({
          status: 'pass',
          target,
          evidence: { port: sbc.port ?? null },
          message: sbc.port ? 'Port 5061.' : 'No port given: Genesys dials 5061 for TLS.',
        });
      else
        findings.push({
          status: 'fail',
          target,
          evidence: { port: sbc.port },
          message: `Port ${sbc.port} for "${sbc.raw}": secure trunks use 5061${sbc.port === 5060 ? ' (5060 is plain SIP)' : ''}.`,
          remediation: `Make the SBC listen for TLS on 5061 and enter ${sbc.host}:5061 in "SIP Servers or Proxies".`,
        });
    }
    // The SBC's own TLS listeners (from its configuration or the probe): the port Genesys dials must be one of them.
    const dialled = sip.sbcs.filter((s) => s.origin === 'sbc').map((s) => s.port ?? 5061);
    for (const endpoint of tls.endpoints.filter((e) => e.role === 'server' && e.listen && e.format !== 'probe')) {
      const port = endpoint.listen!.value.port;
      const base = {
        target: endpoint.id,
        evidence: { listenPort: port, dialled },
        ...(locationOf(endpoint.listen) ? { location: locationOf(endpoint.listen) } : {}),
      };
      const where = `${endpointLabel(endpoint)}: ${quoteValue({ ...endpoint.listen!, value: `${endpoint.listen!.value.host ?? '*'}:${port}` })} listens`;
      if (dialled.length ? dialled.includes(port) : port === 5061) {
        findings.push({ ...base, status: 'pass', message: `${where} on port ${port}${dialled.length ? ', the port Genesys dials' : ''}.` });
      } else if (dialled.length) {
        findings.push({
          ...base,
          status: 'fail',
          message: `${where} on port ${port}, but Genesys dials ${[...new Set(dialled)].join(', ')} (the trunk's SIP Servers or Proxies): nothing answers there.`,
          remediation: `Make the SBC listen for TLS on ${dialled[0]} (or enter :${port} in the trunk's SIP Servers or Proxies).`,
        });
      } else {
        findings.push({
          ...base,
          status: 'warn',
          message: `${where} on port ${port}, not 5061: Genesys dials 5061 unless the trunk's SIP Servers or Proxies entry names :${port}; if this listener is not for Genesys, ignore this.`,
          remediation:
            "Listen for TLS on 5061 for the Genesys trunk, or name this port in the trunk's SIP Servers or Proxies (and in byoc-check.yaml `sbc:`).",
        });
      }
    }
    if (findings.length === 0)
      findings.push({ status: 'skip', target: 'uri', message: 'No --uri or --sbc given, and no TLS listener known.' });
    return findings;
  },
});
