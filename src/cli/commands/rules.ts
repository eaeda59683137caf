/** `byoc-check rules [--format json]` and `byoc-check explain RULE [--format json]`: the rule catalog. */
import pkg from '../../../package.json' with { type: 'json' };
import { rules } from '../../../rules/index.js';
import { citationText } from '../../engine/runner.js';
import { InputError } from '../../errors.js';
import { catalogOf } from '../../reporters/catalog.js';
import { didYouMean } from '../../util/text.js';
import type { ParsedArgs } from '../argv.js';
import { EXIT_OK } from '../emit.js';
import type { Io } from '../io.js';
import type { OptionSpec } from '../options.js';

/** The options of rules, explain and cas. */
export const listOptions: readonly OptionSpec[] = [
  { name: 'format', type: 'string', choices: ['text', 'json'], default: 'text', describe: 'output format' },
  { name: 'debug', type: 'boolean', default: false, describe: 'print stack traces for errors' },
];

const toolJson = () => ({ schemaVersion: 1, tool: { name: 'byoc-check', version: pkg.version } });

export function runRulesList(args: ParsedArgs, io: Io): number {
  if (args.positionals.length) throw new InputError(`unexpected argument "${args.positionals[0]}"`);
  if (args.values.format === 'json') {
    io.stdout(JSON.stringify({ ...toolJson(), rules: catalogOf(rules) }, null, 2) + '\n');
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

export function runExplain(args: ParsedArgs, io: Io): number {
  const id = args.positionals[0];
  const rule = rules.find((r) => r.meta.id === id);
  if (!rule) {
    const ids = rules.map((r) => r.meta.id);
    throw new InputError(id ? `no rule "${id}"${didYouMean(id, ids)}; \`byoc-check rules\` lists them` : 'explain needs a rule id');
  }
  if (args.values.format === 'json') {
    io.stdout(JSON.stringify({ ...toolJson(), rule: catalogOf(rules).find((r) => r.id === id) }, null, 2) + '\n');
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
