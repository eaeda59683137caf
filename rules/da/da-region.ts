/**
 * > "The following table lists the regional domain names of the client certificates for each Genesys
 * > Cloud region. Be sure to trust the certificate associated with your region." — Genesys Cloud,
 * > MTLS support for data actions (table in ../data/da-regions.ts).
 */
import { defineDataActionsRule } from '../../src/engine/define-rule.js';
import type { Finding } from '../../src/engine/types.js';
import { capital, describe, entityTarget, leafOf, nameCovers } from '../../src/data-actions/describe.js';
import { daRegion, daRegions } from '../data/da-regions.js';

export default defineDataActionsRule({
  meta: {
    id: 'da-region',
    area: 'da',
    scope: 'data-actions',
    title: 'Each data actions certificate names the data actions domain of the region',
    severity: 'error',
    citations: [{ source: 'DA_MTLS', section: 'regional domain names' }],
    remediation: "Fetch the certificates from your organisation's region (the API host of that region), or correct --region.",
    docs: {
      what: "With --region, checks that each certificate names the region's data actions domain (e.g. dataactions.prod-euw1.eu-west-1.mypurecloud.com) in its subject alternative names or common name, and says which region it names instead.",
      why: "A certificate of another region means the certificates (or the CA) came from the wrong region; a service trusting them, or checking the name, refuses your organisation's data actions.",
    },
  },
  check({ entities, region }) {
    const row = daRegion(region);
    if (!row)
      return [
        {
          status: 'skip',
          target: 'region',
          message: 'No --region given: give the Genesys region code (e.g. euw1) to check the certificates name its data actions domain.',
        },
      ];
    const findings: Finding[] = [];
    for (const e of entities) {
      const target = entityTarget(e);
      const leaf = leafOf(e);
      const names = [...new Set([...leaf.san.dns, ...leaf.commonNames])];
      const who = capital(describe(e));
      const evidence = { names, expected: row.domain };
      if (names.some((n) => nameCovers(n, row.domain))) {
        findings.push({
          status: 'pass',
          target,
          evidence,
          message: `${who} names ${row.domain}, the data actions domain of ${row.name} (${row.code}).`,
        });
        continue;
      }
      const other = daRegions.find((r) => names.some((n) => nameCovers(n, r.domain)));
      if (other) {
        findings.push({
          status: 'fail',
          target,
          evidence: { ...evidence, region: other.code },
          message: `${who} names ${other.domain}, the domain of ${other.name} (${other.code}), not ${row.domain} of ${row.name} (${row.code}).`,
        });
      } else if (e.authority === 'DigiCert' && !names.some((n) => /^dataactions\./i.test(n))) {
        findings.push({
          status: 'warn',
          target,
          evidence,
          message: `${who} names no data actions domain (${names.join(', ') || 'no names'}); Genesys documents ${row.domain} for ${row.name}.`,
        });
      } else {
        findings.push({
          status: 'fail',
          target,
          evidence,
          message: `${who} names ${names.join(', ') || 'no DNS name'}, not ${row.domain}, the data actions domain of ${row.name} (${row.code}).`,
        });
      }
    }
    if (findings.length === 0) findings.push({ status: 'skip', target: 'input', message: 'No data actions certificate in the input.' });
    return findings;
  },
});
