/** The rule catalog as reporters and `rules --format json` publish it: citations resolved to titles and URLs. */
import { sources } from '../../rules/sources.js';
import type { Area, RuleMeta, Scope, Severity } from '../engine/types.js';

export interface CatalogCitation {
  source: string;
  title: string;
  url?: string;
  section?: string;
}

export interface CatalogEntry {
  id: string;
  area: Area;
  /** Absent for the trunk rules; `data-actions` for those of `byoc-check data-actions`. */
  scope?: Scope;
  title: string;
  severity: Severity;
  citations: CatalogCitation[];
  remediation: string;
  docs: { what: string; why: string };
}

export function catalogOf(rules: ReadonlyArray<{ meta: RuleMeta }>): CatalogEntry[] {
  return rules.map((r) => ({
    id: r.meta.id,
    area: r.meta.area,
    ...(r.meta.scope ? { scope: r.meta.scope } : {}),
    title: r.meta.title,
    severity: r.meta.severity,
    citations: r.meta.citations.map((c) => {
      const source = sources[c.source];
      return {
        source: c.source,
        title: source.title,
        ...('url' in source ? { url: source.url } : {}),
        ...(c.section ? { section: c.section } : {}),
      };
    }),
    remediation: r.meta.remediation,
    docs: r.meta.docs,
  }));
}
