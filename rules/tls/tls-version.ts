/**
 * > "Only TLS 1.2 is supported on BYOC Cloud endpoints." — Genesys BYOC Cloud TLS trunk
 * > specification, Requirements. TLS 1.0/1.1: RFC 8996 (deprecated).
 */
import { defineRule } from '../../src/engine/define-rule.js';
import type { Finding } from '../../src/engine/types.js';
import type { TlsVersion } from '../../src/model/tls.js';

const ORDER: TlsVersion[] = ['1.0', '1.1', '1.2', '1.3'];

export default defineRule({
  meta: {
    id: 'tls-version',
    area: 'tls',
    title: 'TLS 1.2 is within the SBC\'s allowed versions',
    severity: 'error',
    citations: [{ source: 'BYOC_TLS_SPEC', section: 'Requirements' }, { source: 'RFC8996' }],
    remediation: 'Allow TLS 1.2 on the SBC (minimum 1.2; maximum 1.2 or 1.3), for both the server and the client side.',
    docs: {
      what: 'Checks that TLS 1.2 lies within [--tls-min, --tls-max] for each role; versions below 1.2 warn. SBC spellings (TLSv1.2, tlsv1_2, TLS1.2, TLSv1.2+) are read as the version they name.',
      why: 'BYOC Cloud speaks TLS 1.2 only: an SBC limited to TLS 1.3 (or 1.1) never completes a handshake.',
    },
  },
  check({ tls }) {
    if (!tls.versionsGiven) return [{ status: 'skip', target: 'settings', message: 'No --tls-min or --tls-max given.' }];
    return tls.roles.map((role): Finding => {
      const target = `settings.${role.role}`;
      const min = role.minVersion;
      const max = role.maxVersion;
      // Say how SBC spellings were read ("TLSv1.2+" as minimum 1.2).
      const given = role.versionsGiven;
      const evidence = { minVersion: min ?? null, maxVersion: max ?? null, ...(given ? { given } : {}) };
      const read = given ? ` (read ${[given.min !== undefined ? `"${given.min}" as minimum ${min}` : '', given.max !== undefined ? `"${given.max}" as maximum ${max}` : ''].filter(Boolean).join(', ')})` : '';
      const range = `${min ?? 'any'}..${max ?? 'any'}${read}`;
      if ((min && ORDER.indexOf(min) > ORDER.indexOf('1.2')) || (max && ORDER.indexOf(max) < ORDER.indexOf('1.2'))) {
        return { status: 'fail', target, evidence, message: `The ${role.role} side allows TLS ${range}, which excludes TLS 1.2, the only version BYOC Cloud speaks.` };
      }
      if (min && ORDER.indexOf(min) < ORDER.indexOf('1.2')) {
        return { status: 'warn', target, evidence, message: `The ${role.role} side allows TLS ${range}: TLS 1.2 works, but TLS ${min} is deprecated (RFC 8996) and should be disabled.`, remediation: 'Set the minimum TLS version to 1.2.' };
      }
      return { status: 'pass', target, evidence, message: `The ${role.role} side allows TLS ${range}, which includes TLS 1.2.` };
    });
  },
});
