/**
 * > "BYOC Cloud supports one-way (server-side) TLS only; mutual TLS (mTLS) is not supported." —
 * > Genesys BYOC Cloud TLS trunk specification, Requirements.
 */
import { defineRule } from '../../src/engine/define-rule.js';
import { describeSource, endpointLabel, locationOf } from '../../src/model/endpoint.js';
import type { Finding } from '../../src/engine/types.js';

export default defineRule({
  meta: {
    id: 'mtls-not-required',
    area: 'tls',
    title: 'The SBC does not require a client certificate from Genesys',
    severity: 'error',
    citations: [{ source: 'BYOC_TLS_SPEC', section: 'Requirements' }, { source: 'RFC5246', section: '7.4.4' }],
    remediation: 'Turn client-certificate verification off on the SBC\'s TLS listener that Genesys dials (BYOC Cloud sends no client certificate).',
    docs: {
      what: 'For each server-role TLS endpoint (a configuration, or the live probe): does the SBC send a CertificateRequest, and does the handshake fail without a client certificate?',
      why: 'BYOC Cloud presents no client certificate: an SBC that requires one aborts every handshake, so no call reaches it; one that only asks works, but the request is useless.',
    },
  },
  check({ tls }) {
    const judged = tls.endpoints.filter((e) => e.role === 'server' && (e.requireClientCert || e.requestClientCert));
    if (judged.length === 0) return [{ status: 'skip', target: 'settings', message: 'Whether the SBC asks for a client certificate is unknown (a configuration file or the live probe tells).' }];
    return judged.map((endpoint): Finding => {
      const require = endpoint.requireClientCert?.value === true;
      const request = require || endpoint.requestClientCert?.value === true;
      const setting = require ? endpoint.requireClientCert! : (endpoint.requestClientCert ?? endpoint.requireClientCert)!;
      const location = locationOf(setting);
      const base = { target: endpoint.id, evidence: { requireClientCert: endpoint.requireClientCert?.value ?? null, requestClientCert: endpoint.requestClientCert?.value ?? null, from: describeSource(setting) }, ...(location ? { location } : {}) };
      const who = endpointLabel(endpoint);
      const fix = `Set ${endpoint.syntax.noClientCertificate()}.`;
      if (require) return { ...base, status: 'fail', message: `${who}, the SBC requires a client certificate (${describeSource(setting)}): BYOC Cloud sends none, so every handshake fails.`, remediation: fix };
      if (request) return { ...base, status: 'warn', message: `${who}, the SBC asks for a client certificate but continues without one (${describeSource(setting)}): calls work, but the request serves no purpose with BYOC Cloud.`, remediation: fix };
      return { ...base, status: 'pass', message: `${who}, the SBC does not ask for a client certificate (${describeSource(setting)}).` };
    });
  },
});
