/**
 * > "If the extension is present, then the certificate MUST only be used for one of the purposes
 * > indicated." id-kp-clientAuth: "TLS WWW client authentication" — RFC 5280 section 4.2.1.12.
 * Genesys presents the data actions certificate as a TLS client certificate (Genesys Cloud, MTLS
 * support for data actions).
 */
import { defineDataActionsRule } from '../../src/engine/define-rule.js';
import type { Finding } from '../../src/engine/types.js';
import { ANY_EKU, capital, CLIENT_AUTH, describe, entityTarget, leafOf } from '../../src/data-actions/describe.js';

export default defineDataActionsRule({
  meta: {
    id: 'da-client-auth',
    area: 'da',
    scope: 'data-actions',
    title: 'Each data actions certificate allows TLS client authentication',
    severity: 'error',
    citations: [{ source: 'RFC5280', section: '4.2.1.3, 4.2.1.12' }, { source: 'DA_MTLS' }],
    remediation:
      'Report the certificate to Genesys support: a data actions client certificate must carry the clientAuth extended key usage. Until then, only a service that does not check the purpose accepts it.',
    docs: {
      what: 'Checks the extended key usage of each certificate (clientAuth when the extension is present) and that its key usage allows digitalSignature, which the TLS client needs to sign the handshake.',
      why: "Web servers that check the certificate purpose (OpenSSL's default for client certificates, Java, .NET) refuse a client certificate that is not allowed for client authentication.",
    },
  },
  check({ entities }) {
    const findings: Finding[] = [];
    for (const e of entities) {
      const target = entityTarget(e);
      const leaf = leafOf(e);
      const who = capital(describe(e));
      const evidence = { extKeyUsage: leaf.extKeyUsage ?? null, keyUsage: leaf.keyUsage ?? null };
      const before = findings.length;
      if (leaf.extKeyUsage && !leaf.extKeyUsage.includes(CLIENT_AUTH)) {
        if (leaf.extKeyUsage.includes(ANY_EKU)) {
          findings.push({
            status: 'warn',
            target,
            evidence,
            message: `${who} allows "any purpose" but does not name clientAuth; OpenSSL-based services refuse it as a client certificate.`,
          });
        } else {
          findings.push({
            status: 'fail',
            target,
            evidence,
            message: `${who} has an extended key usage (${leaf.extKeyUsage.join(', ')}) without clientAuth: a service that checks the purpose refuses it.`,
          });
        }
      }
      if (leaf.keyUsage && !leaf.keyUsage.includes('digitalSignature')) {
        findings.push({
          status: 'fail',
          target,
          evidence,
          message: `${who} has a key usage (${leaf.keyUsage.join(', ') || 'empty'}) without digitalSignature, which a TLS client needs to sign the handshake.`,
        });
      }
      if (findings.length === before) {
        findings.push({
          status: 'pass',
          target,
          evidence,
          message: leaf.extKeyUsage
            ? `${who} allows TLS client authentication (clientAuth).`
            : `${who} has no extended key usage restriction, so it may authenticate a TLS client.`,
        });
      }
    }
    if (findings.length === 0) findings.push({ status: 'skip', target: 'input', message: 'No data actions certificate in the input.' });
    return findings;
  },
});
