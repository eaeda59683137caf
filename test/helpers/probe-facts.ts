/** Probe facts by hand, for rule tests: a conforming SBC unless overridden. */
import { byocSuites } from '../../rules/data/byoc-suites.js';
import type { ProbeFacts } from '../../src/model/probe.js';

export function probeFacts(overrides: Partial<ProbeFacts> = {}): ProbeFacts {
  return {
    target: { host: 'sbc1.example.com', address: '192.0.2.10', port: 5061 },
    sni: 'sbc1.example.com',
    timeoutS: 5,
    ms: 120,
    versions: { TLSv1: false, 'TLSv1.1': false, 'TLSv1.2': true, 'TLSv1.3': false },
    suites: Object.fromEntries(byocSuites.map((s) => [s.iana, s.iana === 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384'])),
    groups: { secp384r1: true, x25519: false, secp256r1: false },
    negotiated: { version: 'TLSv1.2', suite: 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384', group: 'secp384r1' },
    chainSent: [],
    clientCertificate: 'none',
    sip: { answered: true, status: 200, reason: 'OK', server: 'kamailio (5.6.3 (x86_64/linux))', ms: 3, statusLine: 'SIP/2.0 200 OK' },
    attempts: [
      { offer: 'TLSv1.2, the 8 BYOC suites, secp384r1', kind: 'byoc', result: 'accepted', ms: 4 },
      { offer: 'full handshake as BYOC Cloud', kind: 'handshake', result: 'accepted', ms: 6 },
    ],
    ...overrides,
  };
}
