/** Target names shared by rules and reporters: `certificate[i]` indexes the report's certificates[]. */
import type { ChainFacts } from '../model/chain.js';

export { plural } from '../util/text.js';

/** Report index of a path entry: the path comes first in certificates[]. */
export const pathTarget = (pathIndex: number) => `certificate[${pathIndex}]`;

/** Report index of an input certificate, on the path or not. */
export function inputTarget(chain: ChainFacts, inputIndex: number): string {
  const onPath = chain.path.findIndex((p) => p.inputIndex === inputIndex);
  if (onPath >= 0) return pathTarget(onPath);
  const extra = chain.extras.indexOf(inputIndex);
  if (extra >= 0) return pathTarget(chain.path.length + extra);
  const dup = chain.duplicates.find(([, j]) => j === inputIndex);
  return dup ? inputTarget(chain, dup[0]) : `input[${inputIndex}]`;
}

export function daysBetween(from: Date, to: Date): number {
  return Math.floor((to.getTime() - from.getTime()) / 86_400_000);
}

export const isoDate = (d: Date) => d.toISOString().slice(0, 10);
