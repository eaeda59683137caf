import { ruleCases } from '../../helpers/cases.js';

const host = 'lb01.voice.use1.pure.cloud';
ruleCases('uri-transport', [
  { name: 'no --uri given', expect: 'skip' },
  {
    name: ';transport=tls on the host part',
    options: { uris: [`sip:+13175550100;tgrp=c1;trunk-context=byoc.example.com@${host}:5061;transport=tls`] },
    expect: 'pass',
  },
  { name: 'upper-case scheme and parameter', options: { uris: [`SIP:+13175550100@${host};TRANSPORT=TLS`] }, expect: 'pass' },
  { name: 'sips: with transport=tls', options: { uris: [`sips:+13175550100@${host};transport=tls`] }, expect: 'pass' },
  {
    name: 'sips: alone warns (Genesys documents transport=tls)',
    options: { uris: [`sips:+13175550100@${host}`] },
    expect: 'warn',
    message: /sips: alone/,
  },
  { name: 'transport=udp', options: { uris: [`sip:+13175550100@${host};transport=udp`] }, expect: 'fail', message: /selects UDP, not TLS/ },
  { name: 'transport=tcp', options: { uris: [`sip:+13175550100@${host}:5061;transport=tcp`] }, expect: 'fail', message: /TCP/ },
  { name: 'no transport at all', options: { uris: [`sip:+13175550100@${host}`] }, expect: 'fail', message: /No ;transport=tls/ },
  {
    name: 'transport in the user part does not count',
    options: { uris: [`sip:+13175550100;transport=tls@${host}`] },
    expect: 'fail',
    message: /user part, before the @, does not count/,
  },
]);
