/**
 * The Kamailio reader against a real Kamailio: for fixture tls.cfg files, start Kamailio on 127.0.0.1
 * and check that the TLS versions and BYOC suites the reader predicts are exactly what Kamailio
 * accepts, and that a tls.cfg the reader says Kamailio refuses does stop Kamailio at start-up.
 * Skipped only when the `kamailio` binary (Debian: kamailio + kamailio-tls-modules) is not installed.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { webcrypto } from 'node:crypto';
import { readFileSync, writeFileSync, mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect as tlsConnect, type ConnectionOptions } from 'node:tls';
import { kamailio } from '../../src/config/readers/kamailio.js';
import type { TlsEndpointSettings } from '../../src/model/endpoint.js';
import type { TlsVersion } from '../../src/model/tls.js';
import { byocSuites } from '../../rules/data/byoc-suites.js';
import { issue } from '../helpers/pki.js';
import { readConfig } from '../helpers/sbc.js';
import { ROOT } from '../helpers/run.js';
import { has, titled } from '../helpers/tools.js';
import { accepts, freePort, stop } from '../helpers/processes.js';

const which = spawnSync('sh', ['-c', 'command -v kamailio || ls /usr/sbin/kamailio'], { encoding: 'utf8' });
const KAMAILIO = which.status === 0 && has('kamailio') ? which.stdout.trim().split('\n')[0] : undefined;
const VERSION = KAMAILIO ? /kamailio (\d+)\.(\d+)\.(\d+)/.exec(spawnSync(KAMAILIO, ['-v'], { encoding: 'utf8' }).stdout ?? '') : null;
const AT_LEAST_57 = VERSION ? Number(VERSION[1]) > 5 || (Number(VERSION[1]) === 5 && Number(VERSION[2]) >= 7) : false;

const fixture = (name: string) => readFileSync(join(ROOT, 'test', 'fixtures', 'sbc', 'kamailio', 'live', name), 'utf8');

let pem = '';
let key = '';
const running: ChildProcess[] = [];
const dirs: string[] = [];

beforeAll(async () => {
  if (!KAMAILIO) return;
  const leaf = await issue({
    subject: 'CN=sbc.kamailio.test',
    ca: false,
    keySlot: 40,
    dns: ['sbc.kamailio.test'],
    eku: ['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.2'],
  });
  pem = leaf.pem;
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', leaf.keys.privateKey))
    .toString('base64')
    .replace(/(.{64})/g, '$1\n');
  key = `-----BEGIN PRIVATE KEY-----\n${pkcs8}\n-----END PRIVATE KEY-----\n`;
}, 30_000);

afterAll(async () => {
  for (const child of running) await stop(child);
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function kamailioCfg(ports: number[]): string {
  return [
    '#!KAMAILIO',
    'debug=2',
    'log_stderror=yes',
    'children=1',
    'tcp_children=1',
    'auto_aliases=no',
    'enable_tls=yes',
    ...ports.map((p) => `listen=tls:127.0.0.1:${p}`),
    'loadmodule "tls.so"',
    'loadmodule "sl.so"',
    'modparam("tls", "config", "tls.cfg")',
    'request_route { sl_send_reply("200", "OK"); exit; }',
    '',
  ].join('\n');
}

interface Started {
  child: ChildProcess;
  log: () => string;
  /** Resolves to 'up' when every port accepts, or 'exited' with the exit code. */
  ready: Promise<{ state: 'up' } | { state: 'exited'; code: number | null }>;
}

/** Starts Kamailio in the foreground (-DD -E) in a temporary folder; every wait is bounded. */
function start(files: Record<string, string>, ports: number[]): Started {
  const dir = mkdtempSync(join(tmpdir(), 'byoc-kamailio-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'run'));
  for (const [name, text] of Object.entries({ ...files, 'sbc.pem': pem, 'sbc.key': key })) writeFileSync(join(dir, name), text);
  const args = [
    '-f',
    join(dir, 'kamailio.cfg'),
    '-DD',
    '-E',
    '-m',
    '64',
    '-M',
    '8',
    '-n',
    '1',
    '-Y',
    join(dir, 'run'),
    '-P',
    join(dir, 'kamailio.pid'),
    '-w',
    dir,
  ];
  const child = spawn(KAMAILIO!, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  running.push(child);
  let log = '';
  child.stdout!.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  const exited = new Promise<{ state: 'exited'; code: number | null }>((resolve) =>
    child.once('exit', (code) => resolve({ state: 'exited', code })),
  );
  const up = (async () => {
    const deadline = Date.now() + 30_000;
    for (const port of ports) {
      for (;;) {
        if (child.exitCode !== null) return new Promise<never>(() => {});
        if (await accepts(port)) break;
        if (Date.now() > deadline) throw new Error(`Kamailio did not listen on 127.0.0.1:${port} within 30 s:\n${log}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    return { state: 'up' as const };
  })();
  return { child, log: () => log, ready: Promise.race([up, exited]) };
}

type Outcome = { ok: true; version: string; cipher: string } | { ok: false; code: string };

/** One handshake from Node's OpenSSL; SECLEVEL=0 so that the client itself does not refuse TLS 1.0/1.1. */
function handshake(port: number, options: ConnectionOptions): Promise<Outcome> {
  return new Promise((resolve) => {
    const socket = tlsConnect({ host: '127.0.0.1', port, rejectUnauthorized: false, ciphers: 'DEFAULT:@SECLEVEL=0', ...options });
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ ok: false, code: 'TIMEOUT' });
    }, 10_000);
    socket.once('secureConnect', () => {
      clearTimeout(timer);
      resolve({ ok: true, version: socket.getProtocol() ?? '', cipher: socket.getCipher().name });
      socket.end();
    });
    socket.once('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve({ ok: false, code: err.code ?? err.message });
      socket.destroy();
    });
  });
}

const NODE_VERSION: Record<TlsVersion, 'TLSv1' | 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3'> = {
  '1.0': 'TLSv1',
  '1.1': 'TLSv1.1',
  '1.2': 'TLSv1.2',
  '1.3': 'TLSv1.3',
};

/**
 * What Kamailio does per version, compared with the prediction. A version outside the method's
 * range gets the protocol_version alert (70). TLS 1.0/1.1 inside the range pass version negotiation,
 * then OpenSSL 3's default security level refuses SHA-1 signatures (alert 80): "not refused for
 * its version" is what the method decides.
 */
async function versionsAccepted(port: number): Promise<TlsVersion[]> {
  const accepted: TlsVersion[] = [];
  for (const v of ['1.0', '1.1', '1.2', '1.3'] as const) {
    const r = await handshake(port, { minVersion: NODE_VERSION[v], maxVersion: NODE_VERSION[v] });
    if (r.ok) {
      expect(r.version).toBe(NODE_VERSION[v]);
      accepted.push(v);
    } else if (r.code !== 'ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION') {
      // inside the method's range: only OpenSSL 3 refusing SHA-1 signatures for TLS 1.0/1.1 may end it
      expect(`${v} ${r.code}`).toMatch(/^1\.[01] ERR_SSL_TLSV1_ALERT_INTERNAL_ERROR$/);
      accepted.push(v);
    }
  }
  return accepted;
}

/** The BYOC suites Kamailio accepts over TLS 1.2, one handshake per suite. */
async function byocAccepted(port: number): Promise<string[]> {
  const out: string[] = [];
  for (const s of byocSuites) {
    const r = await handshake(port, { minVersion: 'TLSv1.2', maxVersion: 'TLSv1.2', ciphers: `${s.openssl}:@SECLEVEL=0` });
    if (r.ok) out.push(s.openssl);
  }
  return out;
}

/** The BYOC suites an OpenSSL cipher string enables over TLS 1.2, per `openssl ciphers` (OpenSSL's default list when unset). */
function byocPredicted(e: TlsEndpointSettings): string[] {
  const res = spawnSync('openssl', ['ciphers', '-tls1_2', e.ciphers?.value ?? 'DEFAULT'], { encoding: 'utf8' });
  const enabled = new Set(res.stdout.trim().split(':'));
  return byocSuites.map((s) => s.openssl).filter((n) => enabled.has(n));
}

/** The files as the reader sees the repository: start() writes sbc.pem and sbc.key beside the configuration. */
function withCertificates(files: Record<string, string>): Record<string, string> {
  return { 'sbc.pem': pem, 'sbc.key': 'key', ...files };
}

function serverAt(endpoints: TlsEndpointSettings[], port: number): TlsEndpointSettings {
  const e = endpoints.find((x) => x.role === 'server' && x.listen?.value.port === port);
  if (!e) throw new Error(`the reader gives no server endpoint on port ${port}`);
  return e;
}

const live = KAMAILIO ? describe : describe.skip;
const title = KAMAILIO ? `real Kamailio (${VERSION?.[0] ?? KAMAILIO}) on 127.0.0.1` : titled('real Kamailio', 'kamailio');

live(title, () => {
  test('method = TLSv1.2 with two ciphers: TLS 1.2 only, exactly those BYOC suites', async () => {
    const port = await freePort();
    const files = { 'kamailio.cfg': kamailioCfg([port]), 'tls.cfg': fixture('tls12-exact.tls.cfg') };
    const read = readConfig(kamailio, withCertificates(files), 'kamailio.cfg');
    expect(read.problems).toEqual([]);
    const e = serverAt(read.endpoints, port);
    expect(e.versions!.value).toEqual(['1.2']);
    const k = start(files, [port]);
    expect(await k.ready).toEqual({ state: 'up' });
    expect(await versionsAccepted(port)).toEqual(e.versions!.value);
    const predicted = byocPredicted(e);
    expect(predicted).toEqual(['ECDHE-RSA-AES128-GCM-SHA256', 'ECDHE-RSA-AES256-GCM-SHA384']);
    expect(await byocAccepted(port)).toEqual(predicted);
    await stop(k.child);
  }, 60_000);

  test('method = TLSv1.2+ with a cipher_list: TLS 1.2 and 1.3; the list restricts TLS 1.2 only', async () => {
    const port = await freePort();
    const files = { 'kamailio.cfg': kamailioCfg([port]), 'tls.cfg': fixture('tls12plus.tls.cfg') };
    const read = readConfig(kamailio, withCertificates(files), 'kamailio.cfg');
    expect(read.problems).toEqual([]);
    const e = serverAt(read.endpoints, port);
    expect(e.versions!.value).toEqual(['1.2', '1.3']);
    expect(e.tls13Suites).toBeUndefined();
    const k = start(files, [port]);
    expect(await k.ready).toEqual({ state: 'up' });
    expect(await versionsAccepted(port)).toEqual(e.versions!.value);
    expect(await byocAccepted(port)).toEqual(byocPredicted(e));
    expect(byocPredicted(e)).toEqual(['ECDHE-RSA-AES256-GCM-SHA384']);
    // tls13Suites absent = OpenSSL's TLS 1.3 suites, untouched by cipher_list
    const r = await handshake(port, { minVersion: 'TLSv1.3', maxVersion: 'TLSv1.3' });
    expect(r).toEqual({ ok: true, version: 'TLSv1.3', cipher: 'TLS_AES_256_GCM_SHA384' });
    await stop(k.child);
  }, 60_000);

  test('[server:IP:PORT] without method gets TLSv1+, not the TLSv1.2 of [server:default]', async () => {
    const [domainPort, defaultPort] = [await freePort(), await freePort()];
    const tlsCfg = fixture('ipport-no-method.tls.cfg').replace('15063', String(domainPort));
    const files = { 'kamailio.cfg': kamailioCfg([domainPort, defaultPort]), 'tls.cfg': tlsCfg };
    const read = readConfig(kamailio, withCertificates(files), 'kamailio.cfg');
    expect(read.problems).toEqual([]);
    const ip = serverAt(read.endpoints, domainPort);
    const dflt = serverAt(read.endpoints, defaultPort);
    expect([ip.name, ip.versions!.value, ip.versions!.from.kind]).toEqual([
      `server:127.0.0.1:${domainPort}`,
      ['1.0', '1.1', '1.2', '1.3'],
      'default',
    ]);
    expect([dflt.name, dflt.versions!.value]).toEqual(['server:default', ['1.2']]);
    const k = start(files, [domainPort, defaultPort]);
    expect(await k.ready).toEqual({ state: 'up' });
    expect(await versionsAccepted(domainPort)).toEqual(ip.versions!.value);
    expect(await versionsAccepted(defaultPort)).toEqual(dflt.versions!.value);
    expect(await byocAccepted(domainPort)).toEqual(byocPredicted(ip));
    expect(await byocAccepted(defaultPort)).toEqual(byocPredicted(dflt));
    expect(byocPredicted(dflt)).toEqual(['ECDHE-RSA-AES128-GCM-SHA256']);
    await stop(k.child);
  }, 60_000);

  test("OpenSIPS' ciphers_list in tls.cfg: the reader's problem, and Kamailio refuses to start", async () => {
    const port = await freePort();
    const files = { 'kamailio.cfg': kamailioCfg([port]), 'tls.cfg': fixture('opensips-key.tls.cfg') };
    const [problem, ...rest] = readConfig(kamailio, withCertificates(files), 'kamailio.cfg').problems;
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({
      code: 'unknown-option',
      location: { file: 'tls.cfg', line: 4, key: 'ciphers_list' },
      fix: 'cipher_list = ECDHE-RSA-AES256-GCM-SHA384',
    });
    const k = start(files, [port]);
    const result = await k.ready;
    expect(result.state).toBe('exited');
    expect(result.state === 'exited' && result.code).not.toBe(0);
    expect(k.log()).toContain("tls.cfg:4:1: Unsupported option 'ciphers_list'");
    expect(problem!.message).toContain("Unsupported option 'ciphers_list'");
  }, 60_000);

  test('a [server:IP:PORT] domain without its listen=tls socket: the no-listener problem, and Kamailio refuses to start', async () => {
    const [port, missing] = [await freePort(), await freePort()];
    const files = { 'kamailio.cfg': kamailioCfg([port]), 'tls.cfg': fixture('ipport-no-method.tls.cfg').replace('15063', String(missing)) };
    const problems = readConfig(kamailio, withCertificates(files), 'kamailio.cfg').problems;
    expect(problems.map((p) => [p.code, p.location.line])).toEqual([['no-listener', 8]]);
    const k = start(files, [port]);
    const result = await k.ready;
    expect(result.state).toBe('exited');
    expect(k.log()).toContain(`TLSs<127.0.0.1:${missing}>: No listening socket found`);
    expect(problems[0]!.message).toContain('No listening socket found');
  }, 60_000);

  test(`method = TLSv1.3: the reader names 5.7.0; this Kamailio (${VERSION?.[0] ?? '?'}) ${AT_LEAST_57 ? 'starts' : 'refuses to start'}`, async () => {
    const port = await freePort();
    const files = { 'kamailio.cfg': kamailioCfg([port]), 'tls.cfg': fixture('tls13.tls.cfg') };
    const read = readConfig(kamailio, withCertificates(files), 'kamailio.cfg');
    expect(read.problems.map((p) => p.code)).toEqual(['unknown-method']);
    expect(read.problems[0]!.message).toContain('5.7.0');
    const k = start(files, [port]);
    const result = await k.ready;
    if (AT_LEAST_57) {
      expect(result).toEqual({ state: 'up' });
      expect(await versionsAccepted(port)).toEqual(serverAt(read.endpoints, port).versions!.value);
      await stop(k.child);
    } else {
      expect(result.state).toBe('exited');
      expect(k.log()).toContain("Unsupported enum value 'TLSv1.3'");
    }
  }, 60_000);
});
