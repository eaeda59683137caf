/**
 * `byoc-check genesys [INPUT...] [--fetch --region CODE|--api-base URL] [--trunk NAME|ID]...`: the command
 * line of the org-trunk check. Loaded lazily by the CLI, like data-actions.
 */
import { orgTrunkRules } from '../../../rules/index.js';
import { checkGenesys } from '../../genesys/check.js';
import { asReport } from '../../genesys/report.js';
import { formatGenesysMarkdown, formatGenesysText } from '../../reporters/genesys-text.js';
import type { ParsedArgs } from '../argv.js';
import { emitOwn } from '../emit.js';
import type { Io } from '../io.js';
import { genesysSourceOf, timeoutOf } from '../values.js';

export async function runGenesys(args: ParsedArgs, io: Io, version: string): Promise<number> {
  const v = args.values;
  const timeout = timeoutOf(v.timeout as number, args.raw.timeout);
  const report = await checkGenesys({
    ...genesysSourceOf(v, args.positionals, io),
    timeoutSeconds: timeout,
    version,
  });
  return emitOwn(
    { json: report, view: asReport(report), text: () => formatGenesysText(report), markdown: () => formatGenesysMarkdown(report) },
    args.values,
    io,
    { rules: orgTrunkRules, inputs: report.genesys.source.kind === 'files' ? report.genesys.source.files : [] },
  );
}
