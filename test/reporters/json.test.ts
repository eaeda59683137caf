/** The JSON report in pieces is byte for byte the JSON report in one piece. */
import { formatJson, jsonChunks } from '../../src/reporters/json.js';
import { chainReport, scanReport } from '../helpers/reports.js';

test.each([
  ['a single-chain report', chainReport],
  ['a scan-like report', scanReport],
])('%s', async (_, make) => {
  const report = await make();
  for (const size of [1, 2, 7, 256, 1 << 20]) expect([...jsonChunks(report, {}, size)].join('')).toBe(formatJson(report));
  expect([...jsonChunks(report, {}, 2)].length).toBeGreaterThan(1);
});

test('empty arrays, nested arrays, nulls, undefined fields and escapes come out as JSON.stringify writes them', () => {
  const odd = { a: [], b: [1, { c: [2, []] }, 'x\ny'], d: null, e: undefined, f: { g: [] }, h: '\u2028"' } as unknown as Parameters<
    typeof formatJson
  >[0];
  expect([...jsonChunks(odd, {}, 1)].join('')).toBe(formatJson(odd));
});
