/**
 * The command line: `byoc-check CHAIN [options]`, `byoc-check hash FILE...`, `byoc-check rules`,
 * `byoc-check explain RULE`, `byoc-check cas`. Returns the exit code; all I/O goes through `io`.
 */
import { existsSync, writeFileSync } from 'node:fs';
import pkg from '../../package.json' with { type: 'json' };
import { rules } from '../../rules/index.js';
import { sources } from '../../rules/sources.js';
import { check } from '../check.js';
import { citationText } from '../engine/runner.js';
import { InputError, isInputError } from '../errors.js';
import { loadCertificates } from '../input/certificates.js';
import { didYouMean, printable } from '../util/text.js';
import { formatJson } from '../reporters/json.js';
import { formatText, type Painter } from '../reporters/text.js';
import { parseArgv } from './argv.js';
import { runCas } from './cas.js';
import { checkOptions, type OptionSpec } from './options.js';

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  readStdin(): Promise<Buffer>;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  env: Record<string, string | undefined>;
}

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

const hashOptions: readonly OptionSpec[] = [
  { name: 'old', type: 'boolean', default: false, describe: 'print the pre-1.0 MD5 hash (openssl x509 -subject_hash_old)' },
  { name: 'debug', type: 'boolean', default: false, describe: 'print stack traces for errors' },
];
const COMMANDS = ['check', 'hash', 'rules', 'explain', 'cas'];
const P12_PASSWORD = 'BYOC_CHECK_P12_PASSWORD';
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
    const loaded = await loadCertificates(file, { what: 'file', stdin: io.readStdin, maxCertificates: Infinity, p12Password: io.env[P12_PASSWORD] });
    for (const cert of loaded.certificates) lines.push(`${old ? cert.subjectHashOld : cert.subjectHash}  ${printable(file)}`);
  }
  io.stdout(lines.join('\n') + '\n');
  return EXIT_OK;
}

function catalogJson() {
  return rules.map((r) => ({
    id: r.meta.id,
    area: r.meta.area,
    title: r.meta.title,
    severity: r.meta.severity,
    citations: r.meta.citations.map((c) => ({ source: c.source, title: sources[c.source].title, ...('url' in sources[c.source] ? { url: (sources[c.source] as { url: string }).url } : {}), ...(c.section ? { section: c.section } : {}) })),
    remediation: r.meta.remediation,
    docs: r.meta.docs,
  }));
}

function runRulesList(format: string, io: Io): number {
  if (format === 'json') {
    io.stdout(JSON.stringify({ schemaVersion: 1, tool: { name: 'byoc-check', version: pkg.version }, rules: catalogJson() }, null, 2) + '\n');
    return EXIT_OK;
  }
  const width = Math.max(...rules.map((r) => r.meta.id.length));
  io.stdout(rules.map((r) => `${r.meta.id.padEnd(width)}  ${r.meta.severity.padEnd(7)}  ${r.meta.title}\n${' '.repeat(width + 11)}${citationText(r)}`).join('\n') + '\n');
  return EXIT_OK;
}

function runExplain(id: string | undefined, format: string, io: Io): number {
  const rule = rules.find((r) => r.meta.id === id);
  if (!rule) {
    const ids = rules.map((r) => r.meta.id);
    throw new InputError(id ? `no rule "${id}"${didYouMean(id, ids)}; \`byoc-check rules\` lists them` : 'explain needs a rule id');
  }
  if (format === 'json') {
    io.stdout(JSON.stringify({ schemaVersion: 1, tool: { name: 'byoc-check', version: pkg.version }, rule: catalogJson().find((r) => r.id === id) }, null, 2) + '\n');
    return EXIT_OK;
  }
  const m = rule.meta;
  const seeAlso = m.area === 'trust' ? ['', 'See also: `byoc-check cas` prints the BYOC accepted-CA list (subject hash, SHA-256, status, notes).'] : [];
  io.stdout([`${m.id} (${m.severity}): ${m.title}`, '', `What: ${m.docs.what}`, `Why:  ${m.docs.why}`, `Fix:  ${m.remediation}`, `Source: ${citationText(rule)}`, ...seeAlso].join('\n') + '\n');
  return EXIT_OK;
}

export async function main(argv: string[], io: Io): Promise<number> {
  let debug = argv.includes('--debug');
  try {
    const command = ['hash', 'rules', 'explain', 'cas'].includes(argv[0] ?? '') ? argv[0]! : 'check';
    const rest = command === 'check' ? argv : argv.slice(1);
    const specs = command === 'check' ? checkOptions : command === 'hash' ? hashOptions : listOptions;
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

    if (args.positionals.length === 0) throw new InputError('no chain file given: byoc-check CHAIN [options] (CHAIN may be "-" for stdin; see --help)');
    const first = args.positionals[0]!;
    // A mistyped command (`byoc-check rule`) reads as a chain file name; say which command was meant.
    if (/^[a-z][a-z-]*$/.test(first) && !existsSync(first)) {
      const hint = didYouMean(first, COMMANDS, (c) => `\`byoc-check ${c}\``);
      if (hint) throw new InputError(`no command or file "${first}"${hint}`);
    }
    if (args.positionals.length > 1) throw new InputError(`one chain file at a time; got ${args.positionals.length}: ${args.positionals.join(' ')}`);
    const v = args.values;
    const format = String(v.format);
    const output = v.output as string | undefined;
    const color = typeof v.color === 'boolean' ? v.color : !output && io.stdoutIsTTY && !io.env.NO_COLOR;
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
      timeoutSeconds: (() => {
        const t = v.timeout as number;
        if (!(t > 0) || t > 600) throw new InputError(`--timeout must be between 0 and 600 seconds; got ${args.raw.timeout ?? t}`);
        return t;
      })(),
      cacheDir: v['cache-dir'] as string | undefined,
      progress: format === 'text' && io.stderrIsTTY ? (m) => io.stderr(m ? `\r\x1b[2K${printable(m)}` : '\r\x1b[2K') : undefined,
      version: pkg.version,
      p12Password: io.env[P12_PASSWORD],
    });
    let text: string;
    if (format === 'json') text = formatJson(report);
    else if (color) {
      const { Chalk } = await import('chalk');
      text = formatText(report, { chalk: new Chalk({ level: 1 }) as unknown as Painter });
    } else text = formatText(report);
    if (output) {
      try {
        writeFileSync(output, text);
      } catch (error) {
        throw new InputError(`--output ${output}: cannot write (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
      }
    } else io.stdout(text);
    if (!report.ok) return EXIT_FAILED;
    return v.strict === true && report.summary.warn > 0 ? EXIT_FAILED : EXIT_OK;
  } catch (error) {
    // Messages quote arguments, file names and PEM labels: escape their control characters.
    if (isInputError(error)) {
      io.stderr(`byoc-check: ${printable(error.message)}\n`);
      if (debug) io.stderr(`${(error.stack ?? '').split('\n').map(printable).join('\n')}\n`);
      return EXIT_USAGE;
    }
    io.stderr(`byoc-check: internal error: ${printable(String((error as Error).message))}${debug ? '' : ' (run with --debug for details)'}\n`);
    if (debug) io.stderr(`${String((error as Error).stack).split('\n').map(printable).join('\n')}\n`);
    return EXIT_USAGE;
  }
}
