/**
 * > "To ensure the SBC trusts Genesys Cloud, import the DigiCert root certificates used by the
 * > Genesys Cloud region" — Genesys BYOC Cloud TLS trunk specification, Certificate authorities
 * > by region (DigiCert High Assurance EV Root CA, DigiCert Global Root G2, DigiCert Global Root G3).
 */
import { GENESYS_ROOTS, regions } from '../data/byoc-regions.js';
import { defineRule } from '../../src/engine/define-rule.js';
import type { Finding } from '../../src/engine/types.js';
import { endpointLabel, locationOf, quoteValue } from '../../src/model/endpoint.js';

type RootKey = keyof typeof GENESYS_ROOTS;

export default defineRule({
  meta: {
    id: 'trusts-genesys',
    area: 'trust',
    requires: [],
    title: "The SBC verifies Genesys and trusts the DigiCert roots of the trunk's region",
    severity: 'error',
    citations: [
      { source: 'BYOC_TLS_SPEC', section: 'Certificate authorities by region' },
      { source: 'RFC5246', section: '7.4.2' },
    ],
    remediation:
      "Turn on server certificate verification for the Genesys trunk and add the region's DigiCert roots to the CA list the SBC uses (`byoc-check rules` / `explain byoc-host` name them).",
    docs: {
      what: "Checks every client-role TLS endpoint (the SBC dialling Genesys): verification of the server certificate is on, and its CA list holds the DigiCert roots that sign the BYOC Cloud proxies of the trunk's region (by OpenSSL subject hash).",
      why: 'With verification off the SBC would accept any certificate as Genesys; with a CA list lacking the region\'s root, every outbound handshake fails with "unable to get local issuer certificate" and no call reaches Genesys.',
    },
  },
  check({ tls, sip }) {
    const clients = tls.endpoints.filter((e) => e.role === 'client' && (e.verifyPeer || e.caList || e.caCertificates));
    if (clients.length === 0)
      return [
        {
          status: 'skip',
          target: 'settings',
          evidence: { reason: 'not-applicable' },
          message: 'Not applicable: no client-side verification setting is known (`byoc-check scan` reads it from the SBC configuration).',
        },
      ];
    const regionCodes = new Set([sip.region, ...sip.uris.map((u) => u.byocRegion)].filter((r): r is string => !!r));
    const inRegions = regions.filter((r) => regionCodes.has(r.code));
    const needed = [...new Set<RootKey>((inRegions.length ? inRegions : regions).flatMap((r) => r.trust))];
    const scope = inRegions.length
      ? `region ${inRegions.map((r) => r.code).join(', ')}`
      : 'every region (no region known: give `region:` in the trunk profile or --region)';
    return clients.map((endpoint): Finding => {
      const who = endpointLabel(endpoint);
      const base = { target: endpoint.id };
      if (endpoint.verifyPeer && endpoint.verifyPeer.value === false) {
        return {
          ...base,
          status: 'warn',
          evidence: { verifyPeer: false },
          ...(locationOf(endpoint.verifyPeer) ? { location: locationOf(endpoint.verifyPeer) } : {}),
          message: `${who}, ${quoteValue(endpoint.verifyPeer)}: the SBC does not verify the server, so it would accept any certificate as Genesys.`,
          remediation: `Set ${endpoint.syntax.verifyPeer()} and trust the region's DigiCert roots.`,
        };
      }
      const listed = endpoint.caCertificates;
      if (!listed) {
        const why = endpoint.caList
          ? `${quoteValue(endpoint.caList)} is not in the repository${endpoint.caListTried?.length ? ` (tried ${endpoint.caListTried.join(', ')})` : ''}`
          : 'no CA list is configured';
        return {
          ...base,
          status: endpoint.caList ? 'skip' : 'warn',
          evidence: { verifyPeer: endpoint.verifyPeer?.value ?? null },
          ...(locationOf(endpoint.caList ?? endpoint.verifyPeer) ? { location: locationOf(endpoint.caList ?? endpoint.verifyPeer) } : {}),
          message: `${who}: ${why}, so whether the SBC trusts Genesys cannot be told from the files.`,
          remediation: `Set ${endpoint.syntax.caList('/path/to/genesys-roots.pem')} holding ${needed.map((k) => GENESYS_ROOTS[k].name).join(', ')}.`,
        };
      }
      const hashes = new Set(listed.value.map((c) => c.subjectHash));
      const missing = needed.filter((k) => !hashes.has(GENESYS_ROOTS[k].subjectHash));
      const evidence = {
        caList: listed.raw ?? endpoint.caList?.value ?? null,
        certificates: listed.value.length,
        needed: needed.map((k) => GENESYS_ROOTS[k].name),
        missing: missing.map((k) => GENESYS_ROOTS[k].name),
      };
      const location = locationOf(endpoint.caList ?? listed);
      if (missing.length) {
        const notes = missing
          .map((k) => ('note' in GENESYS_ROOTS[k] ? ` (${GENESYS_ROOTS[k].name}: ${(GENESYS_ROOTS[k] as { note: string }).note})` : ''))
          .join('');
        return {
          ...base,
          status: 'fail',
          evidence,
          ...(location ? { location } : {}),
          message: `${who}, the CA list ${quoteValue(endpoint.caList ?? listed)} lacks ${missing.map((k) => `${GENESYS_ROOTS[k].name} (hash ${GENESYS_ROOTS[k].subjectHash})`).join(', ')}, needed for ${scope}: the SBC will refuse Genesys' certificate.${notes}`,
          remediation: `Add ${missing.map((k) => GENESYS_ROOTS[k].name).join(', ')} to the file named by ${endpoint.syntax.caList(endpoint.caList?.value ?? 'ca.pem')}.`,
        };
      }
      return {
        ...base,
        status: 'pass',
        evidence,
        ...(location ? { location } : {}),
        message: `${who}, the CA list holds ${needed.map((k) => GENESYS_ROOTS[k].name).join(', ')} (${scope}).`,
      };
    });
  },
});
