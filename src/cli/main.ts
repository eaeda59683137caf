/**
 * The command line: `byoc-check CHAIN [options]`, `byoc-check hash FILE...`, `byoc-check rules`,
 * `byoc-check explain RULE`, `byoc-check cas`, `byoc-check scan [PATH...]`, `byoc-check probe HOST`, `byoc-check data-actions INPUT...`, `byoc-check genesys [INPUT...]`. Returns the exit code; all I/O goes through `io`.
 */
import pkg from '../../package.json' with { type: 'json' };
import { rules } from '../../rules/index.js';
import { existsSync } from 'node:fs';
import { check, loadCaFile } from '../check.js';
import { loadCertificates } from '../input/certificates.js';
import { didYouMean, printable } from '../util/text.js';
import { runCas } from './cas.js';
import { parsePathMap, scanOptions } from './scan-options.js';
import { citationText } from '../engine/runner.js';
import { InputError, isInputError } from '../errors.js';
import { catalogOf } from '../reporters/catalog.js';
import { emit } from './emit.js';
import { parseArgv } from './argv.js';
import { dataActionsOptions } from './data-actions-options.js';
import { genesysOptions } from './genesys-options.js';
import { checkOptions, type OptionSpec } from './options.js';

export type { Io } from './io.js';
import type { Io } from './io.js';

export { EXIT_FAILED, EXIT_OK, EXIT_USAGE } from './emit.js';
import { EXIT_OK, EXIT_USAGE } from './emit.js';

const hashOptions: readonly OptionSpec[] = [
  { name: 'old', type: 'boolean', default: false, describe: 'print the pre-1.0 MD5 hash (openssl x509 -subject_hash_old)' },
  { name: 'debug', type: 'boolean', default: false, describe: 'print stack traces for errors' },
];
const listOptions: readonly OptionSpec[] = [
  { name: 'format', type: 'string', choices: ['text', 'json'], default: 'text', describe: 'output format' },
  { name: 'debug', type: 'boolean', default: false, describe: 'print stack traces for errors' },
];

function parseAt(text: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(text.trim())) {
    throw new InputError(`--at "${text}" is not an ISO 8601 date or time (e.g. 2026-12-01 or 2026-12-01T12:00:00Z)`);
  }
  const date = new Date(text.trim().length === 10 ? `${text.trim()}T00:00:00Z` : text.trim());
  if (Number.isNaN(date.getTime())) throw new InputError(`--at "${text}" is not a valid date`);
  return date;
}

async function runHash(files: string[], old: boolean, io: Io): Promise<number> {
  if (files.length === 0) throw new InputError('hash needs at least one FILE');
  const lines: string[] = [];
  for (const file of files) {
    const loaded = await loadCertificates(file, {
      what: 'file',
      stdin: io.readStdin,
      maxCertificates: Infinity,
      p12Password: io.env[P12_PASSWORD],
    });
    for (const cert of loaded.certificates) lines.push(`${old ? cert.subjectHashOld : cert.subjectHash}  ${printable(file)}`);
  }
  io.stdout(lines.join('\n') + '\n');
  return EXIT_OK;
}

const COMMANDS = ['check', 'hash', 'rules', 'explain', 'cas', 'scan', 'probe', 'data-actions', 'genesys'];
const P12_PASSWORD = 'BYOC_CHECK_P12_PASSWORD';

const catalogJson = () => catalogOf(rules);

function runRulesList(format: string, io: Io): number {
  if (format === 'json') {
    io.stdout(
      JSON.stringify({ schemaVersion: 1, tool: { name: 'byoc-check', version: pkg.version }, rules: catalogJson() }, null, 2) + '\n',
    );
    return EXIT_OK;
  }
  const width = Math.max(...rules.map((r) => r.meta.id.length));
  io.stdout(
    rules
      .map((r) => `${r.meta.id.padEnd(width)}  ${r.meta.severity.padEnd(7)}  ${r.meta.title}\n${' '.repeat(width + 11)}${citationText(r)}`)
      .join('\n') + '\n',
  );
  return EXIT_OK;
}

function runExplain(id: string | undefined, format: string, io: Io): number {
  const rule = rules.find((r) => r.meta.id === id);
  if (!rule) {
    const ids = rules.map((r) => r.meta.id);
    throw new InputError(id ? `no rule "${id}"${didYouMean(id, ids)}; \`byoc-check rules\` lists them` : 'explain needs a rule id');
  }
  if (format === 'json') {
    io.stdout(
      JSON.stringify(
        { schemaVersion: 1, tool: { name: 'byoc-check', version: pkg.version }, rule: catalogJson().find((r) => r.id === id) },
        null,
        2,
      ) + '\n',
    );
    return EXIT_OK;
  }
  const m = rule.meta;
  const seeAlso =
    m.area === 'trust' ? ['', 'See also: `byoc-check cas` prints the BYOC accepted-CA list (subject hash, SHA-256, status, notes).'] : [];
  io.stdout(
    [
      `${m.id} (${m.severity}): ${m.title}`,
      '',
      `What: ${m.docs.what}`,
      `Why:  ${m.docs.why}`,
      `Fix:  ${m.remediation}`,
      `Source: ${citationText(rule)}`,
      ...seeAlso,
    ].join('\n') + '\n',
  );
  return EXIT_OK;
}

function timeoutOf(t: number, typed?: string): number {
  if (!(t > 0) || t > 600) throw new InputError(`--timeout must be between 0 and 600 seconds; got ${typed ?? t}`);
  return t;
}

export async function main(argv: string[], io: Io): Promise<number> {
  let debug = argv.includes('--debug');
  try {
    if (argv[0] === 'probe') {
      const { runProbe } = await import('./probe.js');
      return await runProbe(argv.slice(1), io, pkg.version);
    }
    const command = COMMANDS.includes(argv[0] ?? '') && argv[0] !== 'check' ? argv[0]! : 'check';
    const rest = command === 'check' ? argv : argv.slice(1);
    const specs =
      command === 'check'
        ? checkOptions
        : command === 'scan'
          ? scanOptions
          : command === 'hash'
            ? hashOptions
            : command === 'rules'
              ? listOptions
              : command === 'data-actions'
                ? dataActionsOptions
                : command === 'genesys'
                  ? genesysOptions
                  : listOptions;
    const args = parseArgv(rest, specs);
    debug = args.values.debug === true;
    if (args.help) {
      const { renderHelp } = await import('./help.js');
      io.stdout(await renderHelp(command, specs));
      return EXIT_OK;
    }
    if (args.version) {
      io.stdout(`${pkg.version}\n`);
      return EXIT_OK;
    }
    if (command === 'hash') return await runHash(args.positionals, args.values.old === true, io);
    if (command === 'rules') {
      if (args.positionals.length) throw new InputError(`unexpected argument "${args.positionals[0]}"`);
      return runRulesList(String(args.values.format), io);
    }
    if (command === 'explain') return runExplain(args.positionals[0], String(args.values.format), io);
    if (command === 'cas') {
      if (args.positionals.length) throw new InputError(`unexpected argument "${args.positionals[0]}"`);
      io.stdout(runCas(String(args.values.format), pkg.version, new Date()));
      return EXIT_OK;
    }
    if (command === 'scan') {
      const v = args.values;
      if ((v['warn-days'] as number) < 0) throw new InputError(`--warn-days must not be negative; got ${args.raw['warn-days']}`);
      const caCertificates = v.ca ? await loadCaFile(String(v.ca)) : undefined;
      const { scan } = await import('../scan/scan.js');
      const genesysFiles = ((v.genesys as string[] | undefined) ?? []).filter((f) => f !== '');
      const genesysWanted = v.genesys !== undefined || v.fetch === true;
      if (!genesysWanted && v['api-base'] !== undefined) throw new InputError('--api-base only applies with --genesys --fetch');
      const { orgRegion } = genesysWanted ? await import('../data-actions/region.js') : { orgRegion: undefined };
      const report = await scan({
        cwd: io.cwd,
        paths: args.positionals,
        profile: v.profile as string | undefined,
        pathMap: parsePathMap(v['path-map'] as string[] | undefined),
        region: v.region as string | undefined,
        ...(caCertificates ? { caCertificates, caName: String(v.ca) } : {}),
        at: v.at !== undefined ? parseAt(String(v.at)) : undefined,
        warnDays: v['warn-days'] as number,
        online: v.online === true && v.offline !== true,
        pkiProfile: v['pki-profile'] as 'default' | 'strict',
        timeoutSeconds: timeoutOf(v.timeout as number, args.raw.timeout),
        cacheDir: v['cache-dir'] as string | undefined,
        version: pkg.version,
        ...(genesysWanted
          ? {
              genesys: {
                inputs: genesysFiles,
                stdin: io.readStdin,
                fetch: v.fetch === true,
                region: orgRegion!(v.region as string | undefined, io.env),
                apiBase: v['api-base'] as string | undefined,
                env: io.env,
                timeoutSeconds: timeoutOf(v.timeout as number, args.raw.timeout),
              },
            }
          : {}),
        recorded: {
          at: v.at !== undefined ? parseAt(String(v.at)).toISOString() : null,
          strict: v.strict === true,
          format: String(v.format),
          caFile: (v.ca as string | undefined) ?? null,
          warnDays: v['warn-days'] as number,
          timeoutSeconds: timeoutOf(v.timeout as number, args.raw.timeout),
          region: (v.region as string | undefined) ?? null,
        },
      });
      return await emit(report, v, io);
    }
    if (command === 'data-actions') {
      const { runDataActions } = await import('../data-actions/command.js');
      return await runDataActions(args, io, pkg.version, parseAt);
    }
    if (command === 'genesys') {
      const { runGenesys } = await import('../genesys/command.js');
      return await runGenesys(args, io, pkg.version);
    }

    if (args.positionals.length === 0)
      throw new InputError('no chain file given: byoc-check CHAIN [options] (CHAIN may be "-" for stdin; see --help)');
    const first = args.positionals[0]!;
    // A mistyped command (`byoc-check rule`) reads as a chain file name; say which command was meant.
    if (/^[a-z][a-z-]*$/.test(first) && !existsSync(first)) {
      const hint = didYouMean(first, COMMANDS, (c) => `\`byoc-check ${c}\``);
      if (hint) throw new InputError(`no command or file "${first}"${hint}`);
    }
    if (args.positionals.length > 1)
      throw new InputError(`one chain file at a time; got ${args.positionals.length}: ${args.positionals.join(' ')}`);
    const v = args.values;
    const format = String(v.format);
    if ((v['warn-days'] as number) < 0) throw new InputError(`--warn-days must not be negative; got ${args.raw['warn-days']}`);
    const report = await check({
      chain: args.positionals[0]!,
      stdin: io.readStdin,
      uris: v.uri as string[] | undefined,
      sbcs: v.sbc as string[] | undefined,
      region: v.region as string | undefined,
      ciphers: v.ciphers as string | undefined,
      curves: v.curves as string | undefined,
      tlsMin: v['tls-min'] as string | undefined,
      tlsMax: v['tls-max'] as string | undefined,
      at: v.at !== undefined ? parseAt(String(v.at)) : undefined,
      warnDays: v['warn-days'] as number,
      caFile: v.ca as string | undefined,
      offline: v.offline === true,
      timeoutSeconds: timeoutOf(v.timeout as number, args.raw.timeout),
      cacheDir: v['cache-dir'] as string | undefined,
      env: io.env,
      crlFiles: v.crl as string[] | undefined,
      maxDepth: (() => {
        const d = v['max-depth'] as number | undefined;
        if (d !== undefined && !(Number.isInteger(d) && d >= 0 && d <= 100))
          throw new InputError(`--max-depth must be a whole number from 0 to 100; got ${d}`);
        return d;
      })(),
      pkiProfile: v['pki-profile'] as 'default' | 'strict',
      progress: format === 'text' && io.stderrIsTTY ? (m) => io.stderr(m ? `\r\x1b[2K${printable(m)}` : '\r\x1b[2K') : undefined,
      p12Password: io.env[P12_PASSWORD],
      version: pkg.version,
      strict: v.strict === true,
      format,
    });
    return await emit(report, v, io);
  } catch (error) {
    if (isInputError(error)) {
      // Messages quote arguments, file names and PEM labels: escape their control characters.
      io.stderr(`byoc-check: ${printable(error.message)}\n`);
      if (debug)
        io.stderr(
          `${(error.stack ?? '')
            .split('\n')
            .map((line) => printable(line))
            .join('\n')}\n`,
        );
      return EXIT_USAGE;
    }
    io.stderr(
      `byoc-check: internal error: ${printable(String((error as Error).message))}${debug ? '' : ' (run with --debug for details)'}\n`,
    );
    if (debug)
      io.stderr(
        `${String((error as Error).stack)
          .split('\n')
          .map((line) => printable(line))
          .join('\n')}\n`,
      );
    return EXIT_USAGE;
  }
}
