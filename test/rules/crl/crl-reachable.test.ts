/** crl-reachable as a pure function of CRL facts; the HTTP behaviours are in test/probes/crl.test.ts. */
import rule from '../../../rules/crl/crl-reachable.js';
import type { CrlFetch } from '../../../src/model/crl.js';
import { ctx, decodePem } from '../../helpers/context.js';
import { fixtures } from '../../helpers/fixtures.js';

async function run(fetches: CrlFetch[], urls = fetches.map((f) => f.url), offline = false) {
  const { pki } = await fixtures();
  const [leaf] = decodePem(pki.leaf.pem);
  const [intermediate] = decodePem(pki.intermediate.pem);
  return rule.check(ctx([{ cert: leaf!, role: 'leaf', inputIndex: 0 }, { cert: intermediate!, role: 'intermediate', inputIndex: 1 }], {
    offline,
    crl: { attempted: !offline, timeoutSeconds: 10, certificates: [{ pathIndex: 0, urls, fetches }, { pathIndex: 1, urls: ['http://ca.example/int.crl'], fetches: [ok('http://ca.example/int.crl')] }] },
  }));
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
    { url: 'http://a/x.crl', outcome: 'timeout', detail: 'no complete answer within 10 s', contacted: ['http://a/x.crl'], elapsedMs: 10000 },
    { url: 'http://b/x.crl', outcome: 'http-error', detail: 'HTTP 404 Not Found', httpStatus: 404, contacted: ['http://b/x.crl'], elapsedMs: 5 },
  ]);
  expect(leaf!.status).toBe('fail');
  expect(leaf!.message).toMatch(/http:\/\/a\/x\.crl: no complete answer within 10 s; http:\/\/b\/x\.crl: HTTP 404/);
});

test('warn: the CRL could not be verified because the issuer is not on this machine', async () => {
  const [leaf] = await run([{ url: 'http://a/x.crl', outcome: 'no-issuer', detail: 'the issuer certificate is not available', contacted: ['http://a/x.crl'], elapsedMs: 5 }]);
  expect(leaf!.status).toBe('warn');
});
