/** Formats a report with the reporter --format names, writes it (stdout or --output) and gives the exit code. */
import { closeSync, lstatSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { printable } from '../util/text.js';
import { exitCodeOf } from '../report/exit-code.js';
import { trunkRules } from '../../rules/index.js';
import { InputError } from '../errors.js';
import type { Report } from '../report/types.js';
import { catalogOf } from '../reporters/catalog.js';
import { reporters, type Format } from '../reporters/index.js';
import { jsonChunks } from '../reporters/json.js';
import type { Painter } from '../reporters/text.js';
import type { Io } from './io.js';

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/**
 * Formats the report, writes it (stdout or --output) and gives the exit code. `extra`: the rules whose
 * results the report holds beyond the trunk rules (SARIF's catalog), files read that the report's own
 * input list does not name (a report must not be written over them), and arrays held as JSON text.
 */
export async function emit(
  report: Report,
  v: Record<string, unknown>,
  io: Io,
  extra: {
    rules?: Parameters<typeof catalogOf>[0];
    inputs?: readonly string[];
    /** Arrays of the report held as JSON text (scan's spilled results): only a JSON report can be written from them. */
    asText?: Parameters<typeof jsonChunks>[1];
  } = {},
): Promise<number> {
  const format = String(v.format);
  const output = v.output as string | undefined;
  const color = typeof v.color === 'boolean' ? v.color : !output && io.stdoutIsTTY && !io.env.NO_COLOR;
  const chalk = format === 'text' && color ? (new (await import('chalk')).Chalk({ level: 1 }) as unknown as Painter) : undefined;
  // JSON goes out in pieces: one string of a large scan report would double the peak memory.
  const text =
    format === 'json'
      ? jsonChunks(report, extra.asText)
      : reporters[format as Format](report, {
          strict: v.strict === true,
          chalk,
          catalog: format === 'sarif' ? catalogOf([...trunkRules, ...(extra.rules ?? [])]) : undefined,
          base: io.cwd,
        });
  await writeOutput(text, output, io, [...inputsOf(report), ...(extra.inputs ?? [])]);
  return exitCodeOf(report, v.strict === true) === 1 ? EXIT_FAILED : EXIT_OK;
}

/**
 * A report with a shape of its own (genesys, probe --from-sbc): its JSON, text and Markdown views as the
 * command builds them; JUnit and SARIF from `view`, the same results as a Report. Gives the exit code.
 */
export async function emitOwn(
  own: {
    json: unknown;
    view: Report;
    text: (chalk: Painter | undefined) => string | Promise<string>;
    markdown: () => string | Promise<string>;
  },
  v: Record<string, unknown>,
  io: Io,
  extra: { rules: Parameters<typeof catalogOf>[0]; inputs?: readonly string[] },
): Promise<number> {
  const format = String(v.format);
  const strict = v.strict === true;
  const output = v.output as string | undefined;
  let text: string;
  if (format === 'json') text = JSON.stringify(own.json, null, 2) + '\n';
  else if (format === 'text') {
    const color = typeof v.color === 'boolean' ? v.color : !output && io.stdoutIsTTY && !io.env.NO_COLOR;
    text = await own.text(color ? (new (await import('chalk')).Chalk({ level: 1 }) as unknown as Painter) : undefined);
  } else if (format === 'markdown') text = await own.markdown();
  else text = reporters[format as Format](own.view, { strict, base: io.cwd, catalog: catalogOf(extra.rules) }) as string;
  await writeOutput(text, output, io, extra.inputs ?? []);
  return exitCodeOf(own.view, strict) === 1 ? EXIT_FAILED : EXIT_OK;
}

/**
 * The report goes to --output FILE, or to stdout; in pieces when it comes in pieces. A committed
 * symbolic link must not redirect the write (a pull request could aim it at any file the runner can
 * write), a report must not replace a file the run read, and a reader of FILE never sees half a
 * report: it is written to a temporary file beside it and renamed into place.
 */
export async function writeOutput(
  text: string | Iterable<string>,
  output: string | undefined,
  io: Io,
  inputs: readonly string[] = [],
): Promise<void> {
  const pieces = typeof text === 'string' ? [text] : text;
  if (!output) {
    for (const piece of pieces) await io.stdout(piece);
    return;
  }
  const target = resolve(io.cwd, output);
  const shown = printable(output);
  // Devices the user names (/dev/stdout, /dev/null) are written as they are.
  const device = target.startsWith('/dev/');
  const existing = lstatSync(target, { throwIfNoEntry: false });
  if (!device && existing?.isSymbolicLink())
    throw new InputError(`--output ${shown}: is a symbolic link; byoc-check does not write through links (remove it or name another file)`);
  if (!device && existing && !existing.isFile()) throw new InputError(`--output ${shown}: is not a regular file`);
  if (inputs.some((i) => resolve(io.cwd, i) === target))
    throw new InputError(`--output ${shown}: is an input of this run; write the report to another file`);
  const temporary = device ? target : join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  let fd: number | undefined;
  try {
    // wx: a temporary name that already exists (or is a planted link) is never followed
    fd = openSync(temporary, device ? 'w' : 'wx', 0o644);
    for (const piece of pieces) writeSync(fd, piece);
    closeSync(fd);
    fd = undefined;
    if (!device) renameSync(temporary, target);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    if (!device) rmSync(temporary, { force: true });
    throw new InputError(
      `--output ${shown}: cannot write (${(error as NodeJS.ErrnoException).code ?? printable((error as Error).message)})`,
    );
  }
}

/** The files a report says its run read: a report must not be written over one of them. */
export function inputsOf(report: Report): string[] {
  if (report.scan) return [join(report.scan.root, 'byoc-check.yaml'), ...(report.files ?? []).map((f) => join(report.scan!.root, f.path))];
  return [report.input.name, ...(report.options.caFile ? [report.options.caFile] : [])];
}
