/**
 * > The certificate "must contain the name the client connected to (CN or SAN); if not, the client must
 * > refuse" — Genesys Cloud, TLS trunk transport protocol specification (Certificate trust); RFC 6125
 * > section 6 (matching the reference identity, as OpenSSL's and node's checkServerIdentity do).
 */
import { defineFromSbcRule } from '../../src/engine/define-rule.js';
import type { Finding } from '../../src/engine/types.js';
import { noChain, proxyTarget } from '../../src/model/from-sbc.js';

export default defineFromSbcRule({
  meta: {
    id: 'genesys-name',
    area: 'from-sbc',
    scope: 'from-sbc',
    title: 'The Genesys proxy certificate names the host the SBC dials',
    severity: 'error',
    citations: [
      { source: 'BYOC_TLS_SPEC', section: 'Certificate trust; Subject name validation' },
      { source: 'RFC6125', section: '6' },
    ],
    remediation:
      "Dial the Genesys proxies by the names their certificates carry (lb01..lb04.voice.REGION.pure.cloud), not by IP address or by the trunk FQDN, in the SBC's route or Request-URI host.",
    docs: {
      what: "Checks that the certificate each Genesys proxy presented names the host the SBC dialled (subjectAltName DNS names, RFC 6125 matching as node:tls checkServerIdentity and OpenSSL's X509_check_host do).",
      why: "An SBC that verifies host names refuses a certificate that does not name the host it dialled; dialling a Genesys proxy by IP address or by the org's FQDN fails that check.",
    },
  },
  check({ targets }) {
    if (targets.length === 0) return [{ status: 'skip', target: 'genesys', message: 'No Genesys proxy was given.' }];
    return targets.map((t): Finding => {
      if (!t.identity || t.chain.length === 0) return noChain(t);
      const leaf = t.chain[0]!;
      const evidence = { proxy: t.name, host: t.host, san: leaf.san, subject: leaf.subject };
      if (t.identity.ok)
        return {
          status: 'pass',
          target: proxyTarget(t),
          evidence,
          message: `${t.name}: the certificate names ${t.host} (SAN ${leaf.san.join(', ') || 'none'}).`,
        };
      return {
        status: 'fail',
        target: proxyTarget(t),
        evidence,
        message: `${t.name}: the certificate (${leaf.subject}; SAN ${leaf.san.join(', ') || 'none'}) does not name ${t.host}: an SBC that verifies host names refuses it (${t.identity.message}).`,
      };
    });
  },
});
