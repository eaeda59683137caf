import rule from '../../../rules/genesys/trunk-proxies.js';
import { facts, genesysRuleCases, trunkBase } from '../../helpers/genesys.js';

const tls = (list: unknown) => trunkBase('P', { trunk_transport_protocolVariant: 'tls', trunk_transport_serverProxyList: list });

genesysRuleCases(rule, [
  {
    name: 'host names with and without port 5061',
    facts: facts(tls(['sbc1.example.com', 'sbc2.example.com:5061', 'sips:sbc3.example.com;transport=tls'])),
    expect: 'pass',
    message:
      /dials sbc1\.example\.com on port 5061 \(no port given\) \(genesys: trunk "P" properties\.trunk_transport_serverProxyList\[0\]\)/,
  },
  {
    name: 'an IPv4 address',
    facts: facts(tls(['sbc1.example.com', '192.0.2.7'])),
    expect: 'fail',
    message: /"192\.0\.2\.7" is an IP address, not a host name: .*properties\.trunk_transport_serverProxyList\[1\]/,
  },
  { name: 'an IPv6 address with a port', facts: facts(tls(['[2001:db8::1]:5061'])), expect: 'fail', message: /is an IP address/ },
  { name: 'port 5060', facts: facts(tls(['sbc1.example.com:5060'])), expect: 'fail', message: /port 5060 is not 5061/ },
  {
    name: 'the same server twice (case and default port aside)',
    facts: facts(tls(['sbc1.example.com', 'SBC1.example.com:5061'])),
    expect: 'fail',
    message: /it repeats sipServer\[0\]/,
  },
  { name: 'an empty list', facts: facts(tls([])), expect: 'fail', message: /lists no SIP server/ },
  { name: 'not a host name', facts: facts(tls(['sbc one.example.com'])), expect: 'fail', message: /is not a host name/ },
  {
    name: 'a comma list in one string (unknown shape)',
    facts: facts(tls('a.example.com,b.example.com')),
    expect: 'warn',
    message: /not a list of strings/,
  },
  {
    name: 'a UDP trunk: TLS checks do not apply',
    facts: facts(trunkBase('U', { trunk_transport_protocolVariant: 'udp', trunk_transport_serverProxyList: ['198.51.100.1:5060'] })),
    expect: 'skip',
    message: /does not apply \(see trunk-tls\)/,
  },
]);
