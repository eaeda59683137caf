// `npm run fuzz`: every fuzz target of test/fuzz/targets.ts for FUZZ_SECONDS each (default 60),
// then a table of inputs, inputs per second, the slowest input and how many inputs were refused
// with the parser's own error. FUZZ_SEED=n replays a run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const report = join(mkdtempSync(join(tmpdir(), 'byoc-fuzz-')), 'report.json');
const env = {
  ...process.env,
  FUZZ_SECONDS: process.env.FUZZ_SECONDS ?? '60',
  FUZZ_REPORT: report,
  NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules`.trim(),
};
const run = spawnSync(process.execPath, ['node_modules/jest/bin/jest.js', 'test/fuzz'], { stdio: 'inherit', env });
let data;
try {
  data = JSON.parse(readFileSync(report, 'utf8'));
} catch {
  process.exit(run.status ?? 1);
}
const rows = data.stats.map(
  (s) =>
    `${s.target.padEnd(52)} ${String(s.inputs).padStart(9)} ${s.seconds.toFixed(1).padStart(7)} ${String(Math.round(s.perSecond)).padStart(8)} ${String(s.slowestMs).padStart(8)} ${String(s.refused).padStart(9)}`,
);
const total = data.stats.reduce((n, s) => n + s.inputs, 0);
console.log(`\nfuzz: ${data.budgetMs / 1000} s per target${data.seed === null ? '' : `, seed ${data.seed}`}`);
console.log(
  `${'target'.padEnd(52)} ${'inputs'.padStart(9)} ${'seconds'.padStart(7)} ${'inputs/s'.padStart(8)} ${'max ms'.padStart(8)} ${'refused'.padStart(9)}`,
);
console.log(rows.join('\n'));
console.log(`total ${total} inputs`);
process.exit(run.status ?? 1);
