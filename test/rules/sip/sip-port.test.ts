import { ruleCases } from '../../helpers/cases.js';

const host = 'lb01.voice.use1.pure.cloud';
ruleCases('sip-port', [
  { name: 'no --uri or --sbc', expect: 'skip' },
  { name: 'explicit 5061', options: { uris: [`sip:+1@${host}:5061;transport=tls`], sbcs: ['sbc1.example.com:5061'] }, expect: 'pass' },
  { name: 'no port means 5061 for TLS', options: { uris: [`sip:+1@${host};transport=tls`], sbcs: ['sbc1.example.com'] }, expect: 'pass' },
  { name: '5060 in the URI', options: { uris: [`sip:+1@${host}:5060;transport=tls`] }, expect: 'fail', message: /Port 5060: .*5061 \(5060 is plain SIP\)/ },
  { name: 'another port on the SBC entry', options: { sbcs: ['sbc1.example.com:5071'] }, expect: 'fail', message: /Port 5071/ },
  { name: 'IPv6 SBC entry with port 5060', options: { sbcs: ['[2001:db8::1]:5060'] }, expect: 'fail' },
]);
