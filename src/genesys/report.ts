/** The genesys report (a pure function of the trunks read and the results), its text and Markdown forms, and its view for the CI reporters. */
import type { RuleResult } from '../engine/types.js';
import type { Report } from '../report/types.js';
import { plural } from '../util/text.js';
import type { GenesysTrunk, GenesysValue, SipServerEntry } from './trunks.js';
import { reportHead, summaryOf } from '../report/head.js';

export type GenesysSource = { kind: 'files'; files: string[] } | { kind: 'fetch'; url: string; pages: number };

export interface GenesysTrunkJson {
  id: string;
  name: string;
  /** The file or URL this trunk base was read from. */
  input: string;
  protocol: GenesysValue<string> | null;
  sipServers: { entries: Array<Omit<SipServerEntry, 'port'> & { port: number | null }>; source: string } | null;
  terminationUri: GenesysValue<string> | null;
  enabled: GenesysValue<boolean> | null;
  /** null: not in the answer, so the platform default (AES_CM_128_HMAC_SHA1_80). */
  srtpCipherSuites: GenesysValue<string[]> | null;
  notes: string[];
}

export interface GenesysSection {
  source: GenesysSource;
  /** The --trunk values, or null when every BYOC trunk was checked. */
  selected: string[] | null;
  trunks: GenesysTrunkJson[];
  /** Trunk bases read that are not BYOC Cloud trunks (ignored). */
  skipped: number;
  notes: string[];
}

export type GenesysReport = Omit<Report, 'input' | 'trust' | 'options' | 'openssl' | 'unchecked'> & { genesys: GenesysSection };

export interface GenesysReportContext {
  now: Date;
  version: string;
  source: GenesysSource;
  selected?: string[];
  trunks: GenesysTrunk[];
  skipped: number;
  notes: string[];
}

function trunkJson(t: GenesysTrunk): GenesysTrunkJson {
  return {
    id: t.id,
    name: t.name,
    input: t.input,
    protocol: t.protocol ?? null,
    sipServers: t.sipServers
      ? {
          entries: t.sipServers.entries.map((e) => ({ raw: e.raw, host: e.host, port: e.port ?? null, source: e.source })),
          source: t.sipServers.source,
        }
      : null,
    terminationUri: t.terminationUri ?? null,
    enabled: t.enabled ?? null,
    srtpCipherSuites: t.srtpCipherSuites ?? null,
    notes: t.notes,
  };
}

function verdictOf(summary: GenesysReport['summary']): string {
  if (summary.fail)
    return `NOT READY: ${plural(summary.fail, 'failed check')}; Genesys will not run these trunks securely as they are set.`;
  if (summary.warn)
    return `READY WITH WARNINGS FOR WHAT WAS CHECKED: ${plural(summary.warn, 'warning')} to review; not checked: the SBC (run scan or probe).`;
  return "READY FOR WHAT WAS CHECKED: the org's BYOC trunk settings pass; not checked: the SBC (run scan or probe).";
}

export function buildGenesysReport(ctx: GenesysReportContext, results: RuleResult[]): GenesysReport {
  const summary = summaryOf(results);
  return {
    ...reportHead(ctx.version, ctx.now, summary),
    certificates: [],
    results,
    verdict: verdictOf(summary),
    genesys: {
      source: ctx.source,
      selected: ctx.selected?.length ? ctx.selected : null,
      trunks: ctx.trunks.map(trunkJson),
      skipped: ctx.skipped,
      notes: ctx.notes,
    },
  };
}

export const sourceText = (s: GenesysSource): string =>
  s.kind === 'fetch' ? `GET ${s.url}${s.pages > 1 ? ` (${s.pages} pages)` : ''}` : s.files.join(', ');

/** The view the JUnit and SARIF reporters take: no certificate input, the source as the input's name. */
export function asReport(report: GenesysReport): Report {
  const { genesys, ...rest } = report;
  return {
    ...rest,
    input: {
      name: genesys.source.kind === 'fetch' ? genesys.source.url : genesys.source.files.join(', '),
      format: 'genesys',
      sha256: '',
      certificates: 0,
    },
    trust: { mode: 'byoc', anchors: '' },
    options: {
      at: null,
      offline: false,
      strict: false,
      profile: null,
      format: 'text',
      caFile: null,
      warnDays: 0,
      timeoutSeconds: 0,
      region: null,
    },
    openssl: '',
    unchecked: [],
  };
}
