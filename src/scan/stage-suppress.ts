/** Stage 8 of `scan`: the profile's suppressions, per trunk as it is judged. A suppressed result keeps its status, marked with the reason. */
import type { RuleResult } from '../engine/types.js';
import type { TrunkPlan } from './run.js';

export function applySuppressions(plan: TrunkPlan, results: readonly RuleResult[]): void {
  const suppress = plan.profile?.suppress ?? [];
  if (!suppress.length) return;
  const names = new Map(plan.endpoints.map((e) => [e.id, e.name]));
  for (const s of suppress)
    for (const r of results)
      if (
        r.trunk === plan.name &&
        r.rule === s.rule &&
        (!s.target || r.target === s.target || names.get(r.target) === s.target) &&
        (r.status === 'fail' || r.status === 'warn')
      )
        r.suppressed = { reason: s.reason };
}
