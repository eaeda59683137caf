/**
 * The scan's results in report order, taken trunk by trunk as each is judged: counted for the summary
 * and the verdict, then kept, or (a JSON report) written out as the report's own text to a spill file
 * and dropped, so the memory a scan needs stays flat in the number of trunks.
 */
import { trunkRules } from '../../rules/index.js';
import type { RuleResult } from '../engine/types.js';
import { emptyTally, tallyResults } from '../report/build.js';
import { jsonItems } from '../report/json-text.js';
import type { JsonItemsText, Report } from '../report/types.js';
import { TextSpill } from './spill.js';

export class ResultLog {
  readonly summary: Required<Report['summary']> = { pass: 0, fail: 0, warn: 0, skip: 0, suppressed: 0 };
  /** The results not suppressed, as the verdict needs them. */
  readonly tally = emptyTally();
  private readonly kept: RuleResult[] = [];
  private readonly spill: TextSpill | undefined;
  private spilled = 0;

  /** `spill`: keep the results as JSON text outside the heap when a temporary file can be made. */
  constructor(spill: boolean) {
    this.spill = spill ? TextSpill.open() : undefined;
  }

  /** A trunk's results (or the repository's, or the org's), suppressions already applied. */
  add(results: readonly RuleResult[]): void {
    for (const r of results) {
      if (r.suppressed) this.summary.suppressed++;
      else this.summary[r.status]++;
    }
    tallyResults(
      this.tally,
      results.filter((r) => !r.suppressed),
      trunkRules,
    );
    if (!this.spill) {
      for (const r of results) this.kept.push(r);
      return;
    }
    if (!results.length) return;
    this.spill.append(`${this.spilled ? ',\n' : ''}${jsonItems(results)}`);
    this.spilled += results.length;
  }

  /** The results in memory: all of them, or none when they were spilled (then `text` holds them). */
  get results(): RuleResult[] {
    return this.kept;
  }

  get text(): JsonItemsText | undefined {
    const spill = this.spill;
    return spill && { count: this.spilled, pieces: () => spill.read() };
  }
}
