/**
 * The per-OpenSSL-version cache of cipher-string and group-list results, through the built CLI:
 * a warm cache gives byte-identical reports, a planted entry is really used (so the comparison
 * can fail), and a corrupt, oversized, foreign or hostile cache file is ignored. Needs `npm run build`.
 */
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, ROOT } from '../helpers/run.js';
import { helloCacheFile, rememberHello, saveHelloCache } from '../../src/tls/hello-cache.js';

const CIPHERS = 'HIGH:!aNULL:!AES256-GCM-SHA384:-ECDHE-RSA-AES256-GCM-SHA384';
const args = [
  `${ROOT}examples/good/chain.pem`,
  '--ca',
  `${ROOT}examples/lab-root.pem`,
  '--sbc',
  'sbc1.example.com',
  '--offline',
  '--format',
  'json',
  '--at',
  '2027-01-01T00:00:00Z',
  '--ciphers',
  CIPHERS,
  '--curves',
  'X25519:P-256',
];
const runtime = `openssl ${process.versions.openssl}; node ${process.versions.node}`;
const key = (ciphers: string | null, groups: string | null) => JSON.stringify([ciphers, groups]);

function freshHome(): { env: Record<string, string>; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'byoc-hello-cache-'));
  return { env: { XDG_CACHE_HOME: dir, BYOC_CHECK_TLS_CACHE: '' }, file: join(dir, 'byoc-check', 'tls-hello.json') };
}

const uncached = cli(args, { env: { BYOC_CHECK_TLS_CACHE: 'off' } });

test('reports with a cold and a warm cache are byte-identical to an uncached run', () => {
  expect(uncached.status).toBe(0);
  const { env, file } = freshHome();
  const cold = cli(args, { env });
  expect(existsSync(file)).toBe(true);
  const written = JSON.parse(readFileSync(file, 'utf8')) as { runtime: string; entries: Array<[string, unknown]> };
  expect(written.runtime).toBe(runtime);
  expect(written.entries.map(([k]) => k)).toContain(key(CIPHERS, null));
  const warm = cli(args, { env });
  expect([cold.stdout, cold.status, cold.stderr]).toEqual([uncached.stdout, 0, '']);
  expect([warm.stdout, warm.status, warm.stderr]).toEqual([uncached.stdout, 0, '']);
});

test('a well-formed entry is used: the cache is consulted, not just written', () => {
  const { env, file } = freshHome();
  mkdirSync(join(file, '..'), { recursive: true });
  // AES256-SHA only, a suite BYOC deprecated: the report must follow the cache.
  writeFileSync(file, JSON.stringify({ format: 1, runtime, entries: [[key(CIPHERS, null), { suites: [0x0035], groups: [] }]] }));
  const planted = cli(args, { env });
  expect(planted.stdout).not.toBe(uncached.stdout);
  expect(planted.stdout).toContain('TLS_RSA_WITH_AES_256_CBC_SHA');
});

const hostile: Array<[string, string | Buffer]> = [
  ['not JSON', '{"format":1,'],
  ['binary garbage', Buffer.from([0xff, 0x00, 0x1b, 0x5b, 0x32, 0x4a])],
  ['over the size limit', JSON.stringify({ format: 1, runtime, entries: [], pad: 'x'.repeat(2 << 20) })],
  [
    'another OpenSSL',
    JSON.stringify({ format: 1, runtime: 'openssl 1.1.1w; node 18.0.0', entries: [[key(CIPHERS, null), { suites: [53], groups: [] }]] }),
  ],
  ['another format', JSON.stringify({ format: 99, runtime, entries: [[key(CIPHERS, null), { suites: [53], groups: [] }]] })],
  ['entries not a list', JSON.stringify({ format: 1, runtime, entries: { [key(CIPHERS, null)]: { suites: [53], groups: [] } } })],
  [
    'suite codes out of range',
    JSON.stringify({ format: 1, runtime, entries: [[key(CIPHERS, null), { suites: [70000, -1, 1.5], groups: [] }]] }),
  ],
  [
    'an error text with control characters',
    JSON.stringify({ format: 1, runtime, entries: [[key(CIPHERS, null), { error: '\u001b[2Jgone' }]] }),
  ],
  [
    'extra keys in an entry',
    JSON.stringify({ format: 1, runtime, entries: [[key(CIPHERS, null), { suites: [53], groups: [], __proto__x: 1 }]] }),
  ],
  ['a __proto__ entry', `{"format":1,"runtime":${JSON.stringify(runtime)},"entries":[["__proto__",{"__proto__":{"polluted":1}}]]}`],
  ['null', 'null'],
];

test.each(hostile)('a cache file that is %s is ignored: same report, no error', (_label, content) => {
  const { env, file } = freshHome();
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, content);
  const run = cli(args, { env });
  expect([run.stdout, run.status, run.stderr]).toEqual([uncached.stdout, 0, '']);
});

test('an unwritable cache location is not an error', () => {
  const dir = mkdtempSync(join(tmpdir(), 'byoc-hello-cache-'));
  writeFileSync(join(dir, 'byoc-check'), 'a file where the folder should be');
  const run = cli(args, { env: { XDG_CACHE_HOME: dir } });
  expect([run.stdout, run.status, run.stderr]).toEqual([uncached.stdout, 0, '']);
});

test('the cache file is bounded: the 512 most recent settings are kept', () => {
  const dir = mkdtempSync(join(tmpdir(), 'byoc-hello-cache-'));
  const saved = process.env.XDG_CACHE_HOME;
  process.env.XDG_CACHE_HOME = dir;
  try {
    for (let i = 0; i < 600; i++) rememberHello({ ciphers: `AES256-SHA:${i}` }, { suites: [0x0035], groups: [] });
    saveHelloCache();
    const written = JSON.parse(readFileSync(helloCacheFile()!, 'utf8')) as { entries: Array<[string, unknown]> };
    expect(written.entries).toHaveLength(512);
    expect(written.entries.at(-1)![0]).toBe(key('AES256-SHA:599', null));
    expect(written.entries[0]![0]).toBe(key('AES256-SHA:88', null));
  } finally {
    if (saved === undefined) delete process.env.XDG_CACHE_HOME;
    else process.env.XDG_CACHE_HOME = saved;
  }
});

test('no cache location without XDG_CACHE_HOME or an absolute HOME, and none when switched off', () => {
  expect(helloCacheFile({ XDG_CACHE_HOME: 'relative', HOME: '/home/sbc' })).toBe('/home/sbc/.cache/byoc-check/tls-hello.json');
  expect(helloCacheFile({ XDG_CACHE_HOME: '/var/cache/u1' })).toBe('/var/cache/u1/byoc-check/tls-hello.json');
  expect(helloCacheFile({ XDG_CACHE_HOME: '/var/cache/u1', BYOC_CHECK_TLS_CACHE: 'off' })).toBeUndefined();
});
