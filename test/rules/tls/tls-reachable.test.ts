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
  ])('$expect: $name', ({ probe, expect: status, message }) => {
    const findings = rule.check(ctx([], probe ? { probe } : {}));
    expect(findings[0]!.status).toBe(status);
    expect(findings[0]!.message).toMatch(message);
  });
});
