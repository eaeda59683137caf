/**
 * > "each client must trust the CA that signed the server's certificate"; Genesys BYOC Cloud endpoint
 * > certificates are issued by DigiCert, the root differs per region, and customers must trust the root,
 * > never the server certificate, which Genesys replaces without notice — Genesys Cloud, TLS trunk transport
 * > protocol specification (Certificate trust, Certificate authorities by region).
 */
import { GENESYS_ROOTS, regions } from '../data/byoc-regions.js';
import { defineFromSbcRule } from '../../src/engine/define-rule.js';
import type { Finding } from '../../src/engine/types.js';
import { noChain, proxyTarget, type FromSbcTarget } from '../../src/model/from-sbc.js';

type RootKey = keyof typeof GENESYS_ROOTS;

/** OpenSSL's verify codes, as `openssl verify` words them. */
const VERIFY_TEXT: Record<string, string> = {
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'unable to get local issuer certificate',
  UNABLE_TO_GET_ISSUER_CERT: 'unable to get issuer certificate',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'unable to verify the first certificate',
  SELF_SIGNED_CERT_IN_CHAIN: 'self-signed certificate in certificate chain',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed certificate',
  CERT_HAS_EXPIRED: 'certificate has expired',
  CERT_NOT_YET_VALID: 'certificate is not yet valid',
  CERT_SIGNATURE_FAILURE: 'certificate signature failure',
  CERT_UNTRUSTED: 'certificate not trusted',
  INVALID_CA: 'invalid CA certificate',
};

/** The DigiCert root Genesys uses that this issuer is, by subject hash (or by name when the hash differs). */
function genesysRoot(hash: string, commonNames: string[]): { key: RootKey; by: 'hash' | 'name' } | undefined {
  const keys = Object.keys(GENESYS_ROOTS) as RootKey[];
  const byHash = keys.find((k) => GENESYS_ROOTS[k].subjectHash === hash);
  if (byHash) return { key: byHash, by: 'hash' };
  const byName = keys.find((k) => commonNames.includes(GENESYS_ROOTS[k].name));
  return byName ? { key: byName, by: 'name' } : undefined;
}

function regionNote(t: FromSbcTarget): string {
  const r = regions.find((x) => x.code === t.region);
  if (!r) return '';
  return ` Region ${r.code}'s proxies chain to ${GENESYS_ROOTS[r.currentRoot].name} today; trust ${r.trust.map((k) => GENESYS_ROOTS[k].name).join(', ')} to keep working through Genesys' root migrations.`;
}

export default defineFromSbcRule({
  meta: {
    id: 'genesys-chain-trusted',
    area: 'from-sbc',
    scope: 'from-sbc',
    title: "The chain the Genesys proxy presents verifies against the SBC's CA file",
    severity: 'error',
    citations: [
      { source: 'BYOC_TLS_SPEC', section: 'Certificate trust; Certificate authorities by region' },
      { source: 'RFC5280', section: '6.1 (path validation)' },
      { source: 'OPENSSL_VERIFY' },
    ],
    remediation:
      "Add the DigiCert root Genesys uses in your region (DigiCert Global Root G2, DigiCert Global Root G3, DigiCert High Assurance EV Root CA: `byoc-check explain trusts-genesys`) to the SBC's CA file; trust the root, never a Genesys server certificate.",
    docs: {
      what: "Verifies the chain each Genesys proxy sent, as the SBC's OpenSSL does, against the CA file given with --ca (only those anchors). On failure it names what is missing: the issuer of the topmost certificate received, whether it is one of the DigiCert roots Genesys uses (by OpenSSL subject hash), and whether the proxy left out an intermediate.",
      why: 'An SBC that does not trust the root Genesys chains to refuses every outbound TLS connection ("unable to get local issuer certificate") and no call reaches Genesys; Genesys replaces its server certificates without notice, so only the root is a stable thing to trust.',
    },
  },
  check({ targets, ca }) {
    if (targets.length === 0) return [{ status: 'skip', target: 'genesys', message: 'No Genesys proxy was given.' }];
    return targets.map((t): Finding => {
      if (!t.verify || t.chain.length === 0) return noChain(t);
      const target = proxyTarget(t);
      const top = t.chain.at(-1)!;
      const sent = `${t.chain.length} certificate${t.chain.length === 1 ? '' : 's'} received: ${t.chain.map((c) => c.subject).join(' <- ')}`;
      const evidence = {
        proxy: t.name,
        caFile: ca.file,
        verify: t.verify,
        topIssuer: top.issuer,
        topIssuerHash: top.issuerHash,
        ...(t.path?.anchor ? { anchor: t.path.anchor.subject } : {}),
      };
      if (t.verify.ok) {
        const anchor = t.path?.anchor;
        return {
          status: 'pass',
          target,
          evidence,
          message: `${t.name}: the chain verifies against ${ca.file}${anchor ? `, anchored at ${anchor.subject} (hash ${anchor.subjectHash})` : ''} (${sent}).`,
        };
      }
      const code = t.verify.code ?? 'unknown';
      const openssl = `OpenSSL: ${VERIFY_TEXT[code] ?? code.toLowerCase().replace(/_/g, ' ')}`;
      const missing = t.path?.missingIssuer;
      const name = missing?.subject ?? top.issuer;
      const root = genesysRoot(missing?.hash ?? top.issuerHash, missing?.commonNames ?? top.issuerCommonNames);
      let message: string;
      let remediation: string | undefined;
      if (top.selfSigned && !t.path?.anchor) {
        const g = genesysRoot(top.subjectHash, []);
        message = `${t.name} sent its root ${top.subject}, which ${ca.file} does not hold (${openssl}; ${sent}).${g ? ` It is ${GENESYS_ROOTS[g.key].name}, a DigiCert root Genesys uses.` : ''}`;
        remediation = `Add ${top.subject} (obtained from DigiCert, not from the handshake) to the SBC's CA file.`;
      } else if (root) {
        const r = GENESYS_ROOTS[root.key];
        message = `${ca.file} lacks ${r.name} (subject hash ${r.subjectHash}), the DigiCert root Genesys uses that issued ${top.subject}${root.by === 'name' ? ' (matched by name: the hash differs from the published one)' : ''}: the SBC will refuse ${t.name} (${openssl}; ${sent}).${'note' in r ? ` Note: ${(r as { note: string }).note}.` : ''}${regionNote(t)}`;
        remediation = `Add ${r.name} to the SBC's CA file (DigiCert publishes it; \`byoc-check explain trusts-genesys\`).`;
      } else if (t.chain.length === 1) {
        message = `${t.name} sent only its leaf certificate: the intermediate ${name} is missing, neither sent by the proxy nor in ${ca.file} (${openssl}). BYOC Cloud endpoints send their intermediates; a proxy that does not is misconfigured, or is not Genesys.${regionNote(t)}`;
        remediation = `Check that this is a Genesys proxy; an SBC can only work around a missing intermediate by adding ${name} to its CA file.`;
      } else {
        message = `${ca.file} does not hold ${name}, the issuer of the topmost certificate ${t.name} sent, and it is not one of the DigiCert roots Genesys uses (${openssl}; ${sent}).${regionNote(t)}`;
        remediation = `Add the root that issued ${name} to the SBC's CA file, or check that ${t.name} is a Genesys proxy.`;
      }
      if (!missing && t.path?.anchor)
        message = `${t.name}: the chain reaches ${t.path.anchor.subject} in ${ca.file}, but OpenSSL refuses it (${openssl}; ${sent}).`;
      return {
        status: 'fail',
        target,
        evidence: { ...evidence, ...(root ? { missingRoot: GENESYS_ROOTS[root.key].name } : {}), missingIssuer: name },
        message,
        ...(remediation && !(!missing && t.path?.anchor) ? { remediation } : {}),
      };
    });
  },
});
