/**
 * `byoc-check scan` on generated repositories: trunks from the profile and from lone certificate
 * files, suppressions, a missing certificate file, committed keys, changed-file runs, bad profiles.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scan } from '../../src/scan/scan.js';
import type { Report } from '../../src/report/types.js';
import { decodePem } from '../helpers/context.js';
import { fixtures } from '../helpers/fixtures.js';
import { NOW, writeTree } from '../helpers/pki.js';
import { assertValidReport, cli } from '../helpers/run.js';

const URI = 'sip:+13175550100;tgrp=carrier1;trunk-context=byoc.example.com@lb01.voice.use1.pure.cloud:5061;transport=tls';

const repo = (files: Record<string, string>) => writeTree(files, 'byoc-scan-');

async function standardRepo(extra: Record<string, string> = {}, profile?: string) {
  const { files } = await fixtures();
  const read = (name: string) => readFileSync(files[name]!, 'utf8');
  return repo({
    'certs/sbc.pem': read('good.pem'),
    'certs/ecdsa.pem': read('ecdsa.pem'),
    'certs/lab-root.pem': read('root.pem'),
    'byoc-check.yaml':
      profile ??
      `trunks:
  - name: carrier1
    region: use1
    sbc: [sbc1.example.com:5061]
    uris: ["${URI}"]
    chain: certs/sbc.pem
    tls:
      ciphers: "ECDHE-RSA-AES256-GCM-SHA384:AES256-GCM-SHA384"
      curves: "secp384r1:X25519"
      tlsMin: "1.0"
    suppress:
      - rule: tls-version
        reason: TLS 1.0 stays on until the last legacy PBX is gone (ticket 4711)
  - name: carrier2
    sbc: [sbc2.example.com]
    chain: /etc/sbc/missing.pem
`,
    ...extra,
  });
}

async function run(dir: string, paths: string[] = []): Promise<Report> {
  const { files } = await fixtures();
  const { report } = await scan({
    cwd: dir,
    paths,
    at: NOW,
    caCertificates: decodePem(readFileSync(files['root.pem']!, 'utf8')),
    caName: 'lab-root.pem',
    version: 'test',
  });
  return assertValidReport(JSON.parse(JSON.stringify(report)));
}

const of = (report: Report, trunk: string, rule: string) => report.results.filter((r) => r.trunk === trunk && r.rule === rule);

test('profile trunks and lone certificate files become trunks; CA-only files are noted, not checked', async () => {
  const report = await run(await standardRepo());
  expect(report.trunks!.map((t) => t.name)).toEqual(['carrier1', 'carrier2', 'certs/ecdsa.pem']);
  expect(report.files!.find((f) => f.path === 'certs/lab-root.pem')!.notes[0]!.message).toMatch(/CA certificate only: a CA list/);
  expect(of(report, 'carrier1', 'chain-complete')[0]!.status).toBe('pass');
  expect(of(report, 'carrier1', 'subject-name')[0]!.status).toBe('pass');
  expect(of(report, 'certs/ecdsa.pem', 'leaf-key')[0]).toMatchObject({ status: 'fail', location: { file: 'certs/ecdsa.pem' } });
  expect(report.trunks!.find((t) => t.name === 'certs/ecdsa.pem')!.notChecked).toMatch(/add `sbc:`, `uris:`, `region:`/);
});

test('values from the profile carry its file:line and key; suppressed results keep their status and reason', async () => {
  const report = await run(await standardRepo());
  const version = of(report, 'carrier1', 'tls-version');
  expect(version.map((r) => [r.status, r.location?.key, r.suppressed?.reason])).toEqual([
    ['warn', 'tls.tlsMin', 'TLS 1.0 stays on until the last legacy PBX is gone (ticket 4711)'],
    ['warn', 'tls.tlsMin', 'TLS 1.0 stays on until the last legacy PBX is gone (ticket 4711)'],
  ]);
  expect(version[0]!.location).toEqual({ file: 'byoc-check.yaml', line: 10, key: 'tls.tlsMin' });
  expect(report.summary.suppressed).toBe(2);
  const server = report.endpoints!.find((e) => e.id === version[0]!.target)!;
  expect(server.ciphers).toEqual({
    value: 'ECDHE-RSA-AES256-GCM-SHA384:AES256-GCM-SHA384',
    from: { kind: 'file', file: 'byoc-check.yaml', line: 8, key: 'tls.ciphers' },
  });
});

test('a certificate file that is not in the repository: chain rules skip with the paths tried, never a crash', async () => {
  const report = await run(await standardRepo());
  const skipped = of(report, 'carrier2', 'chain-complete')[0]!;
  expect(skipped.status).toBe('skip');
  expect(skipped.message).toMatch(
    /\/etc\/sbc\/missing.pem is not in the repository \(tried etc\/sbc\/missing.pem, sbc\/missing.pem, missing.pem\); map deployment paths with --path-map/,
  );
});

test('a committed private key fails, naming file and line, never its content', async () => {
  const { privateKeyPem } = await fixtures();
  const dir = await standardRepo({ 'certs/sbc.key': `# SBC key\n${privateKeyPem}` });
  const report = await run(dir);
  const keys = report.results.filter((r) => r.rule === 'private-key' && r.status === 'fail');
  expect(keys.map((r) => [r.trunk, r.location])).toEqual([['(repository)', { file: 'certs/sbc.key', line: 2 }]]);
  const body = privateKeyPem.split('\n')[1]!;
  expect(JSON.stringify(report)).not.toContain(body);
});

test('a changed-file run checks only the trunks that involve the changed files', async () => {
  const dir = await standardRepo({ 'README.md': '# configs\n' });
  expect((await run(dir, ['certs/ecdsa.pem'])).trunks!.map((t) => t.name)).toEqual(['certs/ecdsa.pem']);
  expect((await run(dir, ['certs/sbc.pem'])).trunks!.map((t) => t.name)).toEqual(['carrier1']);
  expect((await run(dir, ['byoc-check.yaml'])).trunks!.map((t) => t.name)).toEqual(['carrier1', 'carrier2']);
  const nothing = await run(dir, ['README.md']);
  expect([nothing.trunks, nothing.ok, nothing.scan!.changedFileRun]).toEqual([[], true, true]);
});

test("a changed-file run lists the files it judged, not the other trunks' files and their notes", async () => {
  const dir = await standardRepo({
    'other/kamailio.cfg':
      'enable_tls=yes\nlisten=tls:10.0.0.9:5061\nloadmodule "tls.so"\nmodparam("tls", "config", "/etc/kamailio/tls.cfg")\n',
  });
  const paths = (r: Report) => r.files!.map((f) => f.path);
  const whole = await run(dir);
  expect(paths(whole)).toContain('other/kamailio.cfg');
  expect(whole.files!.find((f) => f.path === 'other/kamailio.cfg')!.notes.length).toBeGreaterThan(0);
  const changed = await run(dir, ['certs/sbc.pem']);
  expect(paths(changed)).toContain('certs/sbc.pem');
  expect(paths(changed)).not.toContain('other/kamailio.cfg');
  expect((await run(dir, ['other/kamailio.cfg'])).files!.map((f) => f.path)).toContain('other/kamailio.cfg');
});

describe('through the CLI', () => {
  test('exit 1 on a failure, 0 when only suppressed findings remain, 2 for a bad profile with file:line', async () => {
    const { files } = await fixtures();
    const dir = await standardRepo();
    const failing = cli(['scan', '--ca', files['root.pem']!, '--at', NOW.toISOString()], { cwd: dir });
    expect(failing.stderr).toBe('');
    expect(failing.status).toBe(1);
    expect(failing.stdout).toMatch(/trunk certs\/ecdsa.pem[\s\S]*fail leaf-key certs\/ecdsa.pem/);
    expect(
      cli(['scan', 'certs/sbc.pem', 'byoc-check.yaml', '--ca', files['root.pem']!, '--at', NOW.toISOString()], { cwd: dir }).status,
    ).toBe(0);

    writeFileSync(join(dir, 'byoc-check.yaml'), 'trunks:\n  - name: carrier1\n    chain: certs/sbc.pem\n    regoin: use1\n');
    const bad = cli(['scan'], { cwd: dir });
    expect([bad.status, bad.stdout]).toEqual([2, '']);
    expect(bad.stderr).toBe('byoc-check: byoc-check.yaml:4: trunks.0: unknown key "regoin" (schema/profile.schema.json)\n');
    writeFileSync(join(dir, 'byoc-check.yaml'), 'trunks:\n  - name: [unclosed\n');
    expect(cli(['scan'], { cwd: dir }).stderr).toMatch(/^byoc-check: byoc-check.yaml:\d+: not valid YAML: /);
    writeFileSync(
      join(dir, 'byoc-check.yaml'),
      'trunks:\n  - name: c1\n    chain: certs/sbc.pem\n    suppress:\n      - rule: tls-cipher\n        reason: a reason long enough\n',
    );
    expect(cli(['scan'], { cwd: dir }).stderr).toBe(
      'byoc-check: byoc-check.yaml:5: suppress: no rule "tls-cipher" (`byoc-check rules` lists them)\n',
    );
  });

  test('a profile over the file cap is an input error, never silently dropped', async () => {
    const { files } = await fixtures();
    const dir = await standardRepo();
    const failing = cli(['scan', '--ca', files['root.pem']!, '--at', NOW.toISOString()], { cwd: dir });
    expect(failing.status).toBe(1);
    const profile = readFileSync(join(dir, 'byoc-check.yaml'), 'utf8');
    // A profile may be larger than other files (an MSP's lists thousands of trunks): 1.5 MB is read.
    writeFileSync(join(dir, 'byoc-check.yaml'), `${profile}\n${'# padding\n'.repeat(150_000)}`);
    expect(cli(['scan', '--ca', files['root.pem']!, '--at', NOW.toISOString()], { cwd: dir }).status).toBe(1);
    // Padding the same profile past the cap once turned NOT READY into READY (its trunks and suppressions vanished).
    writeFileSync(join(dir, 'byoc-check.yaml'), `${profile}\n${'# padding\n'.repeat(220_000)}`);
    for (const args of [['scan'], ['scan', 'byoc-check.yaml'], ['scan', 'certs/sbc.pem']]) {
      const run = cli([...args, '--ca', files['root.pem']!, '--at', NOW.toISOString()], { cwd: dir });
      expect([run.status, run.stdout]).toEqual([2, '']);
      expect(run.stderr).toBe('byoc-check: byoc-check.yaml: cannot use the trunk profile: it is larger than 2048 KiB\n');
    }
  });

  test('--format json validates, a missing path is an input error', async () => {
    const dir = await standardRepo();
    const run = cli(['scan', '--format', 'json'], { cwd: dir });
    assertValidReport(JSON.parse(run.stdout));
    expect(cli(['scan', 'nope/'], { cwd: dir }).stderr).toMatch(/^byoc-check: nope: no such file or directory/);
  });
});

test('SARIF fingerprints do not churn when the repository gains a trunk ahead of the others', async () => {
  const { formatSarif } = await import('../../src/reporters/sarif.js');
  const fingerprints = (report: Report) =>
    JSON.parse(formatSarif(report, {}))
      .runs[0].results.map(
        (r: { ruleId: string; partialFingerprints: Record<string, string> }) => `${r.ruleId} ${Object.values(r.partialFingerprints)[0]}`,
      )
      .sort();
  const dir = await standardRepo();
  const before = fingerprints(await run(dir));
  const { files } = await fixtures();
  // A lone certificate file sorted first adds a trunk, certificates and results ahead of the others.
  writeFileSync(join(dir, 'certs/aaa.pem'), readFileSync(files['rsa1024.pem']!, 'utf8'));
  const after = fingerprints(await run(dir));
  expect(after.length).toBeGreaterThan(before.length);
  for (const f of before) expect(after).toContain(f);
});

test('from a subfolder, the repository root (byoc-check.yaml or .git) is found; paths outside it are refused', async () => {
  const { files } = await fixtures();
  const dir = await standardRepo();
  const sub = cli(['scan', 'sbc.pem', '--ca', files['root.pem']!, '--at', NOW.toISOString(), '--format', 'json'], {
    cwd: join(dir, 'certs'),
  });
  const report = assertValidReport(JSON.parse(sub.stdout));
  expect([report.scan!.paths, report.trunks!.map((t) => t.name)]).toEqual([['certs/sbc.pem'], ['carrier1']]);
  expect(cli(['scan', '/etc/hostname'], { cwd: dir }).stderr).toMatch(
    /^byoc-check: \/etc\/hostname is outside the repository being scanned/,
  );
});

test('a finding about one of several uris: points at that entry, and the text report underlines its host', async () => {
  const profile = `trunks:
  - name: carrier1
    region: use1
    sbc: [sbc1.example.com:5061]
    uris:
      - "${URI}"
      - "sip:+13175550100;tgrp=carrier1;trunk-context=byoc.example.com@lb01.voice.use1.purecloud.com:5061;transport=tls"
    chain: certs/sbc.pem
`;
  const dir = await standardRepo({}, profile);
  const report = await run(dir);
  const bad = of(report, 'carrier1', 'byoc-host').find((r) => r.status === 'fail')!;
  expect(bad.target).toBe('uri[1]');
  expect(bad.location).toEqual({ file: 'byoc-check.yaml', line: 7, key: 'uris' });
  const { files } = await fixtures();
  const text = cli(['scan', dir, '--ca', files['root.pem']!, '--at', NOW.toISOString()]);
  const lines = text.stdout.split('\n');
  const at = lines.findIndex((l) => l.includes('lb01.voice.use1.purecloud.com:5061;transport=tls') && !l.includes('is not'));
  expect(at).toBeGreaterThan(0);
  const caret = lines[at + 1]!;
  const host = 'lb01.voice.use1.purecloud.com';
  expect(caret.indexOf('^')).toBe(lines[at]!.indexOf(host));
  expect(caret.trim()).toBe('^'.repeat(host.length));
});

test('OpenSIPS with tls_mgm db_url: TLS settings from the database stay unchecked, so the verdict never says READY for them', async () => {
  const { files } = await fixtures();
  const cfg = [
    'socket=tls:10.0.0.10:5061',
    'loadmodule "tls_mgm.so"',
    'loadmodule "proto_tls.so"',
    'modparam("tls_mgm", "db_url", "mysql://opensips:secret@localhost/opensips")',
    'modparam("tls_mgm", "server_domain", "sbc")',
    'modparam("tls_mgm", "match_ip_address", "[sbc]*")',
    'modparam("tls_mgm", "certificate", "[sbc]certs/sbc.pem")',
    'modparam("tls_mgm", "tls_method", "[sbc]TLSv1_2-")',
    'route { exit; }',
    '',
  ].join('\n');
  const dir = repo({ 'opensips.cfg': cfg, 'certs/sbc.pem': readFileSync(files['good.pem']!, 'utf8') });
  const report = await run(dir);
  const tls = report.unchecked.find((u) => u.area === 'tls')!;
  expect(tls.reason).toMatch(/tls_mgm takes TLS domains from the database \(opensips.cfg:4 db_url\)/);
  expect(report.verdict).not.toMatch(/^READY:/);
  expect(report.verdict).toMatch(/Not checked: .*TLS settings \(tls_mgm takes TLS domains from the database\)/);
  // the credentials in db_url are never echoed
  expect(JSON.stringify(report)).not.toContain('secret');
});

test('a named file nothing reads says so, naming the product when it is one byoc-check does not read', () => {
  const dir = repo({
    'acme/sbc.txt': 'tls-profile\n        name                    genesys\n        end-entity-certificate  sbc\n',
    'ribbon/sbc.cli': 'set profiles security tlsProfile genesysTls\n',
    'notes.ini': '[x]\ny=1\n',
  });
  for (const [file, product] of [
    ['acme/sbc.txt', /^an Oracle \(Acme Packet\) SBC configuration, which byoc-check does not read/],
    ['ribbon/sbc.cli', /^a Ribbon SBC Core configuration, which byoc-check does not read/],
    ['notes.ini', /^named, but byoc-check recognises nothing in it/],
  ] as const) {
    const r = cli(['scan', file, '--format', 'json'], { cwd: dir });
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.files).toEqual([{ path: file, kind: 'skipped', notes: [{ level: 'warn', message: expect.stringMatching(product) }] }]);
    expect(cli(['scan', file], { cwd: dir }).stdout).toMatch(/Not read\n {2}! [^\n]*nothing in it was checked/);
  }
});
