import type { ChainFacts } from '../model/chain.js';
import type { AcceptedCa } from '../model/trust.js';
import type { SipFacts } from '../model/sip.js';
import type { TlsFacts } from '../model/tls.js';
import type { CrlFacts } from '../model/crl.js';
import type { SourceId } from '../../rules/sources.js';

export type Status = 'pass' | 'fail' | 'warn' | 'skip';
/** error: breaks a MUST of the BYOC spec or an RFC; warning: a SHOULD, a risk or a deprecation. */
export type Severity = 'error' | 'warning';
export type Area = 'cert' | 'trust' | 'sip' | 'tls' | 'crl';

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
}

/** Where a fact came from in the user's files: a finding about it points there (SARIF, text, JSON). */
export interface SourceLocation {
  file: string;
  line?: number;
  column?: number;
  /** The key as written in that file, e.g. `cipher_list`. */
  key?: string;
}

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
  format: 'pem' | 'der' | 'pkcs7' | 'pkcs12';
  sha256: string;
  privateKeys: string[];
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
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: CheckContext): Finding[];
}

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
