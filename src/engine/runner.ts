import { sources } from '../../rules/sources.js';
import type { Finding, Need, RuleMeta, RuleResult } from './types.js';

/** Built once per rule: a scan of a thousand trunks runs every rule a thousand times. */
const citationTexts = new WeakMap<RuleMeta, string>();

export function citationText(rule: { meta: RuleMeta }): string {
  let text = citationTexts.get(rule.meta);
  if (text === undefined) {
    text = rule.meta.citations.map((c) => `${sources[c.source].title}${c.section ? `, ${c.section}` : ''}`).join('; ');
    citationTexts.set(rule.meta, text);
  }
  return text;
}

const CHAIN_AREAS = new Set(['cert', 'trust', 'crl']);

export function needs(rule: { meta: RuleMeta }): readonly Need[] {
  return rule.meta.requires ?? (CHAIN_AREAS.has(rule.meta.area) ? ['chain'] : []);
}

/** Runs every rule over one set of facts; a rule that throws becomes a failed result instead of a crash. */
export function runRules<F>(rules: ReadonlyArray<{ meta: RuleMeta; check(facts: F): Finding[] }>, ctx: F): RuleResult[] {
  const results: RuleResult[] = [];
  for (const rule of rules) {
    const base = { rule: rule.meta.id, severity: rule.meta.severity, remediation: rule.meta.remediation, source: citationText(rule) };
    let findings: Finding[];
    const chainMissing = (ctx as { chainMissing?: string }).chainMissing;
    if (chainMissing !== undefined && needs(rule).includes('chain')) {
      results.push({
        ...base,
        status: 'skip',
        target: 'chain',
        message: `No certificate chain to check: ${chainMissing}`,
        evidence: { reason: 'no-chain' },
      });
      continue;
    }
    try {
      findings = rule.check(ctx);
    } catch (error) {
      findings = [
        {
          status: 'fail' as const,
          target: 'check',
          message: `The rule crashed, so its verdict is unknown: ${(error as Error).message}`,
          evidence: { reason: 'crashed' },
        },
      ];
    }
    if (findings.length === 0) findings = [{ status: 'skip' as const, target: 'check', message: 'Nothing to check.' }];
    for (const finding of findings) results.push({ ...base, ...finding, remediation: finding.remediation ?? base.remediation });
  }
  return results;
}
