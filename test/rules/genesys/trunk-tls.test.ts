import rule from '../../../rules/genesys/trunk-tls.js';
import { facts, genesysRuleCases, trunkBase } from '../../helpers/genesys.js';

genesysRuleCases(rule, [
  {
    name: 'TLS, as the wizard lower-cases it or not',
    facts: facts(trunkBase('A', { trunk_transport_protocolVariant: 'tls' }), trunkBase('B', { trunk_transport_protocolVariant: 'TLS' })),
    expect: 'pass',
    message: /Trunk "A" uses TLS \(genesys: trunk "A" properties\.trunk_transport_protocolVariant\)/,
  },
  {
    name: 'UDP: not a secure trunk',
    facts: facts(trunkBase('U', { trunk_transport_protocolVariant: 'udp' })),
    expect: 'fail',
    message: /uses UDP, not TLS: it is not a secure trunk, and the TLS checks do not apply/,
  },
  { name: 'TCP', facts: facts(trunkBase('T', { trunk_transport_protocolVariant: 'tcp' })), expect: 'fail', message: /uses TCP/ },
  { name: 'another value', facts: facts(trunkBase('X', { trunk_transport_protocolVariant: 'sctp' })), expect: 'warn', message: /"sctp"/ },
  { name: 'never set: unknown, not UDP', facts: facts(trunkBase('N', {})), expect: 'warn', message: /protocol is unknown/ },
  {
    name: 'an unknown shape: the note, not a crash',
    facts: facts(trunkBase('S', {}, { trunk_transport_protocolVariant: { value: { default: 'udp' } } })),
    expect: 'warn',
    message: /protocol is unknown: genesys: trunk "S" properties\.trunk_transport_protocolVariant is not a string/,
  },
  { name: 'no trunk', facts: { trunks: [] }, expect: 'skip' },
]);
