/**
 * > "BYOC validates by host name — an IP address is not acceptable" — Genesys BYOC Cloud TLS
 * > trunk specification, Subject name validation; "sending to an IP address instead of a
 * > supported host name makes X.509 subject-name validation fail" (Inbound SIP routing, DNIS).
 */
import { defineRule } from '../../src/engine/define-rule.js';
import type { Finding } from '../../src/engine/types.js';

export default defineRule({
  meta: {
    id: 'host-not-ip',
    area: 'sip',
    title: 'Hosts are names, not IP addresses',
    severity: 'error',
    citations: [
      { source: 'BYOC_TLS_SPEC', section: 'Subject name validation; Inbound SIP routing' },
      { source: 'BYOC_TRUNK_SETTINGS', section: 'SIP Servers or Proxies' },
    ],
    remediation:
      'Use a DNS name that the certificate names: for Genesys, lb01..lb04.voice.<region>.pure.cloud; for the SBC, the FQDN in its certificate.',
    docs: {
      what: 'Checks that URI hosts and --sbc entries are host names, not IPv4 or IPv6 literals.',
      why: 'TLS subject validation compares the dialled name with the certificate; Genesys refuses IP addresses for secure trunks, and DNIS routing to an IP fails it.',
    },
  },
  check({ sip }) {
    const findings: Finding[] = [];
    for (const { uri, index } of sip.uris) {
      const target = `uri[${index}]`;
      if (uri.hostType === 'hostname')
        findings.push({ status: 'pass', target, evidence: { host: uri.host }, message: `The host "${uri.host}" is a name.` });
      else
        findings.push({
          status: 'fail',
          target,
          evidence: { host: uri.host, hostType: uri.hostType, uri: uri.raw, mark: { start: uri.hostStart, end: uri.hostEnd } },
          message: `The host is the ${uri.hostType === 'ipv4' ? 'IPv4' : 'IPv6'} address ${uri.host}: certificate subject validation needs a host name, so routing to an IP fails it.`,
        });
    }
    for (const sbc of sip.sbcs.filter((s) => s.origin === 'sbc')) {
      const target = `sbc[${sbc.index}]`;
      if (sbc.hostType === 'hostname')
        findings.push({ status: 'pass', target, evidence: { host: sbc.host }, message: `"${sbc.host}" is a host name.` });
      else
        findings.push({
          status: 'fail',
          target,
          evidence: { host: sbc.host, hostType: sbc.hostType },
          message: `"${sbc.raw}" is an IP address: Genesys validates the SBC certificate by host name, and an IP address in "SIP Servers or Proxies" is not acceptable for TLS.`,
          remediation: 'Enter the SBC\'s FQDN (the name in its certificate) in "SIP Servers or Proxies".',
        });
    }
    if (findings.length === 0) findings.push({ status: 'skip', target: 'uri', message: 'No --uri or --sbc given.' });
    return findings;
  },
});
