/** The genesys report (a pure function of the trunks read and the results), its text and Markdown forms, and its view for the CI reporters. */
import type { RuleResult, Status } from '../engine/types.js';
import type { Report } from '../report/types.js';
import { cell } from '../reporters/markdown.js';
import { plural, printable } from '../util/text.js';
import type { GenesysTrunk, GenesysValue, SipServerEntry } from './trunks.js';

export type GenesysSource = { kind: 'files'; files: string[] } | { kind: 'fetch'; url: string; pages: number };

export interface GenesysTrunkJson {
  id: string;
  name: string;
  /** The file or URL this trunk base was read from. */
  input: string;
  protocol: GenesysValue<string> | null;
  sipServers: { entries: Array<Omit<SipServerEntry, 'port'> & { port: number | null }>; source: string } | null;
  terminationUri: GenesysValue<string> | null;
  enabled: GenesysValue<boolean> | null;
  /** null: not in the answer, so the platform default (AES_CM_128_HMAC_SHA1_80). */
  srtpCipherSuites: GenesysValue<string[]> | null;
  notes: string[];
}

export interface GenesysSection {
  source: GenesysSource;
  /** The --trunk values, or null when every BYOC trunk was checked. */
  selected: string[] | null;
  trunks: GenesysTrunkJson[];
  /** Trunk bases read that are not BYOC Cloud trunks (ignored). */
  skipped: number;
  notes: string[];
}

export type GenesysReport = Omit<Report, 'input' | 'trust' | 'options' | 'openssl' | 'unchecked'> & { genesys: GenesysSection };

export interface GenesysReportContext {
  now: Date;
  version: string;
  source: GenesysSource;
  selected?: string[];
  trunks: GenesysTrunk[];
  skipped: number;
  notes: string[];
}

function trunkJson(t: GenesysTrunk): GenesysTrunkJson {
  return {
    id: t.id,
    name: t.name,
    input: t.input,
    protocol: t.protocol ?? null,
    sipServers: t.sipServers
      ? {
          entries: t.sipServers.entries.map((e) => ({ raw: e.raw, host: e.host, port: e.port ?? null, source: e.source })),
          source: t.sipServers.source,
        }
      : null,
    terminationUri: t.terminationUri ?? null,
    enabled: t.enabled ?? null,
    srtpCipherSuites: t.srtpCipherSuites ?? null,
    notes: t.notes,
  };
}

function verdictOf(summary: GenesysReport['summary']): string {
  if (summary.fail)
    return `NOT READY: ${plural(summary.fail, 'failed check')}; Genesys will not run these trunks securely as they are set.`;
  if (summary.warn)
    return `READY WITH WARNINGS FOR WHAT WAS CHECKED: ${plural(summary.warn, 'warning')} to review; not checked: the SBC (run scan or probe).`;
  return "READY FOR WHAT WAS CHECKED: the org's BYOC trunk settings pass; not checked: the SBC (run scan or probe).";
}

export function buildGenesysReport(ctx: GenesysReportContext, results: RuleResult[]): GenesysReport {
  const summary = { pass: 0, fail: 0, warn: 0, skip: 0 };
  for (const r of results) summary[r.status]++;
  return {
    schemaVersion: 1,
    tool: { name: 'byoc-check', version: ctx.version },
    checkedAt: ctx.now.toISOString(),
    ok: summary.fail === 0,
    summary,
    certificates: [],
    results,
    verdict: verdictOf(summary),
    genesys: {
      source: ctx.source,
      selected: ctx.selected?.length ? ctx.selected : null,
      trunks: ctx.trunks.map(trunkJson),
      skipped: ctx.skipped,
      notes: ctx.notes,
    },
  };
}

export const sourceText = (s: GenesysSource): string =>
  s.kind === 'fetch' ? `GET ${s.url}${s.pages > 1 ? ` (${s.pages} pages)` : ''}` : s.files.join(', ');

/** The view the JUnit and SARIF reporters take: no certificate input, the source as the input's name. */
export function asReport(report: GenesysReport): Report {
  const { genesys, ...rest } = report;
  return {
    ...rest,
    input: {
      name: genesys.source.kind === 'fetch' ? genesys.source.url : genesys.source.files.join(', '),
      format: 'genesys',
      sha256: '',
      certificates: 0,
    },
    trust: { mode: 'byoc', anchors: '' },
    options: {
      at: null,
      offline: false,
      strict: false,
      profile: null,
      format: 'text',
      caFile: null,
      warnDays: 0,
      timeoutSeconds: 0,
      region: null,
    },
    openssl: '',
    unchecked: [],
  };
}

const ORDER: Status[] = ['fail', 'warn', 'pass', 'skip'];
const SYMBOL: Record<Status, string> = { fail: '✖', warn: '!', pass: '✔', skip: '-' };

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
  const sorted = [...report.results].sort((a, b) => ORDER.indexOf(a.status) - ORDER.indexOf(b.status));
  for (const r of sorted) {
    lines.push(`  ${SYMBOL[r.status]} ${r.status.padEnd(4)} ${r.rule} ${r.target}  ${r.message}`);
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
  const findings = report.results
    .filter((r) => r.status === 'fail' || r.status === 'warn')
    .sort((a, b) => ORDER.indexOf(a.status) - ORDER.indexOf(b.status));
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
