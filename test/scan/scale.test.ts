/**
 * `byoc-check scan` at scale, in-process: generated repositories of 50 and 200 trunks in four SBC
 * formats, each trunk with its own chain: every chain checked, a schema-valid report, and a growth check
 * (test/helpers/growth.ts) in place of a throughput floor, which a loaded CI machine could miss.
 */
import type { Report } from '../../src/report/types.js';
import { scan } from '../../src/scan/scan.js';
import { expectLinear } from '../helpers/growth.js';
import { assertValidReport } from '../helpers/run.js';
import { scanOptionsOf, scanRepo } from '../helpers/scan-repo.js';

// No absolute floor: a loaded CI machine can miss any; `npm run bench` reports chains/s (target 1,000 on 1,000 trunks).

async function scanOptions(trunks: number) {
  return scanOptionsOf(await scanRepo(trunks));
}

test('200 trunks: every chain checked, linear growth from 50, a schema-valid report', async () => {
  const repos = new Map([
    [1, await scanOptions(50)],
    [4, await scanOptions(200)],
  ]);
  const { report }: { report: Report } = await scan(repos.get(4)!);
  const checked = report.trunks!.filter((t) => t.chains.some((c) => 'file' in c && c.file));
  expect(checked).toHaveLength(200);
  expect(new Set(report.endpoints!.map((e) => e.format))).toEqual(new Set(['kamailio', 'opensips', 'asterisk', 'freeswitch']));
  // Every chain builds to the lab root, whatever the configuration format.
  expect(report.results.filter((r) => r.rule === 'chain-complete').map((r) => r.status)).toEqual(Array(200).fill('pass'));
  assertValidReport(JSON.parse(JSON.stringify(report)));
  // 4x the trunks in well under 16x the time: a scan that turns quadratic in trunks or files fails.
  await expectLinear((scale) => scan(repos.get(scale)!));
}, 180_000);
