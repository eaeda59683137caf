/** What every command's report opens with, in this order: the format version, the tool, when, and the counts the exit code reads. */
import type { RuleResult } from '../engine/types.js';
import type { Report } from './types.js';

type Summary = Report['summary'];

/** How many results have each status. */
export function summaryOf(results: ReadonlyArray<Pick<RuleResult, 'status'>>): Summary {
  const summary = { pass: 0, fail: 0, warn: 0, skip: 0 };
  for (const r of results) summary[r.status]++;
  return summary;
}

export function reportHead<S extends Summary>(
  version: string,
  checkedAt: Date,
  summary: S,
): { schemaVersion: 1; tool: Report['tool']; checkedAt: string; ok: boolean; summary: S } {
  return { schemaVersion: 1, tool: { name: 'byoc-check', version }, checkedAt: checkedAt.toISOString(), ok: summary.fail === 0, summary };
}
