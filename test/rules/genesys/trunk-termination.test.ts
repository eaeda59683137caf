import rule from '../../../rules/genesys/trunk-termination.js';
import { facts, genesysRuleCases, trunkBase } from '../../helpers/genesys.js';

const tls = (props: Record<string, unknown>) => trunkBase('T', { trunk_transport_protocolVariant: 'tls', ...props });

genesysRuleCases(rule, [
  {
    name: 'an identifier: the tgrp the SBC must send',
    facts: facts(tls({ trunk_sip_termination_uri: 'acmeorg-carrier1' })),
    expect: 'pass',
    message: /the SBC must send ;tgrp=acmeorg-carrier1 .*properties\.trunk_sip_termination_uri/,
  },
  {
    name: 'empty',
    facts: facts(tls({ trunk_sip_termination_uri: '' })),
    expect: 'fail',
    message: /empty Inbound SIP Termination Identifier/,
  },
  {
    name: 'not an RFC 4904 label',
    facts: facts(tls({ trunk_sip_termination_uri: 'acme carrier;1' })),
    expect: 'fail',
    message: /not an RFC 4904 trunk-group label/,
  },
  { name: 'never set', facts: facts(tls({})), expect: 'warn', message: /unknown/ },
  {
    name: 'a TCP trunk',
    facts: facts(trunkBase('U', { trunk_transport_protocolVariant: 'tcp', trunk_sip_termination_uri: '' })),
    expect: 'skip',
  },
]);
