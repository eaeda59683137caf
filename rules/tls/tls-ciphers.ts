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
import { endpointLabel, locationOf, quoteValue } from '../../src/model/endpoint.js';

const suiteInfo = new Map(byocSuites.map((s) => [s.iana, s]));
const FALLBACK_FIX = 'ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256';

export default defineRule({
  meta: {
    id: 'tls-ciphers',
    area: 'tls',
    title: 'The SBC enables at least one BYOC Cloud cipher suite that is not deprecated',
    severity: 'error',
    citations: [
      { source: 'BYOC_TLS_SPEC', section: 'Supported cipher suites' },
      { source: 'BYOC_CIPHER_DEPRECATION' },
      { source: 'OPENSSL_CIPHERS' },
    ],
    remediation:
      "Add ECDHE-RSA-AES256-GCM-SHA384 (and ECDHE-RSA-AES128-GCM-SHA256) to the SBC's TLS cipher list, for both the server and the client side.",
    docs: {
      what: "Resolves each TLS endpoint's cipher string with OpenSSL (as `openssl ciphers -s -tls1_2` does) and intersects the TLS 1.2 suites with the eight BYOC suites; a string from which OpenSSL selects nothing fails.",
      why: "Without a common suite the TLS handshake fails (handshake_failure) and no call passes; the two deprecated suites will stop working when Genesys removes them; a string that selects nothing stops the SBC's TLS context from loading.",
    },
  },
  check({ tls }) {
    const judged = tls.endpoints.filter((e) => e.ciphers);
    if (judged.length === 0)
      return [{ status: 'skip', target: 'settings', message: 'No cipher list given (--ciphers, or an SBC configuration that sets one).' }];
    return judged.map((endpoint): Finding => {
      const setting = endpoint.ciphers!;
      const base = { target: endpoint.id, ...(locationOf(setting) ? { location: locationOf(setting) } : {}) };
      const who = endpointLabel(endpoint);
      // A product default is OpenSSL's own list: which suites it holds depends on the OpenSSL version.
      const value = `${quoteValue(setting)}${setting.from.kind === 'default' && endpoint.openssl ? `, resolved with OpenSSL ${endpoint.openssl},` : ''}`;
      const enabled = endpoint.enabledSuites ?? [];
      const usable = enabled.filter((s) => suiteInfo.has(s));
      const current = usable.filter((s) => suiteInfo.get(s)!.status === 'supported');
      const removedBy = endpoint.byocRemovedBy ?? [];
      const fix = endpoint.syntax.ciphers(endpoint.suggestedFix ?? FALLBACK_FIX);
      const evidence = {
        cipherString: setting.value,
        opensslCipherString: endpoint.opensslCipherString,
        enabled,
        usable,
        removedBy,
        ...(endpoint.suggestedFix ? { suggestedFix: endpoint.suggestedFix } : {}),
        ...(endpoint.cipherError ? { opensslError: endpoint.cipherError } : {}),
        openssl: endpoint.openssl,
      };
      const removedText = removedBy.length ? ` ${removedBy.map((r) => `"${r.term}" removed ${r.removed.join(', ')}`).join('; ')}.` : '';
      if (endpoint.cipherError) {
        return {
          ...base,
          status: 'fail',
          evidence,
          message: `${who}, OpenSSL selects no cipher from ${value} (${endpoint.cipherError}): the SBC's TLS context will not load, and no call passes.`,
          remediation: `Use ${fix} (checked with OpenSSL ${endpoint.openssl ?? ''}).`.replace(' )', ')'),
        };
      }
      if (usable.length === 0) {
        const shown =
          enabled.length > 6
            ? `${enabled.slice(0, 6).join(', ')} and ${enabled.length - 6} more`
            : enabled.join(', ') || 'no TLS 1.2 suite at all';
        return {
          ...base,
          status: 'fail',
          evidence,
          message: `${who}, ${value} enables ${shown}, none of which BYOC Cloud accepts.${removedText}`,
          remediation: endpoint.suggestedFix
            ? `Use ${fix} (checked with OpenSSL: it enables a BYOC suite).`
            : `Add a BYOC suite and remove the exclusion that drops it: ${fix}.`,
        };
      }
      if (current.length === 0) {
        return {
          ...base,
          status: 'warn',
          evidence,
          message: `${who}, ${value} leaves only deprecated BYOC suites (${usable.join(', ')}), which Genesys announced for removal on 2025-03-24.${removedText}`,
          remediation: `Use ${fix}${endpoint.suggestedFix ? ' (checked with OpenSSL)' : ''}.`,
        };
      }
      return {
        ...base,
        status: 'pass',
        evidence,
        message: `${who}, ${value} enables ${usable.length} BYOC suite${usable.length === 1 ? '' : 's'}, in preference order: ${usable.join(', ')}.${usable.length > current.length ? ' (Deprecated ones included; they will go.)' : ''}`,
      };
    });
  },
});
