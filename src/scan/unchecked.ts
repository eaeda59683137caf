/**
 * What no trunk could check, gathered trunk by trunk as each is judged (its results are dropped
 * after): an area one trunk left unchecked stays unchecked, whatever the other trunks checked.
 */
import { trunkRules } from '../../rules/index.js';
import type { CheckContext, RuleResult } from '../engine/types.js';
import type { TlsEndpointFacts } from '../model/tls.js';
import { AREA_ORDER, uncheckedAreas } from '../report/build.js';
import type { UncheckedArea } from '../report/types.js';
import type { ScanOptions, TrunkPlan } from './run.js';

type Unchecked = UncheckedArea & { short: string };

export class UncheckedAcross {
  private readonly perArea = new Map<string, Unchecked & { trunks: string[] }>();
  private readonly unseenAreas = new Set<string>();
  private trunkCount = 0;

  constructor(private readonly options: ScanOptions) {}

  /** One chosen trunk: its results that are not suppressed, and its endpoints as resolved. */
  add(plan: TrunkPlan, own: readonly RuleResult[], endpoints: TlsEndpointFacts[]): void {
    this.trunkCount++;
    for (const x of plan.unseen ?? []) this.unseenAreas.add(x.area);
    const ctx = {
      offline: this.options.online !== true,
      sip: { uris: [], sbcs: [] },
      tls: { endpoints },
      ...(plan.configFiles.length > 0 ? { config: { files: [], problems: [] } } : {}),
      ...(plan.mediaJudged ? { media: { endpoints: plan.media } } : {}),
    } as unknown as CheckContext;
    const seenHere = uncheckedAreas(ctx, own, trunkRules);
    for (const x of plan.unseen ?? []) {
      // What the files do not show is the better reason for an area that is unchecked anyway.
      const same = seenHere.find((u) => u.area === x.area);
      if (same) Object.assign(same, { reason: x.reason, hint: x.hint, short: x.reason.split(' (')[0]! });
      else
        seenHere.push({
          area: x.area,
          rules: trunkRules.filter((r) => r.meta.area === x.area && !r.meta.id.endsWith('-reachable')).map((r) => r.meta.id),
          reason: x.reason,
          hint: x.hint,
          short: x.reason.split(' (')[0]!,
        });
    }
    for (const u of seenHere) {
      const seen = this.perArea.get(u.area);
      if (!seen) this.perArea.set(u.area, { ...u, trunks: [plan.name] });
      else {
        seen.rules = [...new Set([...seen.rules, ...u.rules])].sort();
        seen.trunks.push(plan.name);
      }
    }
  }

  /** The areas, in report order, each naming the trunks it applies to when not all of them. */
  merged(): Unchecked[] {
    const areaOrder: readonly string[] = AREA_ORDER;
    const chosen = this.trunkCount;
    const merged = [...this.perArea.values()]
      .sort((a, b) => areaOrder.indexOf(a.area) - areaOrder.indexOf(b.area))
      .map(({ trunks, ...u }) => {
        if (chosen < 2 || trunks.length === chosen) return u;
        const named = `${trunks.slice(0, 3).join(', ')}${trunks.length > 3 ? ` and ${trunks.length - 3} more` : ''}`;
        return { ...u, reason: `${u.reason} (trunk${trunks.length === 1 ? '' : 's'} ${named})` };
      });
    return merged.map((u) =>
      u.area === 'sip'
        ? {
            ...u,
            reason: 'no trunk gives `sbc:` or `uris:`',
            hint: 'declare each trunk in byoc-check.yaml with `sbc:` (the SIP Servers or Proxies entries) and `uris:` (the Request-URIs the SBC sends)',
            short: 'add sbc:/uris: to byoc-check.yaml',
          }
        : u.area === 'tls' && !this.unseenAreas.has('tls')
          ? {
              ...u,
              reason: 'no configuration or profile gives TLS settings',
              hint: 'scan the SBC configuration, or give `tls:` for the trunk in byoc-check.yaml',
              short: 'no TLS settings found',
            }
          : u,
    );
  }
}
