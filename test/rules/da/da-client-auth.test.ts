import rule from '../../../rules/da/da-client-auth.js';
import { daRuleCases, digicert } from '../../helpers/data-actions.js';

daRuleCases(rule, [
  {
    name: 'EKU clientAuth',
    facts: async () => ({ entities: [await digicert('digicertCurrent')] }),
    expect: 'pass',
    message: /allows TLS client authentication \(clientAuth\)/,
  },
  {
    name: 'no EKU at all',
    facts: async () => ({ entities: [await digicert('digicertNoEku')] }),
    expect: 'pass',
    message: /no extended key usage restriction/,
  },
  {
    name: 'EKU serverAuth only',
    facts: async () => ({ entities: [await digicert('digicertServerOnly')] }),
    expect: 'fail',
    message: /extended key usage \(1\.3\.6\.1\.5\.5\.7\.3\.1\) without clientAuth/,
  },
]);
