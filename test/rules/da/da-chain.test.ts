import rule from '../../../rules/da/da-chain.js';
import { apiPem, daPki, daRuleCases, digicert, genesys } from '../../helpers/data-actions.js';
import { issue } from '../../helpers/pki.js';

/** A self-made root carrying the real DigiCert root's name, with an intermediate and a client certificate under it. */
async function impostor() {
  const root = await issue({ subject: 'CN=DigiCert Assured ID Root G2,OU=www.digicert.com,O=DigiCert Inc,C=US', ca: true, keySlot: 110 });
  const intermediate = await issue({
    subject: 'CN=DigiCert Assured ID Client CA G2,O=DigiCert Inc,C=US',
    issuer: root,
    ca: true,
    keySlot: 111,
  });
  const leaf = await issue({
    subject: 'CN=dataactions.prod-euw1.eu-west-1.mypurecloud.com',
    issuer: intermediate,
    keySlot: 112,
    eku: ['1.3.6.1.5.5.7.3.2'],
  });
  return { signingAuthority: 'DigiCert', status: 'Current', certificate: apiPem(leaf, intermediate, root) };
}

daRuleCases(rule, [
  {
    name: 'DigiCert leaf -> intermediate -> DigiCert root in the root store',
    facts: async () => ({ entities: [await digicert('digicertCurrent')] }),
    expect: 'pass',
    message: /chains through "CN=DigiCert Test Assured ID Client CA G2.*to the public root "CN=DigiCert Test Assured ID Root G2/,
  },
  {
    name: 'Genesys leaf signed directly by the regional CA given as INPUT',
    facts: async () => ({ entities: [await genesys('genesys')], cas: [(await daPki()).genesysCa] }),
    expect: 'pass',
    message: /signed directly by the Genesys CA "CN=Genesys Cloud Data Actions CA euw1/,
  },
  {
    name: 'Genesys leaf verified through the regional CA in --trust',
    facts: async () => ({ entities: [await genesys('genesys')], trust: [(await daPki()).genesysCa] }),
    expect: 'pass',
  },
  {
    name: 'Genesys leaf without any CA certificate to verify it',
    facts: async () => ({ entities: [await genesys('genesys')] }),
    expect: 'skip',
    message: /no Genesys CA certificate was given/,
  },
  {
    name: "Genesys leaf of another region's CA",
    facts: async () => ({ entities: [await genesys('genesysOtherRegion')], cas: [(await daPki()).genesysCa] }),
    expect: 'fail',
    message: /none of the 1 Genesys CA certificate\(s\) given/,
  },
  {
    name: 'Genesys leaf whose signature does not verify with the CA key',
    facts: async () => ({ entities: [await genesys('genesysTampered')], cas: [(await daPki()).genesysCa] }),
    expect: 'fail',
    message: /the signature on "CN=dataactions\.prod-euw1.*does not verify with the key of "CN=Genesys Cloud Data Actions CA euw1/,
  },
  {
    name: 'DigiCert entity without its intermediate, root not reachable',
    facts: async () => ({
      entities: [{ signingAuthority: 'DigiCert', status: 'Current', certificate: (await daPki()).leaf.digicertCurrent!.pem }],
    }),
    expect: 'fail',
    message: /does not chain to a public DigiCert root/,
  },
  {
    name: 'labelled DigiCert but signed by the Genesys CA',
    facts: async () => ({ entities: [{ ...(await genesys('genesys')), signingAuthority: 'DigiCert' }] }),
    expect: 'fail',
    message: /does not chain to a public DigiCert root/,
  },
  {
    name: 'labelled Genesys but chains to the public DigiCert root',
    facts: async () => ({ entities: [{ ...(await digicert('digicertCurrent')), signingAuthority: 'Genesys' }] }),
    expect: 'fail',
    message: /signingAuthority says Genesys, but the certificate chains to the public root/,
  },
  {
    name: "a root with the real DigiCert root's name but another key is not the public root",
    facts: async () => ({ entities: [await impostor()], machineStores: true }),
    expect: 'fail',
    message: /does not chain to a public DigiCert root: it ends at "CN=DigiCert Assured ID Root G2.*not in this machine's root stores/,
  },
  {
    name: 'an unknown signingAuthority',
    facts: async () => ({ entities: [{ ...(await digicert('digicertCurrent')), signingAuthority: 'Entrust' }] }),
    expect: 'fail',
    message: /neither DigiCert nor Genesys/,
  },
  {
    name: 'signingAuthority in the help page\'s spelling "Digicert"',
    facts: async () => ({ entities: [{ ...(await digicert('digicertCurrent')), signingAuthority: 'Digicert' }] }),
    expect: 'pass',
  },
]);
