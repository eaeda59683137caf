/**
 * Golden examples: every example in examples/examples.json runs through the built CLI and its rule
 * statuses and unchecked areas must equal examples/<name>/expected.json. UPDATE_GOLDEN=1 rewrites the expectations.
 * An example with `cwd` (a configuration repository for `scan`) runs there, its arguments relative to it.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import manifest from '../examples/examples.json' with { type: 'json' };
import { assertValidReport, cli, ROOT } from './helpers/run.js';

const AT = ['--at', '2027-01-01T00:00:00Z'];

describe.each(manifest.examples.map((e) => [e.name, e] as const))('example %s', (name, example) => {
  test('rule statuses match expected.json', () => {
    const cwd = 'cwd' in example && example.cwd ? join(ROOT, example.cwd) : undefined;
    const run = cli([...example.args.map((a) => (!cwd && a.startsWith('examples/') ? join(ROOT, a) : a)), ...AT, '--format', 'json'], {
      cwd,
    });
    expect(run.stderr).toBe('');
    const report = assertValidReport(JSON.parse(run.stdout));
    const statuses: Record<string, string[]> = {};
    for (const r of report.results) (statuses[r.rule] ??= []).push(r.suppressed ? `${r.status} (suppressed)` : r.status);
    const unchecked = report.unchecked.map((u) => ({ area: u.area, rules: u.rules }));
    const actual = { exitCode: run.status, ok: report.ok, statuses, unchecked };
    const file = join(ROOT, 'examples', name, 'expected.json');
    if (process.env.UPDATE_GOLDEN || !existsSync(file)) writeFileSync(file, JSON.stringify(actual, null, 2) + '\n');
    expect(actual).toEqual(JSON.parse(readFileSync(file, 'utf8')));
  });
});
