/** Shared run step: the report of a trunk check (file, probe or scan trunk) from its context and results. */
import { trunkRules } from '../../rules/index.js';
import type { CheckContext, RuleResult } from '../engine/types.js';
import { buildReport } from '../report/build.js';
import type { Report } from '../report/types.js';

/** The options a report records: they shaped the facts, the verdict or the exit code. */
export interface RecordedOptions {
  at?: Date;
  strict?: boolean;
  profile?: string | null;
  format?: string;
  caFile?: string;
  region?: string;
  version?: string;
  timeoutSeconds: number;
}

/** The report of a trunk check (file or probe): the verdicts and the options that shaped them. */
export function finishReport(ctx: CheckContext, results: RuleResult[], options: RecordedOptions): Report {
  const recorded = {
    at: options.at ? options.at.toISOString() : null,
    offline: ctx.offline,
    strict: options.strict ?? false,
    profile: options.profile ?? null,
    format: options.format ?? 'json',
    caFile: options.caFile ?? null,
    warnDays: ctx.warnDays,
    timeoutSeconds: options.timeoutSeconds,
    region: options.region ?? null,
  };
  const anchors = options.caFile ? `--ca ${options.caFile}` : 'BYOC Cloud accepted-CA list';
  return buildReport(ctx, results, options.version ?? '0.0.0', anchors, trunkRules, {
    options: recorded,
    openssl: process.versions.openssl,
  });
}
