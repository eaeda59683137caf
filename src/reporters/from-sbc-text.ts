/**
 * The text and Markdown forms of a `probe --from-sbc` report: the verdict, then a section per Genesys proxy
 * (handshake, chain received, what it chains to or what the CA file lacks, the results). Pure functions of the report.
 */
import type { Status } from '../engine/types.js';
import type { FromSbcReport } from '../report/types.js';
import { printable } from '../util/text.js';
import { cell } from './markdown.js';
import { plain, type Painter } from './text.js';
import { STATUS_SYMBOL, worstFirst } from './common.js';

export function formatFromSbcText(report: FromSbcReport, options: { chalk?: Painter } = {}): string {
  const chalk = options.chalk ?? plain;
  const f = report.fromSbc;
  const { pass, fail, warn, skip } = report.summary;
  const paint = (s: Status, text: string) =>
    s === 'fail' ? chalk.red(text) : s === 'warn' ? chalk.yellow(text) : s === 'pass' ? chalk.green(text) : text;
  const lines = [
    paint(fail ? 'fail' : warn ? 'warn' : 'pass', chalk.bold(printable(report.verdict))) +
      ` (${pass} passed, ${fail} failed, ${warn} warnings, ${skip} skipped)`,
    `byoc-check ${report.tool.version} probe --from-sbc: the SBC's side of ${f.targets.length} Genesys prox${f.targets.length === 1 ? 'y' : 'ies'}; CA file ${printable(f.ca.file)} (${f.ca.certificates.length} certificate${f.ca.certificates.length === 1 ? '' : 's'}); client settings: ${f.settings.ciphers ? `--ciphers '${printable(f.settings.ciphers)}'` : 'default ciphers'}, ${f.settings.curves ? `--curves '${printable(f.settings.curves)}'` : 'default groups'}; checked at ${report.checkedAt}`,
  ];
  for (const t of f.targets) {
    const h = t.handshake;
    lines.push(
      '',
      chalk.bold(`── ${printable(t.name)}${t.connectTo ? ` (connected to ${t.connectTo})` : ''}${t.region ? `  region ${t.region}` : ''}`),
    );
    lines.push(
      `  handshake    ${h.ok ? `${h.version} ${h.suite}${h.group ? ` ${h.group}` : ''} in ${h.ms} ms` : `failed (${h.failure}): ${printable(h.message ?? '')}`}`,
    );
    if (t.chain.length) {
      lines.push('  chain received');
      t.chain.forEach((c, i) =>
        lines.push(`    [${i}] ${printable(c.subject)}  issuer ${printable(c.issuer)}  notAfter ${c.notAfter.slice(0, 10)}`),
      );
    }
    if (t.path?.anchor) lines.push(`  chains to    ${printable(t.path.anchor.subject)} (in the CA file)`);
    else if (t.path?.missingIssuer)
      lines.push(
        `  missing      ${printable(t.path.missingIssuer.subject)} (hash ${t.path.missingIssuer.hash}): neither sent nor in the CA file`,
      );
    const results = report.results.filter((r) => r.target === `proxy[${t.name}]`).sort(worstFirst);
    for (const r of results) {
      lines.push(`  ${paint(r.status, `${STATUS_SYMBOL[r.status]} ${r.status.padEnd(4)}`)} ${r.rule}  ${printable(r.message)}`);
      if (r.status === 'fail' || r.status === 'warn') lines.push(chalk.dim(`      fix: ${printable(r.remediation)}`));
    }
  }
  return lines.join('\n') + '\n';
}

export function formatFromSbcMarkdown(report: FromSbcReport): string {
  const f = report.fromSbc;
  const colon = report.verdict.indexOf(': ');
  const lines = [
    `## byoc-check probe --from-sbc: ${cell(f.targets.map((t) => t.name).join(', '))}`,
    '',
    `**${report.verdict.slice(0, colon)}:** ${cell(report.verdict.slice(colon + 2))}`,
    '',
    `CA file ${cell(f.ca.file)}; checked at ${report.checkedAt}; byoc-check ${cell(report.tool.version)}.`,
    '',
    '| Status | Rule | Proxy | Finding | Fix |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const r of [...report.results].sort(worstFirst))
    lines.push(
      `| ${r.status} | ${cell(r.rule)} | ${cell(r.target)} | ${cell(r.message)} | ${r.status === 'fail' || r.status === 'warn' ? cell(r.remediation) : ''} |`,
    );
  return lines.join('\n') + '\n';
}
