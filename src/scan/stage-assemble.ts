/** Stage 9 of `scan`: what no trunk could check, and the report: summary, verdict and exit-relevant facts decided here once. */
import { createHash } from 'node:crypto';
import { trunkRules } from '../../rules/index.js';
import type { CheckContext, RuleResult } from '../engine/types.js';
import type { TlsEndpointFacts } from '../model/tls.js';
import { AREA_ORDER, uncheckedAreas, verdictLine } from '../report/build.js';
import type { Report, UncheckedArea } from '../report/types.js';
import { endpointJson } from './endpoint-json.js';
import { genesysJson } from './genesys.js';
import { mediaJson } from './media-json.js';
import type { Resolved, ScanRun, TrunkPlan } from './run.js';
import type { Judged } from './stage-judge.js';

/** Per trunk: an area one trunk left unchecked stays unchecked, whatever the other trunks checked. */
function uncheckedAcross(
  run: ScanRun,
  chosen: readonly TrunkPlan[],
  judged: readonly RuleResult[],
  resolved: Resolved,
): Array<UncheckedArea & { short: string }> {
  const { options } = run;
  const areaCtxOf = (configs: boolean, endpoints: TlsEndpointFacts[]) =>
    ({
      offline: options.online !== true,
      sip: { uris: [], sbcs: [] },
      tls: { endpoints },
      ...(configs ? { config: { files: [], problems: [] } } : {}),
    }) as unknown as CheckContext;
  const perArea = new Map<string, UncheckedArea & { short: string; trunks: string[] }>();
  const unseenAreas = new Set(chosen.flatMap((p) => (p.unseen ?? []).map((x) => x.area)));
  const judgedByTrunk = new Map<string, RuleResult[]>();
  for (const r of judged) {
    const list = judgedByTrunk.get(r.trunk!);
    if (list) list.push(r);
    else judgedByTrunk.set(r.trunk!, [r]);
  }
  for (const plan of chosen) {
    const own = judgedByTrunk.get(plan.name) ?? [];
    const ctx = {
      ...areaCtxOf(
        plan.configFiles.length > 0,
        plan.endpoints.map((e) => resolved.get(e)!),
      ),
      ...(plan.mediaJudged ? { media: { endpoints: plan.media } } : {}),
    } as CheckContext;
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
      const seen = perArea.get(u.area);
      if (!seen) perArea.set(u.area, { ...u, trunks: [plan.name] });
      else {
        seen.rules = [...new Set([...seen.rules, ...u.rules])].sort();
        seen.trunks.push(plan.name);
      }
    }
  }
  const areaOrder: readonly string[] = AREA_ORDER;
  const merged = [...perArea.values()]
    .sort((a, b) => areaOrder.indexOf(a.area) - areaOrder.indexOf(b.area))
    .map(({ trunks, ...u }) => {
      if (chosen.length < 2 || trunks.length === chosen.length) return u;
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
      : u.area === 'tls' && !unseenAreas.has('tls')
        ? {
            ...u,
            reason: 'no configuration or profile gives TLS settings',
            hint: 'scan the SBC configuration, or give `tls:` for the trunk in byoc-check.yaml',
            short: 'no TLS settings found',
          }
        : u,
  );
}

export function assembleReport(
  run: ScanRun,
  plans: readonly TrunkPlan[],
  chosen: readonly TrunkPlan[],
  resolved: Resolved,
  { results, certificates, trunks }: Judged,
): Report {
  const { options, root, given, selectAll, walked, files, profile, genesys } = run;
  const now = options.at ?? new Date();
  const timeoutSeconds = options.timeoutSeconds ?? 10;
  const summary = { pass: 0, fail: 0, warn: 0, skip: 0, suppressed: 0 };
  for (const r of results) {
    if (r.suppressed) summary.suppressed++;
    else summary[r.status]++;
  }
  // What no trunk could check, and what to add; suppressed results count as checked.
  const judged = results.filter((r) => !r.suppressed);
  const unchecked = uncheckedAcross(run, chosen, judged, resolved);
  const digest = createHash('sha256');
  const involved = new Set(chosen.flatMap((p) => [...p.involves]));
  for (const f of walked.files.filter((x) => involved.has(x.path))) digest.update(f.path).update(f.bytes);
  const endpointsJson = chosen.flatMap((p) => [...p.endpoints, ...p.loadedOnly].map((e) => endpointJson(resolved.get(e)!)));
  return {
    schemaVersion: 1,
    tool: { name: 'byoc-check', version: options.version ?? '0.0.0' },
    checkedAt: now.toISOString(),
    ok: summary.fail === 0,
    summary,
    input: { name: root, format: 'scan', sha256: digest.digest('hex'), certificates: certificates.length },
    trust: {
      mode: options.caCertificates ? 'custom' : 'byoc',
      anchors: options.caCertificates ? `--ca ${options.caName ?? ''}`.trim() : 'BYOC Cloud accepted-CA list',
    },
    certificates,
    results,
    endpoints: endpointsJson,
    ...(chosen.some((p) => p.media.length) ? { media: chosen.flatMap((p) => p.media.map(mediaJson)) } : {}),
    trunks,
    // A changed-file run speaks of the files it judged, the files named, and what it could not read;
    // notes on the other trunks' files belong to their own commits.
    files: [...files.values()]
      .filter(
        (f) =>
          selectAll || involved.has(f.path) || run.selected(f.path) || f.kind === 'skipped' || f.kind === 'key' || f.kind === 'profile',
      )
      .sort((a, b) => a.path.localeCompare(b.path)),
    options: {
      at: null,
      strict: false,
      format: 'json',
      caFile: null,
      warnDays: options.warnDays ?? 30,
      timeoutSeconds,
      region: options.region ?? null,
      ...options.recorded,
      offline: options.online !== true,
      profile: profile?.file ?? null,
    },
    openssl: process.versions.openssl,
    unchecked: unchecked.map(({ short: _short, ...u }) => u),
    // A committed key outside every trunk is still a failure: never "nothing to check" over a finding.
    verdict:
      chosen.length === 0 && !judged.some((r) => r.status === 'fail')
        ? 'NOTHING TO CHECK.'
        : chosen.length === 0
          ? `NOT READY: ${judged.filter((r) => r.status === 'fail').length} failed check${judged.filter((r) => r.status === 'fail').length === 1 ? '' : 's'}: a private key is committed to the repository.`
          : verdictLine(
              judged,
              unchecked,
              trunkRules,
              `${new Set(judged.filter((r) => r.status === 'fail').map((r) => r.trunk)).size} of ${chosen.length} trunk${chosen.length === 1 ? '' : 's'} would fail with Genesys as configured`,
            ),
    scan: {
      root,
      paths: given,
      changedFileRun: !selectAll,
      trunksFound: plans.length,
      trunksChecked: chosen.length,
      online: options.online === true,
      ...(profile ? { profile: profile.file } : {}),
      ...(genesys ? { genesys: genesysJson(genesys) } : {}),
    },
  };
}
