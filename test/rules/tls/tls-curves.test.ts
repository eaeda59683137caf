import { ruleCases } from '../../helpers/cases.js';

ruleCases('tls-curves', [
  { name: 'no --curves', expect: 'skip' },
  { name: 'secp384r1 among the curves', options: { curves: 'X25519:secp384r1' }, expect: 'pass' },
  { name: 'the NIST alias P-384, comma separated', options: { curves: 'P-256,P-384' }, expect: 'pass' },
  { name: 'no secp384r1 but TLS_RSA suites: falls back without forward secrecy', options: { curves: 'X25519:P-256' }, expect: 'warn', message: /"X25519:P-256" lacks secp384r1.*without forward secrecy/ },
  { name: 'no secp384r1 and only ECDHE suites', options: { curves: 'prime256v1', ciphers: 'ECDHE+AESGCM' }, expect: 'fail', message: /cannot agree on a key exchange/ },
  { name: 'no ECDHE BYOC suite enabled: curves do not matter', options: { curves: 'X25519', ciphers: 'AES256-GCM-SHA384' }, expect: 'pass' },
]);
