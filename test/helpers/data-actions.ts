/**
 * Data actions test material: a regional Genesys CA signing client certificates directly, a
 * DigiCert-like root and intermediate (not in any real store: tests give it as a root store, or as
 * SSL_CERT_FILE to the CLI), API bodies in the documented shape, and a RuleTester-style helper that
 * runs one data-actions rule over facts built from those certificates.
 */
import { webcrypto } from 'node:crypto';
import type { DataActionsRule, Status } from '../../src/engine/types.js';
import { gatherDataActionsFacts } from '../../src/data-actions/facts.js';
import type { EntityInput } from '../../src/data-actions/input.js';
import type { DataActionsFacts } from '../../src/model/data-actions.js';
import { RootStore } from '../../src/trust/stores.js';
import { decodeCertificate } from '../../src/x509/certificate.js';
import { days, issue, NOW, writeFiles, x509, type CertSpec, type Issued } from './pki.js';

export const CLIENT_AUTH = '1.3.6.1.5.5.7.3.2';
export const SERVER_AUTH = '1.3.6.1.5.5.7.3.1';
export const EUW1 = 'dataactions.prod-euw1.eu-west-1.mypurecloud.com';
export const USW2 = 'dataactions.prod-usw2.us-west-2.mypurecloud.com';

export interface DaPki {
  genesysCa: Issued;
  otherGenesysCa: Issued;
  digicertRoot: Issued;
  digicertIntermediate: Issued;
  /** Client certificates by case name. */
  leaf: Record<string, Issued>;
}

let cached: Promise<DaPki> | undefined;

export function daPki(): Promise<DaPki> {
  cached ??= build();
  return cached;
}

async function build(): Promise<DaPki> {
  const genesysCa = await issue({
    subject: 'CN=Genesys Cloud Data Actions CA euw1,O=Genesys Cloud Services Inc.,L=Indianapolis,ST=Indiana,C=US',
    ca: true,
    keySlot: 101,
    notBefore: days(-1000),
    notAfter: days(3000),
  });
  const otherGenesysCa = await issue({
    subject: 'CN=Genesys Cloud Data Actions CA usw2,O=Genesys Cloud Services Inc.,L=Indianapolis,ST=Indiana,C=US',
    ca: true,
    keySlot: 102,
    notBefore: days(-1000),
    notAfter: days(3000),
  });
  const digicertRoot = await issue({
    subject: 'CN=DigiCert Test Assured ID Root G2,OU=www.digicert.com,O=DigiCert Inc,C=US',
    ca: true,
    keySlot: 103,
    notBefore: days(-4000),
    notAfter: days(4000),
  });
  const digicertIntermediate = await issue({
    subject: 'CN=DigiCert Test Assured ID Client CA G2,O=DigiCert Inc,C=US',
    issuer: digicertRoot,
    ca: true,
    pathLength: 0,
    keySlot: 104,
    notBefore: days(-2000),
    notAfter: days(2000),
  });
  const client = (spec: Partial<CertSpec> & { issuer: Issued }) =>
    issue({ subject: `CN=${EUW1},O=Genesys Cloud Services Inc.,C=US`, keySlot: 105, dns: [EUW1], eku: [CLIENT_AUTH], ...spec });
  const leaf: Record<string, Issued> = {
    genesys: await client({ issuer: genesysCa, keySlot: 108, notBefore: days(-100), notAfter: days(265) }),
    genesysOtherRegion: await client({
      issuer: otherGenesysCa,
      keySlot: 109,
      subject: `CN=${USW2},O=Genesys Cloud Services Inc.,C=US`,
      dns: [USW2],
      notBefore: days(-100),
      notAfter: days(265),
    }),
    genesysExpiring: await client({ issuer: genesysCa, keySlot: 108, notBefore: days(-353), notAfter: days(12) }),
    digicertCurrent: await client({ issuer: digicertIntermediate, notBefore: days(-165), notAfter: days(200) }),
    digicertInWindow: await client({ issuer: digicertIntermediate, notBefore: days(-305), notAfter: days(60) }),
    digicertUpcoming: await client({ issuer: digicertIntermediate, keySlot: 106, notBefore: days(-5), notAfter: days(420) }),
    digicertFutureUpcoming: await client({ issuer: digicertIntermediate, keySlot: 106, notBefore: days(20), notAfter: days(420) }),
    digicertExpiring: await client({ issuer: digicertIntermediate, notBefore: days(-353), notAfter: days(12) }),
    digicertExpired: await client({ issuer: digicertIntermediate, notBefore: days(-368), notAfter: days(-3) }),
    digicertServerOnly: await client({ issuer: digicertIntermediate, eku: [SERVER_AUTH], notBefore: days(-165), notAfter: days(200) }),
    digicertNoEku: await client({ issuer: digicertIntermediate, eku: null, notBefore: days(-165), notAfter: days(200) }),
    digicertOtherRegion: await client({
      issuer: digicertIntermediate,
      subject: `CN=${USW2},O=Genesys Cloud Services Inc.,C=US`,
      dns: [USW2],
      notBefore: days(-165),
      notAfter: days(200),
    }),
  };
  // The Genesys certificate with one byte of its signature flipped: the issuer matches, the signature does not.
  const der = new Uint8Array(leaf.genesys!.cert.rawData.slice(0));
  der[der.length - 5]! ^= 0xff;
  const tampered = new x509.X509Certificate(der);
  leaf.genesysTampered = { ...leaf.genesys!, cert: tampered, pem: tampered.toString('pem') + '\n' };
  return { genesysCa, otherGenesysCa, digicertRoot, digicertIntermediate, leaf };
}

/** The DigiCert entity's certificate text as the API documents it: leaf, intermediate and root, CRLF, stray spaces. */
export function apiPem(...certs: Issued[]): string {
  return (
    certs
      .map((c) =>
        c.pem
          .trim()
          .replace('-----BEGIN CERTIFICATE-----\n', '-----BEGIN CERTIFICATE----- \n')
          .replace(/^([A-Za-z0-9+/]{20})([A-Za-z0-9+/]{44})$/m, '$1 $2'),
      )
      .join('\n ')
      .replace(/\n/g, '\r\n') + '\r\n'
  );
}

export interface EntitySpec {
  signingAuthority: string;
  status: string;
  certificate: string;
  type?: string;
}

/** A listing in the documented ActionCertificateListing shape. */
export function listing(entities: EntitySpec[]): string {
  return JSON.stringify(
    {
      entities: entities.map((e) => ({
        signingAuthority: e.signingAuthority,
        certificate: e.certificate,
        status: e.status,
        type: e.type ?? 'Client',
      })),
      pageSize: 20,
      pageNumber: 1,
      total: entities.length,
      pageCount: 1,
    },
    null,
    2,
  );
}

export async function digicert(name: string, status = 'Current'): Promise<EntitySpec> {
  const p = await daPki();
  return { signingAuthority: 'DigiCert', status, certificate: apiPem(p.leaf[name]!, p.digicertIntermediate, p.digicertRoot) };
}

export async function genesys(name: string, status = 'Current'): Promise<EntitySpec> {
  const p = await daPki();
  return {
    signingAuthority: 'Genesys',
    status,
    certificate: p.leaf[name]!.pem.replace('-----BEGIN CERTIFICATE-----\n', '-----BEGIN CERTIFICATE----- \n') + '\n',
  };
}

/** Root stores with the DigiCert-like root, standing in for the machine's. */
export async function testStores(): Promise<RootStore[]> {
  const p = await daPki();
  return [new RootStore([Buffer.from(p.digicertRoot.cert.rawData)], 'system-store')];
}

const decode = (i: Issued) => decodeCertificate(Buffer.from(i.cert.rawData));

export interface FactsSpec {
  entities: EntitySpec[];
  /** Certificates the web service trusts. */
  trust?: Issued[];
  /** CA certificates given as INPUT files. */
  cas?: Issued[];
  region?: string;
  at?: Date;
  warnDays?: number;
  /** The machine's real root stores instead of the test root. */
  machineStores?: boolean;
}

/** Facts built directly (no files, no JSON): what a rule sees. */
export async function daFacts(spec: FactsSpec): Promise<DataActionsFacts> {
  const { parseChainInput } = await import('../../src/parsers/chain-input.js');
  const entities: EntityInput[] = [];
  for (const [i, e] of spec.entities.entries()) {
    const parsed = await parseChainInput(Buffer.from(e.certificate, 'latin1'), `e${i}`);
    entities.push({
      source: `test entities[${i}]`,
      signingAuthority: e.signingAuthority,
      authorityInferred: false,
      status: e.status,
      type: e.type ?? 'Client',
      certificates: parsed.certificates.map(decodeCertificate),
    });
  }
  return gatherDataActionsFacts({
    now: spec.at ?? NOW,
    warnDays: spec.warnDays ?? 30,
    ...(spec.region ? { region: spec.region } : {}),
    entities,
    cas: (spec.cas ?? []).map(decode),
    ...(spec.trust ? { trust: { name: 'trust.pem', certificates: spec.trust.map(decode) } } : {}),
    ...(spec.machineStores ? {} : { stores: await testStores() }),
  });
}

export interface DaRuleCase {
  name: string;
  facts: () => Promise<FactsSpec>;
  expect: Status;
  message?: RegExp;
}

const ORDER: Status[] = ['fail', 'warn', 'pass', 'skip'];

/** RuleTester for data-actions rules: the worst status over the rule's findings, and words of the messages. */
export function daRuleCases(rule: DataActionsRule, cases: DaRuleCase[]): void {
  describe(rule.meta.id, () => {
    test('has passing and failing cases', () => {
      expect(cases.some((c) => c.expect === 'pass' || c.expect === 'skip')).toBe(true);
      expect(cases.some((c) => c.expect === 'fail' || c.expect === 'warn')).toBe(true);
    });
    for (const c of cases) {
      test(`${c.expect}: ${c.name}`, async () => {
        const findings = rule.check(await daFacts(await c.facts()));
        const worst = ORDER.find((s) => findings.some((f) => f.status === s));
        const messages = findings.map((f) => `${f.status}: ${f.message}`).join('\n');
        expect(`${worst}\n${messages}`).toMatch(new RegExp(`^${c.expect}\\n`));
        if (c.message) expect(messages).toMatch(c.message);
      });
    }
  });
}

/** The private key of an issued certificate as PEM (for the HTTPS fake). */
export async function keyPem(i: Issued): Promise<string> {
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', i.keys.privateKey))
    .toString('base64')
    .replace(/(.{64})/g, '$1\n');
  return `-----BEGIN PRIVATE KEY-----\n${pkcs8}\n-----END PRIVATE KEY-----\n`;
}

export { days, NOW, writeFiles };
