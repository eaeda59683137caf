import { ruleCases } from '../../helpers/cases.js';

ruleCases('byoc-host', [
  { name: 'no --uri', expect: 'skip' },
  {
    name: 'use1 proxy names the region and the roots to trust',
    options: { uris: ['sip:+1@lb01.voice.use1.pure.cloud:5061;transport=tls'] },
    expect: 'pass',
    message:
      /use1 .*DigiCert High Assurance EV Root CA, DigiCert Global Root G2, DigiCert Global Root G3 \(Mozilla stopped trusting the EV root for TLS on 2026-04-15/,
  },
  {
    name: 'euc2 proxy (G2 region) needs G2 and G3',
    options: { uris: ['sip:+1@LB04.VOICE.EUC2.PURE.CLOUD;transport=tls'] },
    expect: 'pass',
    message: /euc2 .*must trust DigiCert Global Root G2, DigiCert Global Root G3\./,
  },
  {
    name: 'FedRAMP use2 domain',
    options: { uris: ['sip:+1@lb03.voice.use2.us-gov-pure.cloud;transport=tls'] },
    expect: 'pass',
    message: /use2/,
  },
  {
    name: 'a doubtful row (usw2 pc-voice) warns',
    options: { uris: ['sip:+1@lb01.pc-voice.usw2.pure.cloud;transport=tls'] },
    expect: 'warn',
    message: /doubtful/,
  },
  {
    name: 'an inferred row (cac1) warns',
    options: { uris: ['sip:+1@lb02.voice.cac1.pure.cloud;transport=tls'] },
    expect: 'warn',
    message: /copy of the usw2 row/,
  },
  {
    name: 'the "voix" translation artefact',
    options: { uris: ['sip:+1@lb01.voix.sae1.pure.cloud;transport=tls'] },
    expect: 'warn',
    message: /"voix" is a translation artefact/,
  },
  {
    name: 'an FQDN-style trunk host will fail name validation',
    options: { uris: ['sips:+1@mycarrier.byoc.mypurecloud.com:5061;transport=tls'] },
    expect: 'warn',
    message: /FQDN-style/,
  },
  {
    name: 'region mismatch with --region fails (the calls fail)',
    options: { uris: ['sip:+1@lb01.voice.euw1.pure.cloud;transport=tls'], region: 'use1' },
    expect: 'fail',
    message: /euw1 proxy, but --region is use1; .*calls sent here will fail/,
  },
  {
    name: '--region agrees with the URI host',
    options: { uris: ['sip:+1@lb01.voice.euw1.pure.cloud;transport=tls'], region: 'euw1' },
    expect: 'pass',
    message: /euw1/,
  },
  {
    name: 'URIs to proxies of two regions, no --region',
    options: { uris: ['sip:+1@lb01.voice.use1.pure.cloud;transport=tls', 'sip:+1@lb02.voice.euw1.pure.cloud;transport=tls'] },
    expect: 'fail',
    message: /"lb02\.voice\.euw1\.pure\.cloud" is a euw1 proxy, but uri\[0\] names a use1 proxy/,
  },
  {
    name: 'a host that is no BYOC Cloud proxy fails, and a near miss is named',
    options: { uris: ['sip:+1@lb01.voice.use1.purecloud.com;transport=tls'] },
    expect: 'fail',
    message: /"lb01\.voice\.use1\.purecloud\.com" is not a BYOC Cloud proxy \(did you mean "lb01\.voice\.use1\.pure\.cloud"\?\)/,
  },
  {
    name: 'a customer host in --uri fails byoc-host (it is not a second SBC)',
    options: { uris: ['sip:+1@sbc1.example.com;transport=tls'] },
    expect: 'fail',
    message: /"sbc1\.example\.com" is not a BYOC Cloud proxy: calls to it never reach Genesys/,
  },
  {
    name: 'an IP address in --uri fails byoc-host',
    options: { uris: ['sip:+1@203.0.113.10:5061;transport=tls'] },
    expect: 'fail',
    message: /"203\.0\.113\.10" is an IP address, not a BYOC Cloud proxy name/,
  },
]);
