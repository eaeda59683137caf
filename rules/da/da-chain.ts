/**
 * > "When you select Genesys Cloud as the certificate authority, the client certificate is directly
 * > signed by the regional Genesys private certificate authority with no intermediate certificates."
 * > "When you select Digicert as the certificate authority, the data action MTLS client certificate
 * > is signed by a Digicert intermediate certificate that is rooted on a publicly trusted Digicert
 * > certificate authority." — Genesys Cloud, MTLS support for data actions
 */
import { defineDataActionsRule } from '../../src/engine/define-rule.js';
import type { Finding } from '../../src/engine/types.js';
import { brokenSignatures, caProblems, capital, describe, entityTarget, isDigiCertRoot, leafOf } from '../../src/data-actions/describe.js';
import { daRegion } from '../data/da-regions.js';

export default defineDataActionsRule({
  meta: {
    id: 'da-chain',
    area: 'da',
    scope: 'data-actions',
    title: 'Each data actions certificate chains to the authority its signingAuthority names',
    severity: 'error',
    citations: [
      { source: 'DA_MTLS', section: 'Genesys Cloud / Digicert as certificate authority' },
      { source: 'RFC5280', section: '6.1.3, 6.1.4' },
    ],
    remediation:
      "For Genesys-signed certificates, give the regional Genesys CA certificate (the help page's download for your region) as an INPUT or in --trust; for DigiCert, make sure the machine's root store holds the DigiCert root.",
    docs: {
      what: "Builds each certificate's path: DigiCert ones through their intermediate to a DigiCert root in the Node or system root store, Genesys ones to the regional Genesys CA certificate given; verifies every signature and the CA constraints of every issuer.",
      why: 'A web service verifies the client certificate Genesys presents against its trust bundle; a certificate that does not chain to the authority you configured is refused, and a mislabelled one means you are trusting the wrong thing.',
    },
  },
  check({ entities, genesysCas, region }) {
    const findings: Finding[] = [];
    for (const e of entities) {
      const target = entityTarget(e);
      const leaf = leafOf(e);
      const who = capital(describe(e));
      if (!e.authority) {
        findings.push({
          status: 'fail',
          target,
          evidence: { signingAuthority: e.signingAuthority },
          message: `${who}: signingAuthority "${e.signingAuthority}" is neither DigiCert nor Genesys, so there is no authority to check it against.`,
        });
        continue;
      }
      const publicTop = e.publicChain.path[e.publicChain.path.length - 1]!.cert;
      if (e.authority === 'DigiCert') {
        const chain = e.publicChain;
        const problems = [...brokenSignatures(chain), ...caProblems(chain)];
        const evidence = {
          path: chain.path.map((p) => p.cert.subject),
          root: chain.complete ? publicTop.subject : null,
          rootInStore: chain.complete,
        };
        if (problems.length) {
          findings.push({ status: 'fail', target, evidence: { ...evidence, problems }, message: `${who}: ${problems.join('; ')}.` });
        } else if (!chain.complete) {
          const missing = chain.missingIssuer
            ? `its issuer "${chain.missingIssuer.subject}" is neither in the API's certificate text nor a root on this machine`
            : `it ends at "${publicTop.subject}", which is not in this machine's root stores`;
          findings.push({ status: 'fail', target, evidence, message: `${who} does not chain to a public DigiCert root: ${missing}.` });
        } else if (!isDigiCertRoot(publicTop)) {
          findings.push({
            status: 'fail',
            target,
            evidence,
            message: `${who} chains to the public root "${publicTop.subject}", not to a DigiCert root, although signingAuthority says DigiCert.`,
          });
        } else {
          const via = chain.path
            .slice(1, -1)
            .map((p) => `"${p.cert.subject}"`)
            .join(' and ');
          findings.push({
            status: 'pass',
            target,
            evidence,
            message: `${who} chains${via ? ` through ${via}` : ''} to the public root "${publicTop.subject}".`,
          });
        }
        continue;
      }
      // Genesys: the regional private CA signs the leaf directly.
      if (e.publicChain.complete && e.publicChain.path.length > 1) {
        findings.push({
          status: 'fail',
          target,
          evidence: { root: publicTop.subject },
          message: `${who}: signingAuthority says Genesys, but the certificate chains to the public root "${publicTop.subject}"; Genesys-signed certificates come from the regional Genesys private CA.`,
        });
        continue;
      }
      const chain = e.genesysChain;
      const download = daRegion(region)?.caDownload;
      if (!chain) {
        findings.push({
          status: 'skip',
          target,
          evidence: { issuer: leaf.issuer },
          message: `${who} is signed by "${leaf.issuer}"; no Genesys CA certificate was given to verify it against.`,
          remediation: `Give the regional Genesys CA certificate${download ? ` (download "${download}" on the help page)` : ''} as an INPUT file or in --trust.`,
        });
        continue;
      }
      const problems = [...brokenSignatures(chain), ...caProblems(chain)];
      const top = chain.path[chain.path.length - 1]!.cert;
      const evidence = { issuer: leaf.issuer, ca: chain.complete ? top.subject : null, genesysCas };
      if (problems.length) {
        findings.push({ status: 'fail', target, evidence: { ...evidence, problems }, message: `${who}: ${problems.join('; ')}.` });
      } else if (!chain.complete && chain.impostorIssuer) {
        // The CA given has the issuer's name, but its key did not make this signature.
        findings.push({
          status: 'fail',
          target,
          evidence: { ...evidence, impostorIssuer: chain.impostorIssuer },
          message: `${who}: the signature on "${leaf.subject}" does not verify with the key of "${chain.impostorIssuer.subject}" given as the Genesys CA (a different CA key, or a corrupted certificate).`,
          remediation: `Use the Genesys CA certificate of the region your organisation runs in${download ? ` (download "${download}")` : ''}, and fetch the certificates again.`,
        });
      } else if (!chain.complete) {
        findings.push({
          status: 'fail',
          target,
          evidence,
          message: `${who} is signed by "${leaf.issuer}", which is none of the ${genesysCas} Genesys CA certificate(s) given (another region's CA?).`,
          remediation: `Use the Genesys CA certificate of the region your organisation runs in${download ? ` (download "${download}")` : ''}.`,
        });
      } else if (chain.path.length > 2) {
        findings.push({
          status: 'warn',
          target,
          evidence,
          message: `${who} reaches "${top.subject}" through ${chain.path.length - 2} intermediate(s); Genesys documents direct signing by the regional CA, so check you have the right CA certificate.`,
        });
      } else {
        findings.push({ status: 'pass', target, evidence, message: `${who} is signed directly by the Genesys CA "${top.subject}".` });
      }
    }
    if (findings.length === 0) findings.push({ status: 'skip', target: 'input', message: 'No data actions certificate in the input.' });
    return findings;
  },
});
