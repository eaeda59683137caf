/**
 * Trunks are resolved and judged a batch at a time, and each batch's chain files are forgotten after
 * it: the report is the same whatever the batch size, including a chain file two trunks in different
 * batches send, each with its own account of how the file was found.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateScanRepo } from '../../scripts/scan-repo.mjs';
import { formatJson } from '../../src/reporters/json.js';
import { scan } from '../../src/scan/scan.js';
import { decodePem } from '../helpers/context.js';

test('batches of 1, 7 and all trunks give the same report', async () => {
  const repo = await generateScanRepo(join(mkdtempSync(join(tmpdir(), 'byoc-batches-')), 'repo'), 20);
  const profile = join(repo.dir, 'byoc-check.yaml');
  // trunk0016 (Kamailio, a later batch) sends trunk0000's chain, named in the profile
  writeFileSync(
    profile,
    readFileSync(profile, 'utf8').replace(
      '    config: kamailio/trunk0016/kamailio.cfg\n',
      '    config: kamailio/trunk0016/kamailio.cfg\n    chain: certs/trunk0000.pem\n',
    ),
  );
  const run = async (batchSize: number) =>
    (
      await scan({
        cwd: repo.dir,
        paths: [],
        at: new Date(repo.at),
        caCertificates: decodePem(readFileSync(join(repo.dir, repo.ca), 'utf8')),
        caName: repo.ca,
        version: 'test',
        batchSize,
      })
    ).report;
  const whole = await run(1000);
  const chainOf = (name: string) => whole.trunks!.find((t) => t.name === name)!.chains[0] as { file: string; how: string };
  expect(chainOf('trunk0000')).toMatchObject({ file: 'certs/trunk0000.pem', how: expect.stringMatching(/path map/) });
  expect(chainOf('trunk0016')).toMatchObject({ file: 'certs/trunk0000.pem', how: expect.not.stringMatching(/path map/) });
  for (const size of [1, 7]) expect(formatJson(await run(size))).toBe(formatJson(whole));
}, 120_000);
