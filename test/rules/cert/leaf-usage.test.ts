import { ruleCases } from '../../helpers/cases.js';

ruleCases('leaf-usage', [
  { name: 'serverAuth with digitalSignature and keyEncipherment', expect: 'pass' },
  {
    name: 'no EKU at all: OpenSSL and Java accept it, the CA/Browser Forum does not',
    chain: 'no-eku.pem',
    expect: 'warn',
    message: /requires serverAuth to be named/,
  },
  {
    name: 'no EKU at all fails with --pki-profile strict',
    chain: 'no-eku.pem',
    options: { pkiProfile: 'strict' },
    expect: 'fail',
    message: /requires serverAuth to be named/,
  },
  { name: 'clientAuth only', chain: 'client-only.pem', expect: 'fail', message: /lacks serverAuth/ },
  { name: 'a CA certificate as leaf', chain: 'ca-leaf.pem', expect: 'fail', message: /CA:TRUE/ },
  {
    name: 'digitalSignature only rules out TLS_RSA suites',
    chain: 'only-signature.pem',
    expect: 'warn',
    message: /lacks keyEncipherment, which rules out the TLS_RSA_\*/,
  },
  {
    name: 'keyEncipherment only rules out ECDHE suites',
    chain: 'only-encipherment.pem',
    expect: 'warn',
    message: /lacks digitalSignature, which rules out the TLS_ECDHE_RSA_\*/,
  },
  {
    name: 'neither usage rules out every suite',
    chain: 'neither-usage.pem',
    expect: 'fail',
    message: /neither digitalSignature nor keyEncipherment/,
  },
]);
