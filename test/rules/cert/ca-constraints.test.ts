import { ruleCases } from '../../helpers/cases.js';

ruleCases('ca-constraints', [
  { name: 'intermediate and root are CAs', expect: 'pass' },
  { name: 'issuer with CA:FALSE', chain: 'not-ca.pem', expect: 'fail', message: /is not a CA \(basicConstraints CA:FALSE\)/ },
  { name: 'issuer whose key usage lacks keyCertSign', chain: 'no-certsign.pem', expect: 'fail', message: /without keyCertSign/ },
  {
    name: 'pathLenConstraint 0 with a sub-CA below',
    chain: 'pathlen.pem',
    expect: 'fail',
    message: /allows 0 intermediate\(s\) below it .* but the path has 1/,
  },
]);
