import type { Area, RuleResult } from '../engine/types.js';
import type { ProbeFacts } from '../model/probe.js';
import type { FromSbcFacts } from '../model/from-sbc.js';

export interface CertificateSummary {
  index: number;
  role: 'leaf' | 'intermediate' | 'root' | 'unused';
  presented: boolean;
  inputIndex: number | null;
  origin: string;
  subject: string;
  issuer: string;
  serialNumber: string;
  subjectHash: string;
  issuerHash: string;
  sha256: string;
  notBefore: string;
  notAfter: string;
  keyType: string;
  keyBits?: number;
  curve?: string;
  signatureAlgorithm: string;
  san: string[];
  crlDistributionPoints: string[];
  /** The certificate file (scan reports). */
  file?: string;
}

/** A value of an endpoint with where it came from. */
export interface ValueJson {
  value: string | number | boolean | string[] | null;
  /** As written, when the value is a translation of it. */
  written?: string;
  from:
    | { kind: 'file'; file: string; line: number; key: string }
    | { kind: 'default'; text: string }
    | { kind: 'flag'; flag: string }
    | { kind: 'probe'; text: string }
    | { kind: 'api'; text: string };
}

export interface EndpointJson {
  id: string;
  file: string | null;
  line: number | null;
  format: string;
  name: string;
  role: 'server' | 'client';
  port: ValueJson | null;
  certificate: ValueJson | null;
  privateKey: ValueJson | null;
  caList: ValueJson | null;
  tlsMin: ValueJson | null;
  tlsMax: ValueJson | null;
  versions: ValueJson | null;
  ciphers: ValueJson | null;
  tls13Suites: ValueJson | null;
  curves: ValueJson | null;
  requireClientCert: ValueJson | null;
  requestClientCert: ValueJson | null;
  verifyPeer: ValueJson | null;
  serverName: ValueJson | null;
  /** The SBC loads this context but no connection uses it: why (only config-valid judges it). */
  unused?: string;
  enabledSuites?: string[];
  groups?: string[];
}

/** A leg that carries the Genesys trunk, as the JSON report shows its media facts (issue 16). */
export interface MediaJson {
  /** media[N]; the srtp-offered and srtp-suites results target it. */
  id: string;
  file: string | null;
  line: number | null;
  format: string;
  name: string;
  /** sdes | none | dtls | sdes+dtls | unchanged | unknown. */
  offer: ValueJson | null;
  /** mandatory | optional | optimistic. */
  strictness: ValueJson | null;
  suites: ValueJson | null;
  /** Suite spellings the product itself rejects. */
  rejectedSuites: ValueJson | null;
  /** What the static reading could not settle, and what to check. */
  unresolved: string[];
}

export interface ScanTrunk {
  name: string;
  /** The results' `trunk` field and target: trunk[NAME]. */
  target: string;
  origin:
    | { kind: 'profile'; file: string; line: number }
    | { kind: 'config'; file: string }
    | { kind: 'certificate'; file: string }
    | { kind: 'repository' }
    | { kind: 'genesys' };
  configFiles: string[];
  endpoints: string[];
  /** The media legs (media[N]) of this trunk. */
  media?: string[];
  /** The chains the trunk's endpoints send, or why there is none. */
  chains: Array<{ file: string; how: string; certificates: number[] } | { missing: string }>;
  region?: string;
  sbc: string[];
  uris: string[];
  /** `scan --genesys`: the org trunk the profile names (`genesys:` as written; id and name when found). */
  genesys?: { wanted: string; id?: string; name?: string };
  /** Trunk-level checks that could not run, and what to add to the profile. */
  notChecked?: string;
}

/** `scan --genesys`: where the org's trunks came from, and which profile trunk each is linked to. */
export interface ScanGenesys {
  source: { kind: 'files'; files: string[] } | { kind: 'fetch'; url: string; pages: number };
  trunks: Array<{ id: string; name: string; linkedTo: string[] }>;
  skipped: number;
  notes: string[];
}

export interface ScanFile {
  path: string;
  kind: 'config' | 'certificate' | 'key' | 'profile' | 'skipped';
  format?: string;
  notes: Array<{ level: 'info' | 'warn'; message: string; line?: number }>;
}

/** The options that shaped the verdicts, so that a report read later explains itself. */
export interface ReportOptions {
  /** --at as given (ISO 8601), or null when the check ran at the current time. */
  at: string | null;
  offline: boolean;
  strict: boolean;
  /** The trunk profile used (`scan`), or null. */
  profile: string | null;
  format: string;
  caFile: string | null;
  warnDays: number;
  timeoutSeconds: number;
  region: string | null;
}

/** An area none of whose rules could check anything (inputs not given, --offline, no network). */
export interface UncheckedArea {
  area: Area;
  /** The rules of that area that only skipped. */
  rules: string[];
  reason: string;
  /** What to give or change so the next run checks it. */
  hint: string;
}

/**
 * A top-level array of the JSON report held outside the heap as its own text (a large scan's results):
 * how many items, and the text of the items as `jsonItems` writes them, in pieces.
 */
export interface JsonItemsText {
  count: number;
  pieces(): Iterable<string>;
}

export interface Report {
  schemaVersion: 1;
  tool: { name: 'byoc-check'; version: string };
  checkedAt: string;
  ok: boolean;
  summary: { pass: number; fail: number; warn: number; skip: number; suppressed?: number };
  input: { name: string; format: string; sha256: string; certificates: number };
  trust: { mode: 'byoc' | 'custom'; anchors: string };
  certificates: CertificateSummary[];
  results: RuleResult[];
  /** scan: every TLS endpoint read, the trunks, every file read. */
  endpoints?: EndpointJson[];
  /** scan: every leg to Genesys whose media settings were read. */
  media?: MediaJson[];
  trunks?: ScanTrunk[];
  files?: ScanFile[];
  scan?: {
    root: string;
    paths: string[];
    changedFileRun: boolean;
    trunksFound: number;
    trunksChecked: number;
    online: boolean;
    profile?: string;
    genesys?: ScanGenesys;
  };
  options: ReportOptions;
  /** The OpenSSL (Node's) that resolved cipher and group strings. */
  openssl: string;
  /** Empty when every area was checked; a pass verdict only covers what is not listed here. */
  unchecked: UncheckedArea[];
  /** The verdict sentence, saying what was checked and what was not (the text report's last line). */
  verdict: string;
  /** What `byoc-check probe` observed on the wire. */
  probe?: ProbeFacts;
}

/** The report of `probe --from-sbc`: will the SBC accept Genesys (no chain input, no trust section). */
export type FromSbcSection = Omit<FromSbcFacts, 'now' | 'warnDays'>;

export type FromSbcReport = Omit<Report, 'input' | 'trust' | 'unchecked' | 'certificates'> & {
  certificates: [];
  fromSbc: FromSbcSection;
};
