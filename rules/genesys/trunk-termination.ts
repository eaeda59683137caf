/**
 * > Inbound INVITEs must carry the trunk's "Inbound SIP Termination Identifier"; with TLS, "TGRP is
 * > best practice", the identifier going in the Request-URI user part as `tgrp` (Configure SIP routing
 * > for a BYOC Cloud trunk; RFC 4904 trunk-group-label = 1*(unreserved / escaped / "/" / "&" / "+" / "$")).
 */
import { defineGenesysRule } from '../../src/engine/define-rule.js';
import type { Finding } from '../../src/engine/types.js';
import { locationOf, noTrunk, notApplicable, notTls, trunkTarget, unknownValue } from '../../src/genesys/describe.js';

const LABEL = /^([A-Za-z0-9\-_.!~*'()/&+$]|%[0-9A-Fa-f]{2})+$/;

export default defineGenesysRule({
  meta: {
    id: 'trunk-termination',
    area: 'genesys',
    scope: 'genesys',
    title: 'The trunk has the Inbound SIP Termination Identifier the SBC sends as tgrp',
    severity: 'error',
    citations: [
      { source: 'BYOC_SIP_ROUTING', section: 'Inbound SIP Termination Identifier; TGRP' },
      { source: 'RFC4904', section: 'trunk-group-label' },
    ],
    remediation:
      "Set the trunk's Inbound SIP Termination Identifier in Genesys Cloud, and have the SBC send it as ;tgrp= (with ;trunk-context=) in the user part of every Request-URI to Genesys.",
    docs: {
      what: 'For each TLS trunk, checks that properties.trunk_sip_termination_uri is set and is a valid RFC 4904 trunk-group label, and says the tgrp value the SBC must send.',
      why: 'With TLS the Request-URI host is the Genesys proxy name, so Genesys finds the trunk only by the tgrp (or FQDN) identifier: without it, or with another value on the SBC, inbound calls are refused.',
    },
  },
  check({ trunks }) {
    if (trunks.length === 0) return noTrunk();
    return trunks.map((t): Finding => {
      const target = trunkTarget(t);
      if (notTls(t)) return notApplicable(t, 'TGRP routing for a TLS trunk');
      const v = t.terminationUri;
      if (!v) return unknownValue(t, 'trunk_sip_termination_uri', 'its Inbound SIP Termination Identifier');
      const base = {
        target,
        evidence: { trunk: t.id, value: v.value, tgrp: v.value, source: v.source },
        location: locationOf(t, v.source),
      };
      const value = v.value.trim();
      if (!value)
        return {
          ...base,
          status: 'fail',
          message: `Trunk "${t.name}" has an empty Inbound SIP Termination Identifier: Genesys cannot route inbound calls by TGRP (${v.source}).`,
        };
      if (!LABEL.test(value))
        return {
          ...base,
          status: 'fail',
          message: `Trunk "${t.name}" has Inbound SIP Termination Identifier "${v.value}", which is not an RFC 4904 trunk-group label: the SBC cannot send it as tgrp unescaped (${v.source}).`,
        };
      return {
        ...base,
        status: 'pass',
        message: `Trunk "${t.name}" routes by TGRP: the SBC must send ;tgrp=${value} in the user part of its Request-URIs (${v.source}).`,
      };
    });
  },
});
