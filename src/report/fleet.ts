/** The report of a fleet probe (`probe HOST...`, `probe --genesys`): one report per target, and the totals. */
import type { GenesysSource } from '../genesys/report.js';
import type { Report } from './types.js';

/** The Genesys trunk a target came from (`probe --genesys`): the entry of its SIP Servers or Proxies. */
export interface FleetTrunk {
  id: string;
  name: string;
  /** `genesys: trunk "NAME" properties.trunk_transport_serverProxyList[i]`. */
  source: string;
}

export interface FleetEntry {
  target: string;
  connectTo?: string;
  trunks?: FleetTrunk[];
  note?: string;
  report: Report;
}

/** `probe --genesys`: the trunks read, and for each what was probed or why nothing was. */
export interface FleetGenesys {
  source: GenesysSource;
  selected: string[] | null;
  trunks: Array<{
    id: string;
    name: string;
    protocol: string | null;
    enabled: boolean | null;
    terminationUri: string | null;
    /** The targets probed for this trunk (fleet.targets[].target). */
    probed: string[];
    /** Why this trunk, or some of its entries, were not probed. */
    notProbed: string[];
  }>;
  notes: string[];
}

/** One report for the fleet: every target's results (tagged with the target), totals, and each target's own report. */
export type FleetReport = Report & {
  fleet: { concurrency: number; ms: number; targets: FleetEntry[]; genesys?: FleetGenesys };
};
