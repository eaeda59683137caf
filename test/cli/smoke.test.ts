import { standardPki, writeFiles, NOW } from '../helpers/pki.js';
import { runCheck, worst } from '../helpers/run.js';

test('a good lab chain passes every path rule against its own root', async () => {
  const pki = await standardPki();
  const f = writeFiles({ 'chain.pem': pki.leaf.pem + pki.intermediate.pem, 'root.pem': pki.root.pem });
  const report = await runCheck({ chain: f['chain.pem']!, caFile: f['root.pem'], at: NOW, sbcs: ['sbc1.example.com'] });
  for (const rule of [
    'chain-complete',
    'chain-order',
    'chain-signatures',
    'root-accepted',
    'cert-validity',
    'leaf-key',
    'leaf-usage',
    'ca-constraints',
    'subject-name',
  ]) {
    expect([rule, worst(report, rule)]).toEqual([rule, 'pass']);
  }
  expect(report.ok).toBe(true);
});
