/**
 * `byoc-check probe --from-sbc HOST|REGION --ca FILE`: will the SBC accept Genesys? A DigiCert-like chain made
 * here (a test root named "DigiCert Global Root G2" with DigiCert's subject, an intermediate, proxy leaves for
 * lb01..lb04.voice.use1.pure.cloud) served by loopback node:tls peers reached through --connect-to, and the
 * built CLI connecting to them as an SBC does. Every JSON report validates against the schema.
 */
import { createServer, type Server, type TlsOptions } from 'node:tls';
import type { AddressInfo, Socket } from 'node:net';
import { keyPem } from '../helpers/data-actions.js';
import { openssl } from '../helpers/openssl-pki.js';
import { silentListener, type Peer } from '../helpers/peers.js';
import { days, issue, NOW, writeFiles, type Issued } from '../helpers/pki.js';
import { assertValidReport, cli, cliAsync, type CliRun } from '../helpers/run.js';

interface Result {
  rule: string;
  status: string;
  target: string;
  message: string;
  remediation: string;
}
interface FromSbcJson {
  ok: boolean;
  verdict: string;
  results: Result[];
  fromSbc: {
    ca: { file: string; certificates: Array<{ subject: string; subjectHash: string }> };
    settings: { ciphers: string | null; opensslCiphers: string | null; curves: string | null };
    targets: Array<{
      name: string;
      connectTo?: string;
      region?: string;
      sni: string | null;
      handshake: {
        ok: boolean;
        failure?: string;
        alert?: string;
        message?: string;
        version?: string;
        suite?: string;
        group?: string;
        ms: number;
      };
      chain: Array<{ subject: string; issuer: string; notAfter: string }>;
      verify: { ok: boolean; code?: string } | null;
      path: { anchor?: { subject: string }; missingIssuer?: { subject: string } } | null;
      identity: { ok: boolean; message?: string } | null;
    }>;
  };
}

const LB = (n: number) => `lb0${n}.voice.use1.pure.cloud`;
const G2_SUBJECT = 'C=US, O=DigiCert Inc, OU=www.digicert.com, CN=DigiCert Global Root G2';

let root: Issued;
let other: Issued;
let intermediate: Issued;
let leaf: Issued;
let wrongName: Issued;
let files: Record<string, string> & { dir: string };
const peers: Peer[] = [];

/** A TLS server on loopback presenting `chain`; connections are held open until closed. */
async function tlsPeer(options: TlsOptions): Promise<Peer> {
  const sockets = new Set<Socket>();
  const server: Server = createServer(options, (socket) => {
    socket.on('error', () => {});
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('tlsClientError', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const peer = {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((done) => {
        for (const s of sockets) s.destroy();
        server.close(() => done());
      }),
  };
  peers.push(peer);
  return peer;
}

let good: Peer;
let leafOnly: Peer;
let badName: Peer;
let tls13: Peer;
let gcmOnly: Peer;
let silent: Peer;

beforeAll(async () => {
  root = await issue({ subject: G2_SUBJECT, ca: true, keySlot: 71, notBefore: days(-3000), notAfter: days(4000) });
  other = await issue({
    subject: 'C=US, O=Other Trust, CN=Some Other Root CA',
    ca: true,
    keySlot: 72,
    notBefore: days(-3000),
    notAfter: days(4000),
  });
  intermediate = await issue({
    subject: 'C=US, O=DigiCert Inc, CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1',
    issuer: root,
    ca: true,
    pathLength: 0,
    keySlot: 73,
    notBefore: days(-1000),
    notAfter: days(1500),
  });
  leaf = await issue({
    subject: `C=US, O=Genesys Cloud Services, Inc., CN=${LB(1)}`,
    issuer: intermediate,
    keySlot: 74,
    dns: [1, 2, 3, 4].map(LB),
    notBefore: days(-30),
    notAfter: days(200),
  });
  wrongName = await issue({
    subject: 'C=US, O=Genesys Cloud Services, Inc., CN=voice.mypurecloud.com',
    issuer: intermediate,
    keySlot: 75,
    dns: ['voice.mypurecloud.com'],
  });
  files = writeFiles({
    'g2.pem': root.pem,
    'other.pem': other.pem,
    'empty.pem': '# no certificate here\n',
  });
  const key = await keyPem(leaf);
  good = await tlsPeer({ cert: leaf.pem + intermediate.pem, key });
  leafOnly = await tlsPeer({ cert: leaf.pem, key });
  badName = await tlsPeer({ cert: wrongName.pem + intermediate.pem, key: await keyPem(wrongName) });
  tls13 = await tlsPeer({ cert: leaf.pem + intermediate.pem, key, minVersion: 'TLSv1.3' });
  gcmOnly = await tlsPeer({ cert: leaf.pem + intermediate.pem, key, ciphers: 'ECDHE-RSA-AES256-GCM-SHA384', maxVersion: 'TLSv1.2' });
  silent = await silentListener();
  peers.push(silent);
}, 60_000);

afterAll(async () => {
  await Promise.all(peers.map((p) => p.close()));
});

const to = (port: number, n = 1) => ['--connect-to', `${LB(n)}:5061:127.0.0.1:${port}`];
const run = (port: number, ...extra: string[]): Promise<CliRun> =>
  cliAsync(['probe', '--from-sbc', LB(1), ...to(port), '--at', NOW.toISOString(), '--timeout', '3', '--format', 'json', ...extra]);
const report = (r: CliRun) => assertValidReport(JSON.parse(r.stdout)) as unknown as FromSbcJson;
const result = (r: FromSbcJson, rule: string) => r.results.find((x) => x.rule === rule)!;

test("the test root carries DigiCert Global Root G2's subject: the same OpenSSL subject hash as the real one", () => {
  expect(openssl(['x509', '-noout', '-subject_hash', '-in', files['g2.pem']!]).trim()).toBe('607986c7');
});

test("the SBC's CA file holds the root: every check passes, the chain received and its anchor are reported; exit 0", async () => {
  const r1 = await run(
    good.port,
    '--ca',
    files['g2.pem']!,
    '--ciphers',
    'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384:ECDHE-RSA-AES128-GCM-SHA256',
    '--curves',
    'secp384r1',
  );
  expect([r1.status, r1.stderr]).toEqual([0, '']);
  const r = report(r1);
  const t = r.fromSbc.targets[0]!;
  expect(t).toMatchObject({ name: `${LB(1)}:5061`, connectTo: `127.0.0.1:${good.port}`, region: 'use1', sni: LB(1) });
  expect(t.handshake).toMatchObject({ ok: true, version: 'TLSv1.2', group: 'secp384r1' });
  // the SBC's two suites, by the IANA names Genesys documents (the server picks among them)
  expect(t.handshake.suite).toMatch(/^TLS_ECDHE_RSA_WITH_AES_(256_GCM_SHA384|128_GCM_SHA256)$/);
  expect(t.chain.map((c) => c.subject)).toEqual(
    [leaf.cert.subject, intermediate.cert.subject].map((s) => expect.stringContaining(s.split(', ').at(-1)!)),
  );
  expect(t.chain[0]!.notAfter.slice(0, 10)).toBe(days(200).toISOString().slice(0, 10));
  expect(t.path!.anchor!.subject).toMatch(/DigiCert Global Root G2/);
  expect(r.fromSbc.settings.opensslCiphers).toBe('ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256');
  expect(r.results.map((x) => `${x.rule} ${x.status}`).sort()).toEqual([
    'genesys-chain-trusted pass',
    'genesys-expiry pass',
    'genesys-name pass',
    'genesys-tls-handshake pass',
  ]);
  expect(result(r, 'genesys-chain-trusted').message).toMatch(/anchored at .*DigiCert Global Root G2 \(hash 607986c7\)/);
  expect(r.verdict).toMatch(/^READY: the SBC accepts the Genesys proxy/);
  // text: the chain received, what it chains to
  const text = await cliAsync(['probe', '--from-sbc', LB(1), ...to(good.port), '--ca', files['g2.pem']!, '--at', NOW.toISOString()]);
  expect(text.status).toBe(0);
  expect(text.stdout).toMatch(/^READY FOR WHAT WAS CHECKED: .*Not checked: the SBC's own client cipher and group settings/);
  expect(text.stdout).toMatch(
    /chain received\n {4}\[0\] .*CN=lb01\.voice\.use1\.pure\.cloud.*notAfter \d{4}-\d\d-\d\d\n {4}\[1\] .*DigiCert Global G2 TLS RSA SHA256 2020 CA1/,
  );
  expect(text.stdout).toMatch(/chains to +.*DigiCert Global Root G2 \(in the CA file\)/);
}, 30_000);

test('the CA file lacks the root (it holds another): fail naming the DigiCert root Genesys uses; exit 1', async () => {
  const r1 = await run(good.port, '--ca', files['other.pem']!);
  expect(r1.status).toBe(1);
  const r = report(r1);
  const f = result(r, 'genesys-chain-trusted');
  expect(f.status).toBe('fail');
  expect(f.message).toMatch(/other\.pem lacks DigiCert Global Root G2 \(subject hash 607986c7\), the DigiCert root Genesys uses/);
  expect(f.message).toMatch(/OpenSSL: unable to get local issuer certificate/);
  expect(f.message).toMatch(/Region use1's proxies chain to DigiCert High Assurance EV Root CA today/);
  expect(f.remediation).toMatch(/^Add DigiCert Global Root G2 to the SBC's CA file/);
  expect(r.verdict).toMatch(/^NOT READY: the SBC as set will refuse 1 of 1 Genesys proxy/);
}, 30_000);

test('the proxy sends its leaf only: fail saying the intermediate is missing', async () => {
  const r = report(await run(leafOnly.port, '--ca', files['g2.pem']!));
  expect(r.fromSbc.targets[0]!.chain).toHaveLength(1);
  const f = result(r, 'genesys-chain-trusted');
  expect(f.status).toBe('fail');
  expect(f.message).toMatch(/sent only its leaf certificate: the intermediate .*DigiCert Global G2 TLS RSA SHA256 2020 CA1.* is missing/);
}, 30_000);

test('a certificate that does not name the proxy: genesys-name fails, the chain still verifies', async () => {
  const r = report(await run(badName.port, '--ca', files['g2.pem']!));
  expect(result(r, 'genesys-chain-trusted').status).toBe('pass');
  const f = result(r, 'genesys-name');
  expect(f.status).toBe('fail');
  expect(f.message).toMatch(/SAN voice\.mypurecloud\.com\) does not name lb01\.voice\.use1\.pure\.cloud/);
  expect(f.message).toMatch(/Host: lb01\.voice\.use1\.pure\.cloud\. is not in the cert's altnames/);
}, 30_000);

test('a server that speaks only TLS 1.3: handshake fail with the reason; the chain rules skip', async () => {
  const r1 = await run(tls13.port, '--ca', files['g2.pem']!);
  expect(r1.status).toBe(1);
  const r = report(r1);
  const f = result(r, 'genesys-tls-handshake');
  expect(f.status).toBe('fail');
  expect(f.message).toMatch(/refuses TLS 1\.2 \(alert protocol_version; OpenSSL: tlsv1 alert protocol version\)/);
  expect(['genesys-chain-trusted', 'genesys-name', 'genesys-expiry'].map((id) => result(r, id).status)).toEqual(['skip', 'skip', 'skip']);
}, 30_000);

test('--ciphers the proxy does not share: handshake fail naming the cipher setting', async () => {
  const r = report(await run(gcmOnly.port, '--ca', files['g2.pem']!, '--ciphers', 'AES128-SHA'));
  const f = result(r, 'genesys-tls-handshake');
  expect(f.status).toBe('fail');
  expect(f.message).toMatch(/share no cipher suite or group \(alert handshake_failure; OpenSSL: [^)]+\): --ciphers 'AES128-SHA'/);
  expect(f.remediation).toMatch(/ECDHE-RSA-AES256-GCM-SHA384/);
}, 30_000);

test('REGION use1 expands to lb01..lb04 on 5061, each reached through --connect-to; all pass', async () => {
  const r1 = await cliAsync([
    'probe',
    '--from-sbc',
    'us-east-1',
    ...[1, 2, 3, 4].flatMap((n) => to(good.port, n)),
    '--ca',
    files['g2.pem']!,
    '--at',
    NOW.toISOString(),
    '--format',
    'json',
  ]);
  expect([r1.status, r1.stderr]).toEqual([0, '']);
  const r = report(r1);
  expect(r.fromSbc.targets.map((t) => [t.name, t.region, t.sni, t.handshake.ok])).toEqual(
    [1, 2, 3, 4].map((n) => [`${LB(n)}:5061`, 'use1', LB(n), true]),
  );
  expect(r.results.filter((x) => x.status === 'pass')).toHaveLength(16);
  expect(r.verdict).toMatch(/all 4 Genesys proxies/);
}, 30_000);

test('a silent peer is a fail with a clear reason, bounded by --timeout', async () => {
  const r1 = await cliAsync([
    'probe',
    '--from-sbc',
    `${LB(1)}`,
    '--from-sbc',
    `${LB(2)}`,
    ...to(silent.port, 1),
    ...to(good.port, 2),
    '--ca',
    files['g2.pem']!,
    '--at',
    NOW.toISOString(),
    '--timeout',
    '2',
    '--format',
    'json',
  ]);
  expect(r1.status).toBe(1);
  const r = report(r1);
  const quiet = r.fromSbc.targets[0]!;
  expect(quiet.handshake).toMatchObject({ ok: false, failure: 'silent', connected: true });
  expect(quiet.handshake.ms).toBeGreaterThanOrEqual(1900);
  expect(r.results.find((x) => x.rule === 'genesys-tls-handshake' && x.target === `proxy[${LB(1)}:5061]`)!.message).toMatch(
    /accepted the TCP connection but did not complete the TLS handshake within 2 s/,
  );
  expect(r.results.find((x) => x.rule === 'genesys-tls-handshake' && x.target === `proxy[${LB(2)}:5061]`)!.status).toBe('pass');
}, 30_000);

test('expiry within --warn-days warns (exit 0), and --strict makes it exit 1', async () => {
  const r1 = await run(good.port, '--ca', files['g2.pem']!, '--warn-days', '365');
  expect(r1.status).toBe(0);
  const r = report(r1);
  const w = r.results.filter((x) => x.rule === 'genesys-expiry');
  expect(w.map((x) => x.status)).toEqual(['warn']);
  expect(w[0]!.message).toMatch(/CN=lb01\.voice\.use1\.pure\.cloud.* expires on \d{4}-\d\d-\d\d, in 200 days \(--warn-days 365\)/);
  expect((await run(good.port, '--ca', files['g2.pem']!, '--warn-days', '365', '--strict')).status).toBe(1);
}, 30_000);

describe('usage errors: one line, exit 2', () => {
  test.each([
    ['no --ca', ['--from-sbc', 'use1'], /--from-sbc needs --ca FILE: the CA file the SBC trusts/],
    ['an unreadable --ca', ['--from-sbc', 'use1', '--ca', '/nonexistent/ca.pem'], /ca\.pem/],
    ['a --ca holding no certificate', ['--from-sbc', 'use1', '--ca', 'EMPTY'], /empty\.pem: not a certificate/],
    [
      'a --ciphers OpenSSL rejects',
      ['--from-sbc', 'use1', '--ca', 'G2', '--ciphers', 'NOT-A-CIPHER'],
      /--ciphers 'NOT-A-CIPHER': OpenSSL rejects it/,
    ],
    [
      'a --curves OpenSSL rejects',
      ['--from-sbc', 'use1', '--ca', 'G2', '--curves', 'P-999'],
      /--curves 'P-999': OpenSSL rejects the group list/,
    ],
    ['--from-sbc with a target', ['sbc1.example.com', '--from-sbc', 'use1', '--ca', 'G2'], /--from-sbc takes the Genesys proxies itself/],
    [
      '--ciphers without --from-sbc',
      ['sbc1.example.com', '--ciphers', 'AES128-SHA'],
      /--ciphers is the SBC's client setting and applies with --from-sbc only/,
    ],
    ['a malformed proxy name', ['--from-sbc', 'lb01:x:y', '--ca', 'G2'], /is not HOST\[:PORT\]/],
  ])('%s', (_name, args, message) => {
    const r = cli(['probe', ...args.map((a) => (a === 'EMPTY' ? files['empty.pem']! : a === 'G2' ? files['g2.pem']! : a))]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
