/** Readable report for a telephony engineer; a pure function of the report. */
import type { ChalkInstance } from 'chalk';
import type { RuleResult, Status } from '../engine/types.js';
import type { Report } from '../report/types.js';
import { formatProbeText } from './probe-text.js';
import { formatScanText } from './scan-text.js';
import { locationText } from './common.js';
import { printable as p } from '../util/text.js';

const ORDER: Status[] = ['fail', 'warn', 'pass', 'skip'];
const SYMBOL: Record<Status, string> = { fail: '✖', warn: '!', pass: '✔', skip: '-' };

/** The subset of chalk this reporter uses; plain text when colour is off. */
export type Painter = Pick<ChalkInstance, 'red' | 'yellow' | 'green' | 'dim' | 'bold'> & {
  red: { bold: (s: string) => string };
  yellow: { bold: (s: string) => string };
  green: { bold: (s: string) => string };
};

const same = (s: string) => s;
const plainBold = Object.assign(same, { bold: same });
export const plain = { red: plainBold, yellow: plainBold, green: plainBold, dim: same, bold: same } as unknown as Painter;

function paint(chalk: Painter, status: Status, text: string): string {
  return status === 'fail'
    ? chalk.red(text)
    : status === 'warn'
      ? chalk.yellow(text)
      : status === 'pass'
        ? chalk.green(text)
        : chalk.dim(text);
}

/** The URI with the offending part underlined, when a result marks one. */
export function marked(result: RuleResult): string[] {
  const evidence = result.evidence ?? {};
  const uri = evidence.uri;
  const mark = evidence.mark as { start: number; end: number } | undefined;
  if (typeof uri !== 'string' || !mark || mark.start < 0) return [];
  // Offsets count characters of the URI as given; escaped control characters are wider.
  return [
    `      ${p(uri)}`,
    `      ${' '.repeat(p(uri.slice(0, mark.start)).length)}${'^'.repeat(Math.max(1, p(uri.slice(mark.start, mark.end)).length))}`,
  ];
}

/**
 * `chalk` is a chalk instance (colour) or `plain`; chalk is only loaded when colour is on. Text
 * from the input (names, subjects, URIs, messages quoting them) goes through `printable`.
 */
export function formatText(
  report: Report,
  options: {
    chalk?: Painter;
    base?: string;
    /** The probe's own header was written: go on with the chain report. */ probeHeaderDone?: boolean;
  } = {},
): string {
  const chalk = options.chalk ?? plain;
  if (report.scan) return formatScanText(report, chalk, (status, text) => paint(chalk, status, text));
  if (report.probe && !options.probeHeaderDone) return formatProbeText(report, { chalk });
  const lines: string[] = [];
  lines.push(
    chalk.bold(
      `byoc-check ${report.tool.version}: ${p(report.input.name)} (${report.input.format.toUpperCase()}, ${report.input.certificates} certificate${report.input.certificates === 1 ? '' : 's'})`,
    ),
  );
  lines.push(chalk.dim(`checked at ${report.checkedAt}; trust anchors: ${p(report.trust.anchors)}`));
  lines.push('');
  lines.push(chalk.bold('Certificates'));
  for (const c of report.certificates) {
    const key = c.keyBits ? `${c.keyType} ${c.keyBits}` : c.curve ? `${c.keyType} ${c.curve}` : c.keyType;
    const where = c.presented ? `#${c.inputIndex! + 1} in file` : `from ${c.origin}`;
    lines.push(`  [${c.index}] ${c.role.padEnd(12)} ${p(c.subject)}`);
    lines.push(
      chalk.dim(
        `      hash ${c.subjectHash}  issuer hash ${c.issuerHash}  ${key}  ${c.notBefore.slice(0, 10)} .. ${c.notAfter.slice(0, 10)}  ${where}`,
      ),
    );
  }
  lines.push('');
  lines.push(chalk.bold('Results'));
  const sorted = [...report.results].sort((a, b) => ORDER.indexOf(a.status) - ORDER.indexOf(b.status));
  for (const r of sorted) {
    const head = `  ${paint(chalk, r.status, `${SYMBOL[r.status]} ${r.status.padEnd(4)}`)} ${chalk.bold(r.rule)} ${chalk.dim(p(r.target))}`;
    lines.push(`${head}  ${p(r.message)}`);
    if (r.status === 'fail' || r.status === 'warn') {
      lines.push(...marked(r));
      const where = locationText(r, options.base);
      if (where) lines.push(chalk.dim(`      at: ${p(where)}${r.location?.key ? ` (${r.location.key})` : ''}`));
      if (r.suppressed) lines.push(chalk.dim(`      suppressed: ${p(r.suppressed.reason)}`));
      lines.push(chalk.dim(`      fix: ${p(r.remediation)}`));
      lines.push(chalk.dim(`      source: ${p(r.source)}`));
    }
  }
  lines.push('');
  const { pass, fail, warn, skip } = report.summary;
  const verdict = (fail ? chalk.red.bold : warn ? chalk.yellow.bold : report.unchecked.length ? chalk.bold : chalk.green.bold)(
    report.verdict,
  );
  lines.push(`${verdict} ${chalk.dim(`(${pass} passed, ${fail} failed, ${warn} warning${warn === 1 ? '' : 's'}, ${skip} skipped)`)}`);
  return lines.join('\n') + '\n';
}
