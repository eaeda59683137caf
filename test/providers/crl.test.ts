/**
 * CRL probe and rules against a real HTTP server on 127.0.0.1: every misbehaviour gets its
 * verdict within its time budget (--timeout plus 2 s at most).
 */
import { webcrypto } from 'node:crypto';
import { days, issue, NOW, standardPki, writeFiles, x509, type Issued, type Pki } from '../helpers/pki.js';
import { refusedPort, startCrlServer, type CrlServer } from '../helpers/crl-server.js';
import { results, runCheck, worst } from '../helpers/run.js';

const TIMEOUT_S = 2;
let pki: Pki;
let server: CrlServer;
let refused: number;
/** Hanging CRL requests still open, and good ones asked for while one was (the concurrency check). */
let hanging = 0;
let goodWhileHanging = 0;
const crls: Record<string, Buffer> = {};

async function makeCrl(
  issuer: Issued,
  options: { revoked?: string[]; thisUpdate?: Date; nextUpdate?: Date; key?: CryptoKey } = {},
): Promise<Buffer> {
  const crl = await x509.X509CrlGenerator.create({
    issuer: issuer.cert.subject,
    thisUpdate: options.thisUpdate ?? days(-1),
    nextUpdate: options.nextUpdate ?? days(6),
    entries: (options.revoked ?? []).map((serialNumber) => ({
      serialNumber,
      revocationDate: days(-2),
      reason: x509.X509CrlReason.keyCompromise,
    })),
    signingKey: options.key ?? issuer.keys.privateKey,
    signingAlgorithm: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as Algorithm,
  });
  return Buffer.from(crl.rawData);
}

beforeAll(async () => {
  pki = await standardPki();
  const other = await webcrypto.subtle.generateKey(
    { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
    true,
    ['sign', 'verify'],
  );
  crls.good = await makeCrl(pki.intermediate, { revoked: ['0bad'] });
  crls.stale = await makeCrl(pki.intermediate, { thisUpdate: days(-20), nextUpdate: days(-3) });
  crls.wrongSigner = await makeCrl(pki.intermediate, { key: other.privateKey });
  server = await startCrlServer({
    '/good.crl': (_, res) => {
      if (hanging > 0) goodWhileHanging++;
      res.end(crls.good);
    },
    '/revoked.crl': (_, res) => res.end(crls.revoked),
    '/pem.crl': (_, res) =>
      res.end(`-----BEGIN X509 CRL-----\n${crls.good!.toString('base64').replace(/(.{64})/g, '$1\n')}\n-----END X509 CRL-----\n`),
    '/stale.crl': (_, res) => res.end(crls.stale),
    '/wrong-signer.crl': (_, res) => res.end(crls.wrongSigner),
    '/garbage.crl': (_, res) => res.end(Buffer.from('<html>maintenance</html>')),
    '/redirect.crl': (_, res) => {
      res.statusCode = 302;
      res.setHeader('location', '/good.crl');
      res.end();
    },
    '/loop.crl': (_, res) => {
      res.statusCode = 302;
      res.setHeader('location', '/loop.crl');
      res.end();
    },
    '/to-ftp.crl': (_, res) => {
      res.statusCode = 301;
      res.setHeader('location', 'ftp://127.0.0.1/x.crl');
      res.end();
    },
    '/hang.crl': (req) => {
      hanging++;
      req.socket.once('close', () => hanging--);
    },
    '/endless.crl': (_, res) => {
      const chunk = Buffer.alloc(64 * 1024, 0x41);
      const pump = () => {
        while (res.write(chunk));
      };
      res.on('drain', pump);
      pump();
    },
  });
  refused = await refusedPort();
});

afterAll(async () => {
  await server.close();
});

async function leafWith(dp: string[], serial?: string): Promise<string> {
  const leaf = await issue({
    subject: 'CN=sbc1.example.com',
    issuer: pki.intermediate,
    keySlot: 3,
    dns: ['sbc1.example.com'],
    crl: dp,
    serial,
  });
  const f = writeFiles({ 'chain.pem': leaf.pem + pki.intermediate.pem, 'root.pem': pki.root.pem });
  return JSON.stringify(f);
}

async function checkLeaf(dp: string[], serial?: string) {
  const f = JSON.parse(await leafWith(dp, serial)) as Record<string, string>;
  const started = Date.now();
  const report = await runCheck({ chain: f['chain.pem']!, caFile: f['root.pem'], at: NOW, offline: false, timeoutSeconds: TIMEOUT_S });
  const elapsed = Date.now() - started;
  const leafResult = results(report, 'crl-reachable').find((r) => r.target === 'certificate[0]')!;
  const revocation = results(report, 'not-revoked').find((r) => r.target === 'certificate[0]')!;
  return { report, elapsed, leafResult, revocation };
}

describe('crl-reachable and not-revoked over a real HTTP server', () => {
  test('good CRL: pass, serial not listed, URL in evidence.fetched', async () => {
    const { leafResult, revocation } = await checkLeaf([server.url('/good.crl')]);
    expect(leafResult.status).toBe('pass');
    expect(leafResult.evidence!.fetched).toEqual([server.url('/good.crl')]);
    expect(revocation.status).toBe('pass');
  });

  test('revoked serial: not-revoked fails with date and reason', async () => {
    crls.revoked = await makeCrl(pki.intermediate, { revoked: ['7e57'] });
    const { leafResult, revocation } = await checkLeaf([server.url('/revoked.crl')], '7e57');
    expect(leafResult.status).toBe('pass');
    expect(revocation.status).toBe('fail');
    expect(revocation.message).toMatch(/serial 7E57\) was revoked on \d{4}-\d{2}-\d{2} \(reason: keyCompromise\)/);
  });

  test('PEM-encoded CRL is accepted', async () => {
    expect((await checkLeaf([server.url('/pem.crl')])).leafResult.status).toBe('pass');
  });

  test('a redirect is followed and both URLs are reported', async () => {
    const { leafResult } = await checkLeaf([server.url('/redirect.crl')]);
    expect(leafResult.status).toBe('pass');
    expect(leafResult.evidence!.fetched).toEqual([server.url('/redirect.crl'), server.url('/good.crl')]);
  });

  test.each([
    ['404', '/missing.crl', /HTTP 404/],
    ['garbage body', '/garbage.crl', /not a CRL/],
    ['wrong signer', '/wrong-signer.crl', /not signed by "CN=Test Lab Issuing CA/],
    ['redirect loop', '/loop.crl', /more than 5 redirects/],
    ['redirect to ftp:', '/to-ftp.crl', /redirected to ftp: \(only http and https are followed\)/],
  ])('%s: fail with its own message', async (_, path, message) => {
    const { leafResult, revocation } = await checkLeaf([server.url(path)]);
    expect(leafResult.status).toBe('fail');
    expect(leafResult.message).toMatch(message);
    expect(revocation.status).toBe('skip');
  });

  test('stale CRL: warn, saying by how much', async () => {
    const { leafResult } = await checkLeaf([server.url('/stale.crl')]);
    expect(leafResult.status).toBe('warn');
    expect(leafResult.message).toMatch(/stale: .* passed 3 days before the check time/);
  });

  test('refused port: fail quickly', async () => {
    const { leafResult } = await checkLeaf([`http://127.0.0.1:${refused}/x.crl`]);
    expect(leafResult.status).toBe('fail');
    expect(leafResult.message).toMatch(/connection refused/);
    // refused, not timed out: the message would say "no complete answer within 2 s"
    expect(leafResult.message).not.toMatch(/within \d+ s/);
  });

  test('a hanging server: fail within the timeout plus 2 s', async () => {
    const { leafResult, elapsed } = await checkLeaf([server.url('/hang.crl')]);
    expect(leafResult.status).toBe('fail');
    expect(leafResult.message).toMatch(/no complete answer within 2 s/);
    expect(elapsed).toBeGreaterThanOrEqual(TIMEOUT_S * 1000 - 50);
    console.log(`hang case: ${elapsed} ms with --timeout ${TIMEOUT_S}`);
  });

  test('an endless body: aborted at 20 MiB or the timeout, whichever comes first', async () => {
    const { leafResult, elapsed } = await checkLeaf([server.url('/endless.crl')]);
    expect(leafResult.status).toBe('fail');
    expect(leafResult.message).toMatch(/passed 20 MiB; download aborted|no complete answer/);
    console.log(`endless-body case: ${elapsed} ms (${leafResult.message})`);
  });

  test('dead and good distribution points are fetched concurrently: one good CRL is enough', async () => {
    const before = goodWhileHanging;
    const { leafResult } = await checkLeaf([server.url('/hang.crl'), server.url('/good.crl')]);
    expect(leafResult.status).toBe('pass');
    expect(leafResult.message).toMatch(/answers, is signed by its issuer and is current.*Other distribution points failed/);
    // the good CRL was asked for while the hanging request was still open, not after its timeout
    expect(goodWhileHanging).toBe(before + 1);
  });

  test('ldap: distribution points are named, not fetched', async () => {
    const { leafResult } = await checkLeaf(['ldap://directory.example.com/cn=CRL']);
    expect(leafResult.status).toBe('warn');
    expect(leafResult.message).toMatch(/non-http\(s\) locations.*ldap:/);
  });

  test('no distribution point on the intermediate: warn (Genesys cannot check revocation)', async () => {
    const { report } = await checkLeaf([server.url('/good.crl')]);
    const intermediate = results(report, 'crl-reachable').find((r) => r.target === 'certificate[1]')!;
    expect(intermediate.status).toBe('warn');
    expect(worst(report, 'crl-reachable')).toBe('warn');
  });

  test('on a TTY, text mode shows progress for fetches that take more than a second', async () => {
    const { main } = await import('../../src/cli/main.js');
    const f = JSON.parse(await leafWith([server.url('/hang.crl')])) as Record<string, string>;
    let stderr = '';
    let stdout = '';
    const code = await main([f['chain.pem']!, '--ca', f['root.pem']!, '--timeout', '2'], {
      stdout: (t) => {
        stdout += t;
      },
      stderr: (t) => {
        stderr += t;
      },
      readStdin: async () => Buffer.alloc(0),
      cwd: process.cwd(),
      stdoutIsTTY: false,
      stderrIsTTY: true,
      env: {},
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(/fetching 1 CRL\(s\)\.\.\. [12] s/);
    expect(stderr.endsWith('\r\x1b[2K')).toBe(true);
    expect(stdout).toMatch(/no complete answer within 2 s/);
  });

  test('--cache-dir serves a current CRL without a second download', async () => {
    const f = JSON.parse(await leafWith([server.url('/good.crl')])) as Record<string, string>;
    const cacheDir = writeFiles({}).dir;
    const before = server.requests.length;
    await runCheck({ chain: f['chain.pem']!, caFile: f['root.pem'], at: NOW, offline: false, timeoutSeconds: TIMEOUT_S, cacheDir });
    await runCheck({ chain: f['chain.pem']!, caFile: f['root.pem'], at: NOW, offline: false, timeoutSeconds: TIMEOUT_S, cacheDir });
    expect(server.requests.length - before).toBe(1);
  });
});
