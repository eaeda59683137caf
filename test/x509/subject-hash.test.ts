/** `byoc-check hash` must equal `openssl x509 -subject_hash` (and -subject_hash_old) exactly. */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { parseName } from '../../src/x509/name.js';
import { decodeCertificate } from '../../src/x509/certificate.js';
import { pemCertificates } from '../../src/parsers/pem.js';
import { BMP, IA5, NUMERIC, PRINTABLE, T61, UNIVERSAL, UTF8, name, selfSigned, stringValue, toPem } from '../helpers/craft.js';
import { writeFiles } from '../helpers/pki.js';
import { cli } from '../helpers/run.js';

function opensslHashes(file: string): { hash: string; old: string } {
  const [hash, old] = execFileSync('openssl', ['x509', '-in', file, '-noout', '-subject_hash', '-subject_hash_old'], { encoding: 'utf8' })
    .trim()
    .split('\n');
  return { hash: hash!, old: old! };
}

describe('subject hash equals OpenSSL on every certificate in /etc/ssl/certs', () => {
  const dir = '/etc/ssl/certs';
  const files = [
    ...new Set(
      readdirSync(dir)
        .filter((f) => f.endsWith('.pem'))
        .map((f) => realpathSync(join(dir, f))),
    ),
  ];

  test('the store is there to compare with', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  test('new and old hashes, certificate by certificate', () => {
    const mismatches: string[] = [];
    for (const file of files) {
      const cert = decodeCertificate(pemCertificates(readFileSync(file, 'latin1'))[0]!);
      const expected = opensslHashes(file);
      if (cert.subjectHash !== expected.hash || cert.subjectHashOld !== expected.old)
        mismatches.push(`${file}: ${cert.subjectHash}/${cert.subjectHashOld} vs ${expected.hash}/${expected.old}`);
    }
    expect(mismatches).toEqual([]);
  });

  test('the hash command prints HASH  FILE, like c_rehash names the links', () => {
    const sample = files.slice(0, 5);
    const run = cli(['hash', ...sample]);
    expect(run.status).toBe(0);
    expect(run.stdout.trim().split('\n')).toEqual(sample.map((f) => `${opensslHashes(f).hash}  ${f}`));
    const old = cli(['hash', '--old', sample[0]!]);
    expect(old.stdout.trim()).toBe(`${opensslHashes(sample[0]!).old}  ${sample[0]}`);
  });
});

describe('subject hash on names OpenSSL canonicalises in unusual ways', () => {
  const cases: Array<[string, Uint8Array, string | null]> = [
    [
      'spaces, tabs and case collapse',
      name([[['C', stringValue(PRINTABLE, 'US')]], [['CN', stringValue(UTF8, '  Foo   BAR\t\tBaz  ')]]]),
      'af7758dd',
    ],
    [
      'lower-case country, same hash',
      name([[['C', stringValue(PRINTABLE, 'us')]], [['CN', stringValue(UTF8, 'foo bar baz')]]]),
      'af7758dd',
    ],
    [
      'multi-valued RDN CN=b+O=A',
      name([
        [
          ['CN', stringValue(UTF8, 'b')],
          ['O', stringValue(UTF8, 'A')],
        ],
      ]),
      '40a68d2b',
    ],
    [
      'multi-valued RDN O=a+CN=B',
      name([
        [
          ['O', stringValue(UTF8, 'a')],
          ['CN', stringValue(UTF8, 'B')],
        ],
      ]),
      '40a68d2b',
    ],
    ['empty subject', name([]), 'eea339da'],
    ['BMPString', name([[['CN', stringValue(BMP, 'Zürich CA')]]]), '9fad7b51'],
    ['UniversalString', name([[['CN', stringValue(UNIVERSAL, 'Zürich CA')]]]), '9fad7b51'],
    ['non-ASCII upper case is kept', name([[['CN', stringValue(UTF8, 'ZÜRICH CA')]]]), '6bc00d4c'],
    [
      'NumericString is copied as is',
      name([[['serialNumber', stringValue(NUMERIC, '0123')]], [['CN', stringValue(UTF8, 'X')]]]),
      '054274e9',
    ],
    ['IA5String e-mail address', name([[['emailAddress', stringValue(IA5, 'Admin@Example.COM')]]]), '8fa7d0f5'],
    ['T61String holding UTF-8 bytes is read as Latin-1', name([[['CN', stringValue(T61, Uint8Array.of(0xc3, 0xbc))]]]), null],
    [
      'newline, vertical tab and form feed inside a value',
      name([[['O', stringValue(UTF8, 'A\n\u000b\fB\r\n')]], [['CN', stringValue(PRINTABLE, 'Mixed Case')]]]),
      null,
    ],
    [
      'non-BMP characters in UTF8 and Universal',
      name([[['CN', stringValue(UTF8, 'Ops 𝄞 CA')]], [['OU', stringValue(UNIVERSAL, '𝄞 Unit')]]]),
      null,
    ],
    [
      'Cyrillic, Greek and CJK text',
      name([[['O', stringValue(UTF8, 'Телеком ΑΒΓ 電話')]], [['CN', stringValue(BMP, 'Корень ROOT')]]]),
      null,
    ],
    [
      'three-member RDN with a PrintableString',
      name([
        [
          ['OU', stringValue(PRINTABLE, 'Voice')],
          ['CN', stringValue(UTF8, 'sbc')],
          ['C', stringValue(PRINTABLE, 'DE')],
        ],
      ]),
      null,
    ],
  ];

  test.each(cases)('%s', (_, subject, referenceHash) => {
    const der = selfSigned(subject);
    const f = writeFiles({ 'c.pem': toPem(der) });
    const expected = opensslHashes(f['c.pem']!);
    const ours = parseName(subject);
    expect({ hash: ours.hash, old: ours.hashOld }).toEqual(expected);
    // Reference values from ../shared/reference/byoc-domain-facts.md 7.3, where the name is the same.
    if (referenceHash) expect(ours.hash).toBe(referenceHash);
    expect(cli(['hash', f['c.pem']!]).stdout).toBe(`${expected.hash}  ${f['c.pem']}\n`);
  });
});
