/** Colour for the text reporters (chalk when colour is on, else plain) and the URI marker they share. */
import type { ChalkInstance } from 'chalk';
import type { RuleResult, Status } from '../engine/types.js';
import { printable as p } from '../util/text.js';

/** The subset of chalk this reporter uses; plain text when colour is off. */
export type Painter = Pick<ChalkInstance, 'red' | 'yellow' | 'green' | 'dim' | 'bold'> & {
  red: { bold: (s: string) => string };
  yellow: { bold: (s: string) => string };
  green: { bold: (s: string) => string };
};

const same = (s: string) => s;
const plainBold = Object.assign(same, { bold: same });
export const plain = { red: plainBold, yellow: plainBold, green: plainBold, dim: same, bold: same } as unknown as Painter;

export function paint(chalk: Painter, status: Status, text: string): string {
  return status === 'fail'
    ? chalk.red(text)
    : status === 'warn'
      ? chalk.yellow(text)
      : status === 'pass'
        ? chalk.green(text)
        : chalk.dim(text);
}

/** The URI with the offending part underlined, when a result marks one. */
export function marked(result: RuleResult): string[] {
  const evidence = result.evidence ?? {};
  const uri = evidence.uri;
  const mark = evidence.mark as { start: number; end: number } | undefined;
  if (typeof uri !== 'string' || !mark || mark.start < 0) return [];
  // Offsets count characters of the URI as given; escaped control characters are wider.
  return [
    `      ${p(uri)}`,
    `      ${' '.repeat(p(uri.slice(0, mark.start)).length)}${'^'.repeat(Math.max(1, p(uri.slice(mark.start, mark.end)).length))}`,
  ];
}
