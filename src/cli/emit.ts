/** Formats a report with the reporter --format names, writes it (stdout or --output) and gives the exit code. */
import { closeSync, openSync, writeSync } from 'node:fs';
import { exitCodeOf } from '../report/exit-code.js';
import { trunkRules } from '../../rules/index.js';
import { InputError } from '../errors.js';
import type { Report } from '../report/types.js';
import { catalogOf } from '../reporters/catalog.js';
import { reporters, type Format } from '../reporters/index.js';
import { jsonChunks } from '../reporters/json.js';
import type { Painter } from '../reporters/text.js';
import type { Io } from './main.js';

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/** Formats the report, writes it (stdout or --output) and gives the exit code. */
export async function emit(report: Report, v: Record<string, unknown>, io: Io): Promise<number> {
  const format = String(v.format);
  const output = v.output as string | undefined;
  const color = typeof v.color === 'boolean' ? v.color : !output && io.stdoutIsTTY && !io.env.NO_COLOR;
  const chalk = format === 'text' && color ? (new (await import('chalk')).Chalk({ level: 1 }) as unknown as Painter) : undefined;
  // JSON goes out in pieces: one string of a large scan report would double the peak memory.
  const text =
    format === 'json'
      ? jsonChunks(report)
      : reporters[format as Format](report, {
          strict: v.strict === true,
          chalk,
          catalog: format === 'sarif' ? catalogOf(trunkRules) : undefined,
          base: io.cwd,
        });
  writeOutput(text, output, io);
  return exitCodeOf(report, v.strict === true) === 1 ? EXIT_FAILED : EXIT_OK;
}

/** The report goes to --output FILE, or to stdout; in pieces when it comes in pieces. */
export function writeOutput(text: string | Iterable<string>, output: string | undefined, io: Io): void {
  const pieces = typeof text === 'string' ? [text] : text;
  if (!output) {
    for (const piece of pieces) io.stdout(piece);
    return;
  }
  let fd: number | undefined;
  try {
    fd = openSync(output, 'w');
    for (const piece of pieces) writeSync(fd, piece);
  } catch (error) {
    throw new InputError(`--output ${output}: cannot write (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
