/** The text view of the `data-actions` report: a pure function of the report. */
import type { DataActionsReport } from '../data-actions/report.js';
import { STATUS_SYMBOL, worstFirst } from './common.js';

/** Verdict first, then what must be done before which date, then the certificates and every result. */
export function formatDataActionsText(report: DataActionsReport): string {
  const da = report.dataActions;
  const { pass, fail, warn, skip } = report.summary;
  const lines: string[] = [];
  const counts = `(${pass} passed, ${fail} failed, ${warn} warning${warn === 1 ? '' : 's'}, ${skip} skipped)`;
  if (fail)
    lines.push(
      `NOT READY: ${fail} failed check${fail === 1 ? '' : 's'}; your web service refuses, or will refuse, Genesys data actions. ${counts}`,
    );
  else if (warn) lines.push(`READY WITH WARNINGS: ${warn} warning${warn === 1 ? '' : 's'} to act on. ${counts}`);
  else
    lines.push(
      da.trust
        ? `READY: your web service accepts every Current and Upcoming data actions certificate. ${counts}`
        : `READY FOR WHAT WAS CHECKED: every data actions certificate checks out; not checked: whether your web service accepts them (give --trust with its CA file). ${counts}`,
    );
  const from = da.fetched ? `GET ${da.fetched.url}` : da.inputs.map((i) => i.name).join(', ');
  lines.push(
    `byoc-check ${report.tool.version} data-actions: ${da.entities.length} certificate${da.entities.length === 1 ? '' : 's'} from ${from}; checked at ${report.checkedAt}${da.region ? `; region ${da.region}` : ''}${da.trust ? `; trust ${da.trust.name} (${da.trust.certificates})` : ''}`,
  );
  if (da.todo.length) {
    lines.push('', 'To do');
    for (const t of da.todo) {
      const when = t.deadline <= report.checkedAt.slice(0, 10) ? 'now       ' : `by ${t.deadline}`;
      lines.push(`  ${when}  ${t.rule} ${t.target}: ${t.message}`, `                 fix: ${t.fix}`);
    }
  }
  lines.push('', 'Certificates');
  for (const e of da.entities) {
    lines.push(`  entity[${e.index}] ${(e.status || '-').padEnd(8)} ${(e.signingAuthority || '-').padEnd(8)} ${e.subject}`);
    lines.push(
      `      ${e.notBefore.slice(0, 10)} .. ${e.notAfter.slice(0, 10)} (${e.daysLeft} days left)  sha256 ${e.sha256}  ${e.source}`,
    );
  }
  lines.push('', 'Results');
  const sorted = [...report.results].sort(worstFirst);
  for (const r of sorted) {
    lines.push(`  ${STATUS_SYMBOL[r.status]} ${r.status.padEnd(4)} ${r.rule} ${r.target}  ${r.message}`);
    if (r.status === 'fail' || r.status === 'warn') lines.push(`      fix: ${r.remediation}`, `      source: ${r.source}`);
  }
  return lines.join('\n') + '\n';
}
