/** Stage 9 of `scan`: the report, from the judged trunks: summary, verdict and exit-relevant facts decided here once. */
import { createHash } from 'node:crypto';
import { trunkRules } from '../../rules/index.js';
import { verdictLine } from '../report/build.js';
import type { Report } from '../report/types.js';
import { genesysJson } from './genesys.js';
import { mediaJson } from './media-json.js';
import type { ScanRun, TrunkPlan } from './run.js';
import type { Judged } from './stage-judge.js';
import { reportHead } from '../report/head.js';

export function assembleReport(
  run: ScanRun,
  plans: readonly TrunkPlan[],
  chosen: readonly TrunkPlan[],
  { log, endpoints, unchecked: uncheckedAcross, certificates, trunks }: Judged,
): Report {
  const { options, root, given, selectAll, walked, files, profile, genesys } = run;
  const now = options.at ?? new Date();
  const timeoutSeconds = options.timeoutSeconds ?? 10;
  const { summary, tally } = log;
  // What no trunk could check, and what to add; suppressed results count as checked.
  const unchecked = uncheckedAcross.merged();
  const digest = createHash('sha256');
  const involved = new Set(chosen.flatMap((p) => [...p.involves]));
  for (const f of walked.files.filter((x) => involved.has(x.path))) digest.update(f.path).update(f.bytes);
  return {
    ...reportHead(options.version ?? '0.0.0', now, summary),
    input: { name: root, format: 'scan', sha256: digest.digest('hex'), certificates: certificates.length },
    trust: {
      mode: options.caCertificates ? 'custom' : 'byoc',
      anchors: options.caCertificates ? `--ca ${options.caName ?? ''}`.trim() : 'BYOC Cloud accepted-CA list',
    },
    certificates,
    results: log.items,
    endpoints: endpoints.items,
    ...(chosen.some((p) => p.media.length) ? { media: chosen.flatMap((p) => p.media.map(mediaJson)) } : {}),
    trunks,
    // A changed-file run speaks of the files it judged, the files named, and what it could not read;
    // notes on the other trunks' files belong to their own commits.
    files: [...files.values()]
      .filter(
        (f) =>
          selectAll || involved.has(f.path) || run.selected(f.path) || f.kind === 'skipped' || f.kind === 'key' || f.kind === 'profile',
      )
      .sort((a, b) => a.path.localeCompare(b.path)),
    options: {
      at: null,
      strict: false,
      format: 'json',
      caFile: null,
      warnDays: options.warnDays ?? 30,
      timeoutSeconds,
      region: options.region ?? null,
      ...options.recorded,
      offline: options.online !== true,
      profile: profile?.file ?? null,
    },
    openssl: process.versions.openssl,
    unchecked: unchecked.map(({ short: _short, ...u }) => u),
    // A committed key outside every trunk is still a failure: never "nothing to check" over a finding.
    verdict:
      chosen.length === 0 && tally.fail === 0
        ? 'NOTHING TO CHECK.'
        : chosen.length === 0
          ? `NOT READY: ${tally.fail} failed check${tally.fail === 1 ? '' : 's'}: a private key is committed to the repository.`
          : verdictLine(
              tally,
              unchecked,
              trunkRules,
              `${tally.failingTrunks.size} of ${chosen.length} trunk${chosen.length === 1 ? '' : 's'} would fail with Genesys as configured`,
            ),
    scan: {
      root,
      paths: given,
      changedFileRun: !selectAll,
      trunksFound: plans.length,
      trunksChecked: chosen.length,
      online: options.online === true,
      ...(profile ? { profile: profile.file } : {}),
      ...(genesys ? { genesys: genesysJson(genesys) } : {}),
    },
  };
}
