/** The org's BYOC Cloud trunk settings as facts (read by src/genesys/trunks.ts), each value with where it came from. */
export interface GenesysValue<T> {
  value: T;
  /** `genesys: trunk "NAME" properties.KEY` (with `[i]` for list entries). */
  source: string;
}

export interface SipServerEntry {
  raw: string;
  host: string;
  port?: number;
  source: string;
}

export interface GenesysTrunk {
  id: string;
  name: string;
  /** Where the trunk base was read: a file name or the API URL. */
  input: string;
  /** Absent values were never set in the org: unknown, not empty or disabled. */
  protocol?: GenesysValue<string>;
  sipServers?: { entries: SipServerEntry[]; source: string };
  terminationUri?: GenesysValue<string>;
  enabled?: GenesysValue<boolean>;
  srtpCipherSuites?: GenesysValue<string[]>;
  notes: string[];
}

/**
 * A trunk of the trunk profile that names its Genesys trunk (`genesys: NAME|ID`), for `scan --genesys`:
 * what the profile says, and the org trunk it names when there is one.
 */
export interface TrunkLink {
  /** The profile trunk's name. */
  profileTrunk: string;
  /** As written after `genesys:`. */
  wanted: string;
  /** The profile file and the line of `genesys:`. */
  file: string;
  line: number;
  trunk?: GenesysTrunk;
  /** The profile's own `sbc:` entries, when it gives them, with their lines. */
  profileSbc?: Array<{ raw: string; line: number }>;
}
