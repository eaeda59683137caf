import rule from '../../../rules/da/da-trusted.js';
import { daPki, daRuleCases, digicert, genesys } from '../../helpers/data-actions.js';

const pki = daPki;

daRuleCases(rule, [
  {
    name: 'no --trust: nothing to check',
    facts: async () => ({ entities: [await digicert('digicertCurrent')] }),
    expect: 'skip',
    message: /No --trust bundle/,
  },
  {
    name: 'Genesys certificate trusted through the regional CA',
    facts: async () => ({ entities: [await genesys('genesys')], trust: [(await pki()).genesysCa], region: 'euw1' }),
    expect: 'pass',
    message: /survives the yearly rotation/,
  },
  {
    name: 'Genesys certificate pinned instead of its CA: breaks at rotation',
    facts: async () => ({ entities: [await genesys('genesys')], trust: [(await pki()).leaf.genesys!], region: 'euw1' }),
    expect: 'warn',
    message: /trusted as a certificate, not through the regional Genesys CA: the yearly rotation replaces it by 2027-08-14/,
  },
  {
    name: "Genesys certificate, service trusts another region's CA",
    facts: async () => ({ entities: [await genesys('genesys')], trust: [(await pki()).otherGenesysCa] }),
    expect: 'fail',
    message: /is not trusted by trust\.pem: the service refuses data actions now/,
  },
  {
    name: 'DigiCert Current and Upcoming both pinned',
    facts: async () => ({
      entities: [await digicert('digicertInWindow'), await digicert('digicertUpcoming', 'Upcoming')],
      trust: [(await pki()).leaf.digicertInWindow!, (await pki()).leaf.digicertUpcoming!],
    }),
    expect: 'pass',
    message: /trusted explicitly/,
  },
  {
    name: 'DigiCert Upcoming not yet trusted: which certificate, before which date',
    facts: async () => ({
      entities: [await digicert('digicertInWindow'), await digicert('digicertFutureUpcoming', 'Upcoming')],
      trust: [(await pki()).leaf.digicertInWindow!],
    }),
    expect: 'fail',
    message:
      /Upcoming DigiCert certificate .* is not trusted by trust\.pem: add it \(sha256 [0-9a-f]{64}\) before 2026-12-12, when Genesys may start presenting it; Genesys switches by 2027-01-21, when the Current certificate expires, at the latest/,
  },
  {
    name: 'DigiCert Current not trusted: refused today',
    facts: async () => ({ entities: [await digicert('digicertCurrent')], trust: [(await pki()).genesysCa] }),
    expect: 'fail',
    message: /refuses data actions now/,
  },
  {
    name: 'a pinned certificate does not vouch for another one with the same name and key',
    facts: async () => ({ entities: [await digicert('digicertInWindow')], trust: [(await pki()).leaf.digicertCurrent!] }),
    expect: 'fail',
    message: /refuses data actions now/,
  },
  {
    name: 'DigiCert trusted through the DigiCert root: accepted, with a note',
    facts: async () => ({ entities: [await digicert('digicertCurrent')], trust: [(await pki()).digicertRoot] }),
    expect: 'pass',
    message: /accepts any client certificate issued under it/,
  },
]);
