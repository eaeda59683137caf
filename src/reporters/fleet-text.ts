/** The text view of a fleet probe: the verdict and totals, the Genesys trunks read (probe --genesys), then each target's own probe report. */
import type { FleetReport } from '../report/fleet.js';
import { printable } from '../util/text.js';
import { formatProbeText } from './probe-text.js';
import type { Painter } from './text.js';

export function formatFleetText(fleet: FleetReport, options: { chalk?: Painter } = {}): string {
  const chalk = options.chalk;
  const sections = fleet.fleet.targets.map(
    (t) =>
      `── ${printable(t.target)}${t.connectTo ? ` (connected to ${t.connectTo})` : ''}\n${(t.trunks ?? []).map((k) => `   from ${printable(k.source)}\n`).join('')}${t.note ? `   note: ${printable(t.note)}\n` : ''}${formatProbeText(t.report, chalk ? { chalk } : {})}`,
  );
  const g = fleet.fleet.genesys;
  const genesys = g
    ? [
        'Genesys trunks',
        ...g.trunks.map(
          (t) =>
            `  "${printable(t.name)}" (${printable(t.id)}) ${t.protocol?.toUpperCase() ?? 'protocol unknown'}, ${t.enabled === null ? 'enabled unknown' : t.enabled ? 'enabled' : 'disabled'}: ${t.probed.length ? `probed ${t.probed.map((x) => printable(x)).join(', ')}` : 'not probed'}${t.notProbed.map((w) => `\n      not probed: ${printable(w)}`).join('')}`,
        ),
        ...g.notes.map((n) => `  note: ${printable(n)}`),
        // the genesys rules' results (their targets are trunks); each target's own come in its section
        ...fleet.results
          .filter((r) => (r.status === 'fail' || r.status === 'warn') && /^(trunk\[|genesys$)/.test(r.target))
          .map((r) => `  ${r.status === 'fail' ? '✖ fail' : '! warn'} ${r.rule} ${printable(r.target)}  ${printable(r.message)}`),
        '',
        '',
      ].join('\n')
    : '';
  const { pass, fail, warn, skip } = fleet.summary;
  return `${printable(fleet.verdict)} (${fleet.fleet.targets.length} targets, ${fleet.fleet.ms} ms; ${pass} passed, ${fail} failed, ${warn} warnings, ${skip} skipped)\n\n${genesys}${sections.join('\n')}`;
}
