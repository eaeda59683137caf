/**
 * Inputs that used to crash or crawl: PKCS#7 bundles without a certificate, tens of thousands of
 * PEM blocks, bundles far past the chain cap, PKCS#12 files (recognised by content).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { isInputError } from '../../src/errors.js';
import { loadCertificates } from '../../src/input/certificates.js';
import { looksLikePkcs12, MAX_CERTIFICATES, parseChainInput } from '../../src/parsers/chain-input.js';
import { pemBlocks, pemCertificates } from '../../src/parsers/pem.js';
import { fixtures } from '../helpers/fixtures.js';
import { expectLinear, sized } from '../helpers/growth.js';
import { days, writeFiles, x509, type Pki } from '../helpers/pki.js';
import { assertValidReport, cli } from '../helpers/run.js';

let pki: Pki;
let files: Record<string, string>;

beforeAll(async () => {
  ({ pki, files } = await fixtures());
});

async function inputError(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isInputError(error)).toBe(true);
  return (error as Error).message;
}

function oneLineExit2(args: string[], message: RegExp, env?: Record<string, string>) {
  const run = cli(args, { env });
  expect(run.stderr).toMatch(message);
  expect(run.status).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  return run;
}

describe('PKCS#7 without certificates', () => {
  let crlOnly: Record<string, string>;
  beforeAll(async () => {
    const crl = await x509.X509CrlGenerator.create({
      issuer: pki.intermediate.cert.subject,
      thisUpdate: days(-1),
      nextUpdate: days(6),
      entries: [],
      signingKey: pki.intermediate.keys.privateKey,
      signingAlgorithm: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as Algorithm,
    });
    const f = writeFiles({ 'crl.der': Buffer.from(crl.rawData) });
    crlOnly = writeFiles({
      'crl-only.p7b': execFileSync('openssl', ['crl2pkcs7', '-inform', 'DER', '-in', f['crl.der']!, '-outform', 'DER']),
      'crl-only.p7b.pem': execFileSync('openssl', ['crl2pkcs7', '-inform', 'DER', '-in', f['crl.der']!]),
      'empty.p7b': execFileSync('openssl', ['crl2pkcs7', '-nocrl', '-outform', 'DER']),
    });
  });

  test.each([['crl-only.p7b'], ['crl-only.p7b.pem']])('%s: check and hash exit 2 naming the CRL', (file) => {
    oneLineExit2([crlOnly[file]!, '--offline'], /the PKCS#7 bundle holds no certificate \(only a CRL\)/);
    oneLineExit2(['hash', crlOnly[file]!], /the PKCS#7 bundle holds no certificate \(only a CRL\)/);
  });

  test('an empty PKCS#7 bundle', () => {
    oneLineExit2(['hash', crlOnly['empty.p7b']!], /the PKCS#7 bundle holds no certificate;/);
  });
});

describe('PEM scanning is linear and stops at the cap', () => {
  test('12,500 then 50,000 empty PEM blocks (1.7 MB) are read in linear time', async () => {
    const blocks = sized((n) => '-----BEGIN X-----\n-----END X-----\n'.repeat(n), 12_500);
    expect(blocks(4).length).toBeGreaterThan(1_600_000);
    await expectLinear(async (scale) => {
      expect(await inputError(parseChainInput(Buffer.from(blocks(scale)), 'blocks.pem'))).toBe(
        'blocks.pem: no certificate in the file (found: X)',
      );
    });
  });

  test('line numbers stay right after thousands of blocks', () => {
    const text = 'noise\n'.repeat(3) + '-----BEGIN A-----\nAAAA\n-----END A-----\n'.repeat(5000) + 'x\n-----BEGIN B-----\nAAAA\n';
    // Lines are counted on demand (for messages); scanning itself never counts them.
    const blocks: number[] = [];
    let n = 0;
    expect(() => {
      for (const b of pemBlocks(text, 'f')) if (n++ < 3 || n === 5000) blocks.push(b.line);
    }).toThrow(/the PEM block "B" at line 15005 has no END line/);
    expect(blocks).toEqual([4, 7, 10, 4 + 4999 * 3]);
  });

  test('a root bundle: a damaged block, another label or a missing END line leaves the other certificates as they are', () => {
    const der = pemCertificates(pki.leaf.pem)[0]!;
    const bundle = [
      pki.leaf.pem,
      '-----BEGIN CERTIFICATE-----\n!!!not base64!!!\n-----END CERTIFICATE-----\n',
      '-----BEGIN TRUSTED CERTIFICATE-----\nAAAA\n-----END TRUSTED CERTIFICATE-----\n',
      '-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n',
      pki.leaf.pem.replace(/\n/g, '\r\n'),
      '-----BEGIN CERTIFICATE-----\nMIIB',
    ].join('');
    const read = pemCertificates(bundle);
    expect(read[0]).toEqual(der);
    expect(read[read.length - 1]).toEqual(der);
    // the damaged block decodes to bytes no certificate parser accepts; the store skips it
    expect(read.filter((d) => d.equals(der))).toHaveLength(2);
  });

  test('2,500 to 10,000 certificates: the chain cap refuses them, and a bundle scan is linear', async () => {
    const bundle = sized((n) => pki.leaf.pem.repeat(n), 2500);
    await expectLinear(async (scale) => {
      expect(await inputError(parseChainInput(Buffer.from(bundle(scale)), 'many.pem'))).toMatch(
        new RegExp(`holds more than ${MAX_CERTIFICATES} certificates.*Give it with --ca instead`),
      );
    });
    // The same scanner reads the machine's root stores.
    expect(pemCertificates(bundle(4))).toHaveLength(10_000);
    await expectLinear((scale) => expect(pemCertificates(bundle(scale))).toHaveLength(2500 * scale));
  });

  test('DER: concatenated certificates past the cap stop early', async () => {
    const der = Buffer.from(pki.leaf.cert.rawData);
    await expectLinear(async (scale) => {
      const many = Buffer.concat(Array.from({ length: 1250 * scale }, () => der));
      expect(await inputError(parseChainInput(many, 'many.der'))).toMatch(/holds more than 64 DER certificates/);
    });
  });
});

describe('PKCS#12 (.pfx/.p12)', () => {
  let p12: Record<string, string>;
  const PASSWORD = 'pa ss$word';
  beforeAll(() => {
    const keyFile = writeFiles({
      'key.pem': (readFileSync(files['with-key.pem']!, 'utf8').match(/-----BEGIN PRIVATE KEY-----[\s\S]*?-----END PRIVATE KEY-----\n/) ?? [
        '',
      ])[0],
    });
    const make = (...extra: string[]) =>
      execFileSync('openssl', [
        'pkcs12',
        '-export',
        '-in',
        files['good.pem']!,
        '-inkey',
        keyFile['key.pem']!,
        '-passout',
        `pass:${PASSWORD}`,
        ...extra,
      ]);
    p12 = writeFiles({
      'sbc.pfx': make(),
      'renamed.pem': make(),
      'legacy.p12': make('-legacy'),
      'certs-only.p12': execFileSync('openssl', [
        'pkcs12',
        '-export',
        '-nokeys',
        '-in',
        files['good.pem']!,
        '-passout',
        `pass:${PASSWORD}`,
      ]),
    });
  });

  test('recognised by content, whatever the name', () => {
    expect(looksLikePkcs12(readFileSync(p12['renamed.pem']!))).toBe(true);
    expect(looksLikePkcs12(readFileSync(p12['legacy.p12']!))).toBe(true);
    expect(looksLikePkcs12(execFileSync('openssl', ['crl2pkcs7', '-nocrl', '-certfile', files['good.pem']!, '-outform', 'DER']))).toBe(
      false,
    );
    expect(looksLikePkcs12(Buffer.from(pki.leaf.cert.rawData))).toBe(false);
  });

  test('without a password: it holds a private key, and the exact openssl command', () => {
    for (const file of [p12['sbc.pfx']!, p12['renamed.pem']!]) {
      const run = oneLineExit2(
        [file, '--offline'],
        /is a PKCS#12 \(\.pfx\/\.p12\) file, which holds a private key; export the certificates with `openssl pkcs12 -in \S+ -nokeys -out chain\.pem`/,
      );
      expect(run.stderr).toContain(`openssl pkcs12 -in ${file} -nokeys -out chain.pem`);
      expect(run.stderr).toMatch(/BYOC_CHECK_P12_PASSWORD/);
    }
    oneLineExit2(['hash', p12['sbc.pfx']!], /which holds a private key/);
  });

  test('the openssl command given works', () => {
    const out = writeFiles({}).dir + '/chain.pem';
    execFileSync('openssl', ['pkcs12', '-in', p12['sbc.pfx']!, '-nokeys', '-out', out, '-passin', `pass:${PASSWORD}`]);
    expect(cli([out, '--ca', files['root.pem']!, '--offline', '--at', '2026-11-22T12:00:00Z']).status).toBe(0);
  });

  test('with BYOC_CHECK_P12_PASSWORD: certificates read, the key counted and never shown', async () => {
    const env = { BYOC_CHECK_P12_PASSWORD: PASSWORD };
    const run = cli([p12['sbc.pfx']!, '--ca', files['root.pem']!, '--offline', '--at', '2026-11-22T12:00:00Z', '--format', 'json'], {
      env,
    });
    expect(run.stderr).toBe('');
    const report = assertValidReport(JSON.parse(run.stdout));
    expect(report.input).toMatchObject({ format: 'pkcs12', certificates: 2 });
    expect(report.results.find((r) => r.rule === 'chain-complete')!.status).toBe('pass');
    expect(report.results.find((r) => r.rule === 'private-key')).toMatchObject({ status: 'warn', evidence: { privateKeyBlocks: 1 } });
    const { privateKeyPem } = await fixtures();
    const keyBody = privateKeyPem.split('\n')[1]!;
    expect(run.stdout).not.toContain(keyBody);
    expect(run.stdout).not.toContain(PASSWORD);
    const text = cli([p12['sbc.pfx']!, '--ca', files['root.pem']!, '--offline'], { env });
    expect(text.stdout).not.toContain(PASSWORD);
    const hash = cli(['hash', p12['sbc.pfx']!], { env });
    expect(
      hash.stdout
        .trim()
        .split('\n')
        .map((l) => l.split(' ')[0]),
    ).toEqual([
      execFileSync('openssl', ['x509', '-noout', '-subject_hash', '-in', files['leaf.pem'] ?? files['good.pem']!], {
        encoding: 'utf8',
      }).trim(),
      expect.stringMatching(/^[0-9a-f]{8}$/),
    ]);
  });

  test('a PKCS#12 without keys reads too; the loader is the same for --ca and hash', async () => {
    const loaded = await loadCertificates(p12['certs-only.p12']!, { what: 'file', maxCertificates: Infinity, p12Password: PASSWORD });
    expect(loaded.input).toMatchObject({ format: 'pkcs12', privateKeys: [] });
    expect(loaded.certificates.map((c) => c.sha256)).toHaveLength(2);
  });

  test('a wrong password and legacy encryption are one-line input errors', () => {
    oneLineExit2([p12['sbc.pfx']!, '--offline'], /BYOC_CHECK_P12_PASSWORD does not open this PKCS#12 file/, {
      BYOC_CHECK_P12_PASSWORD: 'wrong',
    });
    oneLineExit2([p12['legacy.p12']!, '--offline'], /legacy RC2\/3DES encryption.*openssl pkcs12 -legacy -in \S+ -nokeys -out chain\.pem/, {
      BYOC_CHECK_P12_PASSWORD: PASSWORD,
    });
  });
});
