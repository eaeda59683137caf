/**
 * > "not revoked (the client checks the CRL published by the CA)" — Genesys BYOC Cloud TLS
 * > trunk specification, Certificate trust; RFC 5280 section 6.3.3.
 */
import { defineRule } from '../../src/engine/define-rule.js';
import { pathTarget } from '../../src/engine/targets.js';
import type { Finding } from '../../src/engine/types.js';

export default defineRule({
  meta: {
    id: 'not-revoked',
    area: 'crl',
    title: 'No certificate on the path is revoked',
    severity: 'error',
    citations: [
      { source: 'BYOC_TLS_SPEC', section: 'Certificate trust' },
      { source: 'RFC5280', section: '6.3.3' },
    ],
    remediation:
      'A revoked certificate cannot be used again: have a new certificate issued (with a new key if the reason was keyCompromise) and install it on the SBC.',
    docs: {
      what: "Looks up each certificate's serial number in its issuer's verified, current CRLs: those downloaded from its distribution points and those given with --crl (checked as OpenSSL does: cRLSign on the issuer, no unhandled critical extension, signature, dates).",
      why: 'Genesys refuses a revoked certificate; the trunk fails at the next handshake.',
    },
  },
  check({ crl, chain, offline, pkiProfile }) {
    const fromFiles = (crl.files?.length ?? 0) > 0;
    if ((offline || !crl.attempted) && !fromFiles)
      return [
        {
          status: 'skip',
          target: 'chain',
          message: offline
            ? '--offline: revocation was not checked (give CRL files with --crl to check them offline).'
            : 'No CRL to check against.',
        },
      ];
    const findings: Finding[] = [];
    for (const facts of crl.certificates) {
      const entry = chain.path[facts.pathIndex]!;
      if (entry.role === 'root') continue;
      const target = pathTarget(facts.pathIndex);
      const fetches = facts.fetches.filter((f) => f.file || !offline);
      for (const f of fetches.filter((x) => x.file && x.outcome === 'rejected')) {
        findings.push({
          status: 'fail',
          target,
          evidence: { crl: f.file, detail: f.detail },
          message: `The CRL in ${f.file} for the ${entry.role} "${entry.cert.subject}" cannot be used: ${f.detail}; an OpenSSL-based peer that checks CRLs refuses the certificate.`,
          remediation:
            'Get the current CRL from your CA (the one its distribution point publishes) and have the CA fix the CRL if it still fails.',
        });
      }
      for (const f of fetches.filter((x) => x.file && x.outcome === 'ok' && x.missingCrlNumber)) {
        findings.push({
          status: pkiProfile === 'strict' ? 'fail' : 'warn',
          target,
          evidence: { crl: f.file },
          message: `The CRL in ${f.file} has no cRLNumber extension, which RFC 5280 5.2.3 requires; OpenSSL accepts it, stricter verifiers do not.`,
        });
      }
      const verified = fetches.filter((f) => f.outcome === 'ok');
      const revoked = verified.find((f) => f.revoked);
      if (revoked) {
        findings.push({
          status: 'fail',
          target,
          evidence: { serialNumber: entry.cert.serialNumber, ...revoked.revoked, crl: revoked.url },
          message: `The ${entry.role} "${entry.cert.subject}" (serial ${entry.cert.serialNumber}) was revoked on ${revoked.revoked!.date.slice(0, 10)}${revoked.revoked!.reason ? ` (reason: ${revoked.revoked!.reason})` : ''}, per ${revoked.url}.`,
        });
      } else if (verified.length) {
        findings.push({
          status: 'pass',
          target,
          evidence: { serialNumber: entry.cert.serialNumber, crls: verified.map((f) => f.url) },
          message: `The ${entry.role} "${entry.cert.subject}" is not on its CRL${verified.every((f) => f.fromCache) ? ` (CRL from cache, fetched at ${verified[0]!.fetchedAt ?? 'an unknown time'})` : ''}.`,
        });
      } else if (!fetches.some((f) => f.file && f.outcome === 'rejected')) {
        findings.push({
          status: 'skip',
          target,
          evidence: { serialNumber: entry.cert.serialNumber },
          message: `No verified CRL for the ${entry.role} "${entry.cert.subject}", so its revocation status is unknown (see crl-reachable).`,
        });
      }
    }
    if (findings.length === 0) findings.push({ status: 'skip', target: 'chain', message: 'No certificate below the root to check.' });
    return findings;
  },
});
