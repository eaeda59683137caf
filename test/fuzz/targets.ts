/**
 * One fuzz target per parser in the repository. A target says what inputs look like (random and
 * mutated real samples), how to run the parser, and which error is the parser's own: anything else
 * thrown, or one input running past `maxMs`, is a bug.
 *
 * Adding a parser (an SBC configuration reader, say) is one entry here:
 *
 *   {
 *     name: 'sbc/<vendor>',
 *     arbitrary: mutated(textSamples(['<its fixtures>'])),        // or a grammar-shaped generator
 *     run: (bytes) => readVendorConfig(bytes.toString('utf8'), 'config.xml'),
 *     expected: isInputError,                                      // the reader's own error type
 *   }
 *
 * test/fuzz/fuzz.test.ts runs every target for a short budget inside `npm test`, and for as long
 * as FUZZ_SECONDS says with `npm run fuzz`.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parseArgv } from '../../src/cli/argv.js';
import { checkOptions } from '../../src/cli/options.js';
import { isInputError } from '../../src/errors.js';
import { parseChainInput } from '../../src/parsers/chain-input.js';
import { pemBlocks, pemCertificates } from '../../src/parsers/pem.js';
import { readPkcs12 } from '../../src/parsers/pkcs12.js';
import { matchName, sipUriHost } from '../../src/sip/names.js';
import { parseHostPort, parseSipUri, SipUriError, unwrapPastedUri } from '../../src/sip/uri.js';
import { cipherTerms, toOpenSslTerms } from '../../src/tls/facts.js';
import { readTlsVersion, TlsVersionError } from '../../src/tls/version.js';
import { printable } from '../../src/util/text.js';
import { CertificateDecodeError, decodeCertificate } from '../../src/x509/certificate.js';
import { DerError } from '../../src/x509/der.js';
import { parseName } from '../../src/x509/name.js';
import { BMP, IA5, name, NUMERIC, PRINTABLE, stringValue, T61, UNIVERSAL, UTF8 } from '../helpers/craft.js';
import { fixtures } from '../helpers/fixtures.js';
import { writeFiles } from '../helpers/pki.js';

export interface FuzzTarget {
  name: string;
  arbitrary: fc.Arbitrary<unknown>;
  run(input: unknown): unknown;
  /** True for the parser's own error type (a clean refusal). */
  expected(error: unknown): boolean;
  /** Longest one input may take, in milliseconds (default 1000). */
  maxMs?: number;
}

/** Mutations of real samples: byte flips, cuts, insertions, duplicated ranges. */
export function mutated(samples: Buffer[]): fc.Arbitrary<Buffer> {
  const edit = fc.oneof(
    fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), xor: fc.integer({ min: 1, max: 255 }) }),
    fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 64 }) }),
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }) }),
    fc.record({
      kind: fc.constant('repeat' as const),
      at: fc.nat(),
      length: fc.integer({ min: 1, max: 256 }),
      times: fc.integer({ min: 2, max: 8 }),
    }),
  );
  return fc.tuple(fc.constantFrom(...samples), fc.array(edit, { minLength: 1, maxLength: 6 })).map(([sample, edits]) => {
    let buf = Buffer.from(sample);
    for (const e of edits) {
      const at = buf.length ? e.at % buf.length : 0;
      if (e.kind === 'flip' && buf.length) buf[at]! ^= e.xor;
      else if (e.kind === 'cut') buf = Buffer.concat([buf.subarray(0, at), buf.subarray(at + e.length)]);
      else if (e.kind === 'insert') buf = Buffer.concat([buf.subarray(0, at), Buffer.from(e.bytes), buf.subarray(at)]);
      else if (e.kind === 'repeat') {
        const piece = buf.subarray(at, at + e.length);
        buf = Buffer.concat([buf.subarray(0, at), ...Array.from({ length: e.times }, () => piece), buf.subarray(at + e.length)]);
      }
    }
    return buf;
  });
}

const bytesOrMutations = (samples: Buffer[]) =>
  fc.oneof(
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 2048 }).map((b) => Buffer.from(b)) },
    { weight: 4, arbitrary: mutated(samples) },
  );

/** Text shaped by a grammar's tokens, plus anything. */
const tokens = (list: string[], maxLength = 24) =>
  fc
    .array(
      fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...list) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) }),
      { maxLength },
    )
    .map((parts) => parts.join(''));

export const P12_PASSWORD = 'fuzz';

export async function buildTargets(): Promise<FuzzTarget[]> {
  const { pki, files } = await fixtures();
  const leafDer = Buffer.from(pki.leaf.cert.rawData);
  const chainPem = Buffer.from(pki.leaf.pem + pki.intermediate.pem, 'latin1');
  const p7 = execFileSync('openssl', ['crl2pkcs7', '-nocrl', '-certfile', files['good.pem']!, '-outform', 'DER']);
  const p7pem = execFileSync('openssl', ['crl2pkcs7', '-nocrl', '-certfile', files['good.pem']!]);
  const key = writeFiles({
    'key.pem': (readFileSync(files['with-key.pem']!, 'utf8').match(/-----BEGIN PRIVATE KEY-----[\s\S]*?-----END PRIVATE KEY-----\n/) ?? [
      '',
    ])[0],
  });
  // Few PBKDF2 iterations: the fuzzer is after the parser, not the key derivation.
  const p12 = execFileSync('openssl', [
    'pkcs12',
    '-export',
    '-in',
    files['good.pem']!,
    '-inkey',
    key['key.pem']!,
    '-passout',
    `pass:${P12_PASSWORD}`,
    '-iter',
    '1',
    '-maciter',
  ]);
  const nameDer = Buffer.from(
    name([
      [['CN', stringValue(UTF8, 'sbc1.example.com')]],
      [
        ['O', stringValue(PRINTABLE, 'Carrier')],
        ['OU', stringValue(BMP, 'Voice')],
      ],
      [['C', stringValue(PRINTABLE, 'US')]],
    ]),
  );

  const stringTags = [UTF8, PRINTABLE, T61, IA5, BMP, UNIVERSAL, NUMERIC, 0x04, 0x05];
  const craftedName = fc
    .array(
      fc.array(
        fc.tuple(
          fc.constantFrom('CN' as const, 'O' as const, 'OU' as const, 'C' as const, 'emailAddress' as const, 'serialNumber' as const),
          fc.constantFrom(...stringTags),
          fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), fc.uint8Array({ maxLength: 12 })),
        ),
        { minLength: 1, maxLength: 3 },
      ),
      { maxLength: 4 },
    )
    .map((rdns) =>
      Buffer.from(name(rdns.map((rdn) => rdn.map(([type, tag, value]) => [type, stringValue(tag, value)] as const)) as never)),
    );

  return [
    {
      name: 'chain input (PEM, DER, PKCS#7, PKCS#12 detection)',
      arbitrary: bytesOrMutations([chainPem, leafDer, p7, p7pem, p12]),
      run: (b) => parseChainInput(b as Buffer, 'fuzz'),
      expected: isInputError,
    },
    {
      name: 'PEM scanner',
      arbitrary: fc.oneof(
        tokens(['-----BEGIN ', '-----END ', 'CERTIFICATE', 'X', '-----', '\n', '\r\n', 'AAAA', 'Proc-Type: 4\n\n', ' ']).map((t) =>
          Buffer.from(t, 'latin1'),
        ),
        mutated([chainPem]),
      ),
      run: (b) => {
        const text = (b as Buffer).toString('latin1');
        for (const block of pemBlocks(text, 'fuzz')) void block;
        pemCertificates(text);
      },
      expected: isInputError,
    },
    {
      name: 'DER certificate decode',
      arbitrary: bytesOrMutations([leafDer, Buffer.from(pki.root.cert.rawData)]),
      run: (b) => decodeCertificate(b as Buffer),
      expected: (e) => e instanceof CertificateDecodeError,
    },
    {
      name: 'subject-hash name canonicalisation',
      arbitrary: fc.oneof(craftedName, mutated([nameDer])),
      run: (b) => parseName(b as Buffer),
      expected: (e) => e instanceof DerError,
    },
    {
      name: 'PKCS#12 with a password',
      arbitrary: mutated([p12]),
      run: (b) => readPkcs12(b as Buffer, P12_PASSWORD, 'fuzz.p12'),
      expected: isInputError,
      maxMs: 3000,
    },
    {
      name: 'SIP URI',
      arbitrary: fc
        .tuple(
          fc.constantFrom('', 'sip:', 'sip:+13175550100', '<sip:'),
          tokens([
            '+1317',
            'alice',
            '@',
            ':',
            '5061',
            ';',
            'transport=tls',
            'tgrp=x',
            '=',
            '?',
            '&',
            '%',
            '%3B',
            '%C3%A9',
            '%E9',
            'lb01.voice.use1.pure.cloud',
            'h.example.com',
            '[',
            ']',
            '2001:db8::1',
            '192.0.2.1',
            '.',
            '-',
            '<',
            '>',
            '"',
            ' ',
          ]),
        )
        .map(([a, b]) => a + b),
      run: (t) => {
        const text = t as string;
        try {
          parseHostPort(text);
        } catch (error) {
          if (!(error instanceof SipUriError)) throw error;
        }
        parseSipUri(unwrapPastedUri(text));
      },
      expected: (e) => e instanceof SipUriError,
    },
    {
      name: 'certificate name matching (RFC 6125)',
      arbitrary: fc.tuple(
        tokens(['*', '.', 'sbc1', 'example', 'com', 'xn--', 'bücher', '-', ' ', 'SBC'], 8),
        tokens(['.', 'sbc1', 'example', 'com', 'xn--bcher-kva', 'bücher', '-', ' '], 8),
        tokens(['sip:', 'sips:', '@', '[', ']', ':', ';', 'h.example.com'], 8),
      ),
      run: (input) => {
        const [pattern, host, uri] = input as [string, string, string];
        matchName(pattern, host);
        sipUriHost(uri);
      },
      expected: () => false,
    },
    {
      name: 'command-line arguments',
      arbitrary: fc.array(
        fc.oneof(
          fc.constantFrom(
            ...checkOptions.map((o) => `--${o.name}`),
            '--',
            '-',
            '-o',
            '--no-color',
            '--help',
            '=',
            'x',
            '1',
            '-1',
            'NaN',
            '1e9',
            '',
          ),
          fc.string({ maxLength: 6 }),
        ),
        { maxLength: 8 },
      ),
      run: (argv) => parseArgv(argv as string[], checkOptions),
      expected: isInputError,
    },
    {
      name: 'cipher strings and TLS versions',
      arbitrary: tokens([
        'HIGH',
        '!',
        '+',
        '-',
        ':',
        ',',
        ' ',
        'TLS_',
        'ECDHE-RSA-AES256-GCM-SHA384',
        'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
        'SSL_',
        '@SECLEVEL=',
        'TLSv',
        '1.2',
        '1_3',
        'tls',
        '+',
      ]),
      run: (t) => {
        toOpenSslTerms(cipherTerms(t as string));
        readTlsVersion(t as string);
      },
      expected: (e) => e instanceof TlsVersionError,
    },
    {
      name: 'printable (terminal escaping)',
      arbitrary: fc.string({ unit: 'binary', maxLength: 64 }),
      run: (t) => {
        const out = printable(t as string);
        if (/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(out))
          throw new Error(`control character left in ${JSON.stringify(out)}`);
      },
      expected: () => false,
    },
  ];
}
