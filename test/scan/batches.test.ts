/**
 * Trunks are resolved and judged a batch at a time, and each batch's chain files are forgotten after
 * it: the report is the same whatever the batch size, including a chain file two trunks in different
 * batches send, each with its own account of how the file was found.
 */
import { formatJson } from '../../src/reporters/json.js';
import { scan } from '../../src/scan/scan.js';
import { editProfile, scanOptionsOf, scanRepo } from '../helpers/scan-repo.js';

test('batches of 1, 7 and all trunks give the same report', async () => {
  const repo = await scanRepo(20);
  // trunk0016 (Kamailio, a later batch) sends trunk0000's chain, named in the profile
  editProfile(repo, (text) =>
    text.replace(
      '    config: kamailio/trunk0016/kamailio.cfg\n',
      '    config: kamailio/trunk0016/kamailio.cfg\n    chain: certs/trunk0000.pem\n',
    ),
  );
  const run = async (batchSize: number) => (await scan(scanOptionsOf(repo, { batchSize }))).report;
  const whole = await run(1000);
  const chainOf = (name: string) => whole.trunks!.find((t) => t.name === name)!.chains[0] as { file: string; how: string };
  expect(chainOf('trunk0000')).toMatchObject({ file: 'certs/trunk0000.pem', how: expect.stringMatching(/path map/) });
  expect(chainOf('trunk0016')).toMatchObject({ file: 'certs/trunk0000.pem', how: expect.not.stringMatching(/path map/) });
  for (const size of [1, 7]) expect(formatJson(await run(size))).toBe(formatJson(whole));
}, 120_000);
