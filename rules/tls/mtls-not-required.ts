/**
 * > "BYOC Cloud uses TLS with server authentication only; Genesys Cloud does not present a client
 * > certificate." — Genesys BYOC Cloud TLS trunk specification (one-way TLS).
 * RFC 5246 7.4.4: a server that requires a certificate the client does not send ends the handshake.
 */
import { defineRule } from '../../src/engine/define-rule.js';
import type { Finding } from '../../src/engine/types.js';
import { endpointLabel, locationOf, quoteValue } from '../../src/model/endpoint.js';

export default defineRule({
  meta: {
    id: 'mtls-not-required',
    area: 'tls',
    title: 'The SBC does not require a client certificate from Genesys',
    severity: 'error',
    citations: [
      { source: 'BYOC_TLS_SPEC', section: 'Requirements (one-way TLS)' },
      { source: 'RFC5246', section: '7.4.4' },
    ],
    remediation: "Stop requiring (and requesting) a client certificate on the SBC's TLS server side for the Genesys trunk.",
    docs: {
      what: 'Checks every server-role TLS endpoint (from the configuration or observed by the probe): requiring a client certificate fails, requesting one without requiring it warns.',
      why: 'BYOC Cloud uses one-way TLS and presents no client certificate: an SBC that requires one aborts every handshake Genesys starts, so inbound calls never arrive.',
    },
  },
  check({ tls }) {
    const judged = tls.endpoints.filter((e) => e.role === 'server' && (e.requireClientCert || e.requestClientCert));
    if (judged.length === 0)
      return [
        {
          status: 'skip',
          target: 'settings',
          evidence: { reason: 'not-applicable' },
          message:
            'Not applicable: no server-side client-certificate setting is known (`byoc-check scan` reads it from the SBC configuration, `byoc-check probe` observes it).',
        },
      ];
    return judged.map((endpoint): Finding => {
      const required = endpoint.requireClientCert?.value === true;
      const requested = required || endpoint.requestClientCert?.value === true;
      const setting = required ? endpoint.requireClientCert! : (endpoint.requestClientCert ?? endpoint.requireClientCert!);
      const base = {
        target: endpoint.id,
        evidence: {
          requireClientCert: endpoint.requireClientCert?.value ?? null,
          requestClientCert: endpoint.requestClientCert?.value ?? null,
        },
        ...(locationOf(setting) ? { location: locationOf(setting) } : {}),
      };
      const who = endpointLabel(endpoint);
      const fix = `Set ${endpoint.syntax.noClientCertificate()}.`;
      if (required)
        return {
          ...base,
          status: 'fail',
          message: `${who}, ${quoteValue(setting)}: the SBC requires a client certificate, and Genesys presents none (BYOC Cloud is one-way TLS). Every inbound handshake fails.`,
          remediation: fix,
        };
      if (requested)
        return {
          ...base,
          status: 'warn',
          message: `${who}, ${quoteValue(setting)}: the SBC asks for a client certificate without requiring it. Genesys sends none and the handshake goes on, but the request is useless and some stacks treat it as mandatory.`,
          remediation: fix,
        };
      return { ...base, status: 'pass', message: `${who}, ${quoteValue(setting)}: no client certificate is asked for.` };
    });
  },
});
