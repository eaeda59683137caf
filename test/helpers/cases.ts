/**
 * RuleTester-style tables: each case names the input and the worst status the rule must give,
 * and optionally words the message must contain.
 */
import type { Status } from '../../src/engine/types.js';
import type { CheckOptions } from '../../src/pipeline/chain-check.js';
import { NOW } from './pki.js';
import { fixtures } from './fixtures.js';
import { results, runCheck, worst } from './run.js';

export interface RuleCase {
  name: string;
  /** A fixture file name from fixtures(), or a function giving check options. */
  chain?: string;
  options?: Partial<CheckOptions>;
  /** Use the lab root as --ca (default true); false checks against the BYOC list. */
  labRoot?: boolean;
  expect: Status;
  message?: RegExp;
}

export function ruleCases(rule: string, cases: RuleCase[]): void {
  describe(rule, () => {
    expect(cases.some((c) => c.expect === 'pass' || c.expect === 'skip')).toBe(true);
    expect(cases.some((c) => c.expect === 'fail' || c.expect === 'warn')).toBe(true);
    for (const c of cases) {
      test(`${c.expect}: ${c.name}`, async () => {
        const { files } = await fixtures();
        const report = await runCheck({
          chain: files[c.chain ?? 'good.pem']!,
          at: NOW,
          ...(c.labRoot === false ? {} : { caFile: files['root.pem'] }),
          ...c.options,
        });
        const got = worst(report, rule);
        const messages = results(report, rule)
          .map((r) => `${r.status}: ${r.message}`)
          .join('\n');
        expect(`${got}\n${messages}`).toMatch(new RegExp(`^${c.expect}\\n`));
        if (c.message) expect(messages).toMatch(c.message);
      });
    }
  });
}
