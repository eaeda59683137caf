/**
 * The reporter map: one pure function of the report per `--format`. The CLI takes its `--format`
 * choices from these keys and picks the reporter here; a new format is one module and one line.
 */
import type { Report } from '../report/types.js';
import type { CatalogEntry } from './catalog.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatMarkdown } from './markdown.js';
import { formatSarif } from './sarif.js';
import { formatText, type Painter } from './text.js';

export interface ReporterOptions {
  /** --strict: warnings fail the run; reporters that show a verdict say so. */
  strict?: boolean;
  /** Colour for the text report (a chalk instance); plain when absent. */
  chalk?: Painter;
  /** The rule catalog, for formats that publish it (SARIF). */
  catalog?: readonly CatalogEntry[];
  /** The folder file paths are shown relative to (the working directory). */
  base?: string;
}

export type Reporter = (report: Report, options: ReporterOptions) => string;

export const reporters = {
  text: (report, options) => formatText(report, options),
  json: (report) => formatJson(report),
  sarif: (report, options) => formatSarif(report, options),
  junit: (report, options) => formatJunit(report, options),
  markdown: (report, options) => formatMarkdown(report, options),
} as const satisfies Record<string, Reporter>;

export type Format = keyof typeof reporters;
export const FORMATS = Object.keys(reporters) as Format[];
