/**
 * A JSON scan report is written from results kept as text in a spill file (src/scan/spill.ts), not
 * as objects: byte for byte the report built in memory, with suppressions, with a spill that cannot
 * be made, and with no file left behind; 70 trunks, so that the trunks are judged in two batches.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Report } from '../../src/report/types.js';
import { formatJson, jsonChunks } from '../../src/reporters/json.js';
import { scan } from '../../src/scan/scan.js';
import { TextSpill } from '../../src/scan/spill.js';
import { BIN, cli } from '../helpers/run.js';
import { editProfile, scanOptionsOf, scanRepo, type ScanRepo } from '../helpers/scan-repo.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
let repo: ScanRepo;

beforeAll(async () => {
  repo = await scanRepo(70);
  // Suppressions on two trunks: applied trunk by trunk, before the results are written out.
  editProfile(repo, (text) =>
    text
      .replace(
        '    config: kamailio/trunk0000/kamailio.cfg\n',
        '    config: kamailio/trunk0000/kamailio.cfg\n    suppress:\n      - rule: trusts-genesys\n        reason: accepted in CHG-1\n',
      )
      .replace(
        '    config: opensips/trunk0001/opensips.cfg\n',
        '    config: opensips/trunk0001/opensips.cfg\n    suppress:\n      - rule: mtls-not-required\n        reason: accepted in CHG-2\n',
      ),
  );
}, 120_000);

const options = (spillResults: boolean) => scanOptionsOf(repo, { version: pkg.version, spillResults });

test('the spilled report is the in-memory report, byte for byte', async () => {
  const inMemory = (await scan(options(false))).report;
  expect(inMemory.summary.suppressed).toBeGreaterThan(0);
  const spilled = await scan(options(true));
  expect([spilled.report.results, spilled.report.endpoints]).toEqual([[], []]);
  expect([spilled.asText.results?.count, spilled.asText.endpoints?.count]).toEqual([inMemory.results.length, inMemory.endpoints!.length]);
  expect([...jsonChunks(spilled.report, spilled.asText)].join('')).toBe(formatJson(inMemory));
}, 120_000);

test('the CLI writes the same results, leaves no spill file, and where no temporary file can be made keeps them in memory for the same bytes', async () => {
  const inMemory = formatJson((await scan(options(false))).report);
  const args = ['scan', '--ca', repo.ca, '--format', 'json', '--at', repo.at];
  const tmp = mkdtempSync(join(tmpdir(), 'byoc-spill-tmp-'));
  const spilled = cli(args, { cwd: repo.dir, env: { TMPDIR: tmp } });
  expect([spilled.status, spilled.stderr]).toEqual([1, '']);
  expect((JSON.parse(spilled.stdout) as Report).results).toEqual((JSON.parse(inMemory) as Report).results);
  expect(readdirSync(tmp)).toEqual([]);
  const noTmp = cli(args, { cwd: repo.dir, env: { TMPDIR: join(tmp, 'missing') } });
  expect([noTmp.status, noTmp.stderr, noTmp.stdout]).toEqual([1, '', spilled.stdout]);
}, 120_000);

test('a temporary folder that refuses the spill (a file size limit: EFBIG) is one line and exit 2, not a crash', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'byoc-spill-full-'));
  const r = spawnSync(
    'bash',
    ['-c', `ulimit -f 8; exec "${process.execPath}" "${BIN}" scan --ca ${repo.ca} --format json --at ${repo.at}`],
    {
      cwd: repo.dir,
      env: { ...process.env, TMPDIR: tmp },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  expect(r.status).toBe(2);
  expect(r.stderr).toMatch(
    /^byoc-check: cannot write the report's temporary file in .*byoc-spill-full-.* \(EFBIG\); set TMPDIR to a folder with free space\n$/,
  );
  expect(r.stdout).toBe('');
});

test('a spill reads back what was appended, across piece and character boundaries, once', () => {
  const spill = TextSpill.open()!;
  const parts = ['plain ', 'é'.repeat(40_000), ' ☎ '.repeat(30_000), '𝄞 end'];
  for (const p of parts) spill.append(p);
  expect([...spill.read()].join('')).toBe(parts.join(''));
  expect(() => [...spill.read()]).toThrow(/already read/);
  expect(TextSpill.open(join(tmpdir(), 'no-such-folder-byoc'))).toBeUndefined();
});
