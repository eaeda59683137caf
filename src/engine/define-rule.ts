import type { Rule } from './types.js';

/** Identity helper: gives rule files one shape and full type checking. */
export function defineRule(rule: Rule): Rule {
  return rule;
}
