import sipPort from '../../../rules/sip/sip-port.js';
import { endpoint, fileValue, ruleTester } from '../../helpers/rule-tester.js';
import { ruleCases } from '../../helpers/cases.js';

const host = 'lb01.voice.use1.pure.cloud';
ruleCases('sip-port', [
  { name: 'no --uri or --sbc', expect: 'skip' },
  { name: 'explicit 5061', options: { uris: [`sip:+1@${host}:5061;transport=tls`], sbcs: ['sbc1.example.com:5061'] }, expect: 'pass' },
  { name: 'no port means 5061 for TLS', options: { uris: [`sip:+1@${host};transport=tls`], sbcs: ['sbc1.example.com'] }, expect: 'pass' },
  {
    name: '5060 in the URI',
    options: { uris: [`sip:+1@${host}:5060;transport=tls`] },
    expect: 'fail',
    message: /Port 5060: .*5061 \(5060 is plain SIP\)/,
  },
  { name: 'another port on the SBC entry', options: { sbcs: ['sbc1.example.com:5071'] }, expect: 'fail', message: /Port 5071/ },
  { name: 'IPv6 SBC entry with port 5060', options: { sbcs: ['[2001:db8::1]:5060'] }, expect: 'fail' },
]);

describe("the SBC's TLS listener, from its configuration", () => {
  const listener = (port: number) => ({
    tls: { endpoints: [endpoint({ role: 'server', listen: fileValue({ host: '10.0.0.10', port }, 'kamailio.cfg', 2, 'listen') })] },
  });
  const dialling = (port?: number) => ({
    sip: {
      uris: [],
      sbcs: [
        {
          index: 0,
          raw: 'sbc1.example.com',
          host: 'sbc1.example.com',
          hostType: 'hostname' as const,
          ...(port ? { port } : {}),
          origin: 'sbc' as const,
        },
      ],
    },
  });
  ruleTester(sipPort, {
    pass: [
      {
        name: 'listening on 5061, dialled on 5061',
        ctx: { ...listener(5061), ...dialling() },
        message: /listen = "10.0.0.10:5061" \(kamailio.cfg:2\) listens on port 5061, the port Genesys dials/,
      },
    ],
    warn: [{ name: 'another port and no SIP Servers entry known', ctx: listener(5062), message: /not 5061: Genesys dials 5061 unless/ }],
    fail: [
      {
        name: 'the listener is not on the port Genesys dials',
        ctx: { ...listener(5062), ...dialling(5061) },
        message: /listens on port 5062, but Genesys dials 5061/,
      },
    ],
  });
});
