import type { DataActionsRule, FromSbcRule, GenesysRule, Rule } from './types.js';

/** Identity helper: gives rule files one shape and full type checking. */
export function defineRule(rule: Rule): Rule {
  return rule;
}

/** The same for rules of `byoc-check data-actions`. */
export function defineDataActionsRule(rule: DataActionsRule): DataActionsRule {
  return rule;
}

/** The same for rules of `byoc-check genesys`. */
export function defineGenesysRule(rule: GenesysRule): GenesysRule {
  return rule;
}

/** The same for rules of `byoc-check probe --from-sbc`. */
export function defineFromSbcRule(rule: FromSbcRule): FromSbcRule {
  return rule;
}
