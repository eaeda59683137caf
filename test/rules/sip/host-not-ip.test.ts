import { ruleCases } from '../../helpers/cases.js';

ruleCases('host-not-ip', [
  { name: 'no --uri or --sbc', expect: 'skip' },
  {
    name: 'host names everywhere',
    options: { uris: ['sip:+1@lb02.voice.euw1.pure.cloud;transport=tls'], sbcs: ['sbc1.example.com'] },
    expect: 'pass',
  },
  {
    name: 'IPv4 in the URI (DNIS to an IP)',
    options: { uris: ['sip:+13175550100@203.0.113.7:5061;transport=tls'] },
    expect: 'fail',
    message: /IPv4 address 203\.0\.113\.7: certificate subject validation needs a host name/,
  },
  {
    name: 'IPv6 reference in the URI',
    options: { uris: ['sip:+13175550100@[2001:db8::7]:5061;transport=tls'] },
    expect: 'fail',
    message: /IPv6 address 2001:db8::7/,
  },
  { name: 'IPv4 in SIP Servers or Proxies', options: { sbcs: ['198.51.100.20:5061'] }, expect: 'fail', message: /not acceptable for TLS/ },
  { name: 'bare IPv6 in SIP Servers or Proxies', options: { sbcs: ['2001:db8::20'] }, expect: 'fail' },
]);
