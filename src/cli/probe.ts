/**
 * `byoc-check probe HOST[:PORT] [options]`: the live probe's command line. Loaded lazily, so the
 * offline check never pays for it. Throws InputError for usage errors; main() turns them into exit 2.
 */
import { regionCode } from '../../rules/data/byoc-regions.js';
import { isIP } from 'node:net';
import { InputError } from '../errors.js';
import { probeCheck } from '../probe.js';
import { FORMATS } from '../reporters/index.js';
import { emit } from './emit.js';
import { parseArgv } from './argv.js';
import type { Io } from './main.js';
import { REGIONS, type OptionSpec } from './options.js';

export const probeOptions: readonly OptionSpec[] = [
  {
    name: 'sbc',
    type: 'string',
    describe: 'the name Genesys dials (SNI and subject-name target), NAME[:PORT]; needed when HOST is an IP address',
    group: 'Trunk',
  },
  { name: 'uri', type: 'string', array: true, describe: 'SIP URI the SBC sends towards Genesys (Request-URI), repeatable', group: 'Trunk' },
  {
    name: 'region',
    type: 'string',
    choices: REGIONS,
    canonical: regionCode,
    describe: 'Genesys Cloud region, as use1 or us-east-1 (inferred from Genesys host names when absent)',
    group: 'Trunk',
  },
  { name: 'ca', type: 'string', describe: 'PEM bundle of trust anchors that replace the BYOC list (BYOC Premises, labs)', group: 'Check' },
  { name: 'at', type: 'string', describe: 'check time, ISO 8601 (default: now)', group: 'Check' },
  { name: 'warn-days', type: 'number', default: 30, describe: 'warn when a certificate expires within N days', group: 'Check' },
  {
    name: 'timeout',
    type: 'number',
    default: 5,
    describe: 'seconds allowed for the whole probe (each connection, and the CRL downloads)',
    group: 'Check',
  },
  { name: 'offline', type: 'boolean', default: false, describe: 'touch nothing but the SBC (CRL checks are skipped)', group: 'Check' },
  { name: 'cache-dir', type: 'string', describe: 'cache downloaded CRLs here until their nextUpdate', group: 'Check' },
  { name: 'format', type: 'string', choices: FORMATS, default: 'text', describe: 'report format', group: 'Output' },
  { name: 'output', type: 'string', alias: 'o', describe: 'write the report to FILE instead of stdout', group: 'Output' },
  { name: 'strict', type: 'boolean', default: false, describe: 'exit 1 on warnings too', group: 'Output' },
  { name: 'color', type: 'boolean', describe: 'force colour on or off (default: on for a TTY unless NO_COLOR)', group: 'Output' },
  { name: 'debug', type: 'boolean', default: false, describe: 'print stack traces for errors', group: 'Output' },
];

/** HOST[:PORT], [IPv6]:PORT or a bare IPv6 address; PORT defaults to 5061. */
export function parseTarget(text: string): { host: string; port: number } {
  const t = text.trim();
  let host: string;
  let port: string | undefined;
  const bracketed = /^\[([^\]]+)\](?::(\d*))?$/.exec(t);
  if (bracketed) [host, port] = [bracketed[1]!, bracketed[2]];
  else if (isIP(t) === 6) host = t;
  else {
    const m = /^([^:\s/]+)(?::(\d*))?$/.exec(t);
    if (!m) throw new InputError(`"${text.replace(/[^\x20-\x7e]/g, '?')}" is not HOST[:PORT] (IPv6 in brackets: [2001:db8::1]:5061)`);
    [host, port] = [m[1]!, m[2]];
  }
  if (bracketed && isIP(host) !== 6) throw new InputError(`"${host}" in brackets is not an IPv6 address`);
  if (!isIP(host) && !/^(?=.{1,253}$)[A-Za-z0-9_]([A-Za-z0-9_-]{0,62})(\.[A-Za-z0-9_]([A-Za-z0-9_-]{0,62}))*\.?$/.test(host))
    throw new InputError(`"${host}" is not a host name or IP address`);
  const n = port === undefined ? 5061 : Number(port);
  if (port === '' || !Number.isInteger(n) || n < 1 || n > 65535) throw new InputError(`port "${port}" is not a TCP port (1-65535)`);
  return { host, port: n };
}

function parseAt(text: string): Date {
  const t = text.trim();
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(t))
    throw new InputError(`--at "${text}" is not an ISO 8601 date or time (e.g. 2026-12-01 or 2026-12-01T12:00:00Z)`);
  const date = new Date(t.length === 10 ? `${t}T00:00:00Z` : t);
  if (Number.isNaN(date.getTime())) throw new InputError(`--at "${text}" is not a valid date`);
  return date;
}

export async function runProbe(argv: string[], io: Io, version: string): Promise<number> {
  const args = parseArgv(argv, probeOptions);
  if (args.help) {
    const { renderHelp } = await import('./help.js');
    io.stdout(await renderHelp('probe', probeOptions));
    return 0;
  }
  if (args.version) {
    io.stdout(`${version}\n`);
    return 0;
  }
  if (args.positionals.length === 0) throw new InputError('probe needs a target: byoc-check probe HOST[:PORT] (see probe --help)');
  if (args.positionals.length > 1)
    throw new InputError(`one target at a time; got ${args.positionals.length}: ${args.positionals.join(' ')}`);
  const v = args.values;
  const target = parseTarget(args.positionals[0]!);
  const timeout = v.timeout as number;
  if (!(timeout > 0) || timeout > 600) throw new InputError(`--timeout must be between 0 and 600 seconds; got ${timeout}`);
  if ((v['warn-days'] as number) < 0) throw new InputError('--warn-days must not be negative');
  if (v.sbc !== undefined) parseTarget(String(v.sbc));
  const format = String(v.format);
  const report = await probeCheck({
    ...target,
    sbc: v.sbc as string | undefined,
    uris: v.uri as string[] | undefined,
    region: v.region as string | undefined,
    caFile: v.ca as string | undefined,
    at: v.at !== undefined ? parseAt(String(v.at)) : undefined,
    warnDays: v['warn-days'] as number,
    timeoutSeconds: timeout,
    offline: v.offline === true,
    cacheDir: v['cache-dir'] as string | undefined,
    version,
    strict: v.strict === true,
    format,
  });
  return emit(report, v, io);
}
