/** Input formats: PEM (noise, CRLF, whitespace in base64), DER, PKCS#7 (PEM and DER), stdin; properties. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parseChainInput } from '../../src/parsers/chain-input.js';
import { isInputError } from '../../src/errors.js';
import { fixtures } from '../helpers/fixtures.js';
import { writeFiles } from '../helpers/pki.js';
import { cli } from '../helpers/run.js';

let leafPem: string;
let intermediatePem: string;
let rootFile: string;
let chainFile: string;

beforeAll(async () => {
  const { pki, files } = await fixtures();
  leafPem = pki.leaf.pem;
  intermediatePem = pki.intermediate.pem;
  rootFile = files['root.pem']!;
  chainFile = files['good.pem']!;
});

const der = (pem: string) => Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');

describe('accepted formats give the same chain', () => {
  function check(file: string, ...extra: string[]) {
    const run = cli([file, '--ca', rootFile, '--offline', '--format', 'json', ...extra]);
    expect(run.stderr).toBe('');
    return JSON.parse(run.stdout);
  }

  test('PEM with CRLF line ends, openssl s_client noise and whitespace inside base64', () => {
    const noisy = `CONNECTED(00000003)\r\ndepth=1 CN = Test Lab Issuing CA\r\n---\r\nCertificate chain\r\n 0 s:CN = sbc1.example.com\r\n${leafPem.replace(/\n(.{20})/, '\n$1  \t').replace(/\n/g, '\r\n')}\r\n 1 s:CN = Test Lab Issuing CA\r\n${intermediatePem.replace(/\n/g, '\r\n')}---\r\nServer certificate\r\nsubject=CN = sbc1.example.com\r\n`;
    const f = writeFiles({ 'noisy.pem': noisy });
    const report = check(f['noisy.pem']!);
    expect(report.input).toMatchObject({ format: 'pem', certificates: 2 });
    expect(report.results.find((r: { rule: string }) => r.rule === 'chain-complete').status).toBe('pass');
  });

  test('DER: one certificate', () => {
    const f = writeFiles({ 'leaf.der': der(leafPem) });
    const report = check(f['leaf.der']!);
    expect(report.input).toMatchObject({ format: 'der', certificates: 1 });
    expect(report.certificates[0].subject).toMatch(/sbc1\.example\.com/);
  });

  test('PKCS#7 in PEM and DER, as openssl crl2pkcs7 writes them', () => {
    const f = writeFiles({});
    const p7pem = execFileSync('openssl', ['crl2pkcs7', '-nocrl', '-certfile', chainFile], { encoding: 'utf8' });
    const p7der = execFileSync('openssl', ['crl2pkcs7', '-nocrl', '-certfile', chainFile, '-outform', 'DER']);
    const files = writeFiles({ 'chain.p7b': p7pem, 'chain.p7b.der': p7der });
    for (const file of [files['chain.p7b']!, files['chain.p7b.der']!]) {
      const report = check(file);
      expect(report.input).toMatchObject({ format: 'pkcs7', certificates: 2 });
      expect(report.ok).toBe(true);
    }
    expect(f.dir).toBeTruthy();
  });

  test('PKCS#7 in BER with indefinite lengths, as Windows exports .p7b files', () => {
    const der = execFileSync('openssl', ['crl2pkcs7', '-nocrl', '-certfile', chainFile, '-outform', 'DER']);
    // ContentInfo SEQUENCE and its [0] EXPLICIT content re-wrapped with indefinite lengths.
    const header = (buf: Buffer) => (buf[1]! & 0x80 ? 2 + (buf[1]! & 0x7f) : 2);
    const inner = der.subarray(header(der));
    const oid = inner.subarray(0, 2 + inner[1]!);
    const explicit = inner.subarray(oid.length);
    const content = explicit.subarray(header(explicit));
    const ber = Buffer.concat([Buffer.from([0x30, 0x80]), oid, Buffer.from([0xa0, 0x80]), content, Buffer.alloc(4)]);
    const f = writeFiles({ 'windows.p7b': ber });
    const report = check(f['windows.p7b']!);
    expect(report.input).toMatchObject({ format: 'pkcs7', certificates: 2 });
    expect(report.ok).toBe(true);
  });

  test('a PKCS#7 bundle under a CERTIFICATE label', () => {
    const der = execFileSync('openssl', ['crl2pkcs7', '-nocrl', '-certfile', chainFile, '-outform', 'DER']);
    const f = writeFiles({
      'bundle.crt': `-----BEGIN CERTIFICATE-----\n${der.toString('base64').replace(/(.{64})/g, '$1\n')}\n-----END CERTIFICATE-----\n`,
    });
    expect(check(f['bundle.crt']!).input).toMatchObject({ format: 'pkcs7', certificates: 2 });
  });

  test('"-" reads standard input', () => {
    const run = cli(['-', '--ca', rootFile, '--offline', '--format', 'json'], { input: readFileSync(chainFile) });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).input.name).toBe('<stdin>');
  });
});

describe('properties: the parser never throws anything but an input error', () => {
  test('random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), async (bytes) => {
        try {
          await parseChainInput(Buffer.from(bytes), 'x');
        } catch (error) {
          if (!isInputError(error)) throw error;
        }
      }),
      { numRuns: 1500 },
    );
  });

  test('mutations of a real PEM chain', async () => {
    const pem = leafPem + intermediatePem;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: pem.length - 1 }),
        fc.integer({ min: 0, max: 40 }),
        fc.string({ maxLength: 8 }),
        async (at, cut, insert) => {
          const mutated = pem.slice(0, at) + insert + pem.slice(at + cut);
          try {
            await parseChainInput(Buffer.from(mutated, 'latin1'), 'x');
          } catch (error) {
            if (!isInputError(error)) throw error;
          }
        },
      ),
      { numRuns: 800 },
    );
  });

  test('bit flips in DER, through the whole check', async () => {
    const { decodeAll } = await import('../../src/input/certificates.js');
    const bytes = der(leafPem);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: bytes.length - 1 }), fc.integer({ min: 1, max: 255 }), async (at, xor) => {
        const copy = Buffer.from(bytes);
        copy[at]! ^= xor;
        try {
          const parsed = await parseChainInput(copy, 'x');
          decodeAll(parsed.certificates, 'x');
        } catch (error) {
          if (!isInputError(error)) throw error;
        }
      }),
      { numRuns: 1500 },
    );
  });
});
