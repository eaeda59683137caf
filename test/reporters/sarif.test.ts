/**
 * SARIF 2.1.0: every log the tests produce validates against the OASIS SARIF 2.1.0 JSON schema
 * (the copy @microsoft/jest-sarif publishes, draft-04, read with ajv-draft-04), plus the one rule
 * OASIS errata 01 added (a region names its start). Catalog, levels, locations, suppressions and
 * fingerprints are checked on a real check dressed as scan reports will be, and through the CLI.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ajvDraft04 from 'ajv-draft-04';
import type { Log, Result } from 'sarif';
import { trunkRules as rules, trunkRules } from '../../rules/index.js';
import { catalogOf } from '../../src/reporters/catalog.js';
import { formatSarif } from '../../src/reporters/sarif.js';
import { fixtures } from '../helpers/fixtures.js';
import { writeFiles } from '../helpers/pki.js';
import { chainReport, HOSTILE, scanReport } from '../helpers/reports.js';
import { BIN, cli, ROOT } from '../helpers/run.js';

const schema = JSON.parse(readFileSync(join(ROOT, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
const ajv = new ajvDraft04.default({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false }); // rtm.5's language pattern is not a valid /u regexp (fixed in errata 01);
const validate = ajv.compile(schema);
const catalog = catalogOf(rules);

function assertValidSarif(text: string): Log {
  const log = JSON.parse(text) as Log;
  if (!validate(log)) throw new Error(`SARIF does not match the SARIF 2.1.0 schema: ${ajv.errorsText(validate.errors)}`);
  for (const result of log.runs.flatMap((r) => r.results ?? [])) {
    for (const loc of result.locations ?? [])
      if (loc.physicalLocation?.region) expect(loc.physicalLocation.region.startLine).toBeGreaterThanOrEqual(1);
  }
  return log;
}

const resultsOf = (log: Log): Result[] => log.runs[0]!.results!;

describe('SARIF from a dressed scan-like report', () => {
  test('validates; the driver carries the whole catalog with help, citations and tags', async () => {
    const log = assertValidSarif(formatSarif(await scanReport(), { catalog, base: ROOT }));
    const driver = log.runs[0]!.tool.driver;
    expect(driver.name).toBe('byoc-check');
    expect(driver.informationUri).toMatch(/^https:\/\//);
    expect(driver.rules!.map((r) => r.id)).toEqual(rules.map((r) => r.meta.id));
    for (const [i, d] of driver.rules!.entries()) {
      const meta = rules[i]!.meta;
      expect(d.shortDescription!.text).toBe(meta.title);
      expect(d.fullDescription!.text).toBe(meta.docs.what);
      expect(d.help!.text).toContain(meta.remediation);
      expect(d.help!.text).toContain(meta.docs.why);
      expect(d.help!.markdown).toContain('**Fix:**');
      expect(d.properties!.tags).toContain(meta.area);
      expect(d.defaultConfiguration!.level).toBe(meta.severity);
    }
    const withUrl = driver.rules!.filter((d) => d.helpUri);
    expect(withUrl.length).toBeGreaterThan(0);
    for (const d of withUrl) expect(d.help!.text).toContain(d.helpUri!);
  });

  test('fail is error, warn is warning; passes and skips are not results; ruleIndex points at the rule', async () => {
    const report = await scanReport();
    const log = assertValidSarif(formatSarif(report, { catalog }));
    const results = resultsOf(log);
    expect(results).toHaveLength(report.summary.fail + report.summary.warn);
    const failing = report.results.filter((r) => r.status === 'fail' || r.status === 'warn');
    results.forEach((res, i) => {
      expect(res.ruleId).toBe(failing[i]!.rule);
      expect(res.level).toBe(failing[i]!.status === 'fail' ? 'error' : 'warning');
      expect(log.runs[0]!.tool.driver.rules![res.ruleIndex!]!.id).toBe(res.ruleId);
      expect(res.message.text).toContain(`Fix: ${failing[i]!.remediation.slice(0, 20)}`);
    });
    expect(results.some((r) => r.level === 'error')).toBe(true);
    expect(results.some((r) => r.level === 'warning')).toBe(true);
  });

  test('locations: file relative to the base with line and column; otherwise the checked file and the target', async () => {
    const report = await scanReport();
    const log = assertValidSarif(
      formatSarif(
        {
          ...report,
          results: report.results.map((r) => (r.location ? { ...r, location: { ...r.location, file: join(ROOT, r.location.file) } } : r)),
        },
        { catalog, base: ROOT },
      ),
    );
    const located = resultsOf(log).filter((r) => r.locations![0]!.physicalLocation?.region);
    expect(located.length).toBeGreaterThan(0);
    for (const r of located) {
      const phys = r.locations![0]!.physicalLocation!;
      expect(phys.artifactLocation!.uri).toMatch(/^configs\/carrier-[ab]\/kamailio-tls\.cfg$/);
      expect(phys.artifactLocation!.uriBaseId).toBe('%SRCROOT%');
      expect(phys.region).toMatchObject({ startLine: expect.any(Number), startColumn: 5 });
    }
    const fileOnly = resultsOf(log).find(
      (r) =>
        r.locations![0]!.physicalLocation?.artifactLocation?.uri?.endsWith('chain.pem') &&
        r.locations![0]!.physicalLocation.artifactLocation.uri.startsWith('configs/'),
    );
    expect(fileOnly?.locations![0]!.physicalLocation!.region).toBeUndefined();
    const unlocated = resultsOf(log).find((r) => r.properties!.target === 'uri[0]' && !r.locations![0]!.physicalLocation!.region)!;
    expect(unlocated.locations![0]!.logicalLocations![0]).toMatchObject({
      name: 'uri[0]',
      fullyQualifiedName: expect.stringMatching(/^carrier-[ab]\/endpoint\[[01]\]\/uri\[0\]$/),
    });
    // No location of its own: the checked file (absolute here, outside the base) as a file: URI.
    expect(unlocated.locations![0]!.physicalLocation!.artifactLocation!.uri).toMatch(/^file:\/\/\/.*expired\.pem$/);
  });

  test('standard input has no file: the target alone is the location', async () => {
    const report = await chainReport();
    const log = assertValidSarif(formatSarif({ ...report, input: { ...report.input, name: '<stdin>' } }, { catalog }));
    for (const r of resultsOf(log))
      expect(r.locations![0]).toEqual({ logicalLocations: [expect.objectContaining({ name: expect.any(String) })] });
  });

  test('a suppressed finding carries an external suppression with its reason', async () => {
    const log = assertValidSarif(formatSarif(await scanReport(), { catalog }));
    const suppressed = resultsOf(log).filter((r) => r.suppressions);
    expect(suppressed).toHaveLength(1);
    expect(suppressed[0]!.suppressions).toEqual([
      { kind: 'external', status: 'accepted', justification: 'Accepted until the renewal on 2026-12-01 (ticket 4711)' },
    ]);
    expect(suppressed[0]!.properties!.trunk).toBe('carrier-b');
  });

  test('partialFingerprints are stable when wording and line numbers change, and differ between findings', async () => {
    const fingerprints = (log: Log) => resultsOf(log).map((r) => Object.values(r.partialFingerprints!)[0]);
    const first = fingerprints(assertValidSarif(formatSarif(await scanReport(), { catalog })));
    const moved = fingerprints(assertValidSarif(formatSarif(await scanReport({ line: 40, wording: 'Reworded:' }), { catalog })));
    expect(moved).toEqual(first);
    expect(new Set(first).size).toBe(first.length);
    for (const f of first) expect(f).toMatch(/^[0-9a-f]{32}$/);
  });

  test('control characters in messages never reach the log raw', async () => {
    const text = formatSarif(await scanReport(), { catalog });
    const log = assertValidSarif(text);
    const hostile = resultsOf(log).find((r) => r.message.text?.startsWith('Bad | pipe'))!;
    expect(hostile.message.text!).toContain('\\x07bell');
    expect(JSON.stringify(log)).not.toMatch(/\\u00(0[0-8bcef]|1[0-9a-f])/);
    expect(HOSTILE).toContain('\u0007');
  });
});

test('the schema check can fail: a level SARIF does not know is rejected', async () => {
  const log = JSON.parse(formatSarif(await scanReport(), { catalog })) as Log;
  (resultsOf(log)[0] as { level: string }).level = 'fatal';
  expect(() => assertValidSarif(JSON.stringify(log))).toThrow(/SARIF 2.1.0 schema/);
});

describe('SARIF through the CLI', () => {
  test('--format sarif on a single chain: valid, errors for failures, exit code recorded, paths relative to the working directory', async () => {
    const { files } = await fixtures();
    const run = cli([files['expired.pem']!, '--ca', files['root.pem']!, '--offline', '--at', '2026-11-22T12:00:00Z', '--format', 'sarif']);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
    const log = assertValidSarif(run.stdout);
    expect(resultsOf(log).some((r) => r.ruleId === 'cert-validity' && r.level === 'error')).toBe(true);
    expect(log.runs[0]!.invocations![0]).toMatchObject({ executionSuccessful: true, exitCode: 1 });
    expect(log.runs[0]!.tool.driver.rules).toHaveLength(trunkRules.length);
    // Run from the chain's folder with a relative path: the artifact URI stays relative.
    const local = spawnSync(process.execPath, [BIN, 'expired.pem', '--ca', files['root.pem']!, '--offline', '--format', 'sarif'], {
      cwd: dirname(files['expired.pem']!),
      encoding: 'utf8',
    });
    const uris = resultsOf(assertValidSarif(local.stdout)).map((r) => r.locations![0]!.physicalLocation!.artifactLocation);
    expect(uris).toContainEqual({ uri: 'expired.pem', uriBaseId: '%SRCROOT%' });
  });

  test('--strict is recorded in the exit code; --output writes the same log', async () => {
    const { files } = await fixtures();
    const out = join(writeFiles({}).dir, 'byoc.sarif');
    const run = cli([
      files['reversed.pem']!,
      '--ca',
      files['root.pem']!,
      '--offline',
      '--at',
      '2026-11-22T12:00:00Z',
      '--format',
      'sarif',
      '--strict',
      '--output',
      out,
    ]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    const log = assertValidSarif(readFileSync(out, 'utf8'));
    expect(resultsOf(log).every((r) => r.level === 'warning')).toBe(true);
    expect(log.runs[0]!.invocations![0]!.exitCode).toBe(1);
  });
  test('invocations[].exitCode is the process exit status, also when --strict fails only on an unchecked area', async () => {
    const { files } = await fixtures();
    for (const strict of [[], ['--strict']]) {
      // No --uri: the SIP area is left unchecked, which --strict does not pass.
      const run = cli([
        files['good.pem']!,
        '--ca',
        files['root.pem']!,
        '--offline',
        '--at',
        '2026-11-22T12:00:00Z',
        '--format',
        'sarif',
        ...strict,
      ]);
      expect(run.status).toBe(strict.length ? 1 : 0);
      expect(assertValidSarif(run.stdout).runs[0]!.invocations![0]!.exitCode).toBe(run.status);
    }
  });
});
