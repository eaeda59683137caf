import type { Report } from './types.js';

/** What an exit code depends on; every command's report has these (data-actions and genesys have no unchecked areas). */
export type Gradable = Pick<Report, 'ok' | 'summary'> & { unchecked?: Report['unchecked']; options?: Pick<Report['options'], 'offline'> };

/**
 * The exit code a run ends with (the CLI's contract): decided here only, so the process status and
 * what a report records (SARIF's invocations[].exitCode) cannot disagree.
 */
export function exitCodeOf(report: Gradable, strict: boolean): 0 | 1 {
  if (!report.ok) return 1;
  // --strict gates a go-live: a warning, or an area left unchecked for want of input, is not a pass.
  // CRLs left out by --offline (or scan without --online) were left out knowingly.
  const unchecked = (report.unchecked ?? []).filter((u) => !(u.area === 'crl' && report.options?.offline));
  return strict && (report.summary.warn > 0 || unchecked.length > 0) ? 1 : 0;
}

/** A fleet fails when one target fails, or (probe --genesys) when a setting of the org's trunks fails. */
export function fleetExitCodeOf(
  fleet: { fleet: { targets: Array<{ report: Gradable }> }; results: Array<{ status: string }> },
  strict: boolean,
): 0 | 1 {
  const failing =
    fleet.fleet.targets.some((t) => exitCodeOf(t.report, strict) === 1) ||
    fleet.results.some((r) => r.status === 'fail' || (strict && r.status === 'warn'));
  return failing ? 1 : 0;
}
