/**
 * `byoc-check probe HOST[:PORT]...` and `probe --genesys`: many SBCs in one run, as an MSP has them. Each
 * target is judged under its own name, as Genesys dials it (5061 when no port is given); `--connect-to`
 * sends a name's connections elsewhere (labs, NAT, tests) while SNI and every name check keep the name.
 * Targets are probed a few at a time, each within its own --timeout, so a silent SBC delays no other.
 */
import { createHash } from 'node:crypto';
import { isIP } from 'node:net';
import type { RuleResult } from '../engine/types.js';
import { probeCheck, type ProbeCheckOptions } from './probe-check.js';
import { pooled } from '../providers/live/wire.js';
import { exitCodeOf } from '../report/exit-code.js';
import type { FleetEntry, FleetGenesys, FleetReport, FleetTrunk } from '../report/fleet.js';
import type { Report } from '../report/types.js';
import { reportHead, summaryOf } from '../report/head.js';

/**
 * A target still unanswered after this long stops counting against --concurrency: a silent SBC sits out
 * its --timeout in the background instead of holding a slot (a loopback probe takes 100-300 ms).
 */
export const FLEET_RELEASE_MS = 500;

export interface FleetTarget {
  /** As the user wrote it: the SIP server entry Genesys dials (NAME[:PORT]). */
  text: string;
  host: string;
  port: number;
  /** Where the connections actually go (`--connect-to`). */
  via?: { address: string; port: number };
  /** `probe --genesys`: every trunk whose SIP servers list this target (probed once, reported under each). */
  trunks?: FleetTrunk[];
  /** Something the reader must know about this target (an IP address entry). */
  note?: string;
}

export interface FleetExtras {
  genesys?: FleetGenesys;
  /** Results judged outside the probes (the genesys rules of the selected trunks), already tagged with their trunk. */
  results?: RuleResult[];
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export async function probeFleet(
  targets: readonly FleetTarget[],
  common: Omit<ProbeCheckOptions, 'host' | 'port' | 'sbc'>,
  concurrency: number,
  strict: boolean,
  extras: FleetExtras = {},
): Promise<FleetReport> {
  const started = Date.now();
  const entries = await pooled(
    targets.map((t) => async (): Promise<FleetEntry> => {
      const report = await probeCheck({
        ...common,
        host: t.via?.address ?? t.host,
        port: t.via?.port ?? t.port,
        // an IP address names nothing Genesys could check a certificate against
        ...(isIP(t.host) ? {} : { sbc: t.text }),
      });
      const via = t.via ? `${t.via.address.includes(':') ? `[${t.via.address}]` : t.via.address}:${t.via.port}` : undefined;
      return {
        target: t.text,
        ...(via ? { connectTo: via } : {}),
        ...(t.trunks ? { trunks: t.trunks } : {}),
        ...(t.note ? { note: t.note } : {}),
        report,
      };
    }),
    concurrency,
    { releaseAfterMs: FLEET_RELEASE_MS },
  );
  const extra = extras.results ?? [];
  const sum = (k: 'pass' | 'fail' | 'warn' | 'skip') =>
    entries.reduce((n, e) => n + e.report.summary[k], 0) + extra.filter((r) => r.status === k).length;
  const failing = entries.filter((e) => exitCodeOf(e.report, strict) === 1);
  const partial = entries.filter((e) => !failing.includes(e) && e.report.unchecked.some((u) => u.area !== 'crl'));
  const settingsFail = extra.filter((r) => r.status === 'fail');
  const notProbed = (extras.genesys?.trunks ?? []).flatMap((t) => t.notProbed.map((why) => `"${t.name}" (${why})`));
  const n = entries.length;
  const targetsText = plural(n, 'target');
  const failures = [
    ...(failing.length ? [`${failing.length} of ${targetsText} fail (${failing.map((e) => e.target).join(', ')})`] : []),
    ...(settingsFail.length
      ? [
          `${plural(settingsFail.length, 'trunk setting')} fail${settingsFail.length === 1 ? 's' : ''} (${[...new Set(settingsFail.map((r) => `${r.rule} ${r.trunk ?? r.target}`))].join(', ')})`,
        ]
      : []),
  ];
  const uncheckedText = [
    ...(partial.length ? [`not checked on ${partial.map((e) => e.target).join(', ')}: see each target`] : []),
    ...(notProbed.length ? [`not probed: ${notProbed.join(', ')}`] : []),
  ];
  const warnings = sum('warn');
  const withWarnings = (ready: string) => (warnings ? `${ready.replace(/^READY/, 'READY WITH WARNINGS')}` : ready);
  const review = warnings ? ` ${plural(warnings, 'warning')} to review.` : '';
  const verdict = failures.length
    ? `NOT READY: ${failures.join('; ')}; Genesys BYOC Cloud will not work with ${failing.length + settingsFail.length === 1 ? 'it' : 'them'} as ${failing.length + settingsFail.length === 1 ? 'it is' : 'they are'}.`
    : n === 0
      ? `NOT CHECKED: no target to probe; ${uncheckedText.join('; ') || 'no SIP server was given'}.`
      : uncheckedText.length
        ? `${withWarnings('READY FOR WHAT WAS CHECKED')}: ${n} of ${targetsText} pass what was checked; ${uncheckedText.join('; ')}.${review}`
        : `${withWarnings('READY')}: all ${targetsText} pass every check BYOC Cloud makes.${review}`;
  const base = entries[0] ? withoutProbe(entries[0].report) : emptyBase(common);
  return {
    ...base,
    ok: entries.every((e) => e.report.ok) && settingsFail.length === 0,
    summary: { pass: sum('pass'), fail: sum('fail'), warn: sum('warn'), skip: sum('skip') },
    input: {
      name: `fleet of ${targetsText}`,
      format: 'tls',
      sha256: createHash('sha256')
        .update(entries.map((e) => e.report.input.sha256).join(''))
        .digest('hex'),
      certificates: 0,
    },
    certificates: [],
    results: [...extra, ...entries.flatMap((e) => e.report.results.map((r) => ({ ...r, trunk: e.target })))],
    unchecked: [],
    verdict,
    fleet: { concurrency, ms: Date.now() - started, targets: entries, ...(extras.genesys ? { genesys: extras.genesys } : {}) },
  };
}

function withoutProbe(report: Report): Report {
  const { probe: _probe, ...rest } = report;
  return rest;
}

/** The report's frame when no target was probed (every trunk UDP, disabled or without SIP servers). */
function emptyBase(common: Omit<ProbeCheckOptions, 'host' | 'port' | 'sbc'>): Report {
  return {
    ...reportHead(common.version ?? '0.0.0', common.at ?? new Date(), summaryOf([])),
    input: { name: '', format: 'tls', sha256: '', certificates: 0 },
    trust: { mode: common.caFile ? 'custom' : 'byoc', anchors: common.caFile ? `--ca ${common.caFile}` : 'BYOC Cloud accepted-CA list' },
    certificates: [],
    results: [],
    options: {
      at: common.at ? common.at.toISOString() : null,
      offline: common.offline ?? false,
      strict: common.strict ?? false,
      profile: null,
      format: common.format ?? 'json',
      caFile: common.caFile ?? null,
      warnDays: common.warnDays ?? 30,
      timeoutSeconds: common.timeoutSeconds,
      region: common.region ?? null,
    },
    openssl: process.versions.openssl,
    unchecked: [],
    verdict: '',
  };
}
