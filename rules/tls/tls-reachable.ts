/**
 * > "TLS-only listeners are available on host port 5061" — Genesys BYOC Cloud TLS trunk
 * > specification, Requirements. BYOC Cloud must reach the SBC's TLS listener to send calls.
 */
import { defineRule } from '../../src/engine/define-rule.js';
import type { ProbeFacts } from '../../src/model/probe.js';

/** Which offer explains the refusal; when TLS 1.2, a BYOC suite and P-384 each work alone, what is left. */
function whyRefused(probe: ProbeFacts): string {
  if (!probe.versions['TLSv1.2']) return 'The server does not accept TLS 1.2 (see tls-version).';
  if (!Object.values(probe.suites).some(Boolean)) return 'The server selects none of the BYOC suites (see tls-ciphers).';
  const leaf = probe.chainSent[0];
  if (leaf && !leaf.key.startsWith('RSA'))
    return `The server's certificate has a ${leaf.key} key, and every BYOC suite needs an RSA certificate (see leaf-key).`;
  if (probe.groups.secp384r1 === false && probe.suitesWithOtherGroups)
    return 'The server does not accept the P-384 group (see tls-curves).';
  return (
    'TLS 1.2, the BYOC suites and P-384 each work alone, so the server refuses something else in the offer: ' +
    'signature algorithms it insists on (for example RSA+SHA1 only), or a certificate key too small for its security level (@SECLEVEL). ' +
    'Compare with: openssl s_client -connect HOST:5061 -tls1_2 -groups P-384 -cipher ECDHE-RSA-AES256-GCM-SHA384'
  );
}

export default defineRule({
  meta: {
    id: 'tls-reachable',
    area: 'tls',
    title: "A TLS server answers on the SBC's SIP TLS port",
    severity: 'error',
    citations: [
      { source: 'BYOC_TLS_SPEC', section: 'Requirements' },
      { source: 'RFC5246', section: '7.4.1' },
    ],
    remediation:
      "Enable the SBC's SIP TLS listener on the address and port the trunk names, and open it in the firewall to the Genesys BYOC Cloud addresses of your region.",
    docs: {
      what: 'The live probe connects to the SBC and reports whether any TLS server answers: connection refused, no TCP answer, a listener that never speaks, plain text, a reset or a DNS failure each get their own message. A server that answers but refuses the handshake BYOC Cloud makes fails too, with the offer that explains the refusal.',
      why: 'Without a TLS server on that port, Genesys cannot deliver a single call to the SBC.',
    },
  },
  check({ probe }) {
    if (!probe)
      return [
        {
          status: 'skip',
          target: 'probe',
          evidence: { reason: 'not-applicable' },
          message: 'Not applicable: no live probe ran (`byoc-check probe HOST` connects to the SBC).',
        },
      ];
    const where = `${probe.target.host.includes(':') ? `[${probe.target.host}]` : probe.target.host}:${probe.target.port}`;
    if (probe.fault)
      return [
        {
          status: 'fail',
          target: 'probe',
          evidence: { fault: probe.fault.kind, address: probe.target.address },
          message: probe.fault.message,
        },
      ];
    const answered = probe.attempts.filter((a) => a.result === 'accepted' || a.result.startsWith('alert ')).length;
    const broken = probe.chainSent.map((c, i) => ({ c, i })).filter(({ c }) => c.unparseable);
    if (broken.length)
      return [
        {
          status: 'fail',
          target: 'probe',
          evidence: {
            address: probe.target.address,
            unparseable: broken.map(({ c, i }) => ({ index: i, sha256: c.sha256, error: c.unparseable })),
          },
          message: `The server on ${where} sends ${broken.length === 1 ? 'a certificate' : `${broken.length} certificates`} OpenSSL cannot parse (certificate ${broken.map(({ i }) => i + 1).join(', ')} of its Certificate message, sha256 ${broken[0]!.c.sha256.slice(0, 16)}…: ${broken[0]!.c.unparseable}); BYOC Cloud's TLS client aborts the handshake on it (bad_certificate), so no call gets through.`,
          remediation:
            "Reinstall the SBC's certificate and chain from the files the CA issued (PEM, one BEGIN CERTIFICATE block each), then check them offline with `byoc-check chain.pem`.",
        },
      ];
    if (!probe.negotiated) {
      const byoc = probe.attempts.find((a) => a.kind === 'byoc');
      const refusal = byoc ? (byoc.alert ? `alert ${byoc.alert}` : byoc.result) : 'no answer';
      return [
        {
          status: 'fail',
          target: 'probe',
          evidence: { address: probe.target.address, answered, byocOffer: refusal },
          message: `A TLS server answers on ${where}, but it refuses the handshake BYOC Cloud makes (TLS 1.2, the BYOC suites, P-384): ${refusal}. ${whyRefused(probe)}`,
        },
      ];
    }
    // The handshake exactly as BYOC Cloud makes it (node:tls: OpenSSL 3's default signature algorithms, no SHA-1).
    // The offers above carry every signature algorithm, so a server they satisfy can still refuse this one.
    const full = probe.attempts.find((a) => a.kind === 'handshake');
    if (full && full.result !== 'accepted' && full.result !== 'timeout' && probe.clientCertificate !== 'required')
      return [
        {
          status: 'fail',
          target: 'probe',
          evidence: { address: probe.target.address, answered, byocHandshake: full.result, ...(full.alert ? { alert: full.alert } : {}) },
          message:
            full.alert === 'internal_error' || probe.keyExchangeUnseen
              ? `A TLS server answers on ${where} and picks a BYOC suite, but cannot complete any handshake: it never signs its key exchange (the handshake as BYOC Cloud makes it ends with ${full.alert ?? full.result}). Its certificate key is too small for its own security level (@SECLEVEL: level 3 needs RSA 3072 or more; OpenSSL: "ee key too small"), so every call fails.`
              : `A TLS server answers on ${where} and accepts TLS 1.2 with a BYOC suite and P-384 when every signature algorithm is offered, but the handshake as BYOC Cloud makes it (OpenSSL 3's default signature algorithms, no SHA-1) fails: ${full.alert ?? full.result}. The server insists on signature algorithms BYOC Cloud does not offer (for example RSA+SHA1 only).`,
          remediation:
            "Let the SBC sign with SHA-256 or stronger: remove any signature-algorithm restriction (OpenSSL SignatureAlgorithms / -sigalgs in the SBC's OpenSSL configuration), and use an RSA key of 2048 bits or more. Compare with: openssl s_client -connect HOST:5061 -tls1_2 -groups P-384 -cipher ECDHE-RSA-AES256-GCM-SHA384",
        },
      ];
    return [
      {
        status: 'pass',
        target: 'probe',
        evidence: { address: probe.target.address, answered },
        message: `A TLS server answers on ${where} (${probe.target.address}).`,
      },
    ];
  },
});
