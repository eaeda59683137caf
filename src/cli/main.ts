/**
 * The command line: picks the command, parses its options, runs it, and turns errors into one line and
 * exit 2. Each command is one file in ./commands; the heavy ones load lazily, so the chain check (the
 * default command) pays only for itself. Returns the exit code; all I/O goes through `io`.
 */
import pkg from '../../package.json' with { type: 'json' };
import { InputError, isInputError } from '../errors.js';
import { printable } from '../util/text.js';
import { parseArgv, type ParsedArgs } from './argv.js';
import { runCas } from './commands/cas.js';
import { runCheck } from './commands/check.js';
import { hashOptions, runHash } from './commands/hash.js';
import { listOptions, runExplain, runRulesList } from './commands/rules.js';
import { runScan } from './commands/scan.js';
import { dataActionsOptions } from './data-actions-options.js';
import { EXIT_OK, EXIT_USAGE } from './emit.js';
import { genesysOptions } from './genesys-options.js';
import type { Io } from './io.js';
import { checkOptions, type OptionSpec } from './options.js';
import { scanOptions } from './scan-options.js';

export type { Io } from './io.js';
export { EXIT_FAILED, EXIT_OK, EXIT_USAGE } from './emit.js';

type Run = (args: ParsedArgs, io: Io, version: string) => number | Promise<number>;

/** For "did you mean" on a mistyped command. */
const NAMES = ['check', 'hash', 'rules', 'explain', 'cas', 'scan', 'probe', 'data-actions', 'genesys'];

/** Every command, with its option table and how to run it. `probe` parses its own argv (src/cli/commands/probe.ts). */
const COMMANDS: Record<string, { options: readonly OptionSpec[]; run: Run }> = {
  check: { options: checkOptions, run: (args, io, version) => runCheck(args, io, version, NAMES) },
  hash: { options: hashOptions, run: runHash },
  rules: { options: listOptions, run: runRulesList },
  explain: { options: listOptions, run: runExplain },
  cas: {
    options: listOptions,
    run: (args, io, version) => {
      if (args.positionals.length) throw new InputError(`unexpected argument "${args.positionals[0]}"`);
      io.stdout(runCas(String(args.values.format), version, new Date()));
      return EXIT_OK;
    },
  },
  scan: { options: scanOptions, run: runScan },
  'data-actions': {
    options: dataActionsOptions,
    run: async (args, io, version) => (await import('./commands/data-actions.js')).runDataActions(args, io, version),
  },
  genesys: {
    options: genesysOptions,
    run: async (args, io, version) => (await import('./commands/genesys.js')).runGenesys(args, io, version),
  },
};

function report(error: unknown, debug: boolean, io: Io): number {
  const lines = (text: string) =>
    text
      .split('\n')
      .map((line) => printable(line))
      .join('\n');
  if (isInputError(error)) {
    // Messages quote arguments, file names and PEM labels: escape their control characters.
    io.stderr(`byoc-check: ${printable(error.message)}\n`);
    if (debug) io.stderr(`${lines(error.stack ?? '')}\n`);
    return EXIT_USAGE;
  }
  io.stderr(
    `byoc-check: internal error: ${printable(String((error as Error).message))}${debug ? '' : ' (run with --debug for details)'}\n`,
  );
  if (debug) io.stderr(`${lines(String((error as Error).stack))}\n`);
  return EXIT_USAGE;
}

export async function main(argv: string[], io: Io): Promise<number> {
  let debug = argv.includes('--debug');
  try {
    if (argv[0] === 'probe') {
      const { runProbe } = await import('./commands/probe.js');
      return await runProbe(argv.slice(1), io, pkg.version);
    }
    const name = argv[0] !== undefined && argv[0] !== 'check' && Object.hasOwn(COMMANDS, argv[0]) ? argv[0] : 'check';
    const command = COMMANDS[name]!;
    const args = parseArgv(name === 'check' ? argv : argv.slice(1), command.options);
    debug = args.values.debug === true;
    if (args.help) {
      const { renderHelp } = await import('./help.js');
      io.stdout(await renderHelp(name, command.options));
      return EXIT_OK;
    }
    if (args.version) {
      io.stdout(`${pkg.version}\n`);
      return EXIT_OK;
    }
    return await command.run(args, io, pkg.version);
  } catch (error) {
    return report(error, debug, io);
  }
}
