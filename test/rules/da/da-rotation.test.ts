import rule from '../../../rules/da/da-rotation.js';
import { daPki, daRuleCases, digicert, genesys } from '../../helpers/data-actions.js';

daRuleCases(rule, [
  {
    name: 'DigiCert Current with 200 days left: says when the window opens',
    facts: async () => ({ entities: [await digicert('digicertCurrent')] }),
    expect: 'pass',
    message: /Genesys lists its successor from 2027-03-12 \(90 days before expiry\)/,
  },
  {
    name: 'in the 90-day window without an Upcoming entry',
    facts: async () => ({ entities: [await digicert('digicertInWindow')] }),
    expect: 'warn',
    message:
      /in 60 days, and the input lists no Upcoming DigiCert certificate: fetch again; Genesys lists the upcoming certificate in this window/,
  },
  {
    name: 'in the window with the Upcoming entry listed',
    facts: async () => ({ entities: [await digicert('digicertInWindow'), await digicert('digicertUpcoming', 'Upcoming')] }),
    expect: 'pass',
    message: /its successor .* is listed/,
  },
  {
    name: 'an Upcoming entry that starts after the Current one expires',
    facts: async () => ({ entities: [await digicert('digicertExpiring'), await digicert('digicertFutureUpcoming', 'Upcoming')] }),
    expect: 'warn',
    message: /no valid certificate in between/,
  },
  {
    name: 'only Genesys-signed certificates: the CA covers rotation',
    facts: async () => ({ entities: [await genesys('genesys')], cas: [(await daPki()).genesysCa] }),
    expect: 'skip',
    message: /rotate under the regional CA/,
  },
]);
