/**
 * > "An upcoming certificate is provided only for the DigiCert authority, and only if the current
 * > certificate has less than 90 days of validity remaining." "Configure your endpoint to trust the
 * > current client certificate explicitly and the upcoming certificate during the annual certificate
 * > rotation." — Genesys Cloud, MTLS support for data actions
 */
import { defineDataActionsRule } from '../../src/engine/define-rule.js';
import { daysBetween, isoDate } from '../../src/engine/targets.js';
import type { Finding } from '../../src/engine/types.js';
import { capital, describe, entityTarget, leafOf, ROTATION_WINDOW_DAYS, shortName } from '../../src/data-actions/describe.js';

const DAY = 86_400_000;

export default defineDataActionsRule({
  meta: {
    id: 'da-rotation',
    area: 'da',
    scope: 'data-actions',
    title: 'During the DigiCert rotation window the upcoming certificate is known',
    severity: 'warning',
    citations: [{ source: 'DA_MTLS', section: 'Digicert as certificate authority' }, { source: 'DA_CERTIFICATES_API' }],
    remediation:
      'Fetch GET /api/v2/integrations/actions/certificates again (byoc-check data-actions --fetch) and trust the Upcoming certificate it lists; run this check daily from a scheduled job.',
    docs: {
      what: 'For each DigiCert Current certificate: with 90 days or more left, says when Genesys starts listing the next one; with less than 90 days left, warns when the input has no Upcoming DigiCert entry, and checks that the Upcoming one takes over before the Current one expires.',
      why: 'Genesys lists the next DigiCert certificate only inside the 90-day window, and a web service that trusts DigiCert certificates explicitly refuses the new one on rotation day unless it was added beforehand.',
    },
  },
  check({ entities, now }) {
    const findings: Finding[] = [];
    const upcoming = entities.filter((e) => e.authority === 'DigiCert' && e.status === 'Upcoming');
    for (const e of entities.filter((x) => x.authority === 'DigiCert' && x.status === 'Current')) {
      const target = entityTarget(e);
      const leaf = leafOf(e);
      const daysLeft = daysBetween(now, leaf.notAfter);
      const windowOpens = new Date(leaf.notAfter.getTime() - ROTATION_WINDOW_DAYS * DAY);
      const evidence = {
        notAfter: leaf.notAfter.toISOString(),
        daysLeft,
        windowOpens: isoDate(windowOpens),
        upcoming: upcoming.map((u) => leafOf(u).sha256),
      };
      if (daysLeft >= ROTATION_WINDOW_DAYS) {
        findings.push({
          status: 'pass',
          target,
          evidence,
          message: `${capital(describe(e))} has ${daysLeft} days left; Genesys lists its successor from ${isoDate(windowOpens)} (${ROTATION_WINDOW_DAYS} days before expiry): check again from then on.`,
        });
        continue;
      }
      const next = upcoming.filter((u) => leafOf(u).sha256 !== leaf.sha256);
      if (next.length === 0) {
        findings.push({
          status: 'warn',
          target,
          evidence: { ...evidence, deadline: isoDate(leaf.notAfter) },
          message: `${capital(describe(e))} expires on ${isoDate(leaf.notAfter)}, in ${daysLeft} days, and the input lists no Upcoming DigiCert certificate: fetch again; Genesys lists the upcoming certificate in this window.`,
        });
        continue;
      }
      for (const u of next) {
        const ul = leafOf(u);
        if (ul.notBefore > leaf.notAfter) {
          findings.push({
            status: 'warn',
            target: entityTarget(u),
            evidence: { ...evidence, upcomingNotBefore: ul.notBefore.toISOString() },
            message: `The Upcoming certificate "${shortName(ul)}" becomes valid on ${isoDate(ul.notBefore)}, after the Current one expires on ${isoDate(leaf.notAfter)}: data actions would have no valid certificate in between.`,
          });
        } else if (ul.notAfter <= leaf.notAfter) {
          findings.push({
            status: 'warn',
            target: entityTarget(u),
            evidence,
            message: `The Upcoming certificate "${shortName(ul)}" expires on ${isoDate(ul.notAfter)}, no later than the Current one; the listing looks inconsistent (the API warns that results may be inconsistent during a rotation): fetch again.`,
          });
        } else {
          findings.push({
            status: 'pass',
            target,
            evidence,
            message: `${capital(describe(e))} expires on ${isoDate(leaf.notAfter)}; its successor "${shortName(ul)}" (${u.source}) is listed, valid from ${isoDate(ul.notBefore)} to ${isoDate(ul.notAfter)}.`,
          });
        }
      }
    }
    if (findings.length === 0) {
      const message = entities.some((e) => e.authority === 'Genesys')
        ? 'No DigiCert Current certificate: Genesys-signed certificates rotate under the regional CA, which a service that trusts the CA accepts without action.'
        : 'No DigiCert Current certificate in the input.';
      findings.push({ status: 'skip', target: 'input', message });
    }
    return findings;
  },
});
