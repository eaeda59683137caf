/** Readable report for a telephony engineer: the scan's, the probe's or the chain check's; a pure function of the report. */
import type { Report } from '../report/types.js';
import { formatChainText } from './chain-text.js';
import { paint, plain, type Painter } from './paint.js';
import { formatProbeText } from './probe-text.js';
import { formatScanText } from './scan-text.js';

export { marked, plain, type Painter } from './paint.js';

/**
 * `chalk` is a chalk instance (colour) or `plain`; chalk is only loaded when colour is on. Text
 * from the input (names, subjects, URIs, messages quoting them) goes through `printable`.
 */
export function formatText(report: Report, options: { chalk?: Painter; base?: string } = {}): string {
  const chalk = options.chalk ?? plain;
  if (report.scan) return formatScanText(report, chalk, (status, text) => paint(chalk, status, text));
  if (report.probe) return formatProbeText(report, { chalk });
  return formatChainText(report, options);
}
