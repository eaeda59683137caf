/**
 * `byoc-check scan`: a configuration repository as the main input. Readers turn SBC configuration
 * files into TLS endpoints with provenance; the trunk profile (or, without one, each configuration
 * and each lone certificate file) groups them into trunks; each trunk is judged by the same rules as
 * the single-chain check, once per certificate chain it sends. One process, offline by default.
 *
 * The stages, each a file of its own: open the repository (walk, profile, the org's Genesys trunks),
 * read the configurations, plan the trunks, resolve the files they name, make trunks of lone files,
 * choose (a changed-file run), resolve TLS settings, judge and suppress trunk by trunk, assemble the report.
 */
import type { FileNote } from '../config/types.js';
import type { JsonItemsText, Report } from '../report/types.js';
import type { ScanOptions } from './run.js';
import { assembleReport } from './stage-assemble.js';
import { judgeTrunks } from './stage-judge.js';
import { loneFiles } from './stage-lone-files.js';
import { openRepository } from './stage-open.js';
import { planTrunks } from './stage-plan.js';
import { readConfigurations } from './stage-read.js';
import { resolveReferences } from './stage-references.js';
import { resolveSettings } from './stage-settings.js';

export type { ScanOptions };
export type { FileNote };

/** The report; with `spillResults`, its results are not in `report.results` but in `resultsText`, as the JSON report's text. */
export interface Scanned {
  report: Report;
  resultsText?: JsonItemsText;
}

export async function scan(options: ScanOptions): Promise<Scanned> {
  const run = await openRepository(options);
  const configs = readConfigurations(run);
  const plans = planTrunks(run, configs);
  const refs = resolveReferences(run, plans);
  const { keyFiles, orphanKeys } = await loneFiles(run, plans, configs, refs);
  // A changed-file run checks the trunks that involve a changed file (the profile involves them all).
  const chosen = plans.filter((p) => run.selectAll || [...p.involves].some(run.selected));
  const keysChosen = orphanKeys.filter(run.selected);
  const resolved = await resolveSettings(run, chosen, refs);
  const judged = await judgeTrunks(run, chosen, refs, resolved, { keyFiles, keysChosen });
  const report = assembleReport(run, plans, chosen, resolved, judged);
  const resultsText = judged.log.text;
  return resultsText ? { report, resultsText } : { report };
}
