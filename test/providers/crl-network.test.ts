/**
 * CRLs from machines that cannot get out directly: downloads go through a real forwarding proxy on
 * 127.0.0.1 (HTTPS_PROXY / HTTP_PROXY / NO_PROXY, upper or lower case), and "this machine cannot
 * reach the network" (DNS, proxy) is told apart from "the CRL server is broken".
 */
import { days, issue, NOW, standardPki, writeFiles, x509, type Issued, type Pki } from '../helpers/pki.js';
import { refusedPort, startCrlServer, type CrlServer } from '../helpers/crl-server.js';
import { startProxy, type TestProxy } from '../helpers/proxy.js';
import { assertValidReport, BIN, results, runCheck } from '../helpers/run.js';
import type { CheckOptions } from '../../src/pipeline/chain-check.js';

const TIMEOUT_S = 3;
const UNRESOLVABLE = 'http://crl.byoc-check.invalid/issuing.crl';
let pki: Pki;
let server: CrlServer;
let proxy: TestProxy;
let files: Record<string, string>;

async function makeCrl(issuer: Issued): Promise<Buffer> {
  const crl = await x509.X509CrlGenerator.create({
    issuer: issuer.cert.subject,
    thisUpdate: days(-1),
    nextUpdate: days(6),
    signingKey: issuer.keys.privateKey,
    signingAlgorithm: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as Algorithm,
  });
  return Buffer.from(crl.rawData);
}

beforeAll(async () => {
  pki = await standardPki();
  const good = await makeCrl(pki.intermediate);
  server = await startCrlServer({ '/good.crl': (_, res) => res.end(good) });
  proxy = await startProxy();
  const leaf = await issue({
    subject: 'CN=sbc1.example.com',
    issuer: pki.intermediate,
    keySlot: 3,
    dns: ['sbc1.example.com'],
    crl: [server.url('/good.crl')],
  });
  const unresolvable = await issue({
    subject: 'CN=sbc1.example.com',
    issuer: pki.intermediate,
    keySlot: 3,
    dns: ['sbc1.example.com'],
    crl: [UNRESOLVABLE],
  });
  files = writeFiles({
    'chain.pem': leaf.pem + pki.intermediate.pem,
    'unresolvable.pem': unresolvable.pem + pki.intermediate.pem,
    'root.pem': pki.root.pem,
  });
});

afterAll(async () => {
  await server.close();
  await proxy.close();
});

async function check(chain: string, env: Record<string, string>, extra: Partial<CheckOptions> = {}) {
  const report = await runCheck({
    chain: files[chain]!,
    caFile: files['root.pem'],
    at: NOW,
    offline: false,
    timeoutSeconds: TIMEOUT_S,
    env,
    ...extra,
  });
  return { report, leaf: results(report, 'crl-reachable').find((r) => r.target === 'certificate[0]')! };
}

describe('proxies from the environment', () => {
  test('HTTP_PROXY: the CRL goes through the proxy, and the result says so', async () => {
    const before = { proxy: proxy.requests.length, server: server.requests.length };
    const { leaf } = await check('chain.pem', { HTTP_PROXY: proxy.url });
    expect(leaf.status).toBe('pass');
    expect(leaf.message).toContain(`through the proxy ${proxy.url}`);
    expect(proxy.requests.slice(before.proxy)).toEqual([`GET ${server.url('/good.crl')}`]);
    expect(server.requests.length - before.server).toBe(1);
  });

  test('lower-case http_proxy is honoured and wins over HTTP_PROXY', async () => {
    const dead = await refusedPort();
    const before = proxy.requests.length;
    const { leaf } = await check('chain.pem', { http_proxy: proxy.url, HTTP_PROXY: `http://127.0.0.1:${dead}` });
    expect(leaf.status).toBe('pass');
    expect(proxy.requests.length - before).toBe(1);
  });

  test('NO_PROXY bypasses the proxy for the hosts it names', async () => {
    const before = { proxy: proxy.requests.length, server: server.requests.length };
    const { leaf } = await check('chain.pem', { HTTP_PROXY: proxy.url, NO_PROXY: 'localhost,127.0.0.1' });
    expect(leaf.status).toBe('pass');
    expect(leaf.message).not.toContain('through the proxy');
    expect(proxy.requests.length).toBe(before.proxy);
    expect(server.requests.length - before.server).toBe(1);
  });

  test('a proxy that wants credentials: not a trunk failure, and says how to give them', async () => {
    const locked = await startProxy({ credentials: 'alice:s3cret' });
    try {
      const denied = await check('chain.pem', { HTTP_PROXY: locked.url });
      expect(denied.leaf.status).toBe('skip');
      expect(denied.leaf.message).toMatch(/This machine cannot reach the CRL server .*asks for credentials \(HTTP 407\)/);
      expect(denied.report.ok).toBe(true);
      expect(denied.report.unchecked.find((u) => u.area === 'crl')).toMatchObject({ rules: ['crl-reachable', 'not-revoked'] });
      const url = new URL(locked.url);
      const allowed = await check('chain.pem', { HTTP_PROXY: `http://alice:s3cret@${url.host}` });
      expect(allowed.leaf.status).toBe('pass');
      expect(locked.requests).toHaveLength(1);
      expect(JSON.stringify(allowed.report)).not.toContain('s3cret');
    } finally {
      await locked.close();
    }
  });

  test('a proxy that refuses connections: not a trunk failure, within the timeout', async () => {
    const dead = await refusedPort();
    const { leaf, report } = await check('chain.pem', { HTTPS_PROXY: `http://127.0.0.1:${dead}`, HTTP_PROXY: `http://127.0.0.1:${dead}` });
    expect(leaf.status).toBe('skip');
    expect(leaf.message).toMatch(/connection refused by the proxy http:\/\/127\.0\.0\.1:\d+/);
    expect(report.verdict).not.toMatch(/Genesys will refuse/);
  });

  test('a proxy that accepts and never answers: the download still ends at --timeout', async () => {
    const { createServer } = await import('node:net');
    const held: import('node:net').Socket[] = [];
    const silent = createServer((socket) => {
      held.push(socket);
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const started = Date.now();
      const { leaf } = await check('chain.pem', {
        HTTP_PROXY: `http://127.0.0.1:${(silent.address() as import('node:net').AddressInfo).port}`,
      });
      const elapsed = Date.now() - started;
      expect(leaf.message).toMatch(/no complete answer within 3 s \(through the proxy http:\/\/127\.0\.0\.1:\d+\)/);
      expect(elapsed).toBeGreaterThanOrEqual(TIMEOUT_S * 1000 - 50);
    } finally {
      for (const s of held) s.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  test("without a proxy setting, a refused CRL server is still the server's failure", async () => {
    const dead = await refusedPort();
    const leaf = await issue({
      subject: 'CN=sbc1.example.com',
      issuer: pki.intermediate,
      keySlot: 3,
      dns: ['sbc1.example.com'],
      crl: [`http://127.0.0.1:${dead}/x.crl`],
    });
    const f = writeFiles({ 'chain.pem': leaf.pem + pki.intermediate.pem });
    const report = await runCheck({
      chain: f['chain.pem']!,
      caFile: files['root.pem'],
      at: NOW,
      offline: false,
      timeoutSeconds: TIMEOUT_S,
      env: {},
    });
    expect(results(report, 'crl-reachable').find((r) => r.target === 'certificate[0]')!.status).toBe('fail');
  });
});

describe('a machine whose DNS resolves nothing', () => {
  test('every CRL host unresolvable: "this machine cannot reach", a skip, and CRLs listed as unchecked', async () => {
    const { leaf, report } = await check('unresolvable.pem', {});
    expect(leaf.status).toBe('skip');
    expect(leaf.message).toMatch(
      /^This machine cannot reach the CRL server for the leaf .*cannot resolve crl\.byoc-check\.invalid .*set HTTPS_PROXY \/ HTTP_PROXY.*--offline/,
    );
    expect(leaf.evidence).toMatchObject({ reason: 'unreachable', fetched: [UNRESOLVABLE] });
    expect(results(report, 'not-revoked').every((r) => r.status === 'skip')).toBe(true);
    expect(report.ok).toBe(true);
    const crl = report.unchecked.find((u) => u.area === 'crl')!;
    expect(crl.reason).toMatch(/This machine cannot reach/);
    expect(crl.hint).toMatch(/HTTPS_PROXY/);
    expect(report.verdict).toMatch(/not checked: .*CRLs \(this machine cannot reach the CRL servers/);
    expect(report.verdict).not.toMatch(/Genesys will refuse|every check passed/);
  });

  test("one host unresolvable while another CRL server answered: the CA's host is broken, a fail", async () => {
    const rootCrl = await makeCrl(pki.root);
    const own = await startCrlServer({ '/root.crl': (_, res) => res.end(rootCrl) });
    try {
      const leaf = await issue({
        subject: 'CN=sbc1.example.com',
        issuer: pki.intermediate,
        keySlot: 3,
        dns: ['sbc1.example.com'],
        crl: [UNRESOLVABLE],
      });
      const int2 = await issue({
        subject: 'CN=Test Lab Issuing CA,O=Test Lab,C=US',
        issuer: pki.root,
        ca: true,
        pathLength: 0,
        keySlot: 2,
        notBefore: days(-1000),
        notAfter: days(1500),
        crl: [own.url('/root.crl')],
      });
      const f = writeFiles({ 'chain.pem': leaf.pem + int2.pem });
      const report = await runCheck({
        chain: f['chain.pem']!,
        caFile: files['root.pem'],
        at: NOW,
        offline: false,
        timeoutSeconds: TIMEOUT_S,
        env: {},
      });
      const byTarget = Object.fromEntries(results(report, 'crl-reachable').map((r) => [r.target, r]));
      expect(byTarget['certificate[1]']!.status).toBe('pass');
      expect(byTarget['certificate[0]']!.status).toBe('fail');
      expect(byTarget['certificate[0]']!.message).toMatch(/No usable CRL .*cannot resolve crl\.byoc-check\.invalid/);
    } finally {
      await own.close();
    }
  });

  test('the text report through the CLI: no "NOT READY", the cause and the cure', async () => {
    const { main } = await import('../../src/cli/main.js');
    let stdout = '';
    const code = await main(
      [files['unresolvable.pem']!, '--ca', files['root.pem']!, '--timeout', String(TIMEOUT_S), '--at', NOW.toISOString()],
      {
        stdout: (t) => {
          stdout += t;
        },
        stderr: () => {},
        readStdin: async () => Buffer.alloc(0),
        cwd: process.cwd(),
        stdoutIsTTY: false,
        stderrIsTTY: false,
        env: {},
      },
    );
    expect(code).toBe(0);
    expect(stdout).not.toMatch(/NOT READY/);
    expect(stdout).toMatch(
      /READY (WITH WARNINGS )?FOR WHAT WAS CHECKED: .*not checked: .*CRLs \(this machine cannot reach the CRL servers; set HTTPS_PROXY\/HTTP_PROXY or use --offline\)/,
    );
  });
});

describe('--cache-dir', () => {
  test('a CRL from the cache says so and does not claim the server answers', async () => {
    const cacheDir = writeFiles({}).dir;
    const first = await check('chain.pem', {}, { cacheDir });
    expect(first.leaf.message).toMatch(/answers, is signed/);
    const before = server.requests.length;
    const second = await check('chain.pem', {}, { cacheDir });
    expect(server.requests.length).toBe(before);
    expect(second.leaf.status).toBe('pass');
    expect(second.leaf.message).toMatch(/from cache \(fetched at \d{4}-\d{2}-\d{2}T[\d:.]+Z; nothing was downloaded now\)/);
    expect(second.leaf.message).not.toMatch(/answers,/);
    expect(second.leaf.message).toMatch(/whether http:\/\/127\.0\.0\.1:\d+\/good\.crl answers today was not checked/);
    expect(second.leaf.evidence!.fetched).toEqual([]);
    expect(results(second.report, 'not-revoked').find((r) => r.target === 'certificate[0]')!.message).toMatch(/CRL from cache, fetched at/);
  });
});

describe('https CRLs through the proxy (CONNECT), with the built CLI', () => {
  test('HTTPS_PROXY tunnels the https CRL; the proxy sees the CONNECT, not the request', async () => {
    const { createServer } = await import('node:https');
    const { spawn } = await import('node:child_process');
    const { webcrypto } = await import('node:crypto');
    const good = await makeCrl(pki.intermediate);
    const tlsLeaf = await issue({ subject: 'CN=127.0.0.1', issuer: pki.intermediate, keySlot: 4, ips: ['127.0.0.1'] });
    const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', tlsLeaf.keys.privateKey))
      .toString('base64')
      .replace(/(.{64})/g, '$1\n');
    const https = createServer(
      { key: `-----BEGIN PRIVATE KEY-----\n${pkcs8}\n-----END PRIVATE KEY-----\n`, cert: tlsLeaf.pem + pki.intermediate.pem },
      (_, res) => res.end(good),
    );
    await new Promise<void>((resolve) => https.listen(0, '127.0.0.1', resolve));
    const port = (https.address() as import('node:net').AddressInfo).port;
    try {
      const dp = `https://127.0.0.1:${port}/good.crl`;
      const leaf = await issue({
        subject: 'CN=sbc1.example.com',
        issuer: pki.intermediate,
        keySlot: 3,
        dns: ['sbc1.example.com'],
        crl: [dp],
      });
      const f = writeFiles({ 'chain.pem': leaf.pem + pki.intermediate.pem });
      const before = proxy.tunnels.length;
      const stdout = await new Promise<string>((resolve) => {
        // NODE_EXTRA_CA_CERTS makes the test root trusted for the CRL server's own certificate.
        const child = spawn(
          process.execPath,
          [BIN, f['chain.pem']!, '--ca', files['root.pem']!, '--format', 'json', '--timeout', String(TIMEOUT_S), '--at', NOW.toISOString()],
          {
            env: { PATH: process.env.PATH ?? '', NODE_EXTRA_CA_CERTS: files['root.pem']!, HTTPS_PROXY: proxy.url },
            stdio: ['ignore', 'pipe', 'inherit'],
          },
        );
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
        });
        child.on('close', () => resolve(out));
      });
      const report = assertValidReport(JSON.parse(stdout));
      const leafResult = results(report, 'crl-reachable').find((r) => r.target === 'certificate[0]')!;
      expect(leafResult.status).toBe('pass');
      expect(leafResult.message).toContain(`through the proxy ${proxy.url}`);
      expect(proxy.tunnels.slice(before)).toEqual([`127.0.0.1:${port}`]);
    } finally {
      https.closeAllConnections();
      await new Promise<void>((resolve) => https.close(() => resolve()));
    }
  });
});
