import rule from '../../../rules/from-sbc/genesys-tls-handshake.js';
import { facts, failedHandshake, fromSbcRuleCases, proxy } from '../../helpers/from-sbc.js';

const settings = { ciphers: 'TLS_RSA_WITH_AES_128_CBC_SHA', opensslCiphers: 'AES128-SHA', curves: 'X25519' };

fromSbcRuleCases(rule, [
  {
    name: 'TLS 1.2 with a BYOC suite on secp384r1',
    facts: facts([proxy()], { settings }),
    expect: 'pass',
    message:
      /TLSv1\.2 handshake completed with TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, group secp384r1 .*--ciphers 'TLS_RSA_WITH_AES_128_CBC_SHA' \(OpenSSL: AES128-SHA\)/,
  },
  {
    name: 'a server that does not speak TLS 1.2',
    facts: facts([failedHandshake({ failure: 'tls', alert: 'protocol_version', message: 'tlsv1 alert protocol version' })]),
    expect: 'fail',
    message: /refuses TLS 1\.2 \(alert protocol_version; OpenSSL: tlsv1 alert protocol version\)/,
  },
  {
    name: "no suite or group shared with the SBC's settings: the settings are named",
    facts: facts([failedHandshake({ failure: 'tls', alert: 'handshake_failure', message: 'sslv3 alert handshake failure' })], { settings }),
    expect: 'fail',
    message: /share no cipher suite or group .*--ciphers 'TLS_RSA_WITH_AES_128_CBC_SHA' \(OpenSSL: AES128-SHA\) and --curves 'X25519'/,
  },
  {
    name: 'a silent peer: the network reason',
    facts: facts([
      failedHandshake({ failure: 'silent', message: 'x accepted the TCP connection but did not complete the TLS handshake within 2 s.' }),
    ]),
    expect: 'fail',
    message: /within 2 s\. The SBC cannot reach this Genesys proxy either/,
  },
  {
    name: 'another OpenSSL reason is quoted',
    facts: facts([failedHandshake({ failure: 'tls', message: 'unexpected eof while reading' })]),
    expect: 'fail',
    message: /The TLS handshake with .* failed \(OpenSSL: unexpected eof while reading\)/,
  },
  { name: 'no proxy', facts: facts([]), expect: 'skip' },
]);
