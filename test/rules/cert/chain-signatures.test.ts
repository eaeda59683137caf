import { ruleCases } from '../../helpers/cases.js';

ruleCases('chain-signatures', [
  { name: 'every signature verifies, including the top one against the --ca root', expect: 'pass', message: /All 2 signature/ },
  {
    name: 'a leaf whose signature bytes were altered',
    chain: 'tampered.pem',
    expect: 'fail',
    message: /signature on "CN=sbc1.example.com.*does not verify with the key of "CN=Test Lab Issuing CA/,
  },
  {
    name: "an intermediate with an RSA 1024 key verifies (its strength is key-strength's concern)",
    chain: 'weak-intermediate.pem',
    expect: 'pass',
  },
  { name: 'nothing to verify when the issuer is missing', chain: 'leaf-only.pem', expect: 'skip' },
]);
