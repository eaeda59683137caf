/**
 * > "tgrp — user part — trunk group label; trunk-context — user part — trunk group namespace;
 * > transport — host part" — Genesys BYOC Cloud TLS trunk specification, SIP URI; RFC 4904
 * > section 2.2 (trunk-group and trunk-context are telephone-subscriber parameters).
 * > Inbound calls must carry an identifier that maps them to the trunk: FQDN or TGRP, or DNIS
 * > when DNIS Replacement Routing is enabled on the trunk — Genesys Cloud, "Configure SIP routing
 * > for a BYOC Cloud trunk" (https://help.mypurecloud.com/articles/configure-sip-routing-for-a-byoc-cloud-trunk/).
 */
import { defineRule } from '../../src/engine/define-rule.js';
import type { Finding } from '../../src/engine/types.js';
import { proxyRegion } from '../data/byoc-regions.js';
import { paramText, uriEvidence } from '../../src/sip/uri.js';

const USER_PART = ['tgrp', 'trunk-context'];

export default defineRule({
  meta: {
    id: 'uri-params',
    area: 'sip',
    title: 'tgrp and trunk-context in the user part, transport in the host part',
    severity: 'error',
    citations: [
      { source: 'BYOC_TLS_SPEC', section: 'SIP URI' },
      { source: 'BYOC_SIP_ROUTING', section: 'Inbound SIP routing: FQDN, TGRP, DNIS' },
      { source: 'RFC4904', section: '2.2, 3' },
    ],
    remediation: 'Write the URI as sip:+NUMBER;tgrp=LABEL;trunk-context=NAMESPACE@HOST:5061;transport=tls',
    docs: {
      what: 'Checks on which side of the @ the tgrp, trunk-context and transport parameters stand, and that a URI to a shared BYOC Cloud proxy (lbNN.voice.REGION.pure.cloud) names its trunk with ;tgrp.',
      why: 'Genesys routes inbound TGRP calls by the user-part parameters; in the host part they are ignored and the call does not reach the trunk.',
    },
  },
  check({ sip }) {
    if (sip.uris.length === 0) return [{ status: 'skip', target: 'uri', message: 'No --uri given.' }];
    const findings: Finding[] = [];
    for (const { uri, index } of sip.uris) {
      const target = `uri[${index}]`;
      const before = findings.length;
      for (const p of uri.params.filter((q) => USER_PART.includes(q.name))) {
        findings.push({
          status: 'fail',
          target,
          evidence: { uri: uri.raw, parsed: uriEvidence(uri), parameter: p.name, part: 'host', mark: { start: p.start, end: p.end } },
          message: `${paramText(uri, p)} is in the host part (after the @), where Genesys ignores it; it belongs to the user part.`,
          remediation: `Move ${paramText(uri, p)} before the @ (right after the number).`,
        });
      }
      for (const p of uri.userParams.filter((q) => q.name === 'transport')) {
        findings.push({
          status: 'fail',
          target,
          evidence: { uri: uri.raw, parsed: uriEvidence(uri), parameter: 'transport', part: 'user', mark: { start: p.start, end: p.end } },
          message: `${paramText(uri, p)} is in the user part (before the @), where it is part of the number, not a transport.`,
          remediation: `Move ${paramText(uri, p)} after the host (and port).`,
        });
      }
      const tgrp = uri.userParams.find((p) => p.name === 'tgrp');
      if (tgrp && !uri.userParams.some((p) => p.name === 'trunk-context')) {
        findings.push({
          status: 'warn',
          target,
          evidence: { uri: uri.raw, parsed: uriEvidence(uri), mark: { start: tgrp.start, end: tgrp.end } },
          message:
            ";tgrp without ;trunk-context: RFC 4904 scopes a trunk group by its context, and Genesys' Inbound Request-URI Reference shows both.",
          remediation: "Add ;trunk-context=<namespace from the trunk's Inbound Request-URI Reference> after ;tgrp.",
        });
      }
      // The org's trunk says which label it routes by: the URI must carry that one.
      const expected = sip.tgrp;
      if (expected && tgrp && tgrp.value !== expected.value) {
        findings.push({
          status: 'fail',
          target,
          evidence: {
            uri: uri.raw,
            parsed: uriEvidence(uri),
            expected: expected.value,
            source: expected.source,
            mark: { start: tgrp.start, end: tgrp.end },
          },
          message: `;tgrp=${tgrp.value ?? ''}, but Genesys trunk "${expected.trunk}" has Inbound SIP Termination Identifier "${expected.value}" (${expected.source}): Genesys matches no trunk and refuses the call.`,
          remediation: `Send ;tgrp=${expected.value} (or change the trunk's Inbound SIP Termination Identifier in Genesys Cloud to match the SBC).`,
        });
      }
      // The lbNN proxies are shared by every org of the region: the host does not name the trunk.
      const tgrpAnywhere = tgrp ?? uri.params.find((p) => p.name === 'tgrp');
      // The FQDN form names the trunk in the host instead: IDENTIFIER.byoc.DOMAIN.
      const fqdnRouted = expected !== undefined && uri.host.toLowerCase().startsWith(`${expected.value.toLowerCase()}.`);
      if (!tgrpAnywhere && expected && !fqdnRouted) {
        findings.push({
          status: 'warn',
          target,
          evidence: {
            uri: uri.raw,
            parsed: uriEvidence(uri),
            expected: expected.value,
            source: expected.source,
            mark: { start: uri.hostStart, end: uri.hostEnd },
          },
          message: `No ;tgrp before the @: Genesys trunk "${expected.trunk}" has Inbound SIP Termination Identifier "${expected.value}" (${expected.source}), and without it (or the FQDN form) Genesys cannot tell which trunk the call is for unless DNIS Replacement Routing is enabled on the trunk.`,
          remediation: `Add ;tgrp=${expected.value};trunk-context=<namespace from the trunk's Inbound Request-URI Reference> right after the number.`,
        });
      } else if (!tgrpAnywhere && !expected && proxyRegion(uri.host)) {
        const context = uri.userParams.some((p) => p.name === 'trunk-context') ? '' : ' (nor ;trunk-context)';
        findings.push({
          status: 'warn',
          target,
          evidence: { uri: uri.raw, parsed: uriEvidence(uri), mark: { start: uri.hostStart, end: uri.hostEnd } },
          message: `No ;tgrp${context} before the @: "${uri.host}" is a shared BYOC Cloud proxy, so Genesys cannot tell which trunk the call is for unless DNIS Replacement Routing is enabled on the trunk.`,
          remediation:
            "Add ;tgrp=<the trunk's Inbound SIP Termination Identifier>;trunk-context=<namespace from its Inbound Request-URI Reference> right after the number, or enable DNIS Replacement Routing on the trunk if the carrier cannot send TGRP.",
        });
      }
      if (findings.length === before) {
        findings.push({
          status: 'pass',
          target,
          evidence: { uri: uri.raw, parsed: uriEvidence(uri) },
          message: tgrp ? ';tgrp and ;trunk-context are in the user part.' : 'Parameters are on the right side of the @.',
        });
      }
    }
    return findings;
  },
});
