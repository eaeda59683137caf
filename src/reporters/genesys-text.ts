/** The text and Markdown views of the `genesys` report: pure functions of the report. */
import { sourceText, type GenesysReport, type GenesysTrunkJson } from '../genesys/report.js';
import { cell } from './markdown.js';
import { plural, printable } from '../util/text.js';
import { STATUS_SYMBOL, worstFirst } from './common.js';

function trunkLines(t: GenesysTrunkJson): string[] {
  const servers = t.sipServers ? t.sipServers.entries.map((e) => e.raw).join(', ') || '(none)' : 'unknown';
  return [
    `  "${t.name}" (${t.id}) ${t.protocol ? t.protocol.value.toUpperCase() : 'protocol unknown'}, ${t.enabled ? (t.enabled.value ? 'enabled' : 'disabled') : 'enabled unknown'}  ${t.input}`,
    `      SIP servers: ${servers}`,
    `      Inbound SIP Termination Identifier: ${t.terminationUri ? t.terminationUri.value || '(empty)' : 'unknown'}`,
    `      SRTP suites: ${t.srtpCipherSuites ? t.srtpCipherSuites.value.join(', ') : 'not set (the platform default, AES_CM_128_HMAC_SHA1_80)'}`,
    ...t.notes.map((n) => `      note: ${n}`),
  ];
}

/** Verdict first, then the trunks read with their values, then every result. */
export function formatGenesysText(report: GenesysReport): string {
  const g = report.genesys;
  const { pass, fail, warn, skip } = report.summary;
  const lines = [`${report.verdict} (${pass} passed, ${fail} failed, ${plural(warn, 'warning')}, ${skip} skipped)`];
  lines.push(
    `byoc-check ${report.tool.version} genesys: ${plural(g.trunks.length, 'BYOC Cloud trunk')} from ${sourceText(g.source)}${g.skipped ? `; ${plural(g.skipped, 'other trunk base')} ignored` : ''}; checked at ${report.checkedAt}`,
  );
  lines.push('', 'Trunks', ...g.trunks.flatMap(trunkLines));
  if (g.notes.length) lines.push('', 'Notes', ...g.notes.map((n) => `  ${n}`));
  lines.push('', 'Results');
  const sorted = [...report.results].sort(worstFirst);
  for (const r of sorted) {
    lines.push(`  ${STATUS_SYMBOL[r.status]} ${r.status.padEnd(4)} ${r.rule} ${r.target}  ${r.message}`);
    if (r.status === 'fail' || r.status === 'warn') lines.push(`      fix: ${r.remediation}`, `      source: ${r.source}`);
  }
  // File names come from the command line: their control characters must not reach the terminal.
  return lines.map((l) => printable(l)).join('\n') + '\n';
}

export function formatGenesysMarkdown(report: GenesysReport): string {
  const g = report.genesys;
  const { pass, fail, warn, skip } = report.summary;
  const colon = report.verdict.indexOf(': ');
  const lines = [
    `## byoc-check genesys: ${cell(sourceText(g.source))}`,
    '',
    `**${report.verdict.slice(0, colon)}:** ${cell(report.verdict.slice(colon + 2))} (${pass} passed, ${fail} failed, ${plural(warn, 'warning')}, ${skip} skipped)`,
    '',
    `${plural(g.trunks.length, 'BYOC Cloud trunk')}; checked at ${report.checkedAt}; byoc-check ${cell(report.tool.version)}.`,
    '',
  ];
  const findings = report.results.filter((r) => r.status === 'fail' || r.status === 'warn').sort(worstFirst);
  if (findings.length) {
    lines.push('### Failures and warnings', '', '| Status | Rule | Target | Finding | Fix |', '| --- | --- | --- | --- | --- |');
    for (const r of findings)
      lines.push(
        `| ${r.status === 'fail' ? '❌ fail' : '⚠️ warn'} | ${cell(r.rule)} | ${cell(r.target)} | ${cell(r.message)} | ${cell(r.remediation)} |`,
      );
    lines.push('');
  }
  lines.push(
    '### Trunks',
    '',
    '| Trunk | Id | Protocol | Enabled | SIP servers | Termination identifier |',
    '| --- | --- | --- | --- | --- | --- |',
  );
  for (const t of g.trunks)
    lines.push(
      `| ${cell(t.name)} | ${cell(t.id)} | ${cell(t.protocol?.value ?? 'unknown')} | ${t.enabled ? String(t.enabled.value) : 'unknown'} | ${cell(t.sipServers ? t.sipServers.entries.map((e) => e.raw).join(', ') : 'unknown')} | ${cell(t.terminationUri?.value ?? 'unknown')} |`,
    );
  if (g.notes.length || g.trunks.some((t) => t.notes.length)) {
    lines.push('', '### Notes', '');
    for (const n of [...g.notes, ...g.trunks.flatMap((t) => t.notes)]) lines.push(`- ${cell(n)}`);
  }
  return lines.join('\n') + '\n';
}
