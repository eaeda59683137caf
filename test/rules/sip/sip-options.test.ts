import rule from '../../../rules/sip/sip-options.js';
import { ctx } from '../../helpers/context.js';
import { probeFacts } from '../../helpers/probe-facts.js';
import type { ProbeFacts } from '../../../src/model/probe.js';

const judge = (probe?: ProbeFacts) => rule.check(ctx([], probe ? { probe } : {}));
const failedHandshake: ProbeFacts['attempts'] = [
  { offer: 'full handshake as BYOC Cloud', kind: 'handshake', result: 'alert 40', alert: 'handshake_failure', ms: 5 },
];

describe('sip-options', () => {
  test.each<{ name: string; probe?: ProbeFacts; expect: string; message: RegExp }>([
    { name: 'no live probe', expect: 'skip', message: /no live probe ran/i },
    {
      name: 'a 200 with a Server header',
      probe: probeFacts(),
      expect: 'pass',
      message: /"SIP\/2\.0 200 OK" \(kamailio \(5\.6\.3.*in 3 ms/,
    },
    {
      name: 'any SIP response passes, even 403',
      probe: probeFacts({ sip: { answered: true, status: 403, reason: 'Forbidden', ms: 9, statusLine: 'SIP/2.0 403 Forbidden' } }),
      expect: 'pass',
      message: /403 Forbidden/,
    },
    {
      name: 'no answer within the wait',
      probe: probeFacts({ sip: { answered: false, error: 'timeout', ms: 2000 } }),
      expect: 'warn',
      message: /No answer to OPTIONS within 2\.0 s/,
    },
    {
      name: 'closed after the request',
      probe: probeFacts({ sip: { answered: false, error: 'closed', ms: 12 } }),
      expect: 'warn',
      message: /closed the TLS connection/,
    },
    {
      name: 'a non-SIP answer',
      probe: probeFacts({ sip: { answered: false, error: 'not-sip', ms: 4, detail: 'HTTP/1.1 400 Bad Request' } }),
      expect: 'fail',
      message: /not SIP \("HTTP\/1\.1 400/,
    },
    {
      name: 'no TLS session to send it on',
      probe: probeFacts({ attempts: failedHandshake, sip: { answered: false, error: 'closed', ms: 0 } }),
      expect: 'skip',
      message: /did not complete \(alert 40 handshake_failure\)/,
    },
  ])('$expect: $name', ({ probe, expect: status, message }) => {
    const findings = judge(probe);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.status).toBe(status);
    expect(findings[0]!.message).toMatch(message);
  });
});
