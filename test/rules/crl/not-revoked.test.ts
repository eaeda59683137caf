/** not-revoked as a pure function of CRL facts; the HTTP behaviours are in test/providers/crl.test.ts. */
import rule from '../../../rules/crl/not-revoked.js';
import type { CrlFetch } from '../../../src/model/crl.js';
import { ctx, decodePem } from '../../helpers/context.js';
import { fixtures } from '../../helpers/fixtures.js';

async function run(fetches: CrlFetch[], offline = false) {
  const { pki } = await fixtures();
  const [leaf] = decodePem(pki.leaf.pem);
  return rule.check(
    ctx([{ cert: leaf!, role: 'leaf', inputIndex: 0 }], {
      offline,
      crl: { attempted: !offline, timeoutSeconds: 10, certificates: [{ pathIndex: 0, urls: fetches.map((f) => f.url), fetches }] },
    }),
  );
}

const base: CrlFetch = {
  url: 'http://ca.example/a.crl',
  outcome: 'ok',
  detail: '',
  contacted: ['http://ca.example/a.crl'],
  elapsedMs: 3,
  thisUpdate: '2026-11-21T00:00:00.000Z',
  nextUpdate: '2026-11-29T00:00:00.000Z',
};

test('pass: verified CRL does not list the serial', async () => {
  expect((await run([base]))[0]!.status).toBe('pass');
});

test('fail: listed, with date and reason', async () => {
  const [f] = await run([{ ...base, revoked: { serial: 'ABCD', date: '2026-11-01T00:00:00.000Z', reason: 'keyCompromise' } }]);
  expect(f!.status).toBe('fail');
  expect(f!.message).toMatch(/revoked on 2026-11-01 \(reason: keyCompromise\)/);
});

test('skip: no verified CRL, so the status is unknown', async () => {
  expect((await run([{ ...base, outcome: 'bad-signature', detail: 'x' }]))[0]!.status).toBe('skip');
});

test('skip: --offline', async () => {
  expect((await run([], true))[0]!.status).toBe('skip');
});
