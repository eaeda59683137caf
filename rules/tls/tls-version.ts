/**
 * > "Only TLS 1.2 is supported on BYOC Cloud endpoints." — Genesys BYOC Cloud TLS trunk
 * > specification, Requirements. TLS 1.0/1.1: RFC 8996 (deprecated).
 */
import { defineRule } from '../../src/engine/define-rule.js';
import type { Finding } from '../../src/engine/types.js';
import { endpointLabel, locationOf, quoteValue } from '../../src/model/endpoint.js';

const list = (versions: readonly string[]) => (versions.length ? versions.map((v) => `TLS ${v}`).join(', ') : 'no TLS version at all');

export default defineRule({
  meta: {
    id: 'tls-version',
    area: 'tls',
    title: 'TLS 1.2 is among the versions the SBC enables',
    severity: 'error',
    citations: [{ source: 'BYOC_TLS_SPEC', section: 'Requirements' }, { source: 'RFC8996' }],
    remediation: 'Allow TLS 1.2 on the SBC (minimum 1.2; maximum 1.2 or 1.3), for both the server and the client side.',
    docs: {
      what: "Checks that each TLS endpoint enables TLS 1.2 (after the product's own version semantics: Kamailio `TLSv1.2` is exactly 1.2, `TLSv1.2+` is 1.2 and newer); TLS 1.0 or 1.1 left on warns. SBC spellings (TLSv1.2, tlsv1_2, TLS1.2, TLSv1.2+) are read as the version they name.",
      why: 'BYOC Cloud speaks TLS 1.2 only: an SBC limited to TLS 1.3 (or 1.0) never completes a handshake with Genesys.',
    },
  },
  check({ tls }) {
    const judged = tls.endpoints.filter((e) => e.versions);
    if (judged.length === 0)
      return [{ status: 'skip', target: 'settings', message: 'No TLS versions given (--tls-min/--tls-max, or an SBC configuration).' }];
    return judged.map((endpoint): Finding => {
      const setting = endpoint.versions!;
      const versions = setting.value;
      const base = {
        target: endpoint.id,
        evidence: { versions, setting: setting.raw ?? null },
        ...(locationOf(setting) ? { location: locationOf(setting) } : {}),
      };
      const who = endpointLabel(endpoint);
      const value = quoteValue(setting);
      if (!versions.includes('1.2')) {
        return {
          ...base,
          status: 'fail',
          message: `${who}, ${value} enables ${list(versions)}, which excludes TLS 1.2, the only version BYOC Cloud speaks.`,
          remediation: `Set ${endpoint.syntax.allowTls12()}.`,
        };
      }
      const old = versions.filter((v) => v === '1.0' || v === '1.1');
      if (old.length) {
        return {
          ...base,
          status: 'warn',
          message: `${who}, ${value} enables ${list(versions)}: TLS 1.2 works, but ${list(old)} ${old.length === 1 ? 'is' : 'are'} deprecated (RFC 8996) and should be off.`,
          remediation: `Set ${endpoint.syntax.allowTls12()}.`,
        };
      }
      return { ...base, status: 'pass', message: `${who}, ${value} enables ${list(versions)}, which includes TLS 1.2.` };
    });
  },
});
