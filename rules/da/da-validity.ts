/**
 * > "The Genesys Cloud private root CA automatically rotates the client certificate every year."
 * > — Genesys Cloud, MTLS support for data actions. A client certificate outside its validity
 * > period is refused: "the certificate validity period is the time interval during which the CA
 * > warrants that it will maintain information about the status of the certificate" (RFC 5280 4.1.2.5).
 */
import { defineDataActionsRule } from '../../src/engine/define-rule.js';
import { daysBetween, isoDate } from '../../src/engine/targets.js';
import type { Finding } from '../../src/engine/types.js';
import { capital, describe, entityTarget, leafOf, relevantCertificates } from '../../src/data-actions/describe.js';

export default defineDataActionsRule({
  meta: {
    id: 'da-validity',
    area: 'da',
    scope: 'data-actions',
    title: 'Each data actions certificate and its issuers are valid at the check time',
    severity: 'error',
    citations: [{ source: 'DA_MTLS' }, { source: 'RFC5280', section: '4.1.2.5' }],
    remediation:
      'Fetch the certificates again (Genesys rotates them yearly); for DigiCert, trust the Upcoming certificate before the Current one expires.',
    docs: {
      what: 'Compares notBefore and notAfter of each certificate, and of its intermediate and root, with the check time (--at); warns within --warn-days of expiry. An Upcoming certificate that is not valid yet passes: that is what Upcoming means.',
      why: 'Your web service refuses an expired client certificate, so data actions stop on that day unless the next certificate is trusted.',
    },
  },
  check({ entities, now, warnDays }) {
    const findings: Finding[] = [];
    for (const e of entities) {
      const target = entityTarget(e);
      const who = describe(e);
      const before = findings.length;
      for (const cert of relevantCertificates(e)) {
        const isLeaf = cert === leafOf(e);
        const what = isLeaf ? who : `The issuer "${cert.subject}" of ${who}`;
        const daysLeft = daysBetween(now, cert.notAfter);
        const evidence = {
          subject: cert.subject,
          notBefore: cert.notBefore.toISOString(),
          notAfter: cert.notAfter.toISOString(),
          daysLeft,
        };
        if (now > cert.notAfter) {
          findings.push({
            status: 'fail',
            target,
            evidence,
            message: `${capital(what)} expired on ${isoDate(cert.notAfter)} (${daysBetween(cert.notAfter, now)} days ago).`,
          });
        } else if (now < cert.notBefore) {
          if (isLeaf && e.status === 'Upcoming') continue;
          findings.push({ status: 'fail', target, evidence, message: `${capital(what)} is not valid until ${isoDate(cert.notBefore)}.` });
        } else if (daysLeft < warnDays) {
          findings.push({
            status: 'warn',
            target,
            evidence: { ...evidence, deadline: isoDate(cert.notAfter) },
            message: `${capital(what)} expires on ${isoDate(cert.notAfter)}, in ${daysLeft} days (warning threshold ${warnDays} days).`,
          });
        }
      }
      if (findings.length === before) {
        const leaf = leafOf(e);
        const pending = now < leaf.notBefore;
        findings.push({
          status: 'pass',
          target,
          evidence: {
            notBefore: leaf.notBefore.toISOString(),
            notAfter: leaf.notAfter.toISOString(),
            daysLeft: daysBetween(now, leaf.notAfter),
          },
          message: pending
            ? `${capital(who)} becomes valid on ${isoDate(leaf.notBefore)} and is valid until ${isoDate(leaf.notAfter)}.`
            : `${capital(who)} is valid until ${isoDate(leaf.notAfter)} (${daysBetween(now, leaf.notAfter)} days left).`,
        });
      }
    }
    if (findings.length === 0) findings.push({ status: 'skip', target: 'input', message: 'No data actions certificate in the input.' });
    return findings;
  },
});
