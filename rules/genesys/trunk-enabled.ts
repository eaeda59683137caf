/**
 * > `trunk_enabled` (boolean): whether the trunk is in service; `Trunk.inService` mirrors it
 * > (platform SDK models, ../shared/reference/genesys-platform-api.md).
 */
import { defineGenesysRule } from '../../src/engine/define-rule.js';
import type { Finding } from '../../src/engine/types.js';
import { locationOf, noTrunk, trunkTarget } from '../../src/genesys/describe.js';

export default defineGenesysRule({
  meta: {
    id: 'trunk-enabled',
    area: 'genesys',
    scope: 'genesys',
    title: 'The BYOC Cloud trunk is enabled',
    severity: 'warning',
    citations: [{ source: 'GENESYS_TRUNKBASE_API', section: 'trunk_enabled' }],
    remediation: "Enable the trunk in Genesys Cloud (the trunk's State: Enabled), or remove it if it is no longer used.",
    docs: {
      what: 'Reads properties.trunk_enabled and warns when the trunk is disabled; a trunk without the property is left unknown, not called disabled.',
      why: 'A disabled trunk carries no calls: an SBC that checks out against it still gets none, and tests against it mislead.',
    },
  },
  check({ trunks }) {
    if (trunks.length === 0) return noTrunk();
    return trunks.map((t): Finding => {
      const target = trunkTarget(t);
      const e = t.enabled;
      if (!e)
        return {
          status: 'skip',
          target,
          evidence: { trunk: t.id },
          message: `Trunk "${t.name}" has no readable trunk_enabled in the saved answer: whether it is enabled is unknown.`,
        };
      const base = { target, evidence: { trunk: t.id, value: e.value, source: e.source }, location: locationOf(t, e.source) };
      return e.value
        ? { ...base, status: 'pass', message: `Trunk "${t.name}" is enabled (${e.source}).` }
        : { ...base, status: 'warn', message: `Trunk "${t.name}" is disabled: it carries no calls (${e.source}).` };
    });
  },
});
