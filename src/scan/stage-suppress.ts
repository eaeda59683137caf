/** Stage 8 of `scan`: the profile's suppressions. A suppressed result keeps its status, marked with the reason. */
import type { RuleResult } from '../engine/types.js';
import type { TrunkPlan } from './run.js';

export function applySuppressions(chosen: readonly TrunkPlan[], results: readonly RuleResult[]): void {
  const byTrunk = new Map<string, RuleResult[]>();
  for (const r of results) {
    if (!byTrunk.has(r.trunk!)) byTrunk.set(r.trunk!, []);
    byTrunk.get(r.trunk!)!.push(r);
  }
  for (const plan of chosen) {
    for (const s of plan.profile?.suppress ?? []) {
      const names = new Map(plan.endpoints.map((e) => [e.id, e.name]));
      for (const r of byTrunk.get(plan.name) ?? [])
        if (
          r.rule === s.rule &&
          (!s.target || r.target === s.target || names.get(r.target) === s.target) &&
          (r.status === 'fail' || r.status === 'warn')
        )
          r.suppressed = { reason: s.reason };
    }
  }
}
