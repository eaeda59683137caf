/**
 * > "Any key whose security strength is less than 112 bits is prohibited" (SECLEVEL 2: "RSA, DSA
 * > and DH keys shorter than 2048 bits and ECC keys shorter than 224 bits are prohibited")
 * — OpenSSL SSL_CTX_set_security_level(3), the level Debian, Ubuntu and RHEL ship;
 * > "RSA keySize < 1024, DSA keySize < 1024, EC keySize < 224" — Java jdk.certpath.disabledAlgorithms;
 * > RSA "modulus size in bits is evenly divisible by 8, and is at least 2048 bits"; ECDSA on
 * > P-256, P-384 or P-521 — CA/Browser Forum Baseline Requirements 6.1.5 and 6.1.6.
 */
import { defineRule } from '../../src/engine/define-rule.js';
import { pathTarget } from '../../src/engine/targets.js';
import type { Finding, Status } from '../../src/engine/types.js';
import type { PublicKeyFacts } from '../../src/model/certificate.js';

/** Bits of security OpenSSL level 2 requires (RSA 2048, P-224); below it SBCs and Genesys' peers refuse the key. */
export const MIN_SECURITY_BITS = 112;
const WEBPKI_CURVES = new Set(['prime256v1', 'secp384r1', 'secp521r1']);

function shown(key: PublicKeyFacts): string {
  if (key.curve) return `${key.type} ${key.curve}`;
  return key.bits ? `${key.type} ${key.bits} bits` : key.type;
}

/** The verdict on one key: status and why, or undefined when it is fine. */
export function keyVerdict(key: PublicKeyFacts, strict: boolean): { status: Status; why: string } | undefined {
  const policy: Status = strict ? 'fail' : 'warn';
  if (!key.loadable)
    return {
      status: 'fail',
      why: `OpenSSL cannot load this public key (algorithm ${key.type}), so no verifier can check a signature with it or use it in TLS`,
    };
  if (key.type === 'EC' && key.curve?.startsWith('explicit'))
    return {
      status: 'fail',
      why: `the key uses ${key.curve}; RFC 5480 requires a named curve and verifiers reject explicit parameters (CVE-2020-0601)`,
    };
  if (key.securityBits < MIN_SECURITY_BITS)
    return {
      status: 'fail',
      why: `${shown(key)} gives ${key.securityBits} bits of security, under the ${MIN_SECURITY_BITS} OpenSSL security level 2 and Java require (RSA and DSA 2048 bits, EC 224 bits)`,
    };
  if ((key.type === 'RSA' || key.type === 'RSA-PSS') && (key.bits ?? 0) % 8 !== 0)
    return {
      status: policy,
      why: `an RSA modulus of ${key.bits} bits is not a whole number of bytes; OpenSSL and Java accept it, the CA/Browser Forum (6.1.5) and webpki do not`,
    };
  if (key.type === 'DSA')
    return {
      status: policy,
      why: 'DSA keys are no longer allowed by the CA/Browser Forum (6.1.5) and webpki/Go reject them; OpenSSL and Java still accept this one',
    };
  if (key.type === 'EC' && !WEBPKI_CURVES.has(key.curve ?? ''))
    return {
      status: policy,
      why: `the curve ${key.curve} is not P-256, P-384 or P-521, the only curves the CA/Browser Forum (6.1.5) allows`,
    };
  if (key.type === 'Ed25519' || key.type === 'Ed448')
    return strict ? { status: 'fail', why: `${key.type} keys are not allowed by the CA/Browser Forum (6.1.5)` } : undefined;
  if (!['RSA', 'RSA-PSS', 'EC', 'DSA', 'Ed25519', 'Ed448'].includes(key.type))
    return { status: 'fail', why: `a ${key.type} key cannot sign, so it cannot be used in a certificate path` };
  return undefined;
}

export default defineRule({
  meta: {
    id: 'key-strength',
    area: 'cert',
    title: 'Every key on the path is strong enough for current verifiers',
    severity: 'error',
    citations: [
      { source: 'OPENSSL_VERIFY', section: 'security level 2' },
      { source: 'JAVA_DISABLED_ALGORITHMS' },
      { source: 'CABF_BR', section: '6.1.5' },
    ],
    remediation:
      'Have the certificate reissued with an RSA key of 2048 bits or more (or, for a CA, ECDSA P-256/P-384) and install the new chain on the SBC.',
    docs: {
      what: "Rates the public key of every certificate on the path, root included, by OpenSSL's security bits: under 112 bits (RSA/DSA under 2048, P-192) fails; keys OpenSSL and Java accept but the CA/Browser Forum forbids (DSA, RSA not a multiple of 8 bits, other curves) warn, and fail with --pki-profile strict.",
      why: 'OpenSSL at security level 2 (the Debian, Ubuntu and RHEL default) and Java refuse a chain with a weak key anywhere on it, so the TLS handshake fails.',
    },
  },
  check({ chain, pkiProfile }) {
    const findings: Finding[] = [];
    chain.path.forEach((entry, i) => {
      const key = entry.cert.publicKey;
      const evidence = { keyType: key.type, keyBits: key.bits ?? null, curve: key.curve ?? null, securityBits: key.securityBits };
      const verdict = keyVerdict(key, pkiProfile === 'strict');
      if (verdict)
        findings.push({
          status: verdict.status,
          target: pathTarget(i),
          evidence,
          message: `The ${entry.role} "${entry.cert.subject}": ${verdict.why}.`,
        });
    });
    if (findings.length === 0) {
      findings.push({
        status: 'pass',
        target: 'chain',
        message: `All ${chain.path.length} key(s) on the path give at least ${MIN_SECURITY_BITS} bits of security.`,
        evidence: { keys: chain.path.map((p) => shown(p.cert.publicKey)) },
      });
    }
    return findings;
  },
});
