/**
 * All eight cipher suites BYOC Cloud supports are RSA-authenticated (TLS_RSA_* and
 * TLS_ECDHE_RSA_*) — Genesys BYOC Cloud TLS trunk specification, Supported cipher suites.
 */
import { defineRule } from '../../src/engine/define-rule.js';
import { pathTarget } from '../../src/engine/targets.js';

export default defineRule({
  meta: {
    id: 'leaf-key',
    area: 'cert',
    title: 'The SBC certificate has an RSA key',
    severity: 'error',
    citations: [{ source: 'BYOC_TLS_SPEC', section: 'Supported cipher suites' }],
    remediation: 'Request a new certificate with an RSA key (for example `openssl req -newkey rsa:3072 ...`).',
    docs: {
      what: "Checks that the leaf certificate's public key is RSA (its size is judged by key-strength).",
      why: 'BYOC Cloud negotiates only RSA-authenticated suites: an ECDSA or EdDSA certificate leaves no suite in common.',
    },
  },
  check({ chain }) {
    const { publicKey } = chain.path[0]!.cert;
    const evidence = {
      keyType: publicKey.type,
      ...(publicKey.bits ? { keyBits: publicKey.bits } : {}),
      ...(publicKey.curve ? { curve: publicKey.curve } : {}),
    };
    if (publicKey.type === 'RSA') {
      return [
        {
          status: 'pass',
          target: pathTarget(0),
          evidence,
          message: `The leaf key is RSA (${publicKey.bits} bits; its strength is judged by key-strength).`,
        },
      ];
    }
    const shown = publicKey.curve ? `${publicKey.type} (${publicKey.curve})` : publicKey.type;
    return [
      {
        status: 'fail',
        target: pathTarget(0),
        evidence,
        message: `The leaf key is ${shown}: every BYOC Cloud cipher suite is RSA-authenticated, so Genesys and this SBC share no cipher suite.`,
      },
    ];
  },
});
