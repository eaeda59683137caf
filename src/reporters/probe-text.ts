/**
 * The probe's text report: the verdict and the few things to change first, then what the wire
 * showed, then every result as for a file check. A pure function of the report.
 */
import type { Report } from '../report/types.js';
import { formatChainText } from './chain-text.js';
import { plain, type Painter } from './paint.js';

const yes = (ok: boolean) => (ok ? 'yes' : 'no');

export function formatProbeText(report: Report, options: { chalk?: Painter } = {}): string {
  const chalk = options.chalk ?? plain;
  const p = report.probe!;
  const lines: string[] = [];
  const { fail, warn } = report.summary;
  const host = (h: string) => (h.includes(':') ? `[${h}]` : h);
  const where = `${host(p.target.host)}:${p.target.port}${p.target.address && p.target.address !== p.target.host ? ` (${p.target.address})` : ''}`;
  // READY only when every area was checked: what was not is named on the same line (report.unchecked).
  const at = report.verdict.indexOf('not checked: ');
  const notChecked = report.unchecked.length && at >= 0 ? ` ${report.verdict.slice(at).replace(/^not/, 'Not')}` : '';
  const warnings = `${warn} warning${warn === 1 ? '' : 's'} to review`;
  const verdict = fail
    ? chalk.red.bold(`NOT READY: ${where} fails ${fail} check${fail === 1 ? '' : 's'}; Genesys BYOC Cloud will not work with it as it is.`)
    : notChecked
      ? (warn ? chalk.yellow : chalk.green).bold(
          `${warn ? 'READY WITH WARNINGS FOR WHAT WAS CHECKED' : 'READY FOR WHAT WAS CHECKED'}: ${where} ${warn ? `works with BYOC Cloud as far as checked; ${warnings}` : 'passes what was checked'}.${notChecked}`,
        )
      : warn
        ? chalk.yellow.bold(`READY WITH WARNINGS: ${where} works with BYOC Cloud; ${warnings}.`)
        : chalk.green.bold(`READY: ${where} passes every check BYOC Cloud makes.`);
  lines.push(verdict);
  const todo = report.results
    .filter((r) => r.status === 'fail' || r.status === 'warn')
    .sort((a, b) => (a.status === b.status ? 0 : a.status === 'fail' ? -1 : 1));
  if (todo.length) {
    lines.push('', chalk.bold('Change first'));
    const seen = new Set<string>();
    for (const r of todo) {
      if (seen.has(r.remediation)) continue;
      seen.add(r.remediation);
      lines.push(
        `  ${r.status === 'fail' ? chalk.red('✖') : chalk.yellow('!')} ${chalk.bold(r.rule)}: ${r.message}`,
        chalk.dim(`      fix: ${r.remediation}`),
      );
      if (seen.size === 5) break;
    }
  }
  lines.push('', chalk.bold(`Observed on the wire (${p.ms} ms, timeout ${p.timeoutS} s, SNI ${p.sni ?? 'none'})`));
  if (p.fault) lines.push(`  ${p.fault.message}`);
  else {
    const versions = Object.entries(p.versions)
      .map(([v, ok]) => `${v} ${yes(ok)}`)
      .join(', ');
    lines.push(`  versions     ${versions}`);
    const suites = Object.entries(p.suites);
    lines.push(
      `  BYOC suites  ${
        suites
          .filter(([, ok]) => ok)
          .map(([s]) => s)
          .join(', ') || 'none accepted'
      } (${suites.filter(([, ok]) => ok).length} of ${suites.length})`,
    );
    lines.push(
      `  groups       ${Object.entries(p.groups)
        .map(([g, ok]) => `${g} ${yes(ok)}`)
        .join(', ')}`,
    );
    lines.push(
      `  BYOC-like    ${p.negotiated ? `${p.negotiated.version} ${p.negotiated.suite}${p.negotiated.group ? ` ${p.negotiated.group}` : ''}` : 'refused'}`,
    );
    lines.push(`  client cert  ${p.clientCertificate}`);
    lines.push(
      `  chain sent   ${p.chainSent.length ? p.chainSent.map((c, i) => `[${i}] ${c.subject} (${c.key})`).join('; ') : 'none seen'}`,
    );
    if (p.chainWithoutSni)
      lines.push(
        `  without SNI  ${p.chainWithoutSni.map((c, i) => `[${i}] ${c.subject}`).join('; ')} — differs: Genesys sends SNI ${p.sni}, so it gets the chain above.`,
      );
    lines.push(
      `  SIP OPTIONS  ${p.sip.answered ? `${p.sip.statusLine ?? `${p.sip.status} ${p.sip.reason}`}${p.sip.server ? ` (${p.sip.server})` : ''} in ${p.sip.ms} ms` : `no answer: ${p.sip.error}${p.sip.detail ? ` (${p.sip.detail})` : ''}`}`,
    );
  }
  lines.push('');
  return lines.join('\n') + '\n' + formatChainText(report, options);
}
