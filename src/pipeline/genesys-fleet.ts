/**
 * `byoc-check probe --genesys INPUT... | --fetch`: the org's BYOC Cloud trunks read once (loadGenesysTrunks),
 * every SIP server of every TLS trunk probed as a fleet, each under the name the trunk lists, and the genesys
 * rules of the selected trunks judged beside them. Loaded lazily by the probe command.
 */
import { orgTrunkRules } from '../../rules/index.js';
import { runRules } from '../engine/runner.js';
import { InputError } from '../errors.js';
import type { FleetReport } from '../report/fleet.js';
import { probeFleet, type FleetTarget } from './fleet-probe.js';
import type { ProbeCheckOptions } from './probe-check.js';
import { loadGenesysTrunks, type GenesysOptions } from '../genesys/check.js';
import { planGenesysFleet } from './fleet-plan.js';

/** More SIP servers than one run should open connections to: select trunks with --trunk. */
const MAX_GENESYS_TARGETS = 1000;

export interface GenesysFleetOptions extends Pick<
  GenesysOptions,
  'inputs' | 'stdin' | 'fetch' | 'region' | 'apiBase' | 'trunks' | 'env' | 'fetchCa'
> {
  common: Omit<ProbeCheckOptions, 'host' | 'port' | 'sbc'>;
  concurrency: number;
  strict: boolean;
  /** --connect-to: where the connections for a name and port go. */
  via: (t: { host: string; port: number }) => { address: string; port: number } | undefined;
}

export async function probeGenesysFleet(options: GenesysFleetOptions): Promise<FleetReport> {
  const { trunks, source, notes } = await loadGenesysTrunks(
    {
      inputs: options.inputs,
      stdin: options.stdin,
      fetch: options.fetch,
      region: options.region,
      apiBase: options.apiBase,
      trunks: options.trunks,
      env: options.env,
      timeoutSeconds: options.common.timeoutSeconds,
      ...(options.fetchCa ? { fetchCa: options.fetchCa } : {}),
    },
    '--genesys',
  );
  const plan = planGenesysFleet(trunks);
  if (plan.targets.length > MAX_GENESYS_TARGETS)
    throw new InputError(
      `the trunks list ${plan.targets.length} SIP servers; at most ${MAX_GENESYS_TARGETS} in one run: choose trunks with --trunk NAME|ID`,
    );
  const targets: FleetTarget[] = plan.targets.map((t) => {
    const via = options.via(t);
    return via ? { ...t, via } : t;
  });
  // The trunk settings the probe cannot see (an IP entry, UDP), judged by the genesys rules, tagged with the trunk.
  const results = runRules(orgTrunkRules, { trunks }).map((r) => {
    const trunk = trunks.find((t) => t.id === r.evidence?.trunk);
    return trunk ? { ...r, trunk: trunk.name } : r;
  });
  return probeFleet(targets, options.common, options.concurrency, options.strict, {
    genesys: { source, selected: options.trunks?.length ? options.trunks : null, trunks: plan.trunks, notes: [...notes, ...plan.notes] },
    results,
  });
}
