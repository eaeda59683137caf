/**
 * > "The certificate must not be revoked: the client checks the CRL published by the CA."
 * — Genesys BYOC Cloud TLS trunk specification, Certificate trust; RFC 5280 section 6.3.
 */
import { defineRule } from '../../src/engine/define-rule.js';
import { pathTarget, plural } from '../../src/engine/targets.js';
import type { Finding } from '../../src/engine/types.js';
import type { CrlFetch } from '../../src/model/crl.js';

const HOUR = 3_600_000;

function describe(f: CrlFetch): string {
  return `${f.url}: ${f.detail || f.outcome}`;
}

function staleBy(ms: number): string {
  return ms >= 48 * HOUR ? plural(Math.floor(ms / (24 * HOUR)), 'day') : plural(Math.max(1, Math.round(ms / HOUR)), 'hour');
}

export default defineRule({
  meta: {
    id: 'crl-reachable',
    area: 'crl',
    title: 'Each certificate\'s CRL can be downloaded, is signed by its issuer and is current',
    severity: 'error',
    citations: [{ source: 'BYOC_TLS_SPEC', section: 'Certificate trust' }, { source: 'RFC5280', section: '4.2.1.13, 5, 6.3' }],
    remediation: 'Make sure the CRL URLs in the certificates answer from the internet (your CA runs them; a firewall or proxy on the path can block them), or ask your CA for a certificate with working distribution points.',
    docs: {
      what: 'Fetches every http(s) CRL distribution point of the leaf and intermediates, verifies the CRL\'s signature with the issuer and its dates with the check time.',
      why: 'Genesys checks the CA\'s CRL when the SBC connects: an unreachable, wrongly signed or stale CRL breaks the trunk.',
    },
  },
  check({ crl, chain, now, offline }) {
    if (offline || !crl.attempted) {
      return [{ status: 'skip', target: 'chain', message: offline ? '--offline: no CRL was fetched.' : 'No certificate on the path has a CRL distribution point to fetch.', evidence: { fetched: [] } }];
    }
    const findings: Finding[] = [];
    for (const facts of crl.certificates) {
      const entry = chain.path[facts.pathIndex]!;
      if (entry.role === 'root') continue;
      const target = pathTarget(facts.pathIndex);
      const fetched = facts.fetches.flatMap((f) => f.contacted);
      const evidence = { fetched, distributionPoints: facts.urls, results: facts.fetches.map(({ url, outcome, detail, httpStatus, elapsedMs, thisUpdate, nextUpdate, bytes, fromCache }) => ({ url, outcome, detail, httpStatus, elapsedMs, thisUpdate, nextUpdate, bytes, fromCache })) };
      const who = `the ${entry.role} "${entry.cert.subject}"`;
      if (facts.urls.length === 0) {
        findings.push({ status: 'warn', target, evidence, message: `No CRL distribution point in ${who}: Genesys cannot check its revocation.` });
        continue;
      }
      const verified = facts.fetches.filter((f) => f.outcome === 'ok');
      const current = verified.filter((f) => !f.nextUpdate || new Date(f.nextUpdate) >= now);
      const notYet = verified.filter((f) => f.thisUpdate && new Date(f.thisUpdate) > now);
      const failed = facts.fetches.filter((f) => f.outcome !== 'ok');
      const failures = failed.map(describe).join('; ');
      if (current.length && notYet.length === current.length) {
        findings.push({ status: 'warn', target, evidence, message: `The CRL for ${who} is dated in the future (thisUpdate ${notYet[0]!.thisUpdate}); check the clocks.` });
      } else if (current.length) {
        const others = failed.length ? ` Other distribution points failed: ${failures}.` : '';
        findings.push({ status: 'pass', target, evidence, message: `The CRL for ${who} answers, is signed by its issuer and is current (next update ${current[0]!.nextUpdate ?? 'not given'}).${others}` });
      } else if (verified.length) {
        const next = new Date(verified[0]!.nextUpdate!);
        findings.push({ status: 'warn', target, evidence, message: `The CRL for ${who} is stale: its nextUpdate (${verified[0]!.nextUpdate}) passed ${staleBy(now.getTime() - next.getTime())} before the check time; Genesys may treat the certificate as unverifiable.` });
      } else if (failed.every((f) => f.outcome === 'unsupported-scheme')) {
        findings.push({ status: 'warn', target, evidence, message: `The CRL for ${who} is only published at non-http(s) locations, which were not fetched: ${facts.urls.join(', ')}.` });
      } else if (failed.every((f) => f.outcome === 'no-issuer' || f.outcome === 'unsupported-scheme')) {
        findings.push({ status: 'warn', target, evidence, message: `The CRL for ${who} was downloaded, but its signature could not be checked: the issuer certificate is not on this machine.` });
      } else {
        findings.push({ status: 'fail', target, evidence, message: `No usable CRL for ${who}: ${failures}.` });
      }
    }
    if (findings.length === 0) findings.push({ status: 'skip', target: 'chain', message: 'Only the root is on the path; roots are not revocation-checked.' });
    return findings;
  },
});
