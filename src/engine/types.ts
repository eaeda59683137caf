import type { ChainFacts } from '../model/chain.js';
import type { AcceptedCa } from '../model/trust.js';
import type { SipFacts } from '../model/sip.js';
import type { TlsEndpointFacts, TlsFacts } from '../model/tls.js';
import type { CrlFacts } from '../model/crl.js';
import type { DataActionsFacts } from '../model/data-actions.js';
import type { ProbeFacts } from '../model/probe.js';
import type { SourceId } from '../../rules/sources.js';
import type { ConfigProblem } from '../model/endpoint.js';
import type { MediaFacts } from '../model/media.js';
import type { GenesysTrunk, TrunkLink } from '../model/genesys.js';
import type { FromSbcFacts } from '../model/from-sbc.js';

export type Status = 'pass' | 'fail' | 'warn' | 'skip';
/** error: breaks a MUST of the BYOC spec or an RFC; warning: a SHOULD, a risk or a deprecation. */
export type Severity = 'error' | 'warning';
export type Area = 'cert' | 'trust' | 'sip' | 'tls' | 'crl' | 'config' | 'media' | 'da' | 'genesys' | 'from-sbc';
/** Facts a rule cannot do without; when the context lacks one, the runner reports a uniform skip. */
export type Need = 'chain';
/** The command whose facts a rule judges: the trunk check, `data-actions`, `genesys`, or `probe --from-sbc`. */
export type Scope = 'trunk' | 'data-actions' | 'genesys' | 'from-sbc';

export interface Citation {
  source: SourceId;
  section?: string;
}

export interface RuleMeta {
  /** Flat kebab-case id, equal to the file name; a public contract. */
  id: string;
  area: Area;
  title: string;
  severity: Severity;
  citations: Citation[];
  /** What a telephony engineer does when the rule fails. */
  remediation: string;
  docs: { what: string; why: string };
  /** Defaults to ['chain'] for the cert, trust and crl areas. */
  requires?: readonly Need[];
  /** Absent for trunk rules. */
  scope?: Scope;
}

/** Where a fact came from in the user's files: a finding about it points there (SARIF, text, JSON). */
export type { SourceLocation } from '../model/location.js';
import type { SourceLocation } from '../model/location.js';

/** What a rule reports: one per certificate, URI, SBC host ... */
export interface Finding {
  status: Status;
  /** One sentence for a human. */
  message: string;
  /** What it is about: certificate[1], uri[0], sbc[0], chain, settings.server ... */
  target: string;
  evidence?: Record<string, unknown>;
  /** Overrides the rule's remediation when this finding needs a more specific fix. */
  remediation?: string;
  /** The file and line the judged value came from, when it came from a file. */
  location?: SourceLocation;
}

export interface InputFacts {
  name: string;
  /** tls: the Certificate message of a live handshake (`byoc-check probe`). */
  format: 'pem' | 'der' | 'pkcs7' | 'pkcs12' | 'tls';
  sha256: string;
  privateKeys: string[];
  /** scan: private keys committed to the repository among this trunk's files (location only, never content). */
  committedKeys?: Array<{ file: string; line: number; label: string }>;
}

/** Everything gathered before the rules run. Rules read it and nothing else. */
export interface CheckContext {
  now: Date;
  warnDays: number;
  offline: boolean;
  input: InputFacts;
  chain: ChainFacts;
  acceptedCas: readonly AcceptedCa[];
  sip: SipFacts;
  tls: TlsFacts;
  crl: CrlFacts;
  /** Set when there is no chain to judge (a configuration's certificate file is not in the repository): why. */
  chainMissing?: string;
  /** SBC configuration files read for this context, and what the SBC would refuse to load in them. */
  config?: ConfigFacts;
  /** SRTP on the Genesys leg, from SBC configurations or the trunk profile; absent when nothing told it. */
  media?: MediaFacts;
  /** What the live probe observed (`byoc-check probe`); absent for file checks. */
  probe?: ProbeFacts;
  /** --pki-profile: 'default' judges as OpenSSL and Java do; 'strict' also fails webpki / CA/Browser Forum rules. */
  pkiProfile: PkiProfile;
  /** --max-depth: the SBC's verify depth (intermediates allowed below the trust anchor), when given. */
  maxDepth?: number;
}

export type PkiProfile = 'default' | 'strict';

export interface ConfigFacts {
  files: string[];
  problems: ConfigProblem[];
  /**
   * Every TLS context the SBC loads from these files, including those no connection uses
   * (`unused`), which only config-valid judges. Absent: the endpoints of `tls`.
   */
  endpoints?: TlsEndpointFacts[];
}

/** A rule of the trunk check. */
export interface Rule {
  meta: RuleMeta & { scope?: 'trunk' };
  check(ctx: CheckContext): Finding[];
}

/** A rule of `byoc-check data-actions`: judges the data actions mTLS certificates. */
export interface DataActionsRule {
  meta: RuleMeta & { scope: 'data-actions' };
  check(facts: DataActionsFacts): Finding[];
}

/** What `byoc-check genesys` read of the org: its BYOC Cloud trunks, each value with its provenance. */
export interface GenesysFacts {
  trunks: GenesysTrunk[];
  /** `scan --genesys`: each profile trunk that names an org trunk. Absent for `byoc-check genesys`. */
  links?: TrunkLink[];
}

/** A rule of `byoc-check genesys`: judges the org's BYOC trunk settings. */
export interface GenesysRule {
  meta: RuleMeta & { scope: 'genesys' };
  check(facts: GenesysFacts): Finding[];
}

/** A rule of `byoc-check probe --from-sbc`: judges what a Genesys proxy presented to a client set as the SBC is. */
export interface FromSbcRule {
  meta: RuleMeta & { scope: 'from-sbc' };
  check(facts: FromSbcFacts): Finding[];
}

/** Any rule of the one catalog. */
export type AnyRule = Rule | DataActionsRule | GenesysRule | FromSbcRule;

export const isDataActionsRule = (rule: AnyRule): rule is DataActionsRule => rule.meta.scope === 'data-actions';
export const isGenesysRule = (rule: AnyRule): rule is GenesysRule => rule.meta.scope === 'genesys';
export const isFromSbcRule = (rule: AnyRule): rule is FromSbcRule => rule.meta.scope === 'from-sbc';
export const isTrunkRule = (rule: AnyRule): rule is Rule => rule.meta.scope === undefined || rule.meta.scope === 'trunk';

export interface RuleResult extends Finding {
  rule: string;
  severity: Severity;
  remediation: string;
  source: string;
  /** The trunk (profile name) and endpoint id the result belongs to, in `scan` reports. */
  trunk?: string;
  endpoint?: string;
  /** A suppression from the trunk profile; the result keeps its status and stays in the report. */
  suppressed?: { reason: string };
}
