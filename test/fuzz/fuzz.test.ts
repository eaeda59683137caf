/**
 * Runs every fuzz target (test/fuzz/targets.ts). Inside `npm test` each gets a short budget
 * (FUZZ_MS, default 200 ms); `npm run fuzz` (scripts/fuzz.mjs) gives each FUZZ_SECONDS (default
 * 60) and prints inputs per second from the FUZZ_REPORT file. FUZZ_SEED replays a run.
 */
import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { buildTargets, type FuzzTarget } from './targets.js';

const budgetMs = process.env.FUZZ_SECONDS ? Number(process.env.FUZZ_SECONDS) * 1000 : Number(process.env.FUZZ_MS ?? 200);
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
const stats: Array<{ target: string; inputs: number; seconds: number; perSecond: number; slowestMs: number; refused: number }> = [];

let targets: FuzzTarget[] = [];
beforeAll(async () => {
  targets = await buildTargets();
}, 60_000);

afterAll(() => {
  if (process.env.FUZZ_REPORT) writeFileSync(process.env.FUZZ_REPORT, JSON.stringify({ budgetMs, seed: seed ?? null, stats }, null, 2));
});

const NAMES = [
  'chain input (PEM, DER, PKCS#7, PKCS#12 detection)',
  'PEM scanner',
  'DER certificate decode',
  'subject-hash name canonicalisation',
  'PKCS#12 with a password',
  'SIP URI',
  'certificate name matching (RFC 6125)',
  'command-line arguments',
  'cipher strings and TLS versions',
  'printable (terminal escaping)',
];

test('every target is listed here', () => {
  expect(targets.map((t) => t.name)).toEqual(NAMES);
});

test.each(NAMES)(
  '%s: no unexpected throw, bounded time',
  async (targetName) => {
    const target = targets.find((t) => t.name === targetName)!;
    let inputs = 0;
    let refused = 0;
    let slowest = 0;
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(target.arbitrary, async (input) => {
        inputs++;
        const t0 = performance.now();
        try {
          await target.run(input);
        } catch (error) {
          if (!target.expected(error)) throw error;
          refused++;
        }
        const ms = performance.now() - t0;
        slowest = Math.max(slowest, ms);
        if (ms > (target.maxMs ?? 1000)) throw new Error(`one input took ${Math.round(ms)} ms (limit ${target.maxMs ?? 1000} ms)`);
      }),
      { numRuns: Number.MAX_SAFE_INTEGER, interruptAfterTimeLimit: budgetMs, ...(seed === undefined ? {} : { seed }) },
    );
    const seconds = (Date.now() - started) / 1000;
    stats.push({ target: targetName, inputs, seconds, perSecond: inputs / seconds, slowestMs: Math.round(slowest), refused });
    expect(inputs).toBeGreaterThan(0);
  },
  budgetMs + 60_000,
);
