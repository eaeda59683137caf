/**
 * JUnit XML for CI test reports (GitLab, Jenkins, Azure DevOps): one testsuite per trunk, one
 * testcase per rule and target. fail is a failure, skip is skipped, a warning is a failure under
 * --strict and otherwise system-out. A suppressed finding is skipped, with its reason.
 * A pure function of the report; the XML is written by fast-xml-parser's builder, which escapes.
 */
import { XMLBuilder } from 'fast-xml-parser';
import type { RuleResult, Status } from '../engine/types.js';
import type { Report } from '../report/types.js';
import { displayPath, locationText, visibleControls, WORST_FIRST } from './common.js';

export interface JunitOptions {
  strict?: boolean;
  base?: string;
}

interface Case {
  rule: string;
  name: string;
  results: RuleResult[];
}

/** Text for XML: control characters are not allowed in XML 1.0, even as references. */
const xmlText = (s: string) => visibleControls(s);
/** Attribute values: newlines would be normalised to spaces by every reader anyway. */
const xmlAttr = (s: string) => visibleControls(s.replace(/\r?\n|\r/g, ' '));

function detail(r: RuleResult, base?: string): string {
  const where = locationText(r, base);
  return [
    r.message,
    ...(where ? [`at: ${where}${r.location?.key ? ` (${r.location.key})` : ''}`] : []),
    `fix: ${r.remediation}`,
    `source: ${r.source}`,
  ].join('\n');
}

function testcase(c: Case, strict: boolean, base?: string) {
  const node: Record<string, unknown> = { '@_classname': c.rule, '@_name': xmlAttr(c.name) };
  const suppressed = c.results.filter((r) => r.suppressed && (r.status === 'fail' || r.status === 'warn'));
  const live = c.results.filter((r) => !suppressed.includes(r));
  const failures = live.filter((r) => r.status === 'fail' || (strict && r.status === 'warn'));
  const warnings = live.filter((r) => r.status === 'warn' && !strict);
  const out: string[] = [];
  if (failures.length === 0 && (suppressed.length > 0 || live.every((r) => r.status === 'skip'))) {
    const first = suppressed[0] ?? live[0]!;
    // Text, not a message attribute: the Jenkins schema types <skipped> as a plain string.
    node.skipped = xmlText(suppressed.length ? `suppressed: ${first.suppressed!.reason}` : first.message);
  }
  if (failures.length) {
    node.failure = failures.map((r) => ({
      '@_message': xmlAttr(r.message),
      '@_type': r.status === 'fail' ? 'fail' : 'warn (--strict)',
      '#text': xmlText(detail(r, base)),
    }));
  }
  for (const r of warnings) out.push(xmlText(`warning: ${detail(r, base)}`));
  for (const r of suppressed) out.push(xmlText(`${r.status} (suppressed: ${r.suppressed!.reason}): ${detail(r, base)}`));
  if (out.length) node['system-out'] = out.join('\n\n');
  return { node, failed: failures.length > 0, skipped: node.skipped !== undefined };
}

function suites(report: Report, base?: string): Map<string, Case[]> {
  const byTrunk = new Map<string, Map<string, Case>>();
  for (const r of report.results) {
    const suite = r.trunk ?? displayPath(report.input.name, base);
    const cases = byTrunk.get(suite) ?? byTrunk.set(suite, new Map()).get(suite)!;
    // the endpoint prefixes a target that is not already the endpoint itself (no "endpoint[0] endpoint[0]")
    const name = r.endpoint && r.endpoint !== r.target ? `${r.endpoint} ${r.target}` : r.target;
    const key = `${r.rule}\u0000${name}`;
    (cases.get(key) ?? cases.set(key, { rule: r.rule, name, results: [] }).get(key)!).results.push(r);
  }
  return new Map([...byTrunk].map(([name, cases]) => [name, [...cases.values()]]));
}

const worst = (rs: RuleResult[]): Status => WORST_FIRST.find((s) => rs.some((r) => r.status === s))!;

export function formatJunit(report: Report, options: JunitOptions = {}): string {
  const strict = options.strict ?? false;
  const totals = { tests: 0, failures: 0, skipped: 0 };
  const testsuite = [...suites(report, options.base)].map(([name, cases], id) => {
    const built = cases.map((c) => testcase(c, strict, options.base));
    const failures = built.filter((b) => b.failed).length;
    const skipped = built.filter((b) => b.skipped).length;
    totals.tests += built.length;
    totals.failures += failures;
    totals.skipped += skipped;
    return {
      '@_name': xmlAttr(name),
      '@_id': String(id),
      '@_tests': String(built.length),
      '@_failures': String(failures),
      '@_errors': '0',
      '@_skipped': String(skipped),
      '@_timestamp': report.checkedAt.replace(/\.\d+Z$/, 'Z'),
      properties: {
        property: [
          { '@_name': 'byoc-check.version', '@_value': report.tool.version },
          { '@_name': 'checkedAt', '@_value': report.checkedAt },
          { '@_name': 'input', '@_value': xmlAttr(report.input.name) },
          { '@_name': 'input.sha256', '@_value': report.input.sha256 },
          { '@_name': 'strict', '@_value': String(strict) },
          { '@_name': 'worst', '@_value': worst(cases.flatMap((c) => c.results)) },
        ],
      },
      testcase: built.map((b) => b.node),
    };
  });
  const doc = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    testsuites: {
      '@_name': 'byoc-check',
      '@_tests': String(totals.tests),
      '@_failures': String(totals.failures),
      '@_errors': '0',
      testsuite,
    },
  };
  const builder = new XMLBuilder({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    format: true,
    indentBy: '  ',
    suppressEmptyNode: true,
    suppressBooleanAttributes: false,
  });
  return builder.build(doc) as string;
}
