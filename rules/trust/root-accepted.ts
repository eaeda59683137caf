/**
 * > "BYOC Cloud endpoints trust only the listed root certificate authorities" (accepted CA
 * > table, identified by OpenSSL subject name hash) — Genesys BYOC Cloud TLS trunk
 * > specification, Certificate trust.
 */
import { namedAsRoot } from '../data/accepted-cas.js';
import { defineRule } from '../../src/engine/define-rule.js';
import { daysBetween, isoDate, pathTarget, plural } from '../../src/engine/targets.js';
import type { Finding } from '../../src/engine/types.js';
import type { AcceptedCa } from '../../src/model/trust.js';

const EXPIRY_HORIZON_DAYS = 365;

function describe(rows: AcceptedCa[]) {
  return rows.map((r) => ({ provider: r.provider, name: r.name, subjectHash: r.subjectHash, sha256: r.sha256, notes: r.notes }));
}

function distrustFindings(rows: AcceptedCa[], leafIssued: Date, now: Date, target: string): Finding[] {
  const findings: Finding[] = [];
  for (const row of rows) {
    const d = row.distrust;
    if (!d) continue;
    const from = new Date(`${d.from}T00:00:00Z`);
    if (d.issuedAfter && leafIssued <= from) continue;
    const when = now >= from ? 'stopped trusting' : 'will stop trusting';
    findings.push({
      status: 'warn',
      target,
      message: `${d.by} ${when} "${row.name}" for ${d.scope} (from ${d.from}); Genesys still lists it, but SBCs and peers that update their root stores will refuse this chain.`,
      remediation:
        'Plan a move to a certificate under a current root of the same CA (for DigiCert: Global Root G2); `byoc-check cas` lists the accepted roots and their status.',
      evidence: { distrust: d, root: row.name },
    });
  }
  return findings;
}

export default defineRule({
  meta: {
    id: 'root-accepted',
    area: 'trust',
    title: 'The chain roots in the BYOC Cloud accepted-CA list',
    severity: 'error',
    citations: [
      { source: 'BYOC_TLS_SPEC', section: 'Certificate trust (accepted root CAs, subject name hash)' },
      { source: 'MOZILLA_ROOT_PROGRAM' },
    ],
    remediation:
      "Get the SBC certificate from a public CA whose root is on the BYOC Cloud accepted-CA list (`byoc-check cas` prints it, with each root's subject hash and status).",
    docs: {
      what: "Matches the root of the path with the BYOC accepted-CA list by OpenSSL subject hash, confirmed by the root certificate's fingerprint where known; with --ca, checks that the path ends at one of those anchors.",
      why: 'BYOC Cloud endpoints trust only the listed public roots; a certificate from any other CA (or a private CA) is refused at the TLS handshake.',
    },
  },
  check({ chain, acceptedCas, now }) {
    const top = chain.path.length - 1;
    const root = chain.path[top]!;
    const target = pathTarget(top);
    if (chain.trustMode === 'custom' && !chain.impostorIssuer) {
      if (chain.complete) {
        return [
          {
            status: 'pass',
            target,
            message: `The chain ends at "${root.cert.subject}", one of the --ca trust anchors.`,
            evidence: { subjectHash: root.cert.subjectHash, sha256: root.cert.sha256 },
          },
        ];
      }
      return [
        {
          status: 'fail',
          target,
          message: 'The chain does not reach any of the --ca trust anchors.',
          evidence: { top: root.cert.subject, issuerHash: root.cert.issuerHash },
        },
      ];
    }
    const leafIssued = chain.path[0]!.cert.notBefore;
    if (chain.impostorIssuer) {
      const who = chain.impostorIssuer;
      return [
        {
          status: 'fail',
          target,
          message: `The chain claims the root "${who.subject}" (subject hash ${who.hash}), but the certificate with that name in this machine's trust store did not sign it; a name match is not trust, so Genesys will refuse the chain.`,
          evidence: { matchedBy: 'none', impostorIssuer: who },
        },
      ];
    }
    if (chain.rootByHashOnly) {
      const rows = chain.rootByHashOnly;
      return [
        {
          status: 'pass',
          target,
          message: `The chain's root "${root.cert.issuer}" (subject hash ${root.cert.issuerHash}) is on the BYOC list as ${rows.map((r) => `"${r.name}" (${r.provider})`).join(' or ')}; matched by hash only, as the root certificate is not on this machine.`,
          evidence: { matchedBy: 'subject-hash', listed: describe(rows) },
        },
        ...distrustFindings(rows, leafIssued, now, target),
        ...rows
          .filter((r) => r.notAfter && new Date(r.notAfter) < now)
          .map((r): Finding => ({
            status: 'warn',
            target,
            evidence: { root: r.name, notAfter: r.notAfter },
            message: `The listed root "${r.name}" expired on ${r.notAfter!.slice(0, 10)}; Genesys still lists it, but no verifier accepts an expired root.`,
          })),
        ...rows
          .filter((r) => r.notes.length)
          .map((r): Finding => ({
            status: 'pass',
            target,
            evidence: { root: r.name, notes: r.notes },
            message: `About the listed root "${r.name}": ${r.notes.join('; ')}.`,
          })),
      ];
    }
    // A presented self-signed root that is no anchor still gets named and looked up, and so does
    // a lone self-signed certificate (someone checking a root file itself).
    if (root.role !== 'root' && !(chain.path.length === 1 && root.cert.selfIssued)) {
      return [
        {
          status: 'fail',
          target,
          message:
            chain.missingIssuer && chain.trustMode === 'byoc' && namedAsRoot(chain.missingIssuer.subject)
              ? `The chain's root "${chain.missingIssuer.subject}" (subject hash ${chain.missingIssuer.hash}) is not on the BYOC Cloud accepted-CA list (\`byoc-check cas\` prints the list): Genesys refuses certificates from a private CA.`
              : 'The chain does not reach a root certificate, so it cannot be matched with the BYOC accepted-CA list (see chain-complete).',
          evidence: { issuerHash: root.cert.issuerHash },
        },
      ];
    }
    const rows = acceptedCas.filter((r) => r.subjectHash === root.cert.subjectHash);
    const evidence = {
      subject: root.cert.subject,
      subjectHash: root.cert.subjectHash,
      sha256: root.cert.sha256,
      origin: root.origin ?? 'presented',
    };
    if (rows.length === 0) {
      return [
        {
          status: 'fail',
          target,
          message: `The root "${root.cert.subject}" (subject hash ${root.cert.subjectHash}) is not on the BYOC Cloud accepted-CA list, so Genesys will refuse the SBC certificate.`,
          evidence,
        },
      ];
    }
    const confirmed = rows.filter((r) => r.sha256 === root.cert.sha256);
    const unconfirmedKnown = rows.every((r) => r.sha256 !== null && r.sha256 !== root.cert.sha256);
    const findings: Finding[] = [];
    if (unconfirmedKnown) {
      findings.push({
        status: 'warn',
        target,
        message: `The root's subject hash ${root.cert.subjectHash} matches "${rows[0]!.name}" on the BYOC list, but this root certificate (SHA-256 ${root.cert.sha256}) is not the one known for that entry; Genesys may hold a different certificate with the same name.`,
        evidence: { ...evidence, listed: describe(rows) },
      });
    } else {
      const row = confirmed[0] ?? rows[0]!;
      findings.push({
        status: 'pass',
        target,
        message: `The root "${row.name}" (${row.provider}, subject hash ${row.subjectHash}, SHA-256 ${root.cert.sha256.slice(0, 16)}...) is on the BYOC Cloud accepted-CA list${confirmed.length ? '' : ' (matched by hash; no fingerprint recorded for the entry)'}.`,
        evidence: {
          ...evidence,
          provider: row.provider,
          name: row.name,
          confirmedByFingerprint: confirmed.length > 0,
          listed: describe(rows),
        },
      });
    }
    const daysLeft = daysBetween(now, root.cert.notAfter);
    if (daysLeft < 0) {
      findings.push({
        status: 'warn',
        target,
        evidence,
        message: `The listed root "${rows[0]!.name}" expired on ${isoDate(root.cert.notAfter)}; Genesys still lists it, but no verifier accepts an expired root.`,
      });
    } else if (daysLeft < EXPIRY_HORIZON_DAYS) {
      findings.push({
        status: 'warn',
        target,
        evidence: { ...evidence, daysLeft },
        message: `The listed root "${rows[0]!.name}" expires on ${isoDate(root.cert.notAfter)}, in ${plural(daysLeft, 'day')}; certificates under it stop working then.`,
        remediation: 'Ask your CA for a certificate chaining to a newer root before that date (`byoc-check cas` lists the accepted roots).',
      });
    }
    findings.push(...distrustFindings(rows, leafIssued, now, target));
    return findings;
  },
});
