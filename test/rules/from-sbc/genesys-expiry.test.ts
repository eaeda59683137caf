import rule from '../../../rules/from-sbc/genesys-expiry.js';
import { cert, facts, failedHandshake, fromSbcRuleCases, intermediate, proxy } from '../../helpers/from-sbc.js';

fromSbcRuleCases(rule, [
  {
    name: 'every certificate valid for long',
    facts: facts([proxy()]),
    expect: 'pass',
    message: /the first to expire is .*lb01.*, on 2027-06-01/,
  },
  {
    name: 'the leaf expires within --warn-days',
    facts: facts([proxy({ chain: [cert({ notAfter: '2026-12-10T00:00:00.000Z' }), intermediate()] })]),
    expect: 'warn',
    message: /expires on 2026-12-10, in 17 days \(--warn-days 30\)/,
  },
  {
    name: 'an expired intermediate',
    facts: facts([proxy({ chain: [cert(), intermediate({ notAfter: '2026-11-01T00:00:00.000Z' })] })]),
    expect: 'fail',
    message: /CA1 expired on 2026-11-01/,
  },
  {
    name: 'not yet valid',
    facts: facts([proxy({ chain: [cert({ notBefore: '2026-12-01T00:00:00.000Z' }), intermediate()] })]),
    expect: 'fail',
    message: /is not valid before 2026-12-01/,
  },
  { name: 'no certificate received', facts: facts([failedHandshake({ failure: 'timeout', message: 'timeout' })]), expect: 'skip' },
]);
