/**
 * `byoc-check probe --from-sbc HOST|REGION --ca FILE`: will the SBC accept Genesys? Connects to each Genesys
 * SIP proxy as the SBC does (the provider in src/providers/live/from-sbc.ts), runs the from-sbc rules over what
 * was seen, and builds the report (a `fromSbc` object). No argv here.
 */
import { proxyRegion, regionCode, regions } from '../../rules/data/byoc-regions.js';
import { suiteNames } from '../../rules/data/cipher-names.js';
import { fromSbcRules } from '../../rules/index.js';
import { loadCaFile } from './inputs.js';
import { runRules } from '../engine/runner.js';
import type { RuleResult } from '../engine/types.js';
import { InputError } from '../errors.js';
import type { FromSbcFacts } from '../model/from-sbc.js';
import { clientSettings, connectAsSbc } from '../providers/live/from-sbc.js';
import { pooled } from '../providers/live/wire.js';
import type { FromSbcReport, Report, ReportOptions } from '../report/types.js';
import { reportHead, summaryOf } from '../report/head.js';

export interface FromSbcOptions {
  /** --from-sbc values: a proxy HOST[:PORT] or a REGION (use1, us-east-1), expanded to lb01..lb04. */
  targets: Array<{ text: string; host: string; port: number } | { region: string }>;
  caFile: string;
  ciphers?: string;
  curves?: string;
  at?: Date;
  warnDays: number;
  timeoutSeconds: number;
  concurrency: number;
  via: (t: { host: string; port: number }) => { address: string; port: number } | undefined;
  version?: string;
  strict?: boolean;
  format?: string;
}

const GENESYS_TLS_PORT = 5061;

/** REGION -> its four proxies on 5061; a HOST keeps its port (5061 when none). */
export function expandTargets(values: FromSbcOptions['targets']): Array<{ name: string; host: string; port: number; region?: string }> {
  const out: Array<{ name: string; host: string; port: number; region?: string }> = [];
  for (const v of values) {
    if ('region' in v) {
      const r = regions.find((x) => x.code === v.region)!;
      for (const n of [1, 2, 3, 4])
        out.push({ name: `lb0${n}.${r.domain}:${GENESYS_TLS_PORT}`, host: `lb0${n}.${r.domain}`, port: GENESYS_TLS_PORT, region: r.code });
    } else {
      const region = proxyRegion(v.host)?.region;
      out.push({ name: `${v.host}:${v.port}`, host: v.host.toLowerCase(), port: v.port, ...(region ? { region } : {}) });
    }
  }
  const seen = new Set<string>();
  return out.filter((t) => !seen.has(t.name) && seen.add(t.name) !== undefined);
}

/** A --from-sbc value: a region code or AWS name, else a host. */
export function fromSbcValue(text: string, parseTarget: (t: string) => { host: string; port: number }): FromSbcOptions['targets'][number] {
  const region = regionCode(text);
  return region ? { region } : { text, ...parseTarget(text) };
}

function verdictOf(results: RuleResult[], facts: FromSbcFacts): string {
  const n = facts.targets.length;
  const failing = facts.targets.filter((t) => results.some((r) => r.status === 'fail' && r.target === `proxy[${t.name}]`));
  const warns = results.filter((r) => r.status === 'warn').length;
  const settings = facts.settings.ciphers || facts.settings.curves;
  const notChecked = settings
    ? ''
    : " Not checked: the SBC's own client cipher and group settings (the default OpenSSL client offer was used; give --ciphers and --curves as the SBC has them).";
  if (failing.length)
    return `NOT READY: the SBC as set will refuse ${failing.length} of ${n} Genesys prox${n === 1 ? 'y' : 'ies'} (${failing.map((t) => t.name).join(', ')}); no call from the SBC reaches Genesys through ${failing.length === 1 ? 'it' : 'them'}.`;
  const head = warns ? `READY WITH WARNINGS${settings ? '' : ' FOR WHAT WAS CHECKED'}` : `READY${settings ? '' : ' FOR WHAT WAS CHECKED'}`;
  return `${head}: the SBC accepts ${n === 1 ? 'the Genesys proxy' : `all ${n} Genesys proxies`}: TLS 1.2 handshake, chain to ${facts.ca.file}, names${warns ? `; ${warns} warning${warns === 1 ? '' : 's'} to review` : ''}.${notChecked}`;
}

export async function checkFromSbc(options: FromSbcOptions): Promise<FromSbcReport> {
  const ca = await loadCaFile(options.caFile);
  const settings = await clientSettings({ ciphers: options.ciphers, curves: options.curves });
  const now = options.at ?? new Date();
  const ianaByOpenssl = new Map(suiteNames.map((s) => [s.openssl, s.iana]));
  const planned = expandTargets(options.targets);
  if (planned.length > 200) throw new InputError(`at most 200 Genesys proxies in one run; got ${planned.length}`);
  const targets = await pooled(
    planned.map((t) => () => {
      const via = options.via(t);
      return connectAsSbc({
        ...t,
        ...(via ? { via } : {}),
        ca,
        ...(settings.opensslCiphers ? { ciphers: settings.opensslCiphers } : {}),
        ...(settings.curves ? { curves: settings.curves } : {}),
        timeoutS: options.timeoutSeconds,
        ianaByOpenssl,
      });
    }),
    options.concurrency,
  );
  const facts: FromSbcFacts = {
    now,
    warnDays: options.warnDays,
    ca: {
      file: options.caFile,
      certificates: ca.map((c) => ({ subject: c.subject, subjectHash: c.subjectHash, notAfter: c.notAfter.toISOString() })),
    },
    settings,
    targets,
  };
  const results = runRules(fromSbcRules, facts);
  const recorded: ReportOptions = {
    at: options.at ? options.at.toISOString() : null,
    offline: false,
    strict: options.strict ?? false,
    profile: null,
    format: options.format ?? 'json',
    caFile: options.caFile,
    warnDays: options.warnDays,
    timeoutSeconds: options.timeoutSeconds,
    region: null,
  };
  const { now: _now, warnDays: _warnDays, ...section } = facts;
  return {
    ...reportHead(options.version ?? '0.0.0', now, summaryOf(results)),
    certificates: [],
    results,
    options: recorded,
    openssl: process.versions.openssl,
    verdict: verdictOf(results, facts),
    fromSbc: section,
  };
}

/** The view the JUnit and SARIF reporters and the exit code take. */
export function fromSbcAsReport(report: FromSbcReport): Report {
  const { fromSbc, ...rest } = report;
  return {
    ...rest,
    input: { name: fromSbc.targets.map((t) => t.name).join(', '), format: 'tls', sha256: '', certificates: 0 },
    trust: { mode: 'custom', anchors: `--ca ${fromSbc.ca.file}` },
    unchecked: [],
  };
}
