import rule from '../../../rules/da/da-region.js';
import { daPki, daRuleCases, digicert, genesys } from '../../helpers/data-actions.js';

daRuleCases(rule, [
  { name: 'no --region', facts: async () => ({ entities: [await digicert('digicertCurrent')] }), expect: 'skip' },
  {
    name: 'names the euw1 domain',
    facts: async () => ({ entities: [await genesys('genesys')], region: 'euw1', cas: [(await daPki()).genesysCa] }),
    expect: 'pass',
    message: /names dataactions\.prod-euw1\.eu-west-1\.mypurecloud\.com, the data actions domain of EMEA \(Dublin\) \(euw1\)/,
  },
  {
    name: 'names the usw2 domain while --region euw1',
    facts: async () => ({ entities: [await digicert('digicertOtherRegion')], region: 'euw1' }),
    expect: 'fail',
    message:
      /names dataactions\.prod-usw2\.us-west-2\.mypurecloud\.com, the domain of Americas \(US West\) \(usw2\), not dataactions\.prod-euw1/,
  },
  {
    name: 'Genesys certificate of the right region for --region usw2',
    facts: async () => ({ entities: [await genesys('genesysOtherRegion')], region: 'usw2' }),
    expect: 'pass',
  },
]);
