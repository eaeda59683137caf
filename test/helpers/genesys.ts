/** Trunk bases written from the documented API shape, and a RuleTester for the genesys rules. */
import type { GenesysFacts, GenesysRule, Status } from '../../src/engine/types.js';
import { parseTrunkBases } from '../../src/genesys/trunks.js';

export const prop = (instance: unknown) => ({ value: { instance } });

/** One BYOC Cloud carrier trunk base; `props` are instances by key, `raw` are whole property objects. */
export function trunkBase(name: string, props: Record<string, unknown>, raw: Record<string, unknown> = {}) {
  return {
    id: `id-${name.toLowerCase().replace(/\W+/g, '-')}`,
    name,
    trunkType: 'EXTERNAL',
    trunkMetabase: { id: 'external_sip_pcv_byoc_carrier.json' },
    properties: { ...Object.fromEntries(Object.entries(props).map(([k, v]) => [k, prop(v)])), ...raw },
  };
}

export function facts(...bases: unknown[]): GenesysFacts {
  return { trunks: parseTrunkBases(Buffer.from(JSON.stringify({ entities: bases })), 'org.json').trunks };
}

export interface GenesysRuleCase {
  name: string;
  facts: GenesysFacts;
  expect: Status;
  message?: RegExp;
}

const ORDER: Status[] = ['fail', 'warn', 'pass', 'skip'];

export function genesysRuleCases(rule: GenesysRule, cases: GenesysRuleCase[]): void {
  describe(rule.meta.id, () => {
    for (const c of cases) {
      test(`${c.expect}: ${c.name}`, () => {
        const findings = rule.check(c.facts);
        const worst = ORDER.find((s) => findings.some((f) => f.status === s));
        const messages = findings.map((f) => `${f.status}: ${f.message}`).join('\n');
        expect(`${worst}\n${messages}`).toMatch(new RegExp(`^${c.expect}\\n`));
        if (c.message) expect(messages).toMatch(c.message);
      });
    }
  });
}
