/**
 * `byoc-check data-actions INPUT... [--trust FILE] [--region CODE] [--fetch]`: the command line of the
 * data-actions check. Loaded lazily by the CLI, so the trunk check does not pay for it.
 */
import { checkDataActions } from '../../data-actions/check.js';
import { exitCodeOf } from '../../report/exit-code.js';
import { formatDataActionsText } from '../../reporters/data-actions-text.js';
import type { ParsedArgs } from '../argv.js';
import { EXIT_FAILED, EXIT_OK, writeOutput } from '../emit.js';
import type { Io } from '../io.js';
import { atOf, regionOf, timeoutOf, warnDaysOf } from '../values.js';

export async function runDataActions(args: ParsedArgs, io: Io, version: string): Promise<number> {
  const v = args.values;
  const warnDays = warnDaysOf(v['warn-days'] as number, args.raw['warn-days']);
  const timeout = timeoutOf(v.timeout as number, args.raw.timeout);
  const region = regionOf(v, io);
  const report = await checkDataActions({
    inputs: args.positionals,
    stdin: io.readStdin,
    trust: v.trust as string | undefined,
    region,
    fetch: v.fetch === true,
    apiBase: v['api-base'] as string | undefined,
    env: io.env,
    at: atOf(v.at),
    warnDays,
    timeoutSeconds: timeout,
    version,
  });
  const text = v.format === 'json' ? JSON.stringify(report, null, 2) + '\n' : formatDataActionsText(report);
  const output = v.output as string | undefined;
  await writeOutput(text, output, io);
  return exitCodeOf(report, v.strict === true) === 1 ? EXIT_FAILED : EXIT_OK;
}
