/**
 * > "Protocol: UDP, TCP or TLS" — the trunk's transport (`trunk_transport_protocolVariant`); only TLS
 * > gives a secure trunk, the subject of the BYOC Cloud TLS trunk transport protocol specification.
 */
import { defineGenesysRule } from '../../src/engine/define-rule.js';
import type { Finding } from '../../src/engine/types.js';
import { locationOf, noTrunk, trunkTarget, unknownValue } from '../../src/genesys/describe.js';

export default defineGenesysRule({
  meta: {
    id: 'trunk-tls',
    area: 'genesys',
    scope: 'genesys',
    title: 'The BYOC Cloud trunk uses TLS',
    severity: 'error',
    citations: [
      { source: 'BYOC_TLS_SPEC', section: 'TLS trunk transport' },
      { source: 'GENESYS_TRUNKBASE_API', section: 'trunk_transport_protocolVariant' },
    ],
    remediation:
      "In Genesys Cloud, set the trunk's Protocol to TLS (Admin > Telephony > Trunks > External Trunks > the trunk > SIP Servers or Proxies).",
    docs: {
      what: "Reads the trunk's protocol (properties.trunk_transport_protocolVariant) and fails when it is UDP or TCP; an unknown or missing value warns.",
      why: 'A UDP or TCP trunk carries signalling in clear text: it is not a secure trunk, and none of the TLS checks (certificate names, port 5061, ciphers) apply to it.',
    },
  },
  check({ trunks }) {
    if (trunks.length === 0) return noTrunk();
    return trunks.map((t): Finding => {
      const target = trunkTarget(t);
      const p = t.protocol;
      if (!p) return unknownValue(t, 'trunk_transport_protocolVariant', 'its protocol');
      const base = { target, evidence: { trunk: t.id, value: p.value, source: p.source }, location: locationOf(t, p.source) };
      if (p.value === 'tls') return { ...base, status: 'pass', message: `Trunk "${t.name}" uses TLS (${p.source}).` };
      if (p.value === 'udp' || p.value === 'tcp')
        return {
          ...base,
          status: 'fail',
          message: `Trunk "${t.name}" uses ${p.value.toUpperCase()}, not TLS: it is not a secure trunk, and the TLS checks do not apply to it (${p.source}).`,
        };
      return {
        ...base,
        status: 'warn',
        message: `Trunk "${t.name}" has protocol "${p.value}", which is not UDP, TCP or TLS (${p.source}).`,
      };
    });
  },
});
