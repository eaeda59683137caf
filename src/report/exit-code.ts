import type { Report } from './types.js';

/**
 * The exit code a run ends with (the CLI's contract): decided here only, so the process status and
 * what a report records (SARIF's invocations[].exitCode) cannot disagree.
 */
export function exitCodeOf(report: Report, strict: boolean): 0 | 1 {
  if (!report.ok) return 1;
  // --strict gates a go-live: a warning, or an area left unchecked for want of input, is not a pass.
  // CRLs left out by --offline (or scan without --online) were left out knowingly.
  const unchecked = report.unchecked.filter((u) => !(u.area === 'crl' && report.options.offline));
  return strict && (report.summary.warn > 0 || unchecked.length > 0) ? 1 : 0;
}
