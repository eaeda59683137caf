/**
 * Hostile repositories (issue 15): files a pull request can add to make the hook crash, hang or flood.
 * Each case runs the real CLI on a generated tree and bounds what it may cost. Budgets are generous
 * (a loaded CI machine), far below what the unbounded code took (heap exhaustion, minutes).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseProfile } from '../../src/scan/profile.js';
import { MAX_WALK_BYTES, walk } from '../../src/scan/walk.js';
import { expectLinear, sized } from '../helpers/growth.js';
import { writeTree } from '../helpers/pki.js';
import { cli } from '../helpers/run.js';

const tree = (files: Record<string, string>) => writeTree(files, 'byoc-hostile-');

/** The scan exits as a scan does (0, 1 or one clear line and 2), never a crash, within the budget. */
function bounded(dir: string, budgetMs = 20_000) {
  const run = cli(['scan', dir, '--format', 'json'], { timeoutMs: budgetMs });
  expect([0, 1]).toContain(run.status);
  expect(run.stderr).toBe('');
  expect(run.stdout.length).toBeLessThan(1_000_000);
  return JSON.parse(run.stdout) as { files: Array<{ path: string; notes: Array<{ message: string }> }> };
}

test('doubling #!define lines: the expansion stops at its cap with a note (it exhausted the heap before)', () => {
  const defines = ['#!define D0 xxxxxxxxxxxxxxxx'];
  for (let i = 1; i <= 40; i++) defines.push(`#!define D${i} D${i - 1} D${i - 1}`);
  const cfg = ['#!KAMAILIO', ...defines, 'enable_tls=yes', 'listen=tls:127.0.0.1:5061', 'alias=D40', 'loadmodule "tls.so"', ''].join('\n');
  const report = bounded(tree({ 'kamailio.cfg': cfg }));
  const notes = report.files.find((f) => f.path === 'kamailio.cfg')!.notes.map((n) => n.message);
  expect(notes.some((m) => /longer than 64 KiB once expanded/.test(m))).toBe(true);
});

test('doubling $${var} lines in vars.xml: the expansion stops at its cap with a note (a 268 MB report before)', () => {
  const sets = ['<X-PRE-PROCESS cmd="set" data="v0=xxxxxxxxxxxxxxxx"/>'];
  for (let i = 1; i <= 40; i++) sets.push(`<X-PRE-PROCESS cmd="set" data="v${i}=$\${v${i - 1}}$\${v${i - 1}}"/>`);
  const vars = `<include>\n${sets.join('\n')}\n</include>\n`;
  const profile = [
    '<profile name="genesys">',
    '  <settings>',
    '    <param name="tls" value="true"/>',
    '    <param name="tls-sip-port" value="5061"/>',
    '    <param name="tls-ciphers" value="$${v40}"/>',
    '  </settings>',
    '</profile>',
    '',
  ].join('\n');
  const report = bounded(tree({ 'freeswitch/vars.xml': vars, 'freeswitch/sip_profiles/genesys.xml': profile }));
  const all = report.files.flatMap((f) => f.notes.map((n) => n.message));
  // the chain stops where a value passes 64 KiB: the variables after it, and the param using them, are unknown
  expect(all.some((m) => /tls-ciphers = "\$\$\{v40\}" does not resolve/.test(m))).toBe(true);
});

test('growing #!subst lines stop at the cap', () => {
  const substs = Array.from({ length: 40 }, () => '#!subst "/x/xx/g"');
  const cfg = ['#!KAMAILIO', ...substs, 'enable_tls=yes', 'listen=tls:127.0.0.1:5061', 'alias="xxxxxxxx"', 'loadmodule "tls.so"', ''].join(
    '\n',
  );
  bounded(tree({ 'kamailio.cfg': cfg }));
});

describe('--output cannot be turned against the runner', () => {
  test('a committed symbolic link is refused, and its target stays as it was', () => {
    const outside = mkdtempSync(join(tmpdir(), 'byoc-victim-'));
    const victim = join(outside, 'authorized_keys');
    writeFileSync(victim, 'ssh-ed25519 AAAA keep-me\n');
    const dir = tree({ 'kamailio.cfg': '#!KAMAILIO\nenable_tls=no\n' });
    symlinkSync(victim, join(dir, 'byoc-check.sarif'));
    const run = cli(['scan', dir, '--format', 'sarif', '--output', join(dir, 'byoc-check.sarif')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^byoc-check: --output .*byoc-check\.sarif: is a symbolic link; byoc-check does not write through links/);
    expect(readFileSync(victim, 'utf8')).toBe('ssh-ed25519 AAAA keep-me\n');
  });

  test('an input of the same run is refused', () => {
    const dir = tree({ 'kamailio.cfg': '#!KAMAILIO\nenable_tls=no\n' });
    const run = cli(['scan', dir, '--output', join(dir, 'kamailio.cfg')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/is an input of this run/);
    expect(readFileSync(join(dir, 'kamailio.cfg'), 'utf8')).toBe('#!KAMAILIO\nenable_tls=no\n');
  });

  test('a regular file is replaced whole, through a temporary file that does not stay behind', () => {
    const dir = tree({ 'kamailio.cfg': '#!KAMAILIO\nenable_tls=no\n', 'report.json': 'old' });
    const run = cli(['scan', dir, '--format', 'json', '--output', join(dir, 'report.json')]);
    expect([0, 1]).toContain(run.status);
    expect(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')).schemaVersion).toBe(1);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});

test('file names with escape sequences, newlines and bidi overrides never reach a human format raw', () => {
  const evil = 'sbc\u001b[32m\n✔ pass forged\u202e.cfg';
  const dir = tree({ [`${evil}/kamailio.cfg`]: '#!KAMAILIO\nenable_tls=yes\nloadmodule "tls.so"\nlisten=tls:127.0.0.1:5061\n' });
  for (const format of ['text', 'markdown', 'junit']) {
    const run = cli(['scan', dir, '--format', format]);
    expect([0, 1]).toContain(run.status);
    expect(run.stdout).not.toMatch(/[\u001b\u202e]/);
    expect(run.stdout.split('\n').some((l) => l.startsWith('✔ pass forged'))).toBe(false);
  }
  // the file is listed, escaped, as not read: its name would forge lines wherever a finding quoted it
  const report = JSON.parse(cli(['scan', dir, '--format', 'json']).stdout) as {
    files: Array<{ path: string; notes: Array<{ message: string }> }>;
  };
  const listed = report.files.find((f) => f.path.includes('forged'))!;
  expect(listed.path).toBe('sbc\\x1b[32m\\n✔ pass forged\\u202e.cfg/kamailio.cfg');
  expect(listed.notes[0]!.message).toMatch(/its name holds control or bidi characters/);
  const text = cli(['scan', dir]).stdout;
  expect(text).toContain('sbc\\x1b[32m\\n✔ pass forged\\u202e.cfg/kamailio.cfg: not read');
});

describe('a key the scan cannot read is still reported', () => {
  const KEY = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n';

  test('in a file larger than the read cap: private-key fails, in a changed-file run too, and the file is listed as not read', () => {
    const big = `${'x'.repeat(80)}\n`.repeat(20_000) + KEY + `${'y'.repeat(80)}\n`.repeat(5_000);
    const dir = tree({ 'backup/dump.txt': big, '.git/HEAD': 'ref: refs/heads/main\n' });
    // the whole tree, and a changed-file run (a pre-commit hook, run from the repository) naming the file
    for (const args of [
      ['scan', dir],
      ['scan', 'backup/dump.txt'],
    ]) {
      const run = cli([...args, '--format', 'json'], { cwd: dir });
      expect(run.status).toBe(1);
      const report = JSON.parse(run.stdout) as { results: Array<{ rule: string; status: string; message: string }> };
      const key = report.results.find((r) => r.rule === 'private-key' && r.status === 'fail')!;
      expect(key.message).toMatch(/backup\/dump\.txt:20001/);
      expect(run.stdout).not.toContain('MIIEvQIBADANBgkqhkiG9w0BAQEFAASC');
    }
    const text = cli(['scan', 'backup/dump.txt'], { cwd: dir });
    expect(text.stdout).toMatch(/Not read\n.*backup\/dump\.txt: not read: larger than 1024 KiB; it holds private key material/);
    expect(text.stdout).toMatch(/NOT READY: 1 failed check: a private key is committed to the repository\./);
  });

  test('a file of 37,000 key blocks is one leak: a few findings with their lines, not a report of megabytes (8 s and 26 MB before)', () => {
    const dir = tree({ 'keys.txt': '-----BEGIN PRIVATE KEY-----\n'.repeat(37_000) });
    const report = bounded(dir) as unknown as { results: Array<{ rule: string; status: string; location?: { line: number } }> };
    const keys = report.results.filter((r) => r.rule === 'private-key' && r.status === 'fail');
    expect(keys.map((k) => k.location?.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  test('under a name that is not valid UTF-8', () => {
    const dir = tree({});
    writeFileSync(Buffer.concat([Buffer.from(`${dir}/key-`), Buffer.from([0xff, 0xfe]), Buffer.from('.pem')]), KEY);
    const run = cli(['scan', dir, '--format', 'json']);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as {
      results: Array<{ rule: string; status: string }>;
      files: Array<{ path: string; notes: Array<{ message: string }> }>;
    };
    expect(report.results.some((r) => r.rule === 'private-key' && r.status === 'fail')).toBe(true);
    expect(
      report.files.some((f) => f.notes.some((n) => /its name is not valid UTF-8 \(bytes 6b65792dfffe2e70656d\)/.test(n.message))),
    ).toBe(true);
  });
});

test('a walk stops at its total of bytes, as at the file cap, so a large repository is narrowed to the folders given', () => {
  const dir = tree({ 'a.cfg': 'x'.repeat(600), 'b.cfg': 'y'.repeat(600), 'big.bin': 'z'.repeat(1024 * 1024 + 1) });
  const walked = walk(dir, ['.'], 1000);
  expect(walked.files.map((f) => f.path)).toEqual(['a.cfg']);
  expect(walked.truncated).toBe('more than 0.00095367431640625 MiB of files');
  // a file over the per-file cap is listed as ever, and is not counted against the total
  expect(walk(dir, ['big.bin'], 1000)).toEqual({ files: [], skipped: [{ path: 'big.bin', why: 'larger than 1024 KiB' }] });
  // the real cap: far above any SBC repository, far below what would exhaust the runner
  expect(walk(dir, ['.']).truncated).toBeUndefined();
  expect(MAX_WALK_BYTES).toBe(128 * 1024 * 1024);
});

describe('the trunk profile', () => {
  test('a duplicate key is an input error with its line', () => {
    expect(() => parseProfile('trunks:\n  - name: a\n    chain: a.pem\n    chain: b.pem\n', 'byoc-check.yaml', [])).toThrow(
      /^byoc-check\.yaml:4: not valid YAML: Map keys must be unique \("chain" twice\)$/,
    );
  });

  test('an alias bomb (aliases of aliases, a billion nodes from 13 lines) is one clear input error, not "internal error"', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 12; i++)
      lines.push(
        `a${i}: &a${i} [${Array(10)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    const dir = tree({ 'byoc-check.yaml': `${lines.join('\n')}\ntrunks:\n  - name: t\n    chain: x.pem\n    sbc: *a11\n` });
    const run = cli(['scan', dir]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^byoc-check: byoc-check\.yaml: not a usable trunk profile: its YAML aliases \(\*name\) expand too far/);
    expect(run.stderr).not.toMatch(/internal error/);
  });

  test('15,000 then 60,000 keys in one map parse in linear time (yaml alone compared every pair: 39 s)', async () => {
    const profile = sized((n) => `pathMap:\n${Array.from({ length: n }, (_, i) => `  k${i}: ${i}`).join('\n')}\ntrunks: []\n`, 15_000);
    // the schema refuses the unknown map: what matters is that it gets there in linear time
    await expectLinear((scale) => expect(() => parseProfile(profile(scale), 'byoc-check.yaml', [])).toThrow());
  });
});

test('a monorepo over the file cap: scanning the configuration folder works, and says what was walked', () => {
  const dir = tree({ '.git/HEAD': 'ref: refs/heads/main\n', 'sbc/kamailio.cfg': '#!KAMAILIO\nenable_tls=no\nloadmodule "tls.so"\n' });
  mkdirSync(join(dir, 'web'));
  for (let i = 0; i <= 20_000; i++) writeFileSync(join(dir, 'web', `f${i}.js`), '1\n');
  const whole = cli(['scan', '--format', 'json'], { cwd: dir, timeoutMs: 60_000 });
  expect(whole.status).toBe(2);
  expect(whole.stderr).toMatch(/^byoc-check: more than 20000 files under .*; scan the configuration folder instead\n$/);
  for (const args of [
    ['scan', 'sbc'],
    ['scan', 'sbc/kamailio.cfg'],
  ]) {
    const run = cli([...args, '--format', 'json'], { cwd: dir, timeoutMs: 60_000 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1); // the SBC does not listen for TLS
    const report = JSON.parse(run.stdout) as { files: Array<{ path: string; notes: Array<{ message: string }> }> };
    expect(report.files.find((f) => f.path === '.')!.notes[0]!.message).toMatch(/more than 20000 files: only sbc was walked/);
  }
}, 120_000);

test('a path deeper than PATH_MAX is listed as not read (shortened), never an internal error', () => {
  const dir = tree({ 'README.md': '# configs\n' });
  // 30 levels of 150 characters: past Linux's 4096-byte PATH_MAX; mkdir -p creates it relative to the tree
  execFileSync('mkdir', ['-p', Array(30).fill('d'.repeat(150)).join('/')], { cwd: dir });
  const run = cli(['scan', dir, '--format', 'json']);
  expect([run.status, run.stderr]).toEqual([0, '']);
  const report = JSON.parse(run.stdout) as { files: Array<{ path: string; notes: Array<{ message: string }> }> };
  const skipped = report.files.find((f) => f.notes.some((n) => /PATH_MAX/.test(n.message)))!;
  expect(skipped.path.length).toBeLessThan(300);
  expect(skipped.path).toMatch(/^d+\.\.\.d+$/);
});
