/**
 * Parses argv with yargs' own parser (yargs-parser) from the option table; full yargs is only
 * loaded to render --help, which keeps a check's start-up cost low.
 */
import parser from 'yargs-parser';
import { InputError } from '../errors.js';
import { didYouMean } from '../util/text.js';
import type { OptionSpec } from './options.js';

export interface ParsedArgs {
  positionals: string[];
  values: Record<string, unknown>;
  /** What was typed for each option given, to echo it in messages (never "NaN"). */
  raw: Record<string, string>;
  help: boolean;
  version: boolean;
}

export function parseArgv(argv: string[], specs: readonly OptionSpec[]): ParsedArgs {
  const known = new Set(['help', 'h', 'version', '_', '--']);
  const config: parser.Options = {
    string: [],
    number: [],
    boolean: ['help', 'version'],
    array: [],
    alias: { help: ['h'] },
    default: {},
    configuration: {
      'camel-case-expansion': false,
      'strip-aliased': true,
      'dot-notation': false,
      'parse-numbers': false,
      'parse-positional-numbers': false,
      'duplicate-arguments-array': true,
      'greedy-arrays': false,
      'unknown-options-as-args': false,
    },
  };
  for (const spec of specs) {
    known.add(spec.name);
    // Numbers are read as text and converted here, so a message can quote what was typed.
    (config[spec.type === 'number' ? 'string' : spec.type] as string[]).push(spec.name);
    if (spec.array) (config.array as string[]).push(spec.name);
    if (spec.alias) {
      known.add(spec.alias);
      (config.alias as Record<string, string[]>)[spec.name] = [spec.alias];
    }
    if (spec.default !== undefined) (config.default as Record<string, unknown>)[spec.name] = spec.default;
  }
  const parsed = parser.detailed(argv, config);
  if (parsed.error) throw new InputError(parsed.error.message);
  const values = parsed.argv as Record<string, unknown>;
  for (const key of Object.keys(values)) {
    if (!known.has(key)) {
      const names = [...specs.map((s) => s.name), 'help', 'version'];
      const dash = key.length === 1 ? '-' : '--';
      throw new InputError(`unknown option ${dash}${key}${didYouMean(key, names, (n) => `--${n}`)} (see --help)`);
    }
  }
  const raw: Record<string, string> = {};
  for (const spec of specs) {
    let value = values[spec.name];
    if (value === undefined) continue;
    if (value !== spec.default) raw[spec.name] = Array.isArray(value) ? value.map(String).join(' ') : String(value);
    if (!spec.array && Array.isArray(value)) {
      throw new InputError(`--${spec.name} was given more than once`);
    }
    if (spec.type === 'string' && (value === '' || (Array.isArray(value) && value.some((v) => v === '')))) {
      throw new InputError(`--${spec.name} needs a value`);
    }
    if (spec.type === 'number' && typeof value !== 'number') {
      const text = String(value).trim();
      const number = text === '' ? NaN : Number(text);
      if (!Number.isFinite(number))
        throw new InputError(text === '' ? `--${spec.name} needs a number` : `--${spec.name} needs a number; got "${String(value)}"`);
      value = values[spec.name] = number;
    }
    if (spec.array && !Array.isArray(value)) value = values[spec.name] = [value];
    if (spec.canonical && typeof value === 'string') value = values[spec.name] = spec.canonical(value) ?? value;
    if (spec.choices && !spec.choices.includes(String(value))) {
      throw new InputError(`--${spec.name} must be one of ${spec.choices.join(', ')}; got "${String(value)}"`);
    }
    if (spec.array) values[spec.name] = (value as unknown[]).map(String);
  }
  return {
    positionals: values._ ? (values._ as unknown[]).map(String) : [],
    values,
    raw,
    help: values.help === true,
    version: values.version === true,
  };
}
