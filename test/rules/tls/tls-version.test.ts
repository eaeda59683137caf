import { ruleCases } from '../../helpers/cases.js';

ruleCases('tls-version', [
  { name: 'no version flags', expect: 'skip' },
  { name: '1.2 only', options: { tlsMin: '1.2', tlsMax: '1.2' }, expect: 'pass' },
  { name: '1.2 to 1.3', options: { tlsMin: '1.2', tlsMax: '1.3' }, expect: 'pass' },
  { name: 'TLS 1.3 only excludes 1.2', options: { tlsMin: '1.3' }, expect: 'fail', message: /excludes TLS 1.2/ },
  { name: 'at most 1.1', options: { tlsMax: '1.1' }, expect: 'fail' },
  {
    name: 'allows 1.0 too',
    options: { tlsMin: '1.0', tlsMax: '1.2' },
    expect: 'warn',
    message: /TLS 1.0, TLS 1.1 are deprecated \(RFC 8996\)/,
  },
]);
