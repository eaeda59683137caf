import { ruleCases } from '../../helpers/cases.js';

const host = 'lb01.voice.use1.pure.cloud:5061';
ruleCases('uri-params', [
  { name: 'no --uri', expect: 'skip' },
  {
    name: 'tgrp and trunk-context in the user part',
    options: { uris: [`sip:+13175550100;tgrp=mycarrier;trunk-context=byoc.example.com@${host};transport=tls`] },
    expect: 'pass',
  },
  {
    name: 'escaped user with headers',
    options: { uris: [`sip:%2B13175550100;tgrp=a%2Fb;trunk-context=example.com@${host};transport=tls?X-Carrier=one&Priority=urgent`] },
    expect: 'pass',
  },
  {
    name: 'tgrp after the host',
    options: { uris: [`sip:+13175550100@${host};transport=tls;tgrp=mycarrier;trunk-context=byoc.example.com`] },
    expect: 'fail',
    message: /;tgrp=mycarrier is in the host part/,
  },
  {
    name: 'a valueless parameter after the host is quoted as written',
    options: { uris: [`sip:+13175550100;trunk-context=x@${host};transport=tls;TGRP`] },
    expect: 'fail',
    message: /;TGRP is in the host part/,
  },
  {
    name: 'transport before the @',
    options: { uris: [`sip:+13175550100;transport=tls@${host}`] },
    expect: 'fail',
    message: /;transport=tls is in the user part/,
  },
  {
    name: 'a BYOC proxy without tgrp or trunk-context: Genesys cannot tell the trunk',
    options: { uris: [`sip:+13175550100@${host};transport=tls`] },
    expect: 'warn',
    message:
      /No ;tgrp \(nor ;trunk-context\) before the @: "lb01\.voice\.use1\.pure\.cloud" is a shared BYOC Cloud proxy, so Genesys cannot tell which trunk the call is for unless DNIS Replacement Routing is enabled/,
  },
  {
    name: 'a BYOC proxy with trunk-context but no tgrp',
    options: { uris: [`sip:+13175550100;trunk-context=byoc.example.com@${host};transport=tls`] },
    expect: 'warn',
    message: /No ;tgrp before the @/,
  },
  {
    name: 'a customer host without tgrp is not a Genesys routing question',
    options: { uris: ['sip:+13175550100@sbc1.example.com:5061;transport=tls'] },
    expect: 'pass',
  },
  {
    name: 'tgrp without trunk-context',
    options: { uris: [`sip:+13175550100;tgrp=mycarrier@${host};transport=tls`] },
    expect: 'warn',
    message: /without ;trunk-context/,
  },
]);
