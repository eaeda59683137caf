/**
 * Markdown for tickets and pull-request comments, rendered by markdown-it (CommonMark with GFM
 * tables, raw HTML off as in GitHub comments): the tables render with the right rows and columns,
 * and no markup, HTML or colour code leaks out of a cell.
 */
import MarkdownIt from 'markdown-it';
import type { Report } from '../../src/report/types.js';
import { formatMarkdown } from '../../src/reporters/markdown.js';
import { fixtures } from '../helpers/fixtures.js';
import { chainReport, scanReport } from '../helpers/reports.js';
import { cli } from '../helpers/run.js';

const md = new MarkdownIt({ html: false });

function tables(html: string): { head: string[]; rows: string[][] }[] {
  const out: { head: string[]; rows: string[][] }[] = [];
  for (const table of html.match(/<table>[\s\S]*?<\/table>/g) ?? []) {
    const cells = (row: string) => [...row.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((m) => m[1]!);
    const rows = [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => cells(m[1]!));
    out.push({ head: rows[0]!, rows: rows.slice(1) });
  }
  return out;
}

describe('Markdown report', () => {
  let report: Report;
  beforeAll(async () => {
    report = await scanReport();
  });

  test('verdict, then a findings table with one row per failure and warning, then the certificates', () => {
    const text = formatMarkdown(report);
    const html = md.render(text);
    expect(html).toMatch(/<strong>NOT READY:<\/strong> \d+ failed checks; Genesys will refuse this trunk/);
    const [findings, certs, ...rest] = tables(html);
    expect(rest).toHaveLength(0);
    expect(findings!.head).toEqual(['Status', 'Rule', 'Target', 'Location', 'Finding', 'Fix']);
    expect(findings!.rows).toHaveLength(report.summary.fail + report.summary.warn);
    for (const row of findings!.rows) expect(row).toHaveLength(6);
    expect(findings!.rows[0]![0]).toContain('fail');
    expect(findings!.rows.at(-1)![0]).toContain('warn');
    expect(certs!.rows).toHaveLength(report.certificates.length);
    expect(certs!.rows[0]![1]).toBe('leaf');
    expect(html.indexOf('Failures and warnings')).toBeLessThan(html.indexOf('Certificates'));
  });

  test('locations, targets and suppressions appear in their cells', () => {
    const rows = tables(md.render(formatMarkdown(report)))[0]!.rows;
    expect(rows.some((r) => /^<code>configs\/carrier-a\/kamailio-tls\.cfg:\d+:5<\/code>$/.test(r[3]!))).toBe(true);
    expect(rows.some((r) => r[2] === '<code>carrier-b</code>' || r[2]!.includes('carrier-b / endpoint[1] / '))).toBe(true);
    expect(
      rows.filter((r) => r[4]!.includes('<em>(suppressed: Accepted until the renewal on 2026-12-01 (ticket 4711))</em>')),
    ).toHaveLength(1);
  });

  test('pipes, newlines, HTML, Markdown and control characters stay inside their cell as text', () => {
    const text = formatMarkdown(report);
    expect(text).not.toMatch(/\u001b|\u0007/);
    const html = md.render(text);
    expect(html).not.toMatch(/<script|<b>|<a |<em>star|<code>tick/);
    const row = tables(html)[0]!.rows.find((r) => r[4]!.startsWith('Bad | pipe'))!;
    expect(row[4]).toBe(
      'Bad | pipe new line &lt;script&gt;alert(1)&lt;/script&gt; *star* [link](http://x) `tick` &amp; \\x07bell \\x1b[31mred\\x1b[0m',
    );
    expect(row[5]).toBe('Fix | this now &lt;b&gt;bold&lt;/b&gt;');
  });

  test('--strict makes warnings the verdict; a clean run says READY', async () => {
    const base = await chainReport();
    const warnOnly = {
      ...base,
      ok: true,
      summary: { ...base.summary, fail: 0 },
      results: base.results.filter((r) => r.status !== 'fail'),
      unchecked: [],
    };
    expect(formatMarkdown(warnOnly)).toContain('**READY WITH WARNINGS:**');
    // with an area unchecked, the heading is the report's own verdict, which names it
    const partial = {
      ...warnOnly,
      unchecked: base.unchecked,
      verdict: 'READY WITH WARNINGS FOR WHAT WAS CHECKED: certificate chain checked, 2 warnings to review; not checked: CRLs (--offline).',
    };
    expect(formatMarkdown(partial)).toContain(
      '**READY WITH WARNINGS FOR WHAT WAS CHECKED:** certificate chain checked, 2 warnings to review; not checked: CRLs (--offline).',
    );
    expect(formatMarkdown(warnOnly, { strict: true })).toContain('**NOT READY (--strict):**');
    const clean = {
      ...base,
      ok: true,
      summary: { pass: 1, fail: 0, warn: 0, skip: 0 },
      results: base.results.filter((r) => r.status === 'pass'),
      unchecked: [],
    };
    const html = md.render(formatMarkdown(clean));
    expect(html).toContain('<strong>READY:</strong> every check passed.');
    expect(tables(html)).toHaveLength(1);
  });

  test('through the CLI, even with --color: no ANSI codes', async () => {
    const { files } = await fixtures();
    const run = cli([
      files['expired.pem']!,
      '--ca',
      files['root.pem']!,
      '--offline',
      '--at',
      '2026-11-22T12:00:00Z',
      '--format',
      'markdown',
      '--color',
    ]);
    expect(run.status).toBe(1);
    expect(run.stdout).not.toContain('\u001b');
    const [findings, certs] = tables(md.render(run.stdout));
    expect(findings!.rows.some((r) => r[1] === '<code>cert-validity</code>')).toBe(true);
    expect(certs!.rows.map((r) => r[1])).toEqual(['leaf', 'intermediate', 'root']);
  });
});
