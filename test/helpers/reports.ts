/**
 * Reports for reporter tests: a real check of generated chains, then dressed the way `scan` will
 * dress results (source locations, trunks, endpoints, suppressions), and hostile text for escaping.
 */
import type { RuleResult } from '../../src/engine/types.js';
import type { Report } from '../../src/report/types.js';
import { fixtures } from './fixtures.js';
import { assertValidReport, runCheck } from './run.js';

export const AT = new Date('2026-11-22T12:00:00Z');
export const HOSTILE = 'Bad | pipe\nnew line <script>alert(1)</script> *star* [link](http://x) `tick` & \u0007bell \u001b[31mred\u001b[0m';

/** A single-chain check with failures, warnings, passes and skips (expired leaf, chain in reverse order). */
export async function chainReport(): Promise<Report> {
  const { files } = await fixtures();
  const report = await runCheck({
    chain: files['expired.pem']!,
    caFile: files['root.pem']!,
    at: AT,
    uris: ['sip:+13175550100@lb01.voice.use1.pure.cloud:5060'],
    sbcs: ['sbc1.example.com'],
    warnDays: 36500,
  });
  expect(report.summary.fail).toBeGreaterThan(0);
  expect(report.summary.warn + report.summary.pass + report.summary.skip).toBeGreaterThan(0);
  return report;
}

/**
 * A scan-like report: the chain's results under two trunks, some with a location in an SBC config,
 * one suppressed, one with hostile text. `line` moves the locations, as an edit above them would.
 */
export async function scanReport(options: { line?: number; wording?: string } = {}): Promise<Report> {
  const base = await chainReport();
  const line = options.line ?? 12;
  const dress = (r: RuleResult, trunk: string, i: number): RuleResult => {
    const out: RuleResult = { ...r, trunk, endpoint: `endpoint[${trunk === 'carrier-a' ? 0 : 1}]` };
    if (r.rule === 'sip-port' || r.rule === 'cert-validity')
      out.location = { file: `configs/${trunk}/kamailio-tls.cfg`, line: line + i, column: 5, key: 'method' };
    if (r.rule === 'chain-order' && r.status !== 'pass') out.location = { file: `configs/${trunk}/chain.pem` };
    if (options.wording) out.message = `${options.wording} ${r.message}`;
    return out;
  };
  const a = base.results.map((r, i) => dress(r, 'carrier-a', i));
  const b = base.results.map((r, i) => dress(r, 'carrier-b', i));
  const failB = b.findIndex((r) => r.status === 'fail');
  b[failB] = { ...b[failB]!, suppressed: { reason: 'Accepted until the renewal on 2026-12-01 (ticket 4711)' } };
  const warnA = a.findIndex((r) => r.status === 'warn' || r.status === 'fail');
  a[warnA] = { ...a[warnA]!, message: HOSTILE, remediation: `Fix | this\nnow <b>bold</b>` };
  return assertValidReport(
    JSON.parse(
      JSON.stringify({ ...base, results: [...a, ...b], summary: count([...a, ...b]), ok: ![...a, ...b].some((r) => r.status === 'fail') }),
    ),
  );
}

function count(results: RuleResult[]) {
  const summary = { pass: 0, fail: 0, warn: 0, skip: 0 };
  for (const r of results) summary[r.status]++;
  return summary;
}
