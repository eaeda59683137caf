/**
 * > "* For ECDHE key exchange, only the secp384r1 curve is supported." — Genesys BYOC Cloud TLS
 * > trunk specification, Supported cipher suites (note on the ECDHE suites).
 */
import { BYOC_GROUP, byocSuites } from '../data/byoc-suites.js';
import { defineRule } from '../../src/engine/define-rule.js';
import type { Finding } from '../../src/engine/types.js';

const ecdhe = new Set(byocSuites.filter((s) => s.keyExchange === 'ECDHE').map((s) => s.iana));
const rsa = new Set(byocSuites.filter((s) => s.keyExchange === 'RSA').map((s) => s.iana));

export default defineRule({
  meta: {
    id: 'tls-curves',
    area: 'tls',
    title: 'ECDHE uses secp384r1 (P-384), the only curve BYOC Cloud supports',
    severity: 'error',
    citations: [{ source: 'BYOC_TLS_SPEC', section: 'Supported cipher suites (ECDHE note)' }],
    remediation: 'Add secp384r1 (P-384) to the SBC\'s ECDHE curve / group list, for example "secp384r1:X25519:prime256v1".',
    docs: {
      what: 'Checks that secp384r1 is among the groups OpenSSL enables for the given curve list, when an ECDHE BYOC suite is enabled.',
      why: 'Without secp384r1 no ECDHE suite can be negotiated: the handshake falls back to RSA key exchange (no forward secrecy) or fails.',
    },
  },
  check({ tls }) {
    if (!tls.curvesGiven) return [{ status: 'skip', target: 'settings', message: 'No --curves given (OpenSSL\'s default groups include secp384r1).' }];
    return tls.roles.map((role): Finding => {
      const target = `settings.${role.role}`;
      const groups = role.groups ?? [];
      const enabled = role.enabledSuites;
      const ecdheOn = enabled ? enabled.some((s) => ecdhe.has(s)) : true;
      const rsaOn = enabled ? enabled.some((s) => rsa.has(s)) : true;
      const evidence = { curves: role.curvesString, groups, ecdheSuitesEnabled: ecdheOn, rsaSuitesEnabled: rsaOn };
      if (!ecdheOn) return { status: 'pass', target, evidence, message: 'No ECDHE BYOC suite is enabled, so the curve list does not matter for BYOC Cloud.' };
      if (groups.includes(BYOC_GROUP.name)) return { status: 'pass', target, evidence, message: `The curve list "${role.curvesString}" includes secp384r1.` };
      if (rsaOn) {
        return { status: 'warn', target, evidence, message: `The curve list "${role.curvesString}" lacks secp384r1: ECDHE will not be used with Genesys, and the handshake falls back to RSA key exchange, without forward secrecy.` };
      }
      return { status: 'fail', target, evidence, message: `The curve list "${role.curvesString}" lacks secp384r1 and only ECDHE BYOC suites are enabled: Genesys and the SBC cannot agree on a key exchange.` };
    });
  },
});
