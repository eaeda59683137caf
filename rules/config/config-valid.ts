/**
 * What the SBC itself would refuse to load: an option the product does not know, a value or TLS
 * method its version does not accept, a certificate file that is not there, a server domain that
 * matches no TLS listener, a cipher string or group list from which OpenSSL selects nothing.
 * Sources: each product's documentation (Kamailio tls module, OpenSIPS tls_mgm, FreeSWITCH
 * mod_sofia, Asterisk res_pjsip, AudioCodes INI reference) and OpenSSL ciphers(1).
 */
import { defineRule } from '../../src/engine/define-rule.js';
import type { Finding } from '../../src/engine/types.js';
import { endpointLabel, locationOf } from '../../src/model/endpoint.js';

export default defineRule({
  meta: {
    id: 'config-valid',
    area: 'config',
    title: 'The SBC configuration loads: no unknown options, values, methods, missing files or unmatched domains',
    severity: 'error',
    citations: [{ source: 'SBC_PRODUCT_DOCS' }, { source: 'OPENSSL_CIPHERS' }],
    remediation: 'Correct the setting as the finding says; the SBC refuses to start (or to load its TLS context) with it.',
    docs: {
      what: 'Reports what the SBC product would refuse to load in the configuration files scan read: unknown options, invalid values or TLS methods, certificate files that do not exist, server domains without a matching TLS listener, cipher strings or group lists OpenSSL rejects.',
      why: 'An SBC that does not start, or starts without its TLS context, carries no calls at all, whatever the certificate says.',
    },
  },
  check({ config, tls }) {
    if (!config)
      return [
        {
          status: 'skip',
          target: 'config',
          evidence: { reason: 'not-applicable' },
          message: 'Not applicable: no SBC configuration was read (`byoc-check scan` reads the configuration repository).',
        },
      ];
    const findings: Finding[] = config.problems.map((p) => ({
      status: 'fail',
      target:
        (p.endpoint ? tls.endpoints.find((e) => e.name === p.endpoint && e.declared?.file === p.location.file)?.id : undefined) ?? 'config',
      location: p.location,
      evidence: { code: p.code },
      message: p.message,
      ...(p.fix ? { remediation: p.fix } : {}),
    }));
    for (const endpoint of tls.endpoints.filter((e) => e.format !== 'flags' && e.format !== 'probe')) {
      if (endpoint.cipherError && endpoint.ciphers) {
        findings.push({
          status: 'fail',
          target: endpoint.id,
          ...(locationOf(endpoint.ciphers) ? { location: locationOf(endpoint.ciphers) } : {}),
          evidence: { code: 'invalid-value', opensslError: endpoint.cipherError },
          message: `${endpointLabel(endpoint)}: OpenSSL selects no cipher from "${endpoint.ciphers.raw ?? endpoint.ciphers.value}"; the SBC's TLS context will not load.`,
          remediation: `Set ${endpoint.syntax.ciphers(endpoint.suggestedFix ?? 'ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256')}.`,
        });
      }
      if (endpoint.groupError && endpoint.curves) {
        findings.push({
          status: 'fail',
          target: endpoint.id,
          ...(locationOf(endpoint.curves) ? { location: locationOf(endpoint.curves) } : {}),
          evidence: { code: 'invalid-value' },
          message: `${endpointLabel(endpoint)}: ${endpoint.groupError}; the SBC will not start TLS with "${endpoint.curves.raw ?? endpoint.curves.value}".`,
        });
      }
    }
    if (findings.length === 0)
      return config.files.map((file) => ({
        status: 'pass' as const,
        target: 'config',
        location: { file },
        message: `${file}: nothing the SBC would refuse to load.`,
      }));
    return findings;
  },
});
