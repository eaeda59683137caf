/**
 * The command line: picks the command, parses its options, runs it, and turns errors into one line and
 * exit 2. Each command is one file in ./commands; the heavy ones load lazily, so the chain check (the
 * default command) pays only for itself. Returns the exit code; all I/O goes through `io`.
 */
import pkg from '../../package.json' with { type: 'json' };
import { isInputError } from '../errors.js';
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

/** Every command, with its option table and how to run it; `probe` parses its own argv (many targets, src/cli/commands/probe.ts). */
type Command = { options: readonly OptionSpec[]; run: Run } | { ownArgv: (argv: string[], io: Io, version: string) => Promise<number> };

const COMMANDS: Record<string, Command> = {
  // the command names, in this order, are what "did you mean" offers
  check: { options: checkOptions, run: (args, io, version) => runCheck(args, io, version, Object.keys(COMMANDS)) },
  hash: { options: hashOptions, run: runHash },
  rules: { options: listOptions, run: runRulesList },
  explain: { options: listOptions, run: runExplain },
  cas: { options: listOptions, run: runCas },
  scan: { options: scanOptions, run: runScan },
  probe: { ownArgv: async (argv, io, version) => (await import('./commands/probe.js')).runProbe(argv, io, version) },
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
    const name = argv[0] !== undefined && argv[0] !== 'check' && Object.hasOwn(COMMANDS, argv[0]) ? argv[0] : 'check';
    const command = COMMANDS[name]!;
    if ('ownArgv' in command) return await command.ownArgv(argv.slice(1), io, pkg.version);
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
