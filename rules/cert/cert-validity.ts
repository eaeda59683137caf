/**
 * > "The certificate must be within its validity period ... Expired or not-yet-valid
 * > certificates cause secure trunk connections to fail." — Genesys BYOC Cloud TLS trunk
 * > specification, Certificate trust (paraphrased from the French seed).
 */
import { defineRule } from '../../src/engine/define-rule.js';
import { daysBetween, isoDate, pathTarget, plural } from '../../src/engine/targets.js';
import type { Finding } from '../../src/engine/types.js';

export default defineRule({
  meta: {
    id: 'cert-validity',
    area: 'cert',
    title: 'Every certificate on the path is within its validity period',
    severity: 'error',
    citations: [
      { source: 'BYOC_TLS_SPEC', section: 'Certificate trust' },
      { source: 'RFC5280', section: '4.1.2.5' },
    ],
    remediation:
      'Renew the certificate (and install the new CA bundle) before it expires; check the SBC clock if a certificate is "not yet valid".',
    docs: {
      what: 'Compares notBefore and notAfter of each certificate, the resolved root included, with the check time (--at, default now).',
      why: 'Genesys refuses expired or not-yet-valid certificates, and the trunk goes down at the moment of expiry.',
    },
  },
  check({ chain, now, warnDays }) {
    const findings: Finding[] = chain.path.map((entry, i): Finding => {
      const { cert } = entry;
      const evidence = {
        notBefore: cert.notBefore.toISOString(),
        notAfter: cert.notAfter.toISOString(),
        daysLeft: daysBetween(now, cert.notAfter),
      };
      const who = `The ${entry.role} "${cert.subject}"`;
      if (now < cert.notBefore) {
        return {
          status: 'fail',
          target: pathTarget(i),
          evidence,
          message: `${who} is not valid until ${isoDate(cert.notBefore)} (${plural(daysBetween(now, cert.notBefore) + 1, 'day')} from the check time).`,
        };
      }
      if (now > cert.notAfter) {
        return {
          status: 'fail',
          target: pathTarget(i),
          evidence,
          message: `${who} expired on ${isoDate(cert.notAfter)} (${plural(daysBetween(cert.notAfter, now), 'day')} ago).`,
        };
      }
      if (evidence.daysLeft < warnDays) {
        return {
          status: 'warn',
          target: pathTarget(i),
          evidence,
          message: `${who} expires on ${isoDate(cert.notAfter)}, in ${plural(evidence.daysLeft, 'day')} (warning threshold ${plural(warnDays, 'day')}).`,
        };
      }
      return {
        status: 'pass',
        target: pathTarget(i),
        evidence,
        message: `${who} is valid until ${isoDate(cert.notAfter)} (${plural(evidence.daysLeft, 'day')} left).`,
      };
    });
    return findings;
  },
});
