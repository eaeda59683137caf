/**
 * Installation as users and pre-commit do it: `npm pack` in a clean copy of the sources (which runs
 * the `prepare` build), then `npm install -g` of the tarball into a fresh prefix, then the installed
 * command run from another folder. Proves that `files` in package.json misses no built file and that
 * `npm pack` prints nothing but the tarball name (pre-commit opens whatever it prints).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { writeFiles } from './helpers/pki.js';
import { assertValidReport, ROOT } from './helpers/run.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
const SKIP = new Set(['node_modules', 'dist', '.git', 'coverage', '.byoc-cache']);

/** npm's own variables (set when the suite runs under `npm test`) would point npm at this checkout. */
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

let work: string;
let source: string;
let prefix: string;
let packStdout: string;
let bin: string;

beforeAll(() => {
  work = writeFiles({}).dir;
  source = join(work, 'source');
  prefix = join(work, 'prefix');
  cpSync(ROOT, source, { recursive: true, filter: (src) => !SKIP.has(relative(ROOT, src).split('/')[0]!) && !src.endsWith('.tgz') });
  symlinkSync(realpathSync(join(ROOT, 'node_modules')), join(source, 'node_modules'));
  const pack = spawnSync('npm', ['pack'], { cwd: source, env, encoding: 'utf8', timeout: 180_000 });
  if (pack.status !== 0) throw new Error(`npm pack failed: ${pack.stderr}`);
  packStdout = pack.stdout;
  const install = spawnSync(
    'npm',
    ['install', '-g', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', join(source, `${pkg.name}-${pkg.version}.tgz`)],
    { cwd: work, env, encoding: 'utf8', timeout: 300_000 },
  );
  if (install.status !== 0) throw new Error(`npm install -g failed: ${install.stderr}`);
  bin = join(prefix, 'bin', 'byoc-check');
}, 420_000);

test('npm pack prints exactly the tarball name on stdout', () => {
  expect(packStdout).toBe(`${pkg.name}-${pkg.version}.tgz\n`);
});

test('the installed package holds every built file', () => {
  const installed = join(prefix, 'lib', 'node_modules', pkg.name);
  expect(files(join(installed, 'dist'))).toEqual(files(join(source, 'dist')));
  expect(files(join(installed, 'schema'))).toEqual(files(join(ROOT, 'schema')));
});

test('the installed command runs from another folder: --version, a real check, every format, lazy parts', () => {
  const run = (args: string[], cwd: string) =>
    spawnSync(bin, args, { cwd, env: { ...env, NO_COLOR: '1' }, encoding: 'utf8', timeout: 30_000 });
  const elsewhere = join(work, 'elsewhere');
  mkdirSync(elsewhere);
  cpSync(join(ROOT, 'examples', 'good', 'chain.pem'), join(elsewhere, 'chain.pem'));
  cpSync(join(ROOT, 'examples', 'lab-root.pem'), join(elsewhere, 'lab-root.pem'));

  const version = run(['--version'], elsewhere);
  expect(version.status).toBe(0);
  expect(version.stdout).toBe(`${pkg.version}\n`);

  const at = ['--at', '2027-01-01T00:00:00Z', '--offline'];
  const check = run(['chain.pem', '--ca', 'lab-root.pem', '--sbc', 'sbc1.example.com', ...at, '--format', 'json'], elsewhere);
  expect(check.stderr).toBe('');
  expect(check.status).toBe(0);
  expect(assertValidReport(JSON.parse(check.stdout)).ok).toBe(true);

  for (const format of ['text', 'sarif', 'junit', 'markdown']) {
    const r = run(['chain.pem', '--ca', 'lab-root.pem', ...at, '--format', format], elsewhere);
    expect([r.status, r.stderr]).toEqual([0, '']);
  }
  // Lazily loaded chunks: --help (yargs), --ciphers (TLS facts), PKCS#7 input.
  expect(run(['--help'], elsewhere).stdout).toContain('--format');
  const tls = run(['chain.pem', '--ca', 'lab-root.pem', ...at, '--ciphers', 'ECDHE-RSA-AES256-GCM-SHA384', '--format', 'json'], elsewhere);
  expect(
    assertValidReport(JSON.parse(tls.stdout))
      .results.filter((r) => r.rule === 'tls-ciphers')
      .map((r) => r.status),
  ).not.toContain('skip');
  writeFileSync(
    join(elsewhere, 'chain.p7b'),
    execFileSync('openssl', ['crl2pkcs7', '-nocrl', '-certfile', 'chain.pem', '-outform', 'DER'], { cwd: elsewhere }),
  );
  const p7 = run(['chain.p7b', '--ca', 'lab-root.pem', ...at, '--format', 'json'], elsewhere);
  expect(assertValidReport(JSON.parse(p7.stdout)).input.format).toBe('pkcs7');
});
