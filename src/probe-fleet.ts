/**
 * `byoc-check probe HOST[:PORT]...`: many SBCs in one run, as an MSP has them. Each target is judged
 * under its own name, as Genesys dials it (5061 when no port is given); `--connect-to` sends a name's
 * connections elsewhere (labs, NAT, tests) while SNI and every name check keep the name. Targets are
 * probed a few at a time, each within its own --timeout, so a silent SBC delays no other.
 */
import { createHash } from 'node:crypto';
import { isIP } from 'node:net';
import { probeCheck, type ProbeCheckOptions } from './probe.js';
import { pooled } from './probes/live/wire.js';
import { exitCodeOf } from './report/exit-code.js';
import type { Report } from './report/types.js';

export interface FleetTarget {
  /** As the user wrote it: the SIP server entry Genesys dials (NAME[:PORT]). */
  text: string;
  host: string;
  port: number;
  /** Where the connections actually go (`--connect-to`). */
  via?: { address: string; port: number };
}

export interface FleetEntry {
  target: string;
  connectTo?: string;
  report: Report;
}

/** One report for the fleet: every target's results (tagged with the target), totals, and each target's own report. */
export type FleetReport = Report & { fleet: { concurrency: number; ms: number; targets: FleetEntry[] } };

export async function probeFleet(
  targets: readonly FleetTarget[],
  common: Omit<ProbeCheckOptions, 'host' | 'port' | 'sbc'>,
  concurrency: number,
  strict: boolean,
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
      return { target: t.text, ...(via ? { connectTo: via } : {}), report };
    }),
    concurrency,
  );
  const { probe: _first, ...first } = entries[0]!.report;
  const sum = (k: 'pass' | 'fail' | 'warn' | 'skip') => entries.reduce((n, e) => n + e.report.summary[k], 0);
  const failing = entries.filter((e) => exitCodeOf(e.report, strict) === 1);
  const partial = entries.filter((e) => !failing.includes(e) && e.report.unchecked.some((u) => u.area !== 'crl'));
  const n = entries.length;
  const verdict = failing.length
    ? `NOT READY: ${failing.length} of ${n} targets fail (${failing.map((e) => e.target).join(', ')}); Genesys BYOC Cloud will not work with ${failing.length === 1 ? 'it' : 'them'} as ${failing.length === 1 ? 'it is' : 'they are'}.`
    : partial.length
      ? `READY FOR WHAT WAS CHECKED: ${n} of ${n} targets pass what was checked; not checked on ${partial.map((e) => e.target).join(', ')}: see each target.`
      : `READY: all ${n} targets pass every check BYOC Cloud makes.`;
  return {
    ...first,
    ok: entries.every((e) => e.report.ok),
    summary: { pass: sum('pass'), fail: sum('fail'), warn: sum('warn'), skip: sum('skip') },
    input: {
      name: `fleet of ${n} targets`,
      format: 'tls',
      sha256: createHash('sha256')
        .update(entries.map((e) => e.report.input.sha256).join(''))
        .digest('hex'),
      certificates: 0,
    },
    certificates: [],
    results: entries.flatMap((e) => e.report.results.map((r) => ({ ...r, trunk: e.target }))),
    unchecked: [],
    verdict,
    fleet: { concurrency, ms: Date.now() - started, targets: entries },
  };
}
