/**
 * Path validation against the verifiers Genesys' peers run: `openssl verify` (default and
 * -x509_strict), OpenSSL 3's security level in a real node:tls handshake, and the BYOC trust
 * stores. Certificates are made by the openssl command line (see helpers/openssl-pki.ts).
 */
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { connect, createServer } from 'node:tls';
import { readFileSync } from 'node:fs';
import { acceptedCas } from '../../rules/data/accepted-cas.js';
import { byocAnchors, customAnchors } from '../../src/trust/anchors.js';
import { RootStore } from '../../src/trust/stores.js';
import { concat, encodeTlv } from '../../src/x509/der.js';
import { buildChain } from '../../src/x509/chain.js';
import { decodeCertificate } from '../../src/x509/certificate.js';
import { name, selfSigned, stringValue, toPem, PRINTABLE, UTF8 } from '../helpers/craft.js';
import { decodePem } from '../helpers/context.js';
import { CA_EXT, key, LEAF_EXT, make, opensslAccepts, ROOT_EXT, soon, write } from '../helpers/openssl-pki.js';
import { results, runCheck, worst } from '../helpers/run.js';

const PATH_RULES = [
  'chain-complete',
  'chain-signatures',
  'root-accepted',
  'cert-validity',
  'subject-name',
  'ca-constraints',
  'leaf-usage',
  'key-strength',
  'not-revoked',
];
const pathFails = (report: Awaited<ReturnType<typeof runCheck>>) =>
  report.results.filter((r) => r.status === 'fail' && PATH_RULES.includes(r.rule)).map((r) => `${r.rule}: ${r.message}`);

const ISRG_X1 = '/C=US/O=Internet Security Research Group/CN=ISRG Root X1';

describe('a look-alike of a trusted root', () => {
  const fake = () => make({ subj: ISRG_X1, keyFile: key('rsa:2048', 1), ext: ROOT_EXT });

  test.each([
    ['with an authorityKeyIdentifier naming the fake key', CA_EXT],
    ['without authorityKeyIdentifier (the signature decides)', ROOT_EXT],
  ])('fails chain-complete and root-accepted: %s', async (_, ext) => {
    const root = fake();
    const ica = make({ subj: '/C=US/O=Lab/CN=Lab R3', issuer: root, keyFile: key('rsa:2048', 2), ext });
    const leaf = make({ subj: '/CN=sbc1.example.com', issuer: ica, ext: LEAF_EXT });
    const report = await runCheck({ chain: write('chain.pem', leaf.pem + ica.pem), at: soon(), sbcs: ['sbc1.example.com'] });
    expect(worst(report, 'chain-complete')).toBe('fail');
    expect(
      results(report, 'chain-complete')
        .map((r) => r.message)
        .join('\n'),
    ).toMatch(/ISRG Root X1.*subject hash 4042bcee.*look-alike/);
    expect(worst(report, 'root-accepted')).toBe('fail');
    expect(results(report, 'root-accepted')[0]!.message).toMatch(/did not sign it/);
    expect(results(report, 'root-accepted')[0]!.message).not.toMatch(/by hash only|by name only/);
  });

  test('a listed root that no store holds is still matched by hash only', () => {
    const root = fake();
    const ica = decodePem(make({ subj: '/C=US/O=Lab/CN=Lab R3', issuer: root, keyFile: key('rsa:2048', 2), ext: CA_EXT }).pem);
    const chain = buildChain(ica, byocAnchors(acceptedCas, [new RootStore([], 'node-store')]));
    expect(chain.impostorIssuer).toBeUndefined();
    expect(chain.rootByHashOnly?.[0]?.subjectHash).toBe('4042bcee');
  });
});

describe('signature algorithms as OpenSSL 3 judges them at security level 1', () => {
  const root = () => make({ subj: '/CN=Lab SHA Root', keyFile: key('rsa:2048', 3), ext: ROOT_EXT });

  test('a SHA-1 signed leaf fails, as openssl verify -auth_level 1 and a node:tls client refuse it', async () => {
    const r = root();
    const leaf = make({
      subj: '/CN=localhost',
      issuer: r,
      ext: [...LEAF_EXT.filter((e) => !e.startsWith('subjectAltName')), 'subjectAltName=DNS:localhost'],
      md: 'sha1',
    });
    const report = await runCheck({ chain: leaf.certFile, caFile: r.certFile, at: soon() });
    expect(worst(report, 'chain-signatures')).toBe('fail');
    expect(
      results(report, 'chain-signatures')
        .map((x) => x.message)
        .join(),
    ).toMatch(/sha1WithRSAEncryption: OpenSSL 3 rejects it/);
    // openssl verify sets no security level unless asked; libssl (and so an SBC or Genesys' peer) uses level 1.
    expect(opensslAccepts(r.certFile, leaf.certFile)).toBe(true);
    expect(opensslAccepts(r.certFile, leaf.certFile, [], ['-auth_level', '1'])).toBe(false);
    // A server that lowers its own level may send it; a default client refuses it.
    const server = createServer({ key: readFileSync(leaf.keyFile), cert: leaf.pem, ciphers: 'DEFAULT@SECLEVEL=0' }, (s) => s.end());
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const port = (server.address() as { port: number }).port;
    const socket = connect({ port, host: '127.0.0.1', servername: 'localhost', ca: r.pem });
    const [error] = (await once(socket, 'error')) as [NodeJS.ErrnoException];
    server.close();
    // OpenSSL 3.0 reports the leaf's too-weak digest as X509_V_ERR_UNSPECIFIED in the handshake, and
    // refuses to even load it as a server certificate at its default level (ERR_SSL_CA_MD_TOO_WEAK).
    expect(`${error.code} ${error.message}`).toMatch(/(CA_MD_TOO_WEAK|UNSPECIFIED) CA signature digest algorithm too weak/);
    expect(() => createServer({ key: readFileSync(leaf.keyFile), cert: leaf.pem })).toThrow(/ca md too weak/);
  });

  test('a SHA-256 leaf under the same root passes', async () => {
    const r = root();
    const leaf = make({ subj: '/CN=sbc1.example.com', issuer: r, ext: LEAF_EXT });
    const report = await runCheck({ chain: leaf.certFile, caFile: r.certFile, at: soon() });
    expect(worst(report, 'chain-signatures')).toBe('pass');
  });
});

describe('path building backtracks', () => {
  test('two issuers of the same name and key: the one leading to the trusted root wins, the dead end is named', async () => {
    const trusted = make({ subj: '/CN=Lab Root A', keyFile: key('rsa:2048', 4), ext: ROOT_EXT });
    const other = make({ subj: '/CN=Lab Root B', keyFile: key('rsa:2048', 5), ext: ROOT_EXT });
    const icaKey = key('rsa:2048', 6);
    const viaB = make({ subj: '/CN=Lab Issuing CA', issuer: other, keyFile: icaKey, ext: CA_EXT });
    const viaA = make({ subj: '/CN=Lab Issuing CA', issuer: trusted, keyFile: icaKey, ext: CA_EXT });
    const leaf = make({ subj: '/CN=sbc1.example.com', issuer: viaA, ext: LEAF_EXT });
    const report = await runCheck({
      chain: write('chain.pem', leaf.pem + viaB.pem + viaA.pem),
      caFile: trusted.certFile,
      at: soon(),
      sbcs: ['sbc1.example.com'],
    });
    expect(pathFails(report)).toEqual([]);
    expect(results(report, 'chain-complete').find((r) => r.status === 'warn')!.message).toMatch(/#2 .*dead end.*OpenSSL\) may pick it/);
    expect(report.certificates[1]!.subject).toBe('CN=Lab Issuing CA');
  });
});

describe('structure as openssl verify (default) and openssl verify -x509_strict judge it', () => {
  const root = () => make({ subj: '/CN=Lab Structure Root', keyFile: key('rsa:2048', 7), ext: ROOT_EXT });
  const without = (list: string[], prefix: string) => list.filter((e) => !e.startsWith(prefix));
  const cases: Array<[string, { leaf?: string[]; ica?: string[] }]> = [
    ['clean chain', {}],
    [
      'leaf with a critical authorityInfoAccess',
      { leaf: [...LEAF_EXT, 'authorityInfoAccess=critical,caIssuers;URI:http://ca.example/ca.crt'] },
    ],
    [
      'leaf with a critical authorityKeyIdentifier',
      { leaf: [...without(LEAF_EXT, 'authorityKeyIdentifier'), 'authorityKeyIdentifier=critical,keyid'] },
    ],
    [
      'intermediate with a critical subjectKeyIdentifier',
      { ica: [...without(CA_EXT, 'subjectKeyIdentifier'), 'subjectKeyIdentifier=critical,hash'] },
    ],
    ['leaf without authorityKeyIdentifier', { leaf: without(LEAF_EXT, 'authorityKeyIdentifier') }],
    ['intermediate without subjectKeyIdentifier', { ica: without(without(CA_EXT, 'subjectKeyIdentifier'), 'authorityKeyIdentifier') }],
    ['intermediate whose basicConstraints is not critical', { ica: [...without(CA_EXT, 'basicConstraints'), 'basicConstraints=CA:TRUE'] }],
    ['intermediate without keyUsage', { ica: without(CA_EXT, 'keyUsage') }],
  ];
  test.each(cases)('%s', async (_, spec) => {
    const r = root();
    const ica = make({ subj: '/CN=Lab Structure CA', issuer: r, keyFile: key('rsa:2048', 8), ext: spec.ica ?? CA_EXT });
    const leaf = make({ subj: '/CN=sbc1.example.com', issuer: ica, ext: spec.leaf ?? LEAF_EXT });
    const options = { chain: write('chain.pem', leaf.pem + ica.pem), caFile: r.certFile, at: soon(), sbcs: ['sbc1.example.com'] };
    const ours = {
      default: pathFails(await runCheck(options)).length === 0,
      strict: pathFails(await runCheck({ ...options, pkiProfile: 'strict' })).length === 0,
    };
    const openssl = {
      default: opensslAccepts(r.certFile, leaf.certFile, [ica.pem]),
      strict: opensslAccepts(r.certFile, leaf.certFile, [ica.pem], ['-x509_strict']),
    };
    expect(ours).toEqual(openssl);
  });

  test('a root whose authorityKeyIdentifier names another key is not self-signed (OpenSSL)', async () => {
    const r = make({
      subj: '/CN=Lab Odd Root',
      keyFile: key('rsa:2048', 9),
      ext: [...ROOT_EXT, `authorityKeyIdentifier=DER:30:16:80:14:${'ab:'.repeat(19)}ab`],
    });
    const leaf = make({ subj: '/CN=sbc1.example.com', issuer: r, ext: without(LEAF_EXT, 'authorityKeyIdentifier') });
    const report = await runCheck({ chain: leaf.certFile, caFile: r.certFile, at: soon() });
    expect(results(report, 'chain-complete').find((x) => x.status === 'fail')!.message).toMatch(/does not name the root itself/);
    expect(opensslAccepts(r.certFile, leaf.certFile)).toBe(false);
  });
});

describe('inputs that used to crash', () => {
  test("a certificate with a trusted root's name and a key OpenSSL cannot load is a finding", async () => {
    const isrg = name([
      [['C', stringValue(PRINTABLE, 'US')]],
      [['O', stringValue(PRINTABLE, 'Internet Security Research Group')]],
      [['CN', stringValue(PRINTABLE, 'ISRG Root X1')]],
    ]);
    const oddSpki = encodeTlv(
      0x30,
      concat([encodeTlv(0x30, encodeTlv(0x06, Uint8Array.of(0x2a, 0x03, 0x04))), encodeTlv(0x03, Uint8Array.of(0, 1, 2, 3))]),
    );
    const report = await runCheck({ chain: write('odd.pem', toPem(selfSigned(isrg, oddSpki))), at: new Date('2026-01-01T00:00:00Z') });
    expect(worst(report, 'key-strength')).toBe('fail');
    expect(results(report, 'key-strength')[0]!.message).toMatch(/OpenSSL cannot load this public key \(algorithm 1\.2\.3\.4\)/);
    expect(worst(report, 'root-accepted')).toBe('fail');
  });

  test('GeneralizedTime years 0000-0099 are read as written', async () => {
    const generalized = (text: string) => encodeTlv(0x18, Buffer.from(text, 'latin1'));
    const validity = encodeTlv(0x30, concat([generalized('00500601000000Z'), generalized('99991231235959Z')]));
    const der = selfSigned(name([[['CN', stringValue(UTF8, 'Ancient')]]]), undefined, validity);
    expect(spawnSync('openssl', ['x509', '-inform', 'DER', '-noout', '-startdate'], { input: der, encoding: 'utf8' }).stdout).toMatch(
      /Jun {2}1 00:00:00 50 GMT|0050/,
    );
    const facts = decodeCertificate(der);
    expect(facts.notBefore.toISOString()).toBe('0050-06-01T00:00:00.000Z');
    expect(facts.notAfter.getUTCFullYear()).toBe(9999);
  });

  test('custom anchors compare keys without loading them', () => {
    const der = selfSigned(
      name([[['CN', stringValue(UTF8, 'Odd')]]]),
      encodeTlv(0x30, concat([encodeTlv(0x30, encodeTlv(0x06, Uint8Array.of(0x2a, 0x03, 0x04))), encodeTlv(0x03, Uint8Array.of(0, 9))])),
    );
    const odd = decodeCertificate(der);
    expect(odd.publicKey.loadable).toBe(false);
    expect(() => buildChain([odd], customAnchors([odd]))).not.toThrow();
  });
});
