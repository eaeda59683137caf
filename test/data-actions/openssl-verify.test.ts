/**
 * da-trusted and da-client-auth argue with OpenSSL: `openssl verify -purpose sslclient` with the
 * web service's bundle as -CAfile (-partial_chain, so a pinned certificate counts, as in services
 * that trust a certificate explicitly) gives the same verdict as the rules.
 */
import { spawnSync } from 'node:child_process';
import rule from '../../rules/da/da-trusted.js';
import clientAuth from '../../rules/da/da-client-auth.js';
import { daFacts, daPki, digicert, genesys, NOW, writeFiles, type EntitySpec } from '../helpers/data-actions.js';
import type { Issued } from '../helpers/pki.js';

function opensslAccepts(leaf: Issued, chain: Issued[], trust: Issued[]): boolean {
  const f = writeFiles({
    'leaf.pem': leaf.pem,
    'chain.pem': chain.map((c) => c.pem).join('') || leaf.pem,
    'trust.pem': trust.map((c) => c.pem).join(''),
  });
  const r = spawnSync(
    'openssl',
    [
      'verify',
      '-partial_chain',
      '-purpose',
      'sslclient',
      '-attime',
      String(Math.floor(NOW.getTime() / 1000)),
      '-CAfile',
      f['trust.pem']!,
      '-untrusted',
      f['chain.pem']!,
      f['leaf.pem']!,
    ],
    { encoding: 'utf8' },
  );
  return r.status === 0;
}

const cases: Array<[string, boolean, () => Promise<{ entity: EntitySpec; leaf: Issued; chain: Issued[]; trust: Issued[] }>]> = [
  [
    'Genesys certificate, regional CA trusted',
    true,
    async () => {
      const p = await daPki();
      return { entity: await genesys('genesys'), leaf: p.leaf.genesys!, chain: [], trust: [p.genesysCa] };
    },
  ],
  [
    "Genesys certificate, another region's CA trusted",
    false,
    async () => {
      const p = await daPki();
      return { entity: await genesys('genesys'), leaf: p.leaf.genesys!, chain: [], trust: [p.otherGenesysCa] };
    },
  ],
  [
    'DigiCert certificate pinned',
    true,
    async () => {
      const p = await daPki();
      return {
        entity: await digicert('digicertCurrent'),
        leaf: p.leaf.digicertCurrent!,
        chain: [p.digicertIntermediate],
        trust: [p.leaf.digicertCurrent!],
      };
    },
  ],
  [
    'DigiCert Upcoming, only the Current one pinned',
    false,
    async () => {
      const p = await daPki();
      return {
        entity: await digicert('digicertUpcoming', 'Upcoming'),
        leaf: p.leaf.digicertUpcoming!,
        chain: [p.digicertIntermediate],
        trust: [p.leaf.digicertCurrent!],
      };
    },
  ],
  [
    'DigiCert certificate, DigiCert root trusted',
    true,
    async () => {
      const p = await daPki();
      return {
        entity: await digicert('digicertCurrent'),
        leaf: p.leaf.digicertCurrent!,
        chain: [p.digicertIntermediate],
        trust: [p.digicertRoot],
      };
    },
  ],
  [
    'DigiCert certificate without clientAuth, root trusted',
    false,
    async () => {
      const p = await daPki();
      return {
        entity: await digicert('digicertServerOnly'),
        leaf: p.leaf.digicertServerOnly!,
        chain: [p.digicertIntermediate],
        trust: [p.digicertRoot],
      };
    },
  ],
];

test.each(cases)('%s (accepted: %s): same verdict as openssl verify -purpose sslclient', async (_name, accepted, make) => {
  const c = await make();
  const facts = await daFacts({ entities: [c.entity], trust: c.trust });
  const ours = [...rule.check(facts), ...clientAuth.check(facts)].every((f) => f.status === 'pass');
  expect([ours, opensslAccepts(c.leaf, c.chain, c.trust)]).toEqual([accepted, accepted]);
});
