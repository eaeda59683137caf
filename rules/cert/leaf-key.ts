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
    title: 'The SBC certificate has an RSA key of at least 2048 bits',
    severity: 'error',
    citations: [{ source: 'BYOC_TLS_SPEC', section: 'Supported cipher suites' }, { source: 'RFC9325', section: '4.3' }],
    remediation: 'Request a new certificate with an RSA key of 2048 bits or more (for example `openssl req -newkey rsa:3072 ...`).',
    docs: {
      what: 'Checks the type and size of the leaf certificate\'s public key.',
      why: 'BYOC Cloud negotiates only RSA-authenticated suites: an ECDSA or EdDSA certificate leaves no suite in common, and RSA below 2048 bits is refused.',
    },
  },
  check({ chain }) {
    const { publicKey } = chain.path[0]!.cert;
    const evidence = { keyType: publicKey.type, ...(publicKey.bits ? { keyBits: publicKey.bits } : {}), ...(publicKey.curve ? { curve: publicKey.curve } : {}) };
    if (publicKey.type === 'RSA') {
      if ((publicKey.bits ?? 0) >= 2048) {
        return [{ status: 'pass', target: pathTarget(0), evidence, message: `The leaf key is RSA ${publicKey.bits} bits.` }];
      }
      return [{ status: 'fail', target: pathTarget(0), evidence, message: `The leaf key is RSA ${publicKey.bits} bits; at least 2048 bits are needed.` }];
    }
    const shown = publicKey.curve ? `${publicKey.type} (${publicKey.curve})` : publicKey.type;
    return [{
      status: 'fail',
      target: pathTarget(0),
      evidence,
      message: `The leaf key is ${shown}: every BYOC Cloud cipher suite is RSA-authenticated, so Genesys and this SBC share no cipher suite.`,
    }];
  },
});
