import rule from '../../../rules/da/da-validity.js';
import { daPki, daRuleCases, days, digicert, genesys } from '../../helpers/data-actions.js';

daRuleCases(rule, [
  {
    name: 'Current DigiCert certificate with 200 days left',
    facts: async () => ({ entities: [await digicert('digicertCurrent')] }),
    expect: 'pass',
    message: /valid until \d{4}-\d{2}-\d{2} \(200 days left\)/,
  },
  {
    name: 'Upcoming certificate that is not valid yet',
    facts: async () => ({ entities: [await digicert('digicertFutureUpcoming', 'Upcoming')] }),
    expect: 'pass',
    message: /becomes valid on/,
  },
  {
    name: 'a Current certificate that is not valid yet',
    facts: async () => ({ entities: [await digicert('digicertFutureUpcoming', 'Current')] }),
    expect: 'fail',
    message: /is not valid until/,
  },
  {
    name: 'expired three days ago',
    facts: async () => ({ entities: [await digicert('digicertExpired')] }),
    expect: 'fail',
    message: /expired on \d{4}-\d{2}-\d{2} \(3 days ago\)/,
  },
  {
    name: 'expires within --warn-days: warns with the date',
    facts: async () => ({ entities: [await digicert('digicertExpiring')] }),
    expect: 'warn',
    message: /expires on 2026-12-04, in 12 days \(warning threshold 30 days\)/,
  },
  {
    name: 'a smaller --warn-days silences it',
    facts: async () => ({ entities: [await digicert('digicertExpiring')], warnDays: 7 }),
    expect: 'pass',
  },
  {
    name: 'Genesys certificate expiring, checked with its CA',
    facts: async () => ({ entities: [await genesys('genesysExpiring')], cas: [(await daPki()).genesysCa] }),
    expect: 'warn',
    message: /in 12 days/,
  },
  {
    name: '--at after the intermediate expires fails the issuer too',
    facts: async () => ({ entities: [await digicert('digicertCurrent')], at: days(2100) }),
    expect: 'fail',
    message: /The issuer "CN=DigiCert Test Assured ID Client CA G2.*expired/,
  },
]);
