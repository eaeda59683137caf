/**
 * > "Supported cipher suites: TLS_RSA_WITH_AES_256_CBC_SHA, TLS_RSA_WITH_AES_256_CBC_SHA256,
 * > TLS_RSA_WITH_AES_128_GCM_SHA256, TLS_RSA_WITH_AES_256_GCM_SHA384,
 * > TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA*, TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384*,
 * > TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256*, TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384*"
 * — Genesys BYOC Cloud TLS trunk specification; two of them deprecated on 2025-03-24.
 */
import { byocSuites } from '../data/byoc-suites.js';
import { defineRule } from '../../src/engine/define-rule.js';
import type { Finding } from '../../src/engine/types.js';

const suiteInfo = new Map(byocSuites.map((s) => [s.iana, s]));

export default defineRule({
  meta: {
    id: 'tls-ciphers',
    area: 'tls',
    title: 'The SBC enables at least one BYOC Cloud cipher suite that is not deprecated',
    severity: 'error',
    citations: [{ source: 'BYOC_TLS_SPEC', section: 'Supported cipher suites' }, { source: 'BYOC_CIPHER_DEPRECATION' }, { source: 'OPENSSL_CIPHERS' }],
    remediation: 'Add ECDHE-RSA-AES256-GCM-SHA384 (and ECDHE-RSA-AES128-GCM-SHA256) to the SBC\'s TLS cipher list, for both the server and the client side.',
    docs: {
      what: 'Resolves the cipher string with OpenSSL (as `openssl ciphers -s -tls1_2` does) and intersects the TLS 1.2 suites with the eight BYOC suites.',
      why: 'Without a common suite the TLS handshake fails (handshake_failure) and no call passes; the two deprecated suites will stop working when Genesys removes them.',
    },
  },
  check({ tls, chain }) {
    if (!tls.ciphersGiven) return [{ status: 'skip', target: 'settings', message: 'No --ciphers given.' }];
    const leafKey = chain.path[0]!.cert.publicKey.type;
    const keyNote = leafKey === 'RSA' ? '' : ` Also, the leaf key is ${leafKey}: no BYOC suite can be negotiated with that certificate (all are RSA-authenticated).`;
    return tls.roles.map((role): Finding => {
      const target = `settings.${role.role}`;
      const enabled = role.enabledSuites ?? [];
      const usable = enabled.filter((s) => suiteInfo.has(s));
      const current = usable.filter((s) => suiteInfo.get(s)!.status === 'supported');
      const removedBy = role.byocRemovedBy ?? [];
      const evidence = { cipherString: role.cipherString, opensslCipherString: role.opensslCipherString, enabled, usable, removedBy, ...(role.suggestedFix ? { suggestedFix: role.suggestedFix } : {}) };
      const removedText = removedBy.length ? ` ${removedBy.map((r) => `"${r.term}" removed ${r.removed.join(', ')}`).join('; ')}.` : '';
      const who = role.role === 'server' ? 'As TLS server (Genesys dials the SBC)' : 'As TLS client (the SBC dials Genesys)';
      if (usable.length === 0) {
        const shown = enabled.length > 6 ? `${enabled.slice(0, 6).join(', ')} and ${enabled.length - 6} more` : enabled.join(', ') || 'no TLS 1.2 suite at all';
        return {
          status: 'fail',
          target,
          evidence,
          message: `${who}, "${role.cipherString}" enables ${shown}, none of which BYOC Cloud accepts.${removedText}${keyNote}`,
          remediation: role.suggestedFix ? `Use "${role.suggestedFix}" (checked with OpenSSL: it enables a BYOC suite).` : 'Add ECDHE-RSA-AES256-GCM-SHA384 to the cipher list and remove the exclusion that drops it.',
        };
      }
      if (current.length === 0) {
        return {
          status: 'warn',
          target,
          evidence,
          message: `${who}, "${role.cipherString}" leaves only deprecated BYOC suites (${usable.join(', ')}), which Genesys announced for removal on 2025-03-24.${removedText}${keyNote}`,
          remediation: role.suggestedFix ? `Use "${role.suggestedFix}" (checked with OpenSSL).` : 'Add ECDHE-RSA-AES256-GCM-SHA384 to the cipher list.',
        };
      }
      if (keyNote) {
        return { status: 'fail', target, evidence, message: `${who}, "${role.cipherString}" enables ${current.length} BYOC suite(s), but${keyNote.replace(' Also,', '')}` };
      }
      return {
        status: 'pass',
        target,
        evidence,
        message: `${who}, "${role.cipherString}" enables ${usable.length} BYOC suite(s), in preference order: ${usable.join(', ')}.${usable.length > current.length ? ' (Deprecated ones included; they will go.)' : ''}`,
      };
    });
  },
});
