/**
 * `byoc-check scan`: a configuration repository as the main input. Readers turn SBC configuration
 * files into TLS endpoints with provenance; the trunk profile (or, without one, each configuration
 * and each lone certificate file) groups them into trunks; each trunk is judged by the same rules as
 * the single-chain check, once per certificate chain it sends. One process, offline by default.
 *
 * The stages, each a file of its own: open the repository (walk, profile, the org's Genesys trunks),
 * read the configurations, plan the trunks, resolve the files they name, make trunks of lone files,
 * choose (a changed-file run), then a batch of trunks at a time resolve TLS settings, judge and suppress, and
 * assemble the report.
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

export type { ScanOptions };
export type { FileNote };

/** The report; with `spillResults`, the arrays that grow with the trunks are not in it but in `asText`, as the JSON report's text. */
export interface Scanned {
  report: Report;
  asText: Partial<Record<keyof Report, JsonItemsText>>;
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
  // Every configuration is read: from here on only the walked bytes (chain and key files, the digest) are needed.
  run.texts.clear();
  const judged = await judgeTrunks(run, chosen, refs, { keyFiles, keysChosen });
  const report = assembleReport(run, plans, chosen, judged);
  const [results, endpoints] = [judged.log.text, judged.endpoints.text];
  return { report, asText: { ...(results ? { results } : {}), ...(endpoints ? { endpoints } : {}) } };
}
