/**
 * The enabled TLS 1.2 suites must equal `openssl ciphers -s -tls1_2 STRING` on this machine,
 * in the same order: OpenSSL is the truth for cipher strings.
 */
import { execFileSync } from 'node:child_process';
import { suiteNames } from '../../rules/data/cipher-names.js';
import { enabledSuites, toOpenSslTerms, cipherTerms } from '../../src/tls/facts.js';

const opensslName = new Map(suiteNames.map((s) => [s.iana, s.openssl]));

function openssl(text: string): string[] | 'error' {
  try {
    const out = execFileSync('openssl', ['ciphers', '-s', '-tls1_2', text], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    // -s -tls1_2 still lists the TLS 1.3 suites (they are "supported" whatever the 1.2 string says).
    return out.split(':').filter((n) => n && !n.startsWith('TLS_'));
  } catch {
    return 'error';
  }
}

const STRINGS = [
  'DEFAULT',
  'HIGH',
  'HIGH:!aNULL:!MD5',
  'HIGH:!kRSA',
  'ALL:!COMPLEMENTOFDEFAULT',
  'ECDHE+AESGCM',
  'kRSA',
  'AES256-SHA:AES128-SHA',
  'HIGH:!ECDHE',
  'AESGCM:!ECDHE',
  'AES:@STRENGTH',
  'ECDHE-RSA-AES256-GCM-SHA384:AES256-SHA256',
  'HIGH:-AES128:+AES256',
  'DEFAULT:@SECLEVEL=2',
  'DEFAULT:@SECLEVEL=0',
  'ALL:@SECLEVEL=3',
  'MEDIUM',
  '3DES',
  'ECDHE-ECDSA-AES256-GCM-SHA384',
  'CHACHA20',
  'AES256-SHA256',
  'aRSA:!kRSA:!SHA1',
  'SHA384',
  'HIGH:!SHA256:!SHA384',
  'EECDH+AESGCM:EDH+AESGCM',
  'RSA+AESGCM',
  'PSK',
  'ECDHE:!AESGCM',
  'ALL:!RSA',
  'COMPLEMENTOFALL',
];

describe('enabled suites equal openssl ciphers -s -tls1_2', () => {
  test.each(STRINGS)('%s', async (text) => {
    const expected = openssl(text);
    let got: string[] | 'error';
    try {
      got = (await enabledSuites(text)).map((iana) => opensslName.get(iana) ?? iana);
    } catch {
      got = 'error';
    }
    if (expected !== 'error' && expected.length === 0) expect(got === 'error' || got.length === 0).toBe(true);
    else expect(got).toEqual(expected);
  });

  test('IANA names map to the same suites as their OpenSSL names', async () => {
    const iana = 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, TLS_RSA_WITH_AES_256_CBC_SHA TLS_RSA_WITH_AES_128_GCM_SHA256';
    const mapped = toOpenSslTerms(cipherTerms(iana)).terms.join(':');
    expect(mapped).toBe('ECDHE-RSA-AES256-GCM-SHA384:AES256-SHA:AES128-GCM-SHA256');
    expect((await enabledSuites(mapped)).map((s) => opensslName.get(s))).toEqual(openssl(mapped));
  });

  test('a string OpenSSL rejects is an error, as for the openssl command', async () => {
    expect(openssl('NOSUCHCIPHER')).toBe('error');
    await expect(enabledSuites('NOSUCHCIPHER')).rejects.toThrow();
  });
});
