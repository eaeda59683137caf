/** The reporter map is the single list of formats; the JSON report records what shaped its verdicts. */
import { fixtures } from '../helpers/fixtures.js';
import { checkOptions } from '../../src/cli/options.js';
import { FORMATS, reporters } from '../../src/reporters/index.js';
import { assertValidReport, cli } from '../helpers/run.js';
import { chainReport } from '../helpers/reports.js';

test('--format choices are the reporter map keys, and --help lists them', () => {
  expect(FORMATS).toEqual(['text', 'json', 'sarif', 'junit', 'markdown']);
  expect(checkOptions.find((o) => o.name === 'format')!.choices).toEqual(Object.keys(reporters));
  const help = cli(['--help']).stdout;
  for (const f of FORMATS) expect(help).toContain(`"${f}"`);
});

test('every reporter is a pure function of the report: same report, same text', async () => {
  const report = await chainReport();
  for (const format of FORMATS) {
    const once = reporters[format](report, { strict: true, base: '/nowhere' });
    expect(reporters[format](structuredClone(report), { strict: true, base: '/nowhere' })).toBe(once);
    expect(once.length).toBeGreaterThan(100);
  }
});

test('the JSON report records the options that shaped the verdicts and the OpenSSL that resolved cipher strings', async () => {
  const { files } = await fixtures();
  const run = cli([
    files['reversed.pem']!,
    '--ca',
    files['root.pem']!,
    '--offline',
    '--at',
    '2026-11-22T12:00:00Z',
    '--strict',
    '--warn-days',
    '45',
    '--region',
    'euw2',
    '--ciphers',
    'ECDHE-RSA-AES256-GCM-SHA384',
    '--format',
    'json',
  ]);
  expect(run.status).toBe(1);
  const report = assertValidReport(JSON.parse(run.stdout));
  expect(report.options).toEqual({
    at: '2026-11-22T12:00:00.000Z',
    offline: true,
    strict: true,
    profile: null,
    format: 'json',
    caFile: files['root.pem'],
    warnDays: 45,
    timeoutSeconds: 10,
    region: 'euw2',
  });
  expect(report.openssl).toBe(process.versions.openssl);
  const now = assertValidReport(JSON.parse(cli([files['good.pem']!, '--offline', '--format', 'json']).stdout));
  expect(now.options).toMatchObject({ at: null, strict: false, caFile: null, warnDays: 30, region: null });
});

test('the text report shows where a finding comes from and why it is suppressed', async () => {
  const { scanReport } = await import('../helpers/reports.js');
  const text = reporters.text(await scanReport(), {});
  expect(text).toMatch(/ at: configs\/carrier-a\/kamailio-tls\.cfg:\d+:5 \(method\)/);
  expect(text).toContain('suppressed: Accepted until the renewal on 2026-12-01 (ticket 4711)');
  // Without colour, no control character at all: a message cannot repaint the terminal.
  expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
  expect(text).toContain('\\x1b[31mred');
});
