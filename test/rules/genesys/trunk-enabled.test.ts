import rule from '../../../rules/genesys/trunk-enabled.js';
import { facts, genesysRuleCases, trunkBase } from '../../helpers/genesys.js';

genesysRuleCases(rule, [
  { name: 'enabled', facts: facts(trunkBase('On', { trunk_enabled: true })), expect: 'pass', message: /properties\.trunk_enabled/ },
  {
    name: 'disabled',
    facts: facts(trunkBase('On', { trunk_enabled: true }), trunkBase('Off', { trunk_enabled: false })),
    expect: 'warn',
    message: /Trunk "Off" is disabled: it carries no calls \(genesys: trunk "Off" properties\.trunk_enabled\)/,
  },
  { name: 'never set: unknown, never "disabled"', facts: facts(trunkBase('Tie', {})), expect: 'skip', message: /unknown/ },
  { name: 'a string instead of a boolean', facts: facts(trunkBase('Str', { trunk_enabled: 'false' })), expect: 'skip' },
]);
