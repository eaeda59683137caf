import rule from '../../../rules/from-sbc/genesys-name.js';
import { cert, facts, failedHandshake, fromSbcRuleCases, intermediate, proxy } from '../../helpers/from-sbc.js';

fromSbcRuleCases(rule, [
  {
    name: 'the SAN names the proxy',
    facts: facts([proxy()]),
    expect: 'pass',
    message: /names lb01\.voice\.use1\.pure\.cloud \(SAN lb01\.voice\.use1\.pure\.cloud\)/,
  },
  {
    name: 'a certificate for another name',
    facts: facts([
      proxy({
        chain: [cert({ subject: 'CN=voice.mypurecloud.com', san: ['voice.mypurecloud.com'] }), intermediate()],
        identity: { ok: false, message: "Hostname/IP does not match certificate's altnames" },
      }),
    ]),
    expect: 'fail',
    message: /SAN voice\.mypurecloud\.com\) does not name lb01\.voice\.use1\.pure\.cloud/,
  },
  { name: 'no certificate received', facts: facts([failedHandshake({ failure: 'silent', message: 'silent' })]), expect: 'skip' },
]);
