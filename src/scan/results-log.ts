/**
 * The scan's report arrays that grow with the trunks (results, endpoints), taken trunk by trunk as each
 * is judged: kept, or (a JSON report) written out as the report's own text to a spill file and dropped,
 * so the memory a scan needs stays flat in the number of trunks. Results are counted on the way for
 * the summary and the verdict.
 */
import { trunkRules } from '../../rules/index.js';
import type { RuleResult } from '../engine/types.js';
import { emptyTally, tallyResults } from '../report/build.js';
import { jsonItems } from '../report/json-text.js';
import type { JsonItemsText, Report } from '../report/types.js';
import { TextSpill } from './spill.js';

/** One top-level array of the report, in order. */
export class JsonArrayLog<T> {
  private readonly kept: T[] = [];
  private readonly spill: TextSpill | undefined;
  private spilled = 0;

  /** `spill`: keep the items as JSON text outside the heap when a temporary file can be made. */
  constructor(spill: boolean) {
    this.spill = spill ? TextSpill.open() : undefined;
  }

  add(items: readonly T[]): void {
    if (!this.spill) {
      for (const item of items) this.kept.push(item);
      return;
    }
    if (!items.length) return;
    this.spill.append(`${this.spilled ? ',\n' : ''}${jsonItems(items)}`);
    this.spilled += items.length;
  }

  /** The items in memory: all of them, or none when they were spilled (then `text` holds them). */
  get items(): T[] {
    return this.kept;
  }

  get text(): JsonItemsText | undefined {
    const spill = this.spill;
    return spill && { count: this.spilled, pieces: () => spill.read() };
  }
}

export class ResultLog extends JsonArrayLog<RuleResult> {
  readonly summary: Required<Report['summary']> = { pass: 0, fail: 0, warn: 0, skip: 0, suppressed: 0 };
  /** The results not suppressed, as the verdict needs them. */
  readonly tally = emptyTally();

  /** A trunk's results (or the repository's, or the org's), suppressions already applied. */
  override add(results: readonly RuleResult[]): void {
    for (const r of results) {
      if (r.suppressed) this.summary.suppressed++;
      else this.summary[r.status]++;
    }
    tallyResults(
      this.tally,
      results.filter((r) => !r.suppressed),
      trunkRules,
    );
    super.add(results);
  }
}
