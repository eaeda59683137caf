/** `byoc-check scan [PATH...]`: the options read into a scan run; the scanner itself (src/scan) is loaded lazily. */
import { InputError } from '../../errors.js';
import { loadCaFile } from '../../pipeline/inputs.js';
import type { ParsedArgs } from '../argv.js';
import { emit } from '../emit.js';
import type { Io } from '../io.js';
import { parsePathMap } from '../scan-options.js';
import { atOf, regionOf, timeoutOf, warnDaysOf } from '../values.js';

export async function runScan(args: ParsedArgs, io: Io, version: string): Promise<number> {
  const v = args.values;
  const warnDays = warnDaysOf(v['warn-days'] as number, args.raw['warn-days']);
  const timeoutSeconds = timeoutOf(v.timeout as number, args.raw.timeout);
  const at = atOf(v.at);
  const caCertificates = v.ca ? await loadCaFile(String(v.ca)) : undefined;
  const { scan } = await import('../../scan/scan.js');
  const genesysFiles = ((v.genesys as string[] | undefined) ?? []).filter((f) => f !== '');
  const genesysWanted = v.genesys !== undefined || v.fetch === true;
  if (!genesysWanted && v['api-base'] !== undefined) throw new InputError('--api-base only applies with --genesys --fetch');
  // One region for the org and its BYOC trunks: --region, else with --fetch the OAuth environment's.
  const region = regionOf(v, io);
  const { report, asText } = await scan({
    cwd: io.cwd,
    paths: args.positionals,
    profile: v.profile as string | undefined,
    pathMap: parsePathMap(v['path-map'] as string[] | undefined),
    region,
    ...(caCertificates ? { caCertificates, caName: String(v.ca) } : {}),
    at,
    warnDays,
    online: v.online === true && v.offline !== true,
    pkiProfile: v['pki-profile'] as 'default' | 'strict',
    timeoutSeconds,
    cacheDir: v['cache-dir'] as string | undefined,
    version,
    ...(genesysWanted
      ? {
          genesys: {
            inputs: genesysFiles,
            stdin: io.readStdin,
            fetch: v.fetch === true,
            region,
            apiBase: v['api-base'] as string | undefined,
            env: io.env,
            timeoutSeconds,
          },
        }
      : {}),
    recorded: {
      at: at ? at.toISOString() : null,
      strict: v.strict === true,
      format: String(v.format),
      caFile: (v.ca as string | undefined) ?? null,
      warnDays,
      timeoutSeconds,
      region: (v.region as string | undefined) ?? null,
    },
    // A JSON report is written from text: results and endpoints need not stay in memory as objects.
    spillResults: String(v.format) === 'json',
  });
  return await emit(report, v, io, { asText });
}
