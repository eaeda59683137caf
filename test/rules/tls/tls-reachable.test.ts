import rule from '../../../rules/tls/tls-reachable.js';
import { ctx } from '../../helpers/context.js';
import { probeFacts } from '../../helpers/probe-facts.js';
import type { ProbeFacts } from '../../../src/model/probe.js';

describe('tls-reachable', () => {
  test.each<{ name: string; probe?: ProbeFacts; expect: string; message: RegExp }>([
    { name: 'no live probe', expect: 'skip', message: /no live probe ran/i },
    {
      name: 'a TLS server answered',
      probe: probeFacts(),
      expect: 'pass',
      message: /A TLS server answers on sbc1\.example\.com:5061 \(192\.0\.2\.10\)/,
    },
    {
      name: 'connection refused',
      probe: probeFacts({ fault: { kind: 'refused', message: 'Connection refused by 192.0.2.10:5061: nothing listens on that port.' } }),
      expect: 'fail',
      message: /Connection refused/,
    },
    {
      name: 'a silent listener',
      probe: probeFacts({
        fault: {
          kind: 'silent',
          message: '192.0.2.10:5061 accepted the TCP connection but did not answer the TLS ClientHello within 5 s.',
        },
      }),
      expect: 'fail',
      message: /did not answer/,
    },
    {
      name: 'the server answers but refuses the BYOC offer although TLS 1.2, a suite and P-384 work alone (signature algorithms)',
      probe: probeFacts({
        negotiated: null,
        attempts: [{ offer: 'TLSv1.2 BYOC Cloud offer', kind: 'byoc', result: 'alert 40', alert: 'handshake_failure', ms: 3 }],
      }),
      expect: 'fail',
      message:
        /refuses the handshake BYOC Cloud makes .*alert handshake_failure\. TLS 1\.2, the BYOC suites and P-384 each work alone.*signature algorithms/,
    },
    {
      name: 'refused, and TLS 1.2 is off: tls-version explains it',
      probe: probeFacts({ negotiated: null, versions: { TLSv1: false, 'TLSv1.1': false, 'TLSv1.2': false, 'TLSv1.3': true } }),
      expect: 'fail',
      message: /does not accept TLS 1\.2 \(see tls-version\)/,
    },
    {
      name: 'refused, and the certificate is ECDSA: leaf-key explains it',
      probe: probeFacts({
        negotiated: null,
        chainSent: [{ subject: 'CN=sbc1.example.com', issuer: 'CN=CA', sha256: 'ab', key: 'EC P-256' }],
      }),
      expect: 'fail',
      message: /EC P-256 key, and every BYOC suite needs an RSA certificate \(see leaf-key\)/,
    },
  ])('$expect: $name', ({ probe, expect: status, message }) => {
    const findings = rule.check(ctx([], probe ? { probe } : {}));
    expect(findings[0]!.status).toBe(status);
    expect(findings[0]!.message).toMatch(message);
  });
});
