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
    name: 'a deprecated BYOC suite negotiated',
    facts: facts([
      proxy({ handshake: { ok: true, connected: true, version: 'TLSv1.2', suite: 'TLS_RSA_WITH_AES_256_CBC_SHA256', ms: 3 } }),
    ]),
    expect: 'warn',
    message: /TLS_RSA_WITH_AES_256_CBC_SHA256 is deprecated by Genesys \(announced for removal on 2025-03-24/,
  },
  {
    name: 'a suite no BYOC proxy would select',
    facts: facts([
      proxy({ handshake: { ok: true, connected: true, version: 'TLSv1.2', suite: 'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256', ms: 3 } }),
    ]),
    expect: 'warn',
    message: /is not a BYOC Cloud suite/,
  },
  {
    name: "ECDHE on another group than secp384r1, with the SBC's groups given",
    facts: facts(
      [
        proxy({
          handshake: {
            ok: true,
            connected: true,
            version: 'TLSv1.2',
            suite: 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
            group: 'X25519',
            ms: 3,
          },
        }),
      ],
      { settings },
    ),
    expect: 'warn',
    message: /ECDHE on X25519, while BYOC Cloud supports secp384r1 only/,
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
