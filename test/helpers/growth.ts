/**
 * Linear time, checked the way a loaded CI machine cannot fail: never a wall-clock budget, but the
 * time of `k` times the input against one time the input, measured in turns on the same machine in
 * the same moment, each the best of three runs. Linear work grows about k times; quadratic work k²
 * times. A fixed slack absorbs what a millisecond-long run cannot show (timer, GC and JIT noise):
 * callers size inputs so that a quadratic step would take seconds.
 */
const SLACK_MS = 150;

export interface Growth {
  /** Best time of the input at scale 1, in ms. */
  small: number;
  /** Best time of the input at scale k, in ms. */
  large: number;
}

/** Times `run(1)` and `run(k)` in turns (large, small, large, small, large, small) and keeps each best. */
export async function growth(run: (scale: number) => unknown, k = 4): Promise<Growth> {
  const time = async (scale: number) => {
    const started = performance.now();
    await run(scale);
    return performance.now() - started;
  };
  let small = Infinity;
  let large = Infinity;
  for (let turn = 0; turn < 3; turn++) {
    large = Math.min(large, await time(k));
    if (large < SLACK_MS) break; // too quick to judge: nothing quadratic is this fast on these inputs
    small = Math.min(small, await time(1));
  }
  return { small: Number.isFinite(small) ? small : 0, large };
}

/** Fails when k times the input costs more than 2.5k times as long (plus the slack): linear passes, quadratic fails. */
export async function expectLinear(run: (scale: number) => unknown, k = 4): Promise<void> {
  const { small, large } = await growth(run, k);
  if (large > 2.5 * k * small + SLACK_MS) {
    throw new Error(
      `not linear: ${k}x the input took ${(large / small).toFixed(1)}x the time (${small.toFixed(0)} ms, then ${large.toFixed(0)} ms)`,
    );
  }
}

/** `unit` repeated to exactly `size` characters. */
export const fill = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

/** A text maker by scale that makes each scale's text once, so timing sees only the work under test. */
export function sized(make: (characters: number) => string, unit = 64 * 1024): (scale: number) => string {
  const made = new Map<number, string>();
  return (scale) => {
    if (!made.has(scale)) made.set(scale, make(scale * unit));
    return made.get(scale)!;
  };
}
