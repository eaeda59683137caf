/**
 * Markdown for tickets and pull-request comments: the verdict, a table of failures and warnings
 * with location and fix, then the certificates. No colour codes, no raw HTML. A pure function of the report.
 */
import type { RuleResult } from '../engine/types.js';
import type { Report } from '../report/types.js';
import { displayPath, locationText, visibleControls } from './common.js';

export interface MarkdownOptions {
  strict?: boolean;
  base?: string;
}

/** One table cell: every Markdown and HTML special character escaped, one line, no pipes. */
export function cell(text: string): string {
  return visibleControls(text.replace(/\r\n|\r|\n/g, ' '))
    .replace(/[\\`*_{}[\]<>#+!|~&$]/g, '\\$&')
    .trim();
}

const code = (text: string) => (/^[\w.\-[\]:@/]+$/.test(text) ? `\`${text}\`` : cell(text));
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function verdict(report: Report, strict: boolean): string {
  const { pass, fail, warn, skip } = report.summary;
  const counts = `${pass} passed, ${fail} failed, ${plural(warn, 'warning')}, ${skip} skipped`;
  if (fail) return `**NOT READY:** ${plural(fail, 'failed check')}; Genesys will refuse this trunk as it is. (${counts})`;
  if (warn && strict) return `**NOT READY (--strict):** ${plural(warn, 'warning')} to fix before go-live. (${counts})`;
  // Anything unchecked: the report's own verdict line, which names it (READY only when every area was checked).
  if (report.unchecked?.length) {
    const colon = report.verdict.indexOf(': ');
    return `**${report.verdict.slice(0, colon)}:** ${report.verdict.slice(colon + 2)} (${counts})`;
  }
  if (warn) return `**READY WITH WARNINGS:** ${plural(warn, 'warning')} to review. (${counts})`;
  return `**READY:** every check passed. (${counts})`;
}

function findingRow(r: RuleResult, base?: string): string {
  const status = r.status === 'fail' ? '❌ fail' : '⚠️ warn';
  const where = locationText(r, base);
  const target = [r.trunk, r.endpoint !== r.target ? r.endpoint : undefined, r.target].filter(Boolean).join(' / ');
  const finding = r.suppressed ? `${cell(r.message)} *(suppressed: ${cell(r.suppressed.reason)})*` : cell(r.message);
  return `| ${status} | ${code(r.rule)} | ${code(target)} | ${where ? code(where) : '–'} | ${finding} | ${cell(r.remediation)} |`;
}

export function formatMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const strict = options.strict ?? false;
  const lines: string[] = [];
  const n = report.input.certificates;
  lines.push(`## byoc-check: ${code(displayPath(report.input.name, options.base))}`, '');
  lines.push(verdict(report, strict), '');
  lines.push(
    `${report.input.format.toUpperCase()}, ${plural(n, 'certificate')}; checked at ${report.checkedAt} against ${cell(report.trust.anchors)}; byoc-check ${cell(report.tool.version)}.`,
    '',
  );
  const findings = report.results
    .filter((r) => r.status === 'fail' || r.status === 'warn')
    .sort((a, b) => (a.status === b.status ? 0 : a.status === 'fail' ? -1 : 1));
  if (findings.length) {
    lines.push('### Failures and warnings', '');
    lines.push('| Status | Rule | Target | Location | Finding | Fix |', '| --- | --- | --- | --- | --- | --- |');
    for (const r of findings) lines.push(findingRow(r, options.base));
    lines.push('');
  }
  lines.push('### Certificates', '');
  lines.push('| # | Role | Subject | Key | Valid until | Subject hash | From |', '| --- | --- | --- | --- | --- | --- | --- |');
  for (const c of report.certificates) {
    const key = c.keyBits ? `${c.keyType} ${c.keyBits}` : c.curve ? `${c.keyType} ${c.curve}` : c.keyType;
    const from = c.presented ? `#${c.inputIndex! + 1} in file` : c.origin;
    lines.push(
      `| ${c.index} | ${c.role} | ${cell(c.subject)} | ${cell(key)} | ${c.notAfter.slice(0, 10)} | \`${c.subjectHash}\` | ${cell(from)} |`,
    );
  }
  return lines.join('\n') + '\n';
}
