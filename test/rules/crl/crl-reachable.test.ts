/** crl-reachable as a pure function of CRL facts; the HTTP behaviours are in test/providers/crl.test.ts. */
import rule from '../../../rules/crl/crl-reachable.js';
import type { CrlFetch } from '../../../src/model/crl.js';
import { ctx, decodePem } from '../../helpers/context.js';
import { fixtures } from '../../helpers/fixtures.js';

async function run(
  fetches: CrlFetch[],
  urls = fetches.map((f) => f.url),
  offline = false,
  intermediateFetches = [ok('http://ca.example/int.crl')],
) {
  const { pki } = await fixtures();
  const [leaf] = decodePem(pki.leaf.pem);
  const [intermediate] = decodePem(pki.intermediate.pem);
  return rule.check(
    ctx(
      [
        { cert: leaf!, role: 'leaf', inputIndex: 0 },
        { cert: intermediate!, role: 'intermediate', inputIndex: 1 },
      ],
      {
        offline,
        crl: {
          attempted: !offline,
          timeoutSeconds: 10,
          certificates: [
            { pathIndex: 0, urls, fetches },
            { pathIndex: 1, urls: intermediateFetches.map((f) => f.url), fetches: intermediateFetches },
          ],
        },
      },
    ),
  );
}

function ok(url: string, nextUpdate = '2026-11-29T00:00:00.000Z'): CrlFetch {
  return { url, outcome: 'ok', detail: '', contacted: [url], elapsedMs: 12, thisUpdate: '2026-11-21T00:00:00.000Z', nextUpdate };
}

test('pass: a current, correctly signed CRL', async () => {
  const [leaf] = await run([ok('http://ca.example/a.crl')]);
  expect(leaf!.status).toBe('pass');
  expect(leaf!.evidence!.fetched).toEqual(['http://ca.example/a.crl']);
});

test('skip: --offline fetches nothing', async () => {
  const findings = await run([], [], true);
  expect(findings.map((f) => f.status)).toEqual(['skip']);
});

test('warn: stale by 2 days', async () => {
  const [leaf] = await run([ok('http://ca.example/a.crl', '2026-11-20T12:00:00.000Z')]);
  expect(leaf!.status).toBe('warn');
  expect(leaf!.message).toMatch(/passed 2 days before/);
});

test('warn: no distribution point', async () => {
  const [leaf] = await run([], []);
  expect(leaf!.status).toBe('warn');
  expect(leaf!.message).toMatch(/Genesys cannot check its revocation/);
});

test('fail: every distribution point failed, each with its reason', async () => {
  const [leaf] = await run([
    {
      url: 'http://a/x.crl',
      outcome: 'timeout',
      detail: 'no complete answer within 10 s',
      contacted: ['http://a/x.crl'],
      elapsedMs: 10000,
    },
    {
      url: 'http://b/x.crl',
      outcome: 'http-error',
      detail: 'HTTP 404 Not Found',
      httpStatus: 404,
      contacted: ['http://b/x.crl'],
      elapsedMs: 5,
    },
  ]);
  expect(leaf!.status).toBe('fail');
  expect(leaf!.message).toMatch(/http:\/\/a\/x\.crl: no complete answer within 10 s; http:\/\/b\/x\.crl: HTTP 404/);
});

test('warn: the CRL could not be verified because the issuer is not on this machine', async () => {
  const [leaf] = await run([
    {
      url: 'http://a/x.crl',
      outcome: 'no-issuer',
      detail: 'the issuer certificate is not available',
      contacted: ['http://a/x.crl'],
      elapsedMs: 5,
    },
  ]);
  expect(leaf!.status).toBe('warn');
});

function failed(url: string, outcome: CrlFetch['outcome'], detail: string, httpStatus?: number): CrlFetch {
  return { url, outcome, detail, contacted: [url], elapsedMs: 3, ...(httpStatus ? { httpStatus } : {}) };
}

describe('this machine cannot get out versus the CRL server is broken', () => {
  test('skip, not fail: no CRL host resolves from here', async () => {
    const findings = await run(
      [failed('http://crl.ca.example/a.crl', 'dns-error', 'cannot resolve crl.ca.example (ENOTFOUND)')],
      undefined,
      false,
      [failed('http://crl.ca.example/int.crl', 'dns-error', 'cannot resolve crl.ca.example (ENOTFOUND)')],
    );
    expect(findings.map((f) => f.status)).toEqual(['skip', 'skip']);
    expect(findings[0]!.message).toMatch(
      /^This machine cannot reach the CRL server for the leaf .*not a trunk failure.*set HTTPS_PROXY \/ HTTP_PROXY.*--offline/,
    );
    expect(findings[0]!.evidence!.reason).toBe('unreachable');
  });

  test('skip: no route out (ENETUNREACH) for every CRL', async () => {
    const findings = await run([failed('http://a/x.crl', 'no-route', 'no network route to a (ENETUNREACH)')], undefined, false, [
      failed('http://b/y.crl', 'no-route', 'no network route to b (ENETUNREACH)'),
    ]);
    expect(findings.map((f) => f.status)).toEqual(['skip', 'skip']);
  });

  test("fail: the leaf's CRL host does not resolve while the intermediate's CRL server answered", async () => {
    const [leaf] = await run([failed('http://crl.ca.example/a.crl', 'dns-error', 'cannot resolve crl.ca.example (ENOTFOUND)')]);
    expect(leaf!.status).toBe('fail');
    expect(leaf!.message).toMatch(/No usable CRL .*cannot resolve crl\.ca\.example/);
  });

  test('skip: the proxy failed, even though another CRL answered', async () => {
    const [leaf] = await run([failed('http://a/x.crl', 'proxy-error', 'connection refused by the proxy http://proxy:3128')]);
    expect(leaf!.status).toBe('skip');
    expect(leaf!.remediation).toMatch(/Check HTTPS_PROXY \/ HTTP_PROXY/);
  });

  test('skip with the cure: a network that demands a proxy (HTTP 407 without a proxy set)', async () => {
    const [leaf] = await run([failed('http://a/x.crl', 'proxy-error', 'a answered HTTP 407 Proxy Authentication Required', 407)]);
    expect(leaf!.status).toBe('skip');
    expect(leaf!.message).toMatch(/only lets traffic out through a proxy: set HTTPS_PROXY \/ HTTP_PROXY/);
  });

  test('fail stays fail: a 404 next to a DNS failure', async () => {
    const [leaf] = await run(
      [failed('http://a/x.crl', 'dns-error', 'cannot resolve a'), failed('http://b/x.crl', 'http-error', 'HTTP 404 Not Found', 404)],
      undefined,
      false,
      [failed('http://c/int.crl', 'dns-error', 'cannot resolve c')],
    );
    expect(leaf!.status).toBe('fail');
  });
});

describe('a CRL from --cache-dir', () => {
  test('pass, saying it came from the cache and when it was fetched, not that the server answers', async () => {
    const [leaf] = await run([{ ...ok('http://ca.example/a.crl'), contacted: [], fromCache: true, fetchedAt: '2026-11-21T08:00:00.000Z' }]);
    expect(leaf!.status).toBe('pass');
    expect(leaf!.message).toMatch(/from cache \(fetched at 2026-11-21T08:00:00\.000Z; nothing was downloaded now\)/);
    expect(leaf!.message).not.toMatch(/answers,/);
    expect(leaf!.evidence!.fetched).toEqual([]);
  });

  test('a stale cached CRL warns and names the cache', async () => {
    const [leaf] = await run([{ ...ok('http://ca.example/a.crl', '2026-11-20T12:00:00.000Z'), contacted: [], fromCache: true }]);
    expect(leaf!.status).toBe('warn');
    expect(leaf!.message).toMatch(/from cache \(fetched at an unknown time/);
  });
});
