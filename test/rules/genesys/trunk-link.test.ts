import rule from '../../../rules/genesys/trunk-link.js';
import type { GenesysFacts } from '../../../src/engine/types.js';
import type { TrunkLink } from '../../../src/genesys/trunks.js';
import { facts, genesysRuleCases, trunkBase } from '../../helpers/genesys.js';

const org = facts(
  trunkBase('Carrier A', {
    trunk_transport_protocolVariant: 'tls',
    trunk_transport_serverProxyList: ['sbc1.example.com', 'sbc2.example.com:5061'],
  }),
  trunkBase('Carrier B', { trunk_transport_protocolVariant: 'tls', trunk_transport_serverProxyList: ['sbc9.example.com'] }),
);
const a = org.trunks[0]!;
const b = org.trunks[1]!;
const link = (over: Partial<TrunkLink>): TrunkLink => ({
  profileTrunk: 'a',
  wanted: 'Carrier A',
  file: 'byoc-check.yaml',
  line: 4,
  ...over,
});
const linked = (...links: TrunkLink[]): GenesysFacts => ({ ...org, links });

genesysRuleCases(rule, [
  {
    name: 'both org trunks linked, sbc: equal to the SIP servers (ports as Genesys dials them)',
    facts: linked(
      link({
        trunk: a,
        profileSbc: [
          { raw: 'SBC2.example.com', line: 6 },
          { raw: 'sbc1.example.com:5061', line: 7 },
        ],
      }),
      link({ profileTrunk: 'b', wanted: b.id, trunk: b }),
    ),
    expect: 'pass',
    message:
      /Trunk "a" is Genesys trunk "Carrier A" \(id-carrier-a\): its SIP servers \(sbc1\.example\.com, sbc2\.example\.com:5061\) are the names checked, as `sbc:` lists them/,
  },
  {
    name: 'the profile names a trunk the org does not have',
    facts: linked(link({ wanted: 'Carrier C' }), link({ profileTrunk: 'b', trunk: b })),
    expect: 'fail',
    message:
      /names Genesys trunk "Carrier C" \(byoc-check\.yaml:4\), but no BYOC Cloud trunk of the org has that name or id \(the org has 2: "Carrier A", "Carrier B"\)/,
  },
  {
    name: 'sbc: and the org disagree: both places named',
    facts: linked(
      link({
        trunk: a,
        profileSbc: [
          { raw: 'sbc1.example.com', line: 6 },
          { raw: 'old.example.com', line: 7 },
        ],
      }),
      link({ trunk: b }),
    ),
    expect: 'fail',
    message:
      /Genesys dials sbc2\.example\.com:5061 \(genesys: trunk "Carrier A" properties\.trunk_transport_serverProxyList\[1\]\), which `sbc:` does not list; `sbc:` lists old\.example\.com \(byoc-check\.yaml:7\), which Genesys never dials/,
  },
  {
    name: 'a port other than the one Genesys dials is a different name',
    facts: linked(link({ trunk: b, profileSbc: [{ raw: 'sbc9.example.com:5062', line: 6 }] }), link({ trunk: a })),
    expect: 'fail',
    message: /Genesys dials sbc9\.example\.com/,
  },
  {
    name: 'an org trunk no profile trunk names is listed',
    facts: linked(link({ trunk: a })),
    expect: 'warn',
    message: /Genesys trunk "Carrier B" \(id-carrier-b\) is not linked to any SBC configuration/,
  },
  { name: 'byoc-check genesys: not applicable', facts: org, expect: 'skip', message: /scan --genesys/ },
]);
