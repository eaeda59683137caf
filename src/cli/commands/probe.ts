/**
 * `byoc-check probe HOST[:PORT] [options]`: the live probe's command line. Loaded lazily, so the
 * offline check never pays for it. Throws InputError for usage errors; main() turns them into exit 2.
 */
import { isIP } from 'node:net';
import { InputError } from '../../errors.js';
import { probeCheck } from '../../pipeline/probe-check.js';
import { FORMATS } from '../../reporters/index.js';
import { emit, emitOwn, EXIT_FAILED, EXIT_OK, writeOutput } from '../emit.js';
import { fleetExitCodeOf } from '../../report/exit-code.js';
import type { FleetReport } from '../../report/fleet.js';
import type { Painter } from '../../reporters/text.js';
import { printable } from '../../util/text.js';
import { parseArgv } from '../argv.js';
import { apiBaseOption, fetchOption, trunkOption } from '../genesys-options.js';
import type { Io } from '../io.js';
import { atOf, genesysSourceOf, regionOf, timeoutOf, warnDaysOf } from '../values.js';
import { regionOption, type OptionSpec } from '../options.js';

export const probeOptions: readonly OptionSpec[] = [
  {
    name: 'sbc',
    type: 'string',
    describe: 'the name Genesys dials (SNI and subject-name target), NAME[:PORT]; needed when HOST is an IP address',
    group: 'Trunk',
  },
  { name: 'uri', type: 'string', array: true, describe: 'SIP URI the SBC sends towards Genesys (Request-URI), repeatable', group: 'Trunk' },
  regionOption,
  {
    name: 'genesys',
    type: 'string',
    array: true,
    describe:
      "probe every SIP server of the org's BYOC Cloud TLS trunks, read from INPUT (saved JSON of GET /api/v2/telephony/providers/edges/trunkbasesettings), repeatable; with no INPUT, --fetch",
    group: 'Genesys',
  },
  { ...fetchOption, describe: `${fetchOption.describe}; implies --genesys` },
  apiBaseOption,
  { ...trunkOption, describe: 'with --genesys: probe only this trunk (its name or id), repeatable' },
  {
    name: 'from-sbc',
    type: 'string',
    array: true,
    describe:
      "the other direction: connect to this Genesys proxy HOST[:PORT] (or REGION: its lb01..lb04) as the SBC does, trusting only --ca (the SBC's CA file), repeatable",
    group: 'From the SBC',
  },
  {
    name: 'ciphers',
    type: 'string',
    describe: "with --from-sbc: the SBC's client cipher list (OpenSSL cipher string or IANA names)",
    group: 'From the SBC',
  },
  {
    name: 'curves',
    type: 'string',
    describe: 'with --from-sbc: the SBC\'s client ECDHE groups, e.g. "secp384r1:X25519"',
    group: 'From the SBC',
  },
  {
    name: 'ca',
    type: 'string',
    describe: "PEM bundle of trust anchors that replace the BYOC list (BYOC Premises, labs); with --from-sbc: the SBC's CA file (required)",
    group: 'Check',
  },
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
  {
    name: 'connect-to',
    type: 'string',
    array: true,
    describe: 'HOST:PORT:ADDRESS:PORT2 (as curl spells it): connect there for HOST:PORT; SNI and name checks keep HOST (labs, NAT)',
    group: 'Check',
  },
  // 50: a fleet of 50 SBCs (silent ones among them) is probed at once; each target opens at most 9 sockets
  { name: 'concurrency', type: 'number', default: 50, describe: 'targets probed at once when several are given (1-64)', group: 'Check' },
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

export async function runProbe(argv: string[], io: Io, version: string): Promise<number> {
  const args = parseArgv(argv, probeOptions);
  if (args.help) {
    const { renderHelp } = await import('../help.js');
    io.stdout(await renderHelp('probe', probeOptions));
    return 0;
  }
  if (args.version) {
    io.stdout(`${version}\n`);
    return 0;
  }
  const v = args.values;
  if (v['from-sbc'] !== undefined) return runFromSbc(args, io, version);
  for (const flag of ['ciphers', 'curves'])
    if (v[flag] !== undefined)
      throw new InputError(
        `--${flag} is the SBC's client setting and applies with --from-sbc only; towards the SBC the probe offers what BYOC Cloud offers`,
      );
  const genesysInputs = v.genesys as string[] | undefined;
  const fromGenesys = genesysInputs !== undefined || v.fetch === true;
  if (fromGenesys) {
    if (args.positionals.length)
      throw new InputError(
        `probe takes HOST targets or --genesys, not both (got "${printable(args.positionals[0]!).slice(0, 100)}"); several INPUT files: --genesys FILE once per file`,
      );
    if (v.sbc !== undefined)
      throw new InputError('--sbc does not apply with --genesys: each SIP server is judged under the name the trunk lists');
  } else {
    for (const flag of ['api-base', 'trunk'])
      if (v[flag] !== undefined) throw new InputError(`--${flag} only applies with --genesys or --fetch`);
    if (args.positionals.length === 0)
      throw new InputError('probe needs a target: byoc-check probe HOST[:PORT]... or --genesys INPUT | --fetch (see probe --help)');
  }
  const targets = args.positionals.map((text) => ({ text, ...parseTarget(text) }));
  if (targets.length > 200) throw new InputError(`at most 200 targets in one run; got ${targets.length}`);
  if (targets.length > 1 && v.sbc !== undefined)
    throw new InputError(
      '--sbc names the SBC of a single target; with several targets each is judged under its own name, as Genesys dials it',
    );
  const connectTo = parseConnectTo((v['connect-to'] as string[] | undefined) ?? []);
  const concurrency = v.concurrency as number;
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64)
    throw new InputError(`--concurrency must be 1 to 64; got ${concurrency}`);
  const timeout = timeoutOf(v.timeout as number, args.raw.timeout);
  const warnDays = warnDaysOf(v['warn-days'] as number, args.raw['warn-days']);
  if (v.sbc !== undefined) parseTarget(String(v.sbc));
  const format = String(v.format);
  const common = {
    uris: v.uri as string[] | undefined,
    // with --genesys --fetch and no --region, the org's region (GENESYSCLOUD_REGION) is the trunks' region too
    region: fromGenesys ? regionOf(v, io) : (v.region as string | undefined),
    caFile: v.ca as string | undefined,
    at: atOf(v.at),
    warnDays,
    timeoutSeconds: timeout,
    offline: v.offline === true,
    cacheDir: v['cache-dir'] as string | undefined,
    version,
    strict: v.strict === true,
    format,
  };
  const via = (t: { host: string; port: number }) => connectTo.get(`${t.host.toLowerCase()}:${t.port}`);
  if (fromGenesys) {
    const { probeGenesysFleet } = await import('../../pipeline/genesys-fleet.js');
    const fleet = await probeGenesysFleet({
      ...genesysSourceOf(v, genesysInputs ?? [], io),
      common,
      concurrency,
      strict: v.strict === true,
      via,
    });
    return emitFleet(fleet, v, io);
  }
  const target = targets[0]!;
  if (targets.length > 1) {
    const { probeFleet } = await import('../../pipeline/fleet-probe.js');
    const plan = targets.map((t) => ({ ...t, ...(via(t) ? { via: via(t)! } : {}) }));
    const fleet = await probeFleet(plan, common, concurrency, v.strict === true);
    return emitFleet(fleet, v, io);
  }
  // One target reached through --connect-to is judged under its own name, like a fleet's.
  const redirected = via(target);
  const report = await probeCheck({
    ...(redirected ? { host: redirected.address, port: redirected.port } : target),
    sbc: (v.sbc as string | undefined) ?? (redirected && !isIP(target.host) ? target.text : undefined),
    ...common,
  });
  return emit(report, v, io);
}

/** `probe --from-sbc HOST|REGION... --ca FILE`: the SBC's side, towards Genesys. */
async function runFromSbc(args: ReturnType<typeof parseArgv>, io: Io, version: string): Promise<number> {
  const v = args.values;
  if (args.positionals.length)
    throw new InputError(
      `--from-sbc takes the Genesys proxies itself (HOST or REGION); got a target "${printable(args.positionals[0]!).slice(0, 100)}" too: probe the SBC in a separate run`,
    );
  for (const flag of ['genesys', 'fetch', 'sbc', 'uri', 'trunk', 'api-base'])
    if (v[flag] !== undefined && v[flag] !== false)
      throw new InputError(`--${flag} does not apply with --from-sbc (it checks Genesys' proxies as the SBC sees them)`);
  const values = v['from-sbc'] as string[];
  if (values.length === 0) throw new InputError('--from-sbc needs a Genesys proxy HOST[:PORT] or a REGION (use1, us-east-1 ...)');
  if (v.ca === undefined)
    throw new InputError(
      "--from-sbc needs --ca FILE: the CA file the SBC trusts for the Genesys trunk (PEM), to verify Genesys' chain against",
    );
  const timeout = timeoutOf(v.timeout as number, args.raw.timeout);
  const warnDays = warnDaysOf(v['warn-days'] as number, args.raw['warn-days']);
  const concurrency = v.concurrency as number;
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64)
    throw new InputError(`--concurrency must be 1 to 64; got ${concurrency}`);
  const connectTo = parseConnectTo((v['connect-to'] as string[] | undefined) ?? []);
  const { checkFromSbc, fromSbcAsReport, fromSbcValue } = await import('../../pipeline/from-sbc-check.js');
  const strict = v.strict === true;
  const format = String(v.format);
  const report = await checkFromSbc({
    targets: values.map((text) => fromSbcValue(text, parseTarget)),
    caFile: String(v.ca),
    ciphers: v.ciphers as string | undefined,
    curves: v.curves as string | undefined,
    at: atOf(v.at),
    warnDays,
    timeoutSeconds: timeout,
    concurrency,
    via: (t) => connectTo.get(`${t.host.toLowerCase()}:${t.port}`),
    version,
    strict,
    format,
  });
  const { formatFromSbcText, formatFromSbcMarkdown } = await import('../../reporters/from-sbc-text.js');
  const { fromSbcRules } = await import('../../../rules/index.js');
  return emitOwn(
    {
      json: report,
      view: fromSbcAsReport(report),
      text: (chalk) => formatFromSbcText(report, chalk ? { chalk } : {}),
      markdown: () => formatFromSbcMarkdown(report),
    },
    v,
    io,
    { rules: fromSbcRules, inputs: [String(v.ca)] },
  );
}

/** `--connect-to HOST:PORT:ADDRESS:PORT2`, repeatable; an IPv6 address in brackets. */
function parseConnectTo(values: string[]): Map<string, { address: string; port: number }> {
  const out = new Map<string, { address: string; port: number }>();
  for (const value of values) {
    const m = /^(\[[^\]]+\]|[^:[\]]+):(\d+):(\[[^\]]+\]|[^:[\]]+):(\d+)$/.exec(value.trim());
    if (!m) throw new InputError(`--connect-to "${printable(value)}" is not HOST:PORT:ADDRESS:PORT2 (IPv6 in brackets)`);
    const from = parseTarget(`${m[1]}:${m[2]}`);
    const to = parseTarget(`${m[3]}:${m[4]}`);
    out.set(`${from.host.toLowerCase()}:${from.port}`, { address: to.host, port: to.port });
  }
  return out;
}

/** A fleet's report: one JSON document, a section per target in text, results tagged per target elsewhere. */
async function emitFleet(fleet: FleetReport, v: Record<string, unknown>, io: Io): Promise<number> {
  const strict = v.strict === true;
  const source = fleet.fleet.genesys?.source;
  const inputs = source?.kind === 'files' ? source.files : [];
  if (String(v.format) === 'text') {
    const { formatFleetText } = await import('../../reporters/fleet-text.js');
    const color = typeof v.color === 'boolean' ? v.color : !v.output && io.stdoutIsTTY && !io.env.NO_COLOR;
    const chalk = color ? (new (await import('chalk')).Chalk({ level: 1 }) as unknown as Painter) : undefined;
    await writeOutput(formatFleetText(fleet, chalk ? { chalk } : {}), v.output as string | undefined, io, inputs);
  } else {
    await emit(fleet, v, io, fleet.fleet.genesys ? { rules: (await import('../../../rules/index.js')).orgTrunkRules, inputs } : {});
  }
  return fleetExitCodeOf(fleet, strict) === 1 ? EXIT_FAILED : EXIT_OK;
}
