/** `scan` in a terminal: grouped by trunk, then endpoint; every finding with file:line, the value as written and the fix. */
import type { RuleResult, Status } from '../engine/types.js';
import type { Report } from '../report/types.js';
import { printable as p } from '../util/text.js';
import { marked, type Painter } from './paint.js';
import { STATUS_SYMBOL, WORST_FIRST, worstFirst } from './common.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function where(r: RuleResult): string {
  const l = r.location;
  return l ? p(`${l.file}${l.line ? `:${l.line}` : ''}${l.key ? ` ${l.key}` : ''}`) : '';
}

export function formatScanText(report: Report, chalk: Painter, paint: (status: Status, text: string) => string): string {
  const lines: string[] = [];
  const scan = report.scan!;
  lines.push(
    chalk.bold(
      `byoc-check ${report.tool.version} scan: ${scan.trunksChecked} of ${plural(scan.trunksFound, 'trunk')}${scan.changedFileRun ? ' (those the changed files involve)' : ''}, ${plural(report.endpoints?.length ?? 0, 'TLS endpoint')}, ${plural(report.certificates.length, 'certificate')}`,
    ),
  );
  lines.push(
    chalk.dim(
      `checked at ${report.checkedAt}; trust anchors: ${report.trust.anchors}; ${scan.online ? 'online (CRLs fetched)' : 'offline (CRLs not fetched; --online to fetch them)'}${scan.profile ? `; profile ${scan.profile}` : '; no trunk profile (byoc-check.yaml)'}`,
    ),
  );
  const endpoints = new Map((report.endpoints ?? []).map((e) => [e.id, e]));
  const byTrunk = new Map<string | undefined, RuleResult[]>();
  for (const r of report.results) {
    const list = byTrunk.get(r.trunk);
    if (list) list.push(r);
    else byTrunk.set(r.trunk, [r]);
  }
  for (const trunk of report.trunks ?? []) {
    const mine = byTrunk.get(trunk.name) ?? [];
    const worst = WORST_FIRST.find((s) => mine.some((r) => r.status === s && !r.suppressed)) ?? 'skip';
    lines.push('');
    lines.push(
      `${paint(worst, STATUS_SYMBOL[worst])} ${chalk.bold(`trunk ${p(trunk.name)}`)}${trunk.region ? chalk.dim(` (${p(trunk.region)})`) : ''}`,
    );
    for (const c of trunk.chains) lines.push(chalk.dim(p(`    ${'file' in c ? `chain ${c.file} (${c.how})` : `no chain: ${c.missing}`}`)));
    if (trunk.notChecked) lines.push(chalk.dim(`    not checked: ${p(trunk.notChecked)}`));
    const groups = new Map<string, RuleResult[]>();
    for (const r of mine) {
      if (r.status === 'pass' || r.status === 'skip') continue;
      const key = r.endpoint ?? '';
      const group = groups.get(key);
      if (group) group.push(r);
      else groups.set(key, [r]);
    }
    for (const [key, group] of [...groups].sort(([a], [b]) =>
      a === '' ? -1 : b === '' ? 1 : a.localeCompare(b, 'en', { numeric: true }),
    )) {
      const e = endpoints.get(key);
      if (e) {
        // one domain ([server:default]) may serve several listeners: which one this is
        const from = e.port?.from;
        const socket =
          e.role === 'server' && e.port?.written && from?.kind === 'file'
            ? `, listening on ${e.port.written} (${from.file}:${from.line})`
            : '';
        lines.push(
          `    ${chalk.bold(p(e.name))} ${chalk.dim(p(`${e.role} ${e.id}${e.file ? ` ${e.file}${e.line ? `:${e.line}` : ''}` : ''}${socket}`))}`,
        );
      }
      for (const r of group.sort(worstFirst)) {
        const pad = e ? '      ' : '    ';
        lines.push(
          `${pad}${paint(r.status, `${STATUS_SYMBOL[r.status]} ${r.status}`)} ${chalk.bold(r.rule)}${where(r) ? ` ${chalk.dim(where(r))}` : ''}${r.suppressed ? chalk.dim(' (suppressed)') : ''}`,
        );
        lines.push(`${pad}  ${p(r.message)}`);
        lines.push(...marked(r).map((l) => `${pad}${l.slice(4)}`));
        if (r.suppressed) lines.push(chalk.dim(`${pad}  suppressed: ${p(r.suppressed.reason)}`));
        else lines.push(chalk.dim(`${pad}  fix: ${p(r.remediation)}`));
      }
    }
    const passed = mine.filter((r) => r.status === 'pass').length;
    const skipped = mine.filter((r) => r.status === 'skip').length;
    lines.push(chalk.dim(`    ${passed} passed, ${skipped} skipped`));
  }
  const notes = (report.files ?? []).flatMap((f) =>
    f.notes.filter((n) => n.level === 'warn').map((n) => p(`${f.path}${n.line ? `:${n.line}` : ''}: ${n.message}`)),
  );
  if (notes.length) {
    lines.push('');
    lines.push(chalk.bold('Not read'));
    for (const n of notes) lines.push(`  ${chalk.yellow('!')} ${n}`);
  }
  lines.push('');
  const { fail, warn, pass, skip } = report.summary;
  const suppressed = report.summary.suppressed ?? 0;
  const counts = chalk.dim(
    `(${pass} passed, ${fail} failed, ${plural(warn, 'warning')}, ${skip} skipped${suppressed ? `, ${suppressed} suppressed` : ''})`,
  );
  if ((report.trunks ?? []).length === 0 && report.verdict.startsWith('NOTHING TO CHECK'))
    lines.push(
      `${chalk.green.bold(scan.changedFileRun ? 'NOTHING TO CHECK: no trunk involves the changed files.' : 'NOTHING TO CHECK: no SBC configuration or certificate found.')} ${counts}`,
    );
  // The verdict decided once, in the report: it names what was not checked.
  else {
    const painted = fail ? chalk.red.bold : warn ? chalk.yellow.bold : chalk.green.bold;
    lines.push(`${painted(p(report.verdict))} ${counts}`);
  }
  return lines.join('\n') + '\n';
}
