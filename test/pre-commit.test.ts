/**
 * The hook as users get it: the real pre-commit client (Debian's `pre-commit`) installs a clone of
 * this repository at HEAD (`repo:` a path, `rev:` the commit; uncommitted changes are not in it) as a
 * node hook, the way it installs any node hook (npm install, npm pack, npm install -g of the
 * tarball), and runs it on commits to a throwaway repository of ten Kamailio SBCs. A commit that
 * breaks a trunk is refused with the report; a good commit and a commit of unrelated files pass.
 *
 * The lab chain is not on the BYOC accepted-CA list, so the configuration repository gives its root
 * to the hook through `args:` (`--ca certs/lab-root.pem`), as a BYOC Premises or lab set-up would.
 * Certificates are valid around the real clock: a hook checks at the time of the commit.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { webcrypto } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { issue, type Issued } from './helpers/pki.js';
import { ROOT } from './helpers/run.js';
import { describeWith, has } from './helpers/tools.js';

const client = has('pre-commit') ? spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).stdout.trim() : '';

const HOOK_LINE = /^byoc-check \(Genesys Cloud BYOC TLS trunk\)\.+/m;
const SBCS = Array.from({ length: 10 }, (_, i) => `sbc${String(i + 1).padStart(2, '0')}`);
const DAY = 86_400_000;
const around = (days: number) => new Date(Date.now() + days * DAY);

let work: string;
let repo: string;
let env: NodeJS.ProcessEnv;
let installSeconds: number;
let pki: { root: Issued; intermediate: Issued; leaves: Map<string, Issued>; ecdsa: Issued; keyPem: string };

/** Only what a developer's shell would have: no npm_* from `npm test`, no GIT_* from an outer hook. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const kept = Object.entries(process.env).filter(([k]) => !/^(npm_|GIT_|NODE_OPTIONS$|PRE_COMMIT)/i.test(k));
  return { ...Object.fromEntries(kept), NO_COLOR: '1', ...extra };
}

function run(cmd: string, args: string[], timeout = 120_000): SpawnSyncReturns<string> & { output: string; ms: number } {
  const started = performance.now();
  const r = spawnSync(cmd, args, { cwd: repo, env, encoding: 'utf8', timeout, stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.error) throw r.error;
  return Object.assign(r, { output: `${r.stdout}${r.stderr}`, ms: performance.now() - started });
}

function git(...args: string[]) {
  const r = run('git', args);
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.output}`);
  return r.stdout.trim();
}

const commit = (message: string) => run('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '-m', message]);

function write(files: Record<string, string | Buffer>) {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(repo, path)), { recursive: true });
    writeFileSync(join(repo, path), content);
  }
}

/** Drops a refused change so the next case starts from the last good commit. */
function discard() {
  git('reset', '-q', '--hard', 'HEAD');
  git('clean', '-q', '-fd');
}

function kamailioCfg(sbc: string): string {
  return `#!KAMAILIO
# ${sbc}: SIP trunk to Genesys Cloud BYOC Cloud over TLS
#!define WITH_TLS
listen=udp:10.0.0.10:5060
listen=tls:10.0.0.10:5061 advertise ${sbc}.example.com:5061
enable_tls=yes
loadmodule "sl.so"
loadmodule "tls.so"
modparam("tls", "config", "/etc/kamailio/tls.cfg")
request_route {
	sl_send_reply("200", "OK");
}
`;
}

const tlsCfg = (ciphers: string) => `# TLS domains (Kamailio tls module)
[server:default]
method = TLSv1.2+
cipher_list = ${ciphers}
certificate = /etc/kamailio/certs/sbc.pem
private_key = /etc/kamailio/certs/sbc.key

[client:default]
method = TLSv1.2+
verify_certificate = yes
require_certificate = yes
cipher_list = ${ciphers}
`;
const GOOD_CIPHERS = 'ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256';

function profile(): string {
  return `# Genesys Cloud BYOC Cloud trunks (byoc-check scan)
trunks:
${SBCS.map(
  (sbc) => `  - name: ${sbc}
    config: ${sbc}/kamailio.cfg
    region: use1
    sbc: [${sbc}.example.com]
    uris: ["sip:+13175550100;tgrp=${sbc};trunk-context=byoc.example.com@lb01.voice.use1.pure.cloud:5061;transport=tls"]
`,
).join('')}`;
}

async function makePki() {
  const root = await issue({
    subject: 'CN=Config Lab Root CA,O=Config Lab,C=US',
    ca: true,
    keySlot: 1,
    notBefore: around(-3000),
    notAfter: around(3000),
  });
  const intermediate = await issue({
    subject: 'CN=Config Lab Issuing CA,O=Config Lab,C=US',
    issuer: root,
    ca: true,
    pathLength: 0,
    keySlot: 2,
    notBefore: around(-1000),
    notAfter: around(1500),
  });
  const leaves = new Map<string, Issued>();
  for (const sbc of SBCS)
    leaves.set(
      sbc,
      await issue({
        subject: `CN=${sbc}.example.com,O=Carrier,C=US`,
        issuer: intermediate,
        keySlot: 3,
        dns: [`${sbc}.example.com`],
        notBefore: around(-30),
        notAfter: around(365),
      }),
    );
  const ecdsa = await issue({
    subject: 'CN=sbc01.example.com,O=Carrier,C=US',
    issuer: intermediate,
    key: 'p256',
    keySlot: 20,
    dns: ['sbc01.example.com'],
    notBefore: around(-30),
    notAfter: around(365),
  });
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', leaves.get('sbc02')!.keys.privateKey))
    .toString('base64')
    .replace(/(.{64})/g, '$1\n');
  return { root, intermediate, leaves, ecdsa, keyPem: `-----BEGIN PRIVATE KEY-----\n${pkcs8}\n-----END PRIVATE KEY-----\n` };
}

describeWith('pre-commit', `pre-commit hook through the real client${client ? ` (${client})` : ''}`, () => {
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'byoc-pre-commit-'));
    repo = join(work, 'configs');
    mkdirSync(repo);
    // The configuration repository ignores global git settings (core.hooksPath makes `pre-commit install` refuse).
    writeFileSync(join(work, 'gitconfig'), '');
    env = cleanEnv({
      PRE_COMMIT_HOME: join(work, 'pre-commit-home'),
      GIT_CONFIG_GLOBAL: join(work, 'gitconfig'),
      GIT_CONFIG_NOSYSTEM: '1',
    });

    // The clone reads the developer's own git settings (safe.directory for a checkout another user owns).
    const hook = join(work, 'byoc-check');
    const clone = spawnSync('git', ['clone', '--quiet', ROOT, hook], { env: cleanEnv({}), encoding: 'utf8' });
    if (clone.status !== 0) throw new Error(`git clone of ${ROOT}: ${clone.stderr}`);
    const rev = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: hook, env, encoding: 'utf8' }).stdout.trim();

    pki = await makePki();
    git('init', '-q');
    write({
      '.pre-commit-config.yaml': `repos:
  - repo: ${hook}
    rev: ${rev}
    hooks:
      - id: byoc-check
        # The lab root replaces the BYOC accepted-CA list; the hook stays offline.
        args: [--offline, --ca, certs/lab-root.pem]
`,
      'README.md': '# SBC configurations\n',
      'certs/lab-root.pem': pki.root.pem,
      'byoc-check.yaml': profile(),
    });
    for (const sbc of SBCS) {
      write({
        [`${sbc}/kamailio.cfg`]: kamailioCfg(sbc),
        [`${sbc}/tls.cfg`]: tlsCfg(GOOD_CIPHERS),
        [`${sbc}/certs/sbc.pem`]: pki.leaves.get(sbc)!.pem + pki.intermediate.pem,
      });
    }
    const install = run('pre-commit', ['install'], 60_000);
    if (install.status !== 0) throw new Error(`pre-commit install: ${install.output}`);
    // The first run builds the hook's environment: npm install, npm pack, npm install -g.
    const hooks = run('pre-commit', ['install-hooks'], 280_000);
    if (hooks.status !== 0) throw new Error(`pre-commit install-hooks: ${hooks.output}`);
    installSeconds = hooks.ms / 1000;
  }, 300_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test('a good commit of ten Kamailio trunks passes', () => {
    git('add', '.');
    const r = commit('ten SBCs');
    expect(r.output).toMatch(new RegExp(`${HOOK_LINE.source}Passed$`, 'm'));
    expect(r.status).toBe(0);
    expect(git('log', '--format=%s')).toBe('ten SBCs');
  });

  test('an ECDSA certificate is refused, naming leaf-key and the file', () => {
    write({ 'sbc01/certs/sbc.pem': pki.ecdsa.pem + pki.intermediate.pem });
    git('add', 'sbc01/certs/sbc.pem');
    const r = commit('ECDSA certificate');
    expect(r.status).toBe(1);
    expect(r.output).toMatch(new RegExp(`${HOOK_LINE.source}Failed$`, 'm'));
    expect(r.output).toContain('- hook id: byoc-check');
    expect(r.output).toMatch(/^✖ trunk sbc01 \(use1\)$/m);
    expect(r.output).toMatch(/✖ fail leaf-key sbc01\/certs\/sbc\.pem$/m);
    expect(r.output).toMatch(/^NOT READY: /m);
    // Only the trunk the change involves, and nothing a terminal would interpret.
    expect(r.output).not.toMatch(/trunk sbc0[2-9]|trunk sbc10/);
    expect(r.output).not.toMatch(/\x1b\[/);
    expect(git('log', '--format=%s')).toBe('ten SBCs');
    discard();
  });

  test('a cipher_list without BYOC suites is refused, naming tls-ciphers and tls.cfg:LINE', () => {
    write({ 'sbc04/tls.cfg': tlsCfg('ECDHE-RSA-CHACHA20-POLY1305:ECDHE-ECDSA-AES128-GCM-SHA256') });
    git('add', 'sbc04/tls.cfg');
    const r = commit('ChaCha20 only');
    expect(r.status).toBe(1);
    expect(r.output).toMatch(new RegExp(`${HOOK_LINE.source}Failed$`, 'm'));
    expect(r.output).toMatch(/✖ fail tls-ciphers sbc04\/tls\.cfg:4 cipher_list$/m);
    expect(r.output).toContain('none of which BYOC Cloud accepts');
    expect(r.output).toMatch(/fix: Use cipher_list = .*ECDHE-RSA-AES256-GCM-SHA384/);
    expect(r.output).not.toMatch(/trunk sbc0[1-35-9]|trunk sbc10/);
    expect(git('log', '--format=%s')).toBe('ten SBCs');
    discard();
  });

  test('a committed private key (PEM block in a chain file, PKCS#12) is refused with file:line, never the key', () => {
    const chain = pki.leaves.get('sbc02')!.pem + pki.intermediate.pem;
    const keyLine = chain.split('\n').length; // the line after the chain's last line
    write({ 'sbc02/certs/sbc.pem': chain + pki.keyPem });
    const p12 = pkcs12(pki.leaves.get('sbc02')!.pem, pki.keyPem);
    write({ 'sbc02/certs/sbc.p12': p12 });
    git('add', 'sbc02/certs');
    const r = commit('chain with its key, and the key store');
    expect(r.status).toBe(1);
    expect(r.output).toMatch(new RegExp(`${HOOK_LINE.source}Failed$`, 'm'));
    expect(r.output).toMatch(new RegExp(`✖ fail private-key sbc02/certs/sbc\\.pem:${keyLine}$`, 'm'));
    expect(r.output).toMatch(/✖ fail private-key sbc02\/certs\/sbc\.p12:1$/m);
    expect(r.output).toContain('Its content was not read or shown');
    for (const line of pki.keyPem.split('\n').filter((l) => l.length > 20 && !l.startsWith('-----'))) expect(r.output).not.toContain(line);
    expect(r.output).not.toContain('PRIVATE KEY-----');
    expect(r.output).not.toContain(p12.subarray(40, 56).toString('base64'));
    expect(git('log', '--format=%s')).toBe('ten SBCs');
    discard();
  });

  test('a commit touching only README.md does not run the check', () => {
    write({ 'README.md': '# SBC configurations\n\nTen Kamailio SBCs.\n' });
    git('add', 'README.md');
    const r = commit('docs');
    expect(r.output).toMatch(new RegExp(`${HOOK_LINE.source}\\(no files to check\\)Skipped$`, 'm'));
    expect(r.status).toBe(0);
    expect(git('log', '-1', '--format=%s')).toBe('docs');
  });

  test('warm run on ten trunks: `pre-commit run --all-files` well under the bound', () => {
    run('pre-commit', ['run', '--all-files']);
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const r = run('pre-commit', ['run', '--all-files']);
      expect([r.status, r.output]).toEqual([0, expect.stringMatching(new RegExp(`${HOOK_LINE.source}Passed$`, 'm'))]);
      times.push(r.ms);
    }
    const median = times.sort((a, b) => a - b)[2]!;
    const oneFile = run('pre-commit', ['run', '--files', 'sbc07/tls.cfg']);
    expect(oneFile.status).toBe(0);
    // pre-commit's own share: a run whose only file the hook does not select.
    const clientOnly = run('pre-commit', ['run', '--files', 'README.md']);
    console.log(
      `pre-commit: first install of the hook ${installSeconds.toFixed(1)} s; warm \`pre-commit run --all-files\` on 10 trunks: median ${median.toFixed(0)} ms ` +
        `(runs ${times.map((t) => t.toFixed(0)).join(', ')} ms); one changed tls.cfg: ${oneFile.ms.toFixed(0)} ms; pre-commit alone (hook skipped): ${clientOnly.ms.toFixed(0)} ms`,
    );
    // Goal: under 1 s, reported here and by `npm run bench`; no bound, which a loaded machine could miss.
  }, 60_000);
});

/** A PKCS#12 key store made by openssl, as an SBC vendor's export would be. */
function pkcs12(certPem: string, keyPem: string): Buffer {
  const dir = mkdtempSync(join(work, 'p12-'));
  writeFileSync(join(dir, 'cert.pem'), certPem);
  writeFileSync(join(dir, 'key.pem'), keyPem);
  const r = spawnSync(
    'openssl',
    [
      'pkcs12',
      '-export',
      '-in',
      join(dir, 'cert.pem'),
      '-inkey',
      join(dir, 'key.pem'),
      '-passout',
      'pass:lab',
      '-out',
      join(dir, 'store.p12'),
    ],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`openssl pkcs12: ${r.stderr}`);
  const bytes = readFileSync(join(dir, 'store.p12'));
  rmSync(dir, { recursive: true, force: true });
  return bytes;
}
