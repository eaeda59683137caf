/**
 * > "Trusting the regional CA ensures that no interruptions occur when the certificate is rotated."
 * > "Configure your endpoint to trust the current client certificate explicitly and the upcoming
 * > certificate during the annual certificate rotation." — Genesys Cloud, MTLS support for data actions
 */
import { defineDataActionsRule } from '../../src/engine/define-rule.js';
import { isoDate } from '../../src/engine/targets.js';
import type { Finding } from '../../src/engine/types.js';
import type { DaEntity } from '../../src/model/data-actions.js';
import { capital, describe, entityTarget, isActive, leafOf } from '../../src/data-actions/describe.js';
import { daRegion } from '../data/da-regions.js';

/** How the --trust bundle accepts the entity's leaf: the certificate itself, through a CA, or not at all. */
function trustedVia(e: DaEntity): { via: 'certificate' | 'ca'; anchor: string } | undefined {
  const chain = e.trustChain;
  if (!chain || !chain.complete || chain.links.some((l) => !l.valid)) return undefined;
  if (chain.path.length === 1) return { via: 'certificate', anchor: chain.path[0]!.cert.subject };
  return { via: 'ca', anchor: chain.path[chain.path.length - 1]!.cert.subject };
}

export default defineDataActionsRule({
  meta: {
    id: 'da-trusted',
    area: 'da',
    scope: 'data-actions',
    title: 'The web service trusts every Current and Upcoming data actions certificate',
    severity: 'error',
    citations: [{ source: 'DA_MTLS' }, { source: 'RFC5246', section: '7.4.6, 7.4.8' }],
    remediation:
      'Genesys-signed: put the regional Genesys CA certificate in the bundle your web service uses to verify client certificates. DigiCert: add the Current and the Upcoming certificate (the API\'s "certificate" text) to that bundle before the dates given, then reload the service.',
    docs: {
      what: 'With --trust (the CA bundle or certificates your web service uses for client certificates), verifies that each Current and Upcoming certificate is accepted: Genesys-signed ones through the regional CA, DigiCert ones explicitly; names what must be added before which date.',
      why: 'The web service refuses a data action whose client certificate it does not trust; with a pinned certificate this happens on rotation day, without warning.',
    },
  },
  check({ entities, trust, now, region }) {
    if (!trust)
      return [
        {
          status: 'skip',
          target: 'trust',
          message: 'No --trust bundle given: give the CA bundle your web service uses for client certificates to check it.',
        },
      ];
    const findings: Finding[] = [];
    const currentDigiCert = entities.filter((e) => e.authority === 'DigiCert' && e.status === 'Current').map(leafOf);
    const download = daRegion(region)?.caDownload;
    for (const e of entities) {
      const target = entityTarget(e);
      const who = describe(e);
      const leaf = leafOf(e);
      if (!isActive(e)) {
        findings.push({ status: 'skip', target, message: `${capital(who)} is neither Current nor Upcoming.` });
        continue;
      }
      const t = trustedVia(e);
      const evidence = { sha256: leaf.sha256, subject: leaf.subject, via: t?.via ?? null, anchor: t?.anchor ?? null };
      if (e.authority === 'Genesys') {
        if (t?.via === 'ca') {
          findings.push({
            status: 'pass',
            target,
            evidence,
            message: `${capital(who)} is trusted through the CA "${t.anchor}", which survives the yearly rotation.`,
          });
        } else if (t) {
          findings.push({
            status: 'warn',
            target,
            evidence: { ...evidence, deadline: isoDate(leaf.notAfter) },
            message: `${capital(who)} is trusted as a certificate, not through the regional Genesys CA: the yearly rotation replaces it by ${isoDate(leaf.notAfter)} at the latest, and the service then refuses data actions.`,
            remediation: `Add the regional Genesys CA certificate${download ? ` (download "${download}")` : ''} to the bundle; Genesys recommends trusting the CA.`,
          });
        } else {
          findings.push({
            status: 'fail',
            target,
            evidence: { ...evidence, deadline: isoDate(now) },
            message: `${capital(who)} is not trusted by ${trust.name}: the service refuses data actions${e.status === 'Upcoming' ? ' once Genesys switches to it' : ' now'}.`,
            remediation: `Add the regional Genesys CA certificate that signed it ("${leaf.issuer}"${download ? `, download "${download}"` : ''}) to ${trust.name}.`,
          });
        }
        continue;
      }
      if (e.authority !== 'DigiCert') {
        findings.push({
          status: t ? 'pass' : 'fail',
          target,
          evidence,
          message: t ? `${capital(who)} is trusted by ${trust.name}.` : `${capital(who)} is not trusted by ${trust.name}.`,
        });
        continue;
      }
      if (t?.via === 'certificate') {
        findings.push({
          status: 'pass',
          target,
          evidence,
          message: `${capital(who)} is trusted explicitly (sha256 ${leaf.sha256.slice(0, 16)}…).`,
        });
      } else if (t) {
        findings.push({
          status: 'pass',
          target,
          evidence,
          message: `${capital(who)} is trusted through "${t.anchor}"; note that this accepts any client certificate issued under it, where Genesys says to trust the certificate explicitly.`,
        });
      } else if (e.status === 'Current') {
        findings.push({
          status: 'fail',
          target,
          evidence: { ...evidence, deadline: isoDate(now) },
          message: `${capital(who)} is not trusted by ${trust.name}: the service refuses data actions now. Add this certificate (sha256 ${leaf.sha256}) today.`,
          remediation: `Add the Current certificate (the "certificate" text of ${e.source}, subject "${leaf.subject}") to ${trust.name} and reload the service.`,
        });
      } else {
        const latest = currentDigiCert
          .filter((c) => c.notAfter < leaf.notAfter)
          .map((c) => c.notAfter)
          .sort((a, b) => a.getTime() - b.getTime())[0];
        const from = leaf.notBefore > now ? leaf.notBefore : now;
        findings.push({
          status: 'fail',
          target,
          evidence: { ...evidence, deadline: isoDate(from), latest: latest ? isoDate(latest) : null },
          message: `${capital(who)} is not trusted by ${trust.name}: add it (sha256 ${leaf.sha256}) before ${isoDate(from)}, when Genesys may start presenting it${latest ? `; Genesys switches by ${isoDate(latest)}, when the Current certificate expires, at the latest` : ''}.`,
          remediation: `Add the Upcoming certificate (the "certificate" text of ${e.source}, subject "${leaf.subject}") to ${trust.name} next to the Current one and reload the service.`,
        });
      }
    }
    if (findings.length === 0) findings.push({ status: 'skip', target: 'input', message: 'No data actions certificate in the input.' });
    return findings;
  },
});
