import { ruleCases } from '../../helpers/cases.js';

ruleCases('tls-curves', [
  { name: 'no --curves', expect: 'skip' },
  { name: 'secp384r1 among the curves', options: { curves: 'X25519:secp384r1' }, expect: 'pass' },
  { name: 'the NIST alias P-384', options: { curves: 'P-256:P-384' }, expect: 'pass' },
  {
    name: 'a comma-separated list: OpenSSL rejects it (s_client -groups too)',
    options: { curves: 'secp384r1,prime256v1' },
    expect: 'fail',
    message: /"secp384r1,prime256v1" is not a group name \(OpenSSL separates groups with ":" only\).*will not start TLS/,
  },
  {
    name: 'a space-separated list',
    options: { curves: 'secp384r1 prime256v1' },
    expect: 'fail',
    message: /OpenSSL rejects the group list/,
  },
  { name: '"auto" is Node\'s shorthand, not OpenSSL\'s', options: { curves: 'auto' }, expect: 'fail', message: /no "auto" group list/ },
  { name: 'an unknown name', options: { curves: 'P-999' }, expect: 'fail', message: /a name OpenSSL does not know/ },
  {
    name: 'a hybrid group newer OpenSSL knows warns, naming the OpenSSL used',
    options: { curves: 'X25519MLKEM768:secp384r1' },
    expect: 'warn',
    message: /X25519MLKEM768 is unknown to OpenSSL \d+\.\d+\.\d+ used here/,
  },
  {
    name: 'no secp384r1 but TLS_RSA suites: falls back without forward secrecy',
    options: { curves: 'X25519:P-256' },
    expect: 'warn',
    message: /"X25519:P-256" lacks secp384r1.*without forward secrecy/,
  },
  {
    name: 'no secp384r1 and only ECDHE suites',
    options: { curves: 'prime256v1', ciphers: 'ECDHE+AESGCM' },
    expect: 'fail',
    message: /cannot agree on a key exchange/,
  },
  {
    name: 'no ECDHE BYOC suite enabled: curves do not matter',
    options: { curves: 'X25519', ciphers: 'AES256-GCM-SHA384' },
    expect: 'pass',
  },
]);
