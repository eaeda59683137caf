/** The chain check's text report (`byoc-check CHAIN`, and the chain part of the probe's); a pure function of the report. */
import type { Report } from '../report/types.js';
import { locationText, STATUS_SYMBOL, worstFirst } from './common.js';
import { marked, paint, plain, type Painter } from './paint.js';
import { printable as p } from '../util/text.js';

/**
 * `chalk` is a chalk instance (colour) or `plain`; chalk is only loaded when colour is on. Text
 * from the input (names, subjects, URIs, messages quoting them) goes through `printable`.
 */
export function formatChainText(report: Report, options: { chalk?: Painter; base?: string } = {}): string {
  const chalk = options.chalk ?? plain;
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
  const sorted = [...report.results].sort(worstFirst);
  for (const r of sorted) {
    const head = `  ${paint(chalk, r.status, `${STATUS_SYMBOL[r.status]} ${r.status.padEnd(4)}`)} ${chalk.bold(r.rule)} ${chalk.dim(p(r.target))}`;
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
