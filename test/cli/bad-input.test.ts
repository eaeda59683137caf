/** Bad input: one clear line on stderr, exit 2, quickly, no stack trace (unless --debug). */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fixtures } from '../helpers/fixtures.js';
import { writeFiles } from '../helpers/pki.js';
import { cli } from '../helpers/run.js';

function deepDer(levels: number): Buffer {
  // SEQUENCE { SEQUENCE { ... } } built inside out, with long-form lengths.
  let inner = Buffer.from([0x05, 0x00]);
  for (let i = 0; i < levels; i++) {
    const len = inner.length;
    const header =
      len < 0x80
        ? Buffer.from([0x30, len])
        : len < 0x10000
          ? Buffer.from([0x30, 0x82, len >> 8, len & 0xff])
          : Buffer.from([0x30, 0x83, len >> 16, (len >> 8) & 0xff, len & 0xff]);
    inner = Buffer.concat([header, inner]);
  }
  return inner;
}

describe('bad input exits 2 with one line on stderr', () => {
  let f: Record<string, string>;
  let goodPem: string;

  beforeAll(async () => {
    const { pki } = await fixtures();
    goodPem = pki.leaf.pem;
    const body = goodPem
      .split('\n')
      .filter((l) => l && !l.startsWith('-----'))
      .join('\n');
    f = writeFiles({
      'empty.pem': '',
      'random.bin': randomBytes(4096),
      'truncated.pem': goodPem.slice(0, Math.floor(goodPem.length / 2)),
      'truncated.der': Buffer.from(body.replace(/\n/g, ''), 'base64').subarray(0, 300),
      'bad-base64.pem': `-----BEGIN CERTIFICATE-----\n${body.slice(0, 64)}!!!*${body.slice(68)}\n-----END CERTIFICATE-----\n`,
      'key.pem':
        '-----BEGIN PRIVATE KEY-----\nMIIBVgIBADANBgkqhkiG9w0BAQEFAASCAUAwggE8AgEAAkEAq7BFUpkGp3+LQmlQ\n-----END PRIVATE KEY-----\n',
      'csr.pem':
        '-----BEGIN CERTIFICATE REQUEST-----\nMIIBVgIBADANBgkqhkiG9w0BAQEFAASCAUAwggE8AgEAAkEAq7BFUpkGp3+LQmlQ\n-----END CERTIFICATE REQUEST-----\n',
      'deep.der': deepDer(40_000),
      'junk.bin': randomBytes(40 * 1024 * 1024),
      'bundle.pem': readFileSync('/etc/ssl/certs/ca-certificates.crt'),
      'not-a-cert.pem': '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n',
    });
  }, 60_000);

  const cases: Array<[string, () => string[], RegExp]> = [
    ['empty file', () => [f['empty.pem']!], /the file is empty/],
    ['random bytes', () => [f['random.bin']!], /not a certificate: no PEM block/],
    ['truncated PEM', () => [f['truncated.pem']!], /has no END line \(truncated file\?\)/],
    ['truncated DER', () => [f['truncated.der']!], /not a certificate|cannot be used/],
    ['invalid base64', () => [f['bad-base64.pem']!], /is not valid base64/],
    ['a key alone', () => [f['key.pem']!], /holds only a private key \(PRIVATE KEY\), no certificate/],
    ['a CSR', () => [f['csr.pem']!], /certificate signing request \(CSR\), not a certificate/],
    ['a missing path', () => [`${f['empty.pem']!}.nope`], /no such file/],
    ['a directory', () => [f.dir!], /is a directory, not a file/],
    ['DER nested 40,000 levels deep', () => [f['deep.der']!], /cannot be used|not a certificate|too deeply/],
    ['a 40 MB junk file', () => [f['junk.bin']!], /not a certificate/],
    [
      'a CA bundle given as the chain',
      () => [f['bundle.pem']!],
      /holds more than 64 certificates; an SBC chain has a handful. .* Give it with --ca instead/,
    ],
    ['no certificate among other PEM blocks', () => [f['not-a-cert.pem']!], /no certificate in the file \(found: PUBLIC KEY\)/],
    ['a bad --at', () => [f['empty.pem']!, '--at', 'yesterday'], /--at "yesterday" is not an ISO 8601 date/],
    [
      'an unknown --format',
      () => [f['empty.pem']!, '--format', 'xml'],
      /--format must be one of text, json, sarif, junit, markdown; got "xml"/,
    ],
    ['an unknown option', () => [f['empty.pem']!, '--cipher', 'x'], /unknown option --cipher/],
    ['no chain at all', () => [], /no chain file given/],
    [
      'an invalid URI',
      () => ['-', '--uri', 'sip:+1@lb01..pure.cloud'],
      /invalid SIP URI "sip:\+1@lb01\.\.pure\.cloud" at position \d+: empty label/,
    ],
    ['an invalid --sbc', () => ['-', '--sbc', 'sbc.example.com:50x61'], /--sbc "sbc\.example\.com:50x61": position 19/],
    ['--tls-min above --tls-max', () => ['-', '--tls-min', '1.3', '--tls-max', '1.2'], /--tls-min 1.3 is above --tls-max 1.2/],
    ['a bad --timeout', () => ['-', '--timeout', '0'], /--timeout must be between 0 and 600/],
  ];

  test.each(cases)('%s', (_, args, message) => {
    const run = cli(args(), { input: goodPem });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^byoc-check: /);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  test('--debug adds the stack trace', () => {
    const run = cli([f['empty.pem']!, '--debug']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/\n\s+at /);
  });

  test('a CSR or key never has its content echoed', () => {
    const run = cli([f['key.pem']!]);
    expect(run.stderr).not.toContain('MIIBVgIBADAN');
  });
});
