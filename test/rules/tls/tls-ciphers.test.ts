import { ruleCases } from '../../helpers/cases.js';

ruleCases('tls-ciphers', [
  { name: 'no --ciphers', expect: 'skip' },
  {
    name: 'OpenSSL DEFAULT keeps the GCM suites',
    options: { ciphers: 'DEFAULT' },
    expect: 'pass',
    message: /TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384/,
  },
  { name: 'HIGH:!aNULL:!MD5', options: { ciphers: 'HIGH:!aNULL:!MD5' }, expect: 'pass' },
  {
    name: 'HIGH:!kRSA still leaves ECDHE_RSA suites',
    options: { ciphers: 'HIGH:!kRSA' },
    expect: 'pass',
    message: /^(?!.*TLS_RSA_WITH).*TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384/s,
  },
  {
    name: 'IANA names separated by commas',
    options: { ciphers: 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_RSA_WITH_AES_256_GCM_SHA384' },
    expect: 'pass',
  },
  {
    name: 'only ECDSA suites: nothing in common',
    options: { ciphers: 'ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-ECDSA-AES128-GCM-SHA256' },
    expect: 'fail',
    message: /none of which BYOC Cloud accepts/,
  },
  {
    name: 'the failing term is named, and the fix is checked with OpenSSL',
    options: { ciphers: 'HIGH:!kRSA:!ECDHE' },
    expect: 'fail',
    message: /"!kRSA" removed [^;]*TLS_RSA_WITH_AES_256_CBC_SHA\b.*; "!ECDHE" removed TLS_ECDHE_RSA/,
  },
  {
    name: 'a fix is offered only when OpenSSL confirms it',
    options: { ciphers: 'ECDHE-ECDSA-AES256-GCM-SHA384' },
    expect: 'fail',
    message: /none of which/,
  },
  {
    name: 'only the two deprecated suites left',
    options: { ciphers: 'AES256-SHA256:ECDHE-RSA-AES256-SHA384' },
    expect: 'warn',
    message: /only deprecated BYOC suites .*2025-03-24/,
  },
  {
    name: 'TLS 1.3 suites do not count (BYOC Cloud is TLS 1.2 only)',
    options: { ciphers: 'TLS_AES_256_GCM_SHA384:ECDHE-ECDSA-AES256-GCM-SHA384' },
    expect: 'fail',
  },
  {
    name: "an ECDSA leaf is leaf-key's finding, not a cipher-list one (one finding per fact)",
    chain: 'ecdsa.pem',
    options: { ciphers: 'DEFAULT' },
    expect: 'pass',
  },
  {
    name: 'a string OpenSSL selects nothing from is a finding, not an input error',
    options: { ciphers: 'RC4:EXP' },
    expect: 'fail',
    message: /OpenSSL selects no cipher from "RC4:EXP".*will not load/,
  },
  { name: 'an unknown name', options: { ciphers: 'NOPE-NOTHING' }, expect: 'fail', message: /selects no cipher/ },
  {
    name: 'the fix for an empty selection is well formed (no leading ":")',
    options: { ciphers: '3DES' },
    expect: 'fail',
    message: /selects no cipher/,
  },
]);
