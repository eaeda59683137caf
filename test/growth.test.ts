/** The linear-time check itself (test/helpers/growth.ts): it passes linear work and fails quadratic work. */
import { expectLinear, growth } from './helpers/growth.js';

const linear = (n: number) => {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += i % 7;
  return sum;
};
const quadratic = (n: number) => {
  let sum = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) sum += (i ^ j) & 1;
  return sum;
};

test('linear work passes', async () => {
  await expectLinear((scale) => linear(scale * 20_000_000));
});

test('quadratic work fails, with the ratio in the message', async () => {
  // 8x the input: quadratic work grows 64x against a bound of 20x, far enough apart for a loaded machine.
  await expect(expectLinear((scale) => quadratic(scale * 3000), 8)).rejects.toThrow(/^not linear: 8x the input took \d+\.\dx the time/);
});

test('work too quick to time is not judged: one run, no small one', async () => {
  expect((await growth(() => linear(10))).small).toBe(0);
});
