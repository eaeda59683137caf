/**
 * > Certificates must be "within their validity period (not expired, not yet valid)", else secure trunk
 * > connections fail — Genesys Cloud, TLS trunk transport protocol specification (Certificate trust);
 * > RFC 5280 section 4.1.2.5 (validity).
 */
import { defineFromSbcRule } from '../../src/engine/define-rule.js';
import type { Finding } from '../../src/engine/types.js';
import { daysBetween, isoDate } from '../../src/engine/targets.js';
import { noChain, proxyTarget } from '../../src/model/from-sbc.js';

export default defineFromSbcRule({
  meta: {
    id: 'genesys-expiry',
    area: 'from-sbc',
    scope: 'from-sbc',
    title: 'The certificates the Genesys proxy presents are valid, and not about to expire',
    severity: 'error',
    citations: [
      { source: 'BYOC_TLS_SPEC', section: 'Certificate trust' },
      { source: 'RFC5280', section: '4.1.2.5' },
    ],
    remediation:
      'Nothing to change on the SBC for a Genesys certificate near its end (Genesys renews it without notice); make sure the SBC trusts the DigiCert root, not the server certificate, so the renewal goes unnoticed. An expired one: report it to Genesys Care.',
    docs: {
      what: 'Checks every certificate each Genesys proxy presented: valid at --at (default now), and warns when one expires within --warn-days.',
      why: 'An SBC refuses an expired or not yet valid certificate; one close to its end is a renewal to expect, which breaks an SBC that pinned the server certificate instead of trusting the root.',
    },
  },
  check({ targets, now, warnDays }) {
    if (targets.length === 0) return [{ status: 'skip', target: 'genesys', message: 'No Genesys proxy was given.' }];
    return targets.flatMap((t): Finding[] => {
      if (t.chain.length === 0) return [noChain(t)];
      const target = proxyTarget(t);
      const problems: Finding[] = [];
      t.chain.forEach((c, i) => {
        const notAfter = new Date(c.notAfter);
        const notBefore = new Date(c.notBefore);
        const evidence = { proxy: t.name, certificate: i, subject: c.subject, notBefore: c.notBefore, notAfter: c.notAfter };
        if (notAfter < now)
          problems.push({ status: 'fail', target, evidence, message: `${t.name}: ${c.subject} expired on ${isoDate(notAfter)}.` });
        else if (notBefore > now)
          problems.push({
            status: 'fail',
            target,
            evidence,
            message: `${t.name}: ${c.subject} is not valid before ${isoDate(notBefore)}.`,
          });
        else if (daysBetween(now, notAfter) < warnDays)
          problems.push({
            status: 'warn',
            target,
            evidence,
            message: `${t.name}: ${c.subject} expires on ${isoDate(notAfter)}, in ${daysBetween(now, notAfter)} days (--warn-days ${warnDays}).`,
          });
      });
      if (problems.length) return problems;
      const first = t.chain.reduce((a, c) => (c.notAfter < a.notAfter ? c : a));
      return [
        {
          status: 'pass',
          target,
          evidence: { proxy: t.name, firstExpiry: first.notAfter, subject: first.subject },
          message: `${t.name}: every certificate received is valid; the first to expire is ${first.subject}, on ${isoDate(new Date(first.notAfter))}.`,
        },
      ];
    });
  },
});
