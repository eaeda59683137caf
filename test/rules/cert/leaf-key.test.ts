import { ruleCases } from '../../helpers/cases.js';

ruleCases('leaf-key', [
  { name: 'RSA 2048', expect: 'pass', message: /RSA \(2048 bits/ },
  { name: "RSA 1024 is RSA (its size is key-strength's concern)", chain: 'rsa1024.pem', expect: 'pass', message: /judged by key-strength/ },
  {
    name: 'ECDSA P-256 shares no suite with BYOC Cloud',
    chain: 'ecdsa.pem',
    expect: 'fail',
    message: /EC \(prime256v1\).*share no cipher suite/,
  },
  { name: 'Ed25519 shares no suite with BYOC Cloud', chain: 'ed25519.pem', expect: 'fail', message: /Ed25519.*share no cipher suite/ },
]);
