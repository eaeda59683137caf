/**
 * `byoc-check probe --genesys INPUT... | --fetch`: every SIP server of the org's BYOC Cloud TLS trunks probed
 * live, each under the name the trunk lists. Saved trunk bases written here (test/helpers/genesys.ts), real
 * loopback TLS peers (node:tls answering SIP OPTIONS, a silent listener) reached through --connect-to, and the
 * loopback HTTPS fake of the platform API for --fetch. Every JSON report validates against the schema.
 */
import { createServer as createTlsServer, type Server as TlsServer } from 'node:tls';
import type { AddressInfo } from 'node:net';
import { planGenesysFleet } from '../../src/pipeline/fleet-plan.js';
import type { Report } from '../../src/report/types.js';
import { keyPem } from '../helpers/data-actions.js';
import { fakeCredentials, fakePlatformApi, type FakeApi } from '../helpers/genesys-api.js';
import { facts, trunkBase } from '../helpers/genesys.js';
import { silentListener, type Peer } from '../helpers/peers.js';
import { issue, NOW, standardPki, writeFiles, type Issued } from '../helpers/pki.js';
import { assertValidReport, cli, cliAsync, results, worst } from '../helpers/run.js';

interface FleetJson extends Report {
  fleet: {
    targets: Array<{
      target: string;
      connectTo?: string;
      trunks?: Array<{ id: string; name: string; source: string }>;
      note?: string;
      report: Report;
    }>;
    genesys: {
      source: { kind: string };
      selected: string[] | null;
      trunks: Array<{ name: string; protocol: string | null; enabled: boolean | null; probed: string[]; notProbed: string[] }>;
      notes: string[];
    };
  };
}

/** A TLS 1.2+ SBC on loopback that answers SIP OPTIONS with 200 OK, as a conforming SBC does. */
async function sipTlsPeer(chain: string, key: string): Promise<Peer> {
  const server: TlsServer = createTlsServer({ cert: chain, key, minVersion: 'TLSv1.2' }, (socket) => {
    socket.on('error', () => {});
    let text = '';
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString('latin1');
      if (!text.includes('\r\n\r\n')) return;
      const header = (name: string) => new RegExp(`^${name}:.*$`, 'im').exec(text)?.[0] ?? '';
      socket.write(
        [
          'SIP/2.0 200 OK',
          header('Via'),
          header('From'),
          `${header('To')};tag=peer`,
          header('Call-ID'),
          header('CSeq'),
          'Server: fleet-test-sbc',
          'Content-Length: 0',
          '',
          '',
        ].join('\r\n'),
      );
      text = '';
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

let files: Record<string, string> & { dir: string };
const peers: Peer[] = [];
let good: Peer;
let wrongName: Peer;
let ipPeer: Peer;
let silent: Peer;
let fake: FakeApi;

const org = () => ({
  entities: [
    trunkBase('Fleet TLS', {
      trunk_transport_protocolVariant: 'tls',
      trunk_enabled: true,
      trunk_sip_termination_uri: 'fleet-tls',
      trunk_transport_serverProxyList: ['sbc1.acme.test', 'sbc2.acme.test:5061'],
    }),
    trunkBase('Fleet UDP', {
      trunk_transport_protocolVariant: 'udp',
      trunk_enabled: true,
      trunk_sip_termination_uri: 'fleet-udp',
      trunk_transport_serverProxyList: ['sbc9.acme.test'],
    }),
    trunkBase('Fleet disabled', {
      trunk_transport_protocolVariant: 'tls',
      trunk_enabled: false,
      trunk_sip_termination_uri: 'fleet-off',
      trunk_transport_serverProxyList: ['sbc8.acme.test'],
    }),
    trunkBase('Fleet IP', {
      trunk_transport_protocolVariant: 'tls',
      trunk_enabled: true,
      trunk_sip_termination_uri: 'fleet-ip',
      trunk_transport_serverProxyList: ['192.0.2.10'],
    }),
    trunkBase('Fleet shared', {
      trunk_transport_protocolVariant: 'tls',
      trunk_enabled: true,
      trunk_sip_termination_uri: 'fleet-shared',
      trunk_transport_serverProxyList: ['sbc1.acme.test'],
    }),
    trunkBase('Fleet silent', {
      trunk_transport_protocolVariant: 'tls',
      trunk_enabled: true,
      trunk_sip_termination_uri: 'fleet-silent',
      trunk_transport_serverProxyList: ['sbc7.acme.test'],
    }),
    trunkBase('Fleet empty', { trunk_transport_protocolVariant: 'tls', trunk_enabled: true, trunk_transport_serverProxyList: [] }),
  ],
  pageNumber: 1,
  pageCount: 1,
});

beforeAll(async () => {
  const pki = await standardPki({ leaf: { subject: 'CN=sbc1.acme.test,O=Acme,C=US', dns: ['sbc1.acme.test'] } });
  const other: Issued = await issue({
    subject: 'CN=other.acme.test,O=Acme,C=US',
    issuer: pki.intermediate,
    keySlot: 61,
    dns: ['other.acme.test'],
  });
  good = await sipTlsPeer(pki.leaf.pem + pki.intermediate.pem, await keyPem(pki.leaf));
  wrongName = await sipTlsPeer(other.pem + pki.intermediate.pem, await keyPem(other));
  ipPeer = await sipTlsPeer(pki.leaf.pem + pki.intermediate.pem, await keyPem(pki.leaf));
  silent = await silentListener();
  peers.push(good, wrongName, ipPeer, silent);
  files = writeFiles({ 'root.pem': pki.root.pem, 'org.json': JSON.stringify(org()) });
  fake = await fakePlatformApi([files['org.json']!]);
}, 60_000);

afterAll(async () => {
  await Promise.all(peers.map((p) => p.close()));
  await fake?.close();
});

/** --connect-to for every name the org lists, --ca the lab root, the verdict time of the lab PKI. */
const lab = (timeout = '3') => [
  '--connect-to',
  `sbc1.acme.test:5061:127.0.0.1:${good.port}`,
  '--connect-to',
  `sbc2.acme.test:5061:127.0.0.1:${wrongName.port}`,
  '--connect-to',
  `192.0.2.10:5061:127.0.0.1:${ipPeer.port}`,
  '--connect-to',
  `sbc7.acme.test:5061:127.0.0.1:${silent.port}`,
  '--ca',
  files['root.pem']!,
  '--at',
  NOW.toISOString(),
  '--offline',
  '--timeout',
  timeout,
];
const fleet = (stdout: string) => assertValidReport(JSON.parse(stdout)) as FleetJson;
const target = (r: FleetJson, name: string) => r.fleet.targets.find((t) => t.target === name)!;

describe('probe --genesys INPUT', () => {
  let run: Awaited<ReturnType<typeof cliAsync>>;
  let r: FleetJson;
  beforeAll(async () => {
    run = await cliAsync(['probe', '--genesys', files['org.json']!, ...lab(), '--format', 'json']);
    r = fleet(run.stdout);
  }, 60_000);

  test('every SIP server of every TLS trunk, once, each from its trunk entry; exit 1', () => {
    expect([run.status, run.stderr]).toEqual([1, '']);
    expect(r.fleet.targets.map((t) => [t.target, t.connectTo])).toEqual([
      ['sbc1.acme.test', `127.0.0.1:${good.port}`],
      ['sbc2.acme.test:5061', `127.0.0.1:${wrongName.port}`],
      ['192.0.2.10', `127.0.0.1:${ipPeer.port}`],
      ['sbc7.acme.test', `127.0.0.1:${silent.port}`],
    ]);
    // the same server in two trunks: probed once, reported under both
    expect(target(r, 'sbc1.acme.test').trunks).toEqual([
      { id: 'id-fleet-tls', name: 'Fleet TLS', source: 'genesys: trunk "Fleet TLS" properties.trunk_transport_serverProxyList[0]' },
      {
        id: 'id-fleet-shared',
        name: 'Fleet shared',
        source: 'genesys: trunk "Fleet shared" properties.trunk_transport_serverProxyList[0]',
      },
    ]);
    expect(target(r, 'sbc2.acme.test:5061').trunks![0]!.source).toBe(
      'genesys: trunk "Fleet TLS" properties.trunk_transport_serverProxyList[1]',
    );
  });

  test('the good server passes under its name; the wrong-name certificate fails subject-name', () => {
    const ok = target(r, 'sbc1.acme.test').report;
    expect(ok.probe!.sni).toBe('sbc1.acme.test');
    expect([worst(ok, 'tls-reachable'), worst(ok, 'subject-name'), worst(ok, 'chain-complete'), worst(ok, 'sip-options')]).toEqual([
      'pass',
      'pass',
      'pass',
      'pass',
    ]);
    expect(ok.ok).toBe(true);
    const bad = target(r, 'sbc2.acme.test:5061').report;
    expect(worst(bad, 'subject-name')).toBe('fail');
    expect(results(bad, 'subject-name').find((x) => x.status === 'fail')!.message).toMatch(/sbc2\.acme\.test/);
  });

  test('an IP entry is probed at that address, noted as not nameable, and trunk-proxies fails it', () => {
    const ip = target(r, '192.0.2.10');
    expect(ip.note).toMatch(/an IP address: probed at that address, but it is no name Genesys can validate/);
    expect(ip.report.probe!.sni).toBeNull();
    expect(worst(ip.report, 'tls-reachable')).toBe('pass');
    const proxies = r.results.filter((x) => x.rule === 'trunk-proxies' && x.trunk === 'Fleet IP');
    expect(proxies.map((x) => [x.status, x.target])).toEqual([['fail', 'trunk[Fleet IP].sipServer[0]']]);
  });

  test('a silent server fails within --timeout, alone', () => {
    const quiet = target(r, 'sbc7.acme.test').report;
    expect(results(quiet, 'tls-reachable')[0]!.status).toBe('fail');
    expect(results(quiet, 'tls-reachable')[0]!.message).toMatch(/did not answer the TLS ClientHello within 3 s/);
    expect(quiet.probe!.ms).toBeGreaterThanOrEqual(2900);
  });

  test('UDP, disabled and empty trunks are listed with the reason, not probed', () => {
    const byName = Object.fromEntries(r.fleet.genesys.trunks.map((t) => [t.name, t]));
    expect(byName['Fleet UDP']!.probed).toEqual([]);
    expect(byName['Fleet UDP']!.notProbed[0]).toMatch(/^UDP, not TLS: Genesys does not dial its SIP servers over TLS/);
    expect(byName['Fleet disabled']!.notProbed[0]).toMatch(
      /^disabled: Genesys places no call on it \(genesys: trunk "Fleet disabled" properties\.trunk_enabled\)/,
    );
    expect(byName['Fleet empty']!.notProbed[0]).toMatch(/^no SIP server is listed/);
    expect(byName['Fleet TLS']!.probed).toEqual(['sbc1.acme.test', 'sbc2.acme.test:5061']);
    expect(r.fleet.genesys.source.kind).toBe('files');
    // the trunk settings are judged too, tagged with their trunk
    expect(r.results.find((x) => x.rule === 'trunk-tls' && x.status === 'fail')!.trunk).toBe('Fleet UDP');
    expect(r.results.find((x) => x.rule === 'trunk-enabled' && x.status === 'warn')!.trunk).toBe('Fleet disabled');
    expect(r.verdict).toMatch(/^NOT READY: 2 of 4 targets fail \(sbc2\.acme\.test:5061, sbc7\.acme\.test\); \d+ trunk settings fail/);
  });

  test('text: a section per target saying which trunk entry it came from, the trunks not probed first', async () => {
    const text = await cliAsync(['probe', '--genesys', files['org.json']!, ...lab()]);
    expect(text.status).toBe(1);
    expect(text.stdout.split('\n')[0]).toMatch(/^NOT READY: 2 of 4 targets fail/);
    expect(text.stdout).toMatch(/"Fleet UDP" \(id-fleet-udp\) UDP, enabled: not probed\n {6}not probed: UDP, not TLS/);
    expect(text.stdout).toContain(
      `── sbc1.acme.test (connected to 127.0.0.1:${good.port})\n   from genesys: trunk "Fleet TLS" properties.trunk_transport_serverProxyList[0]\n   from genesys: trunk "Fleet shared" properties.trunk_transport_serverProxyList[0]\n`,
    );
  }, 30_000);
});

describe('--trunk selects trunks', () => {
  test('one good trunk: only its server is probed, exit 0, and the report says READY', async () => {
    const run = await cliAsync(['probe', '--genesys', files['org.json']!, '--trunk', 'fleet shared', ...lab(), '--format', 'json']);
    expect([run.status, run.stderr]).toEqual([0, '']);
    const r = fleet(run.stdout);
    expect(r.fleet.targets.map((t) => t.target)).toEqual(['sbc1.acme.test']);
    expect(r.fleet.genesys.selected).toEqual(['fleet shared']);
    expect(r.fleet.genesys.trunks.map((t) => t.name)).toEqual(['Fleet shared']);
    expect(r.verdict).toMatch(/^READY/);
    expect(r.ok).toBe(true);
  }, 30_000);

  test('a trunk that is not TLS: nothing to probe, said so', async () => {
    const run = await cliAsync(['probe', '--genesys', files['org.json']!, '--trunk', 'Fleet UDP', ...lab(), '--format', 'json']);
    expect(run.status).toBe(1);
    const r = fleet(run.stdout);
    expect(r.fleet.targets).toEqual([]);
    expect(r.verdict).toMatch(/^NOT READY: 1 trunk setting fails \(trunk-tls Fleet UDP\)/);
  }, 30_000);

  test('sarif knows the genesys rules it reports; --output never replaces an INPUT', () => {
    const sarif = cli(['probe', '--genesys', files['org.json']!, '--trunk', 'Fleet UDP', ...lab(), '--format', 'sarif']);
    expect(sarif.status).toBe(1);
    const log = JSON.parse(sarif.stdout) as {
      runs: Array<{ tool: { driver: { rules: Array<{ id: string; shortDescription: { text: string } }> } } }>;
    };
    expect(log.runs[0]!.tool.driver.rules.find((r) => r.id === 'trunk-tls')!.shortDescription.text).toMatch(
      /^The BYOC Cloud trunk uses TLS/,
    );
    const over = cli([
      'probe',
      '--genesys',
      files['org.json']!,
      '--trunk',
      'Fleet UDP',
      '--format',
      'json',
      '--output',
      files['org.json']!,
    ]);
    expect(over.status).toBe(2);
    expect(over.stderr).toMatch(/is an input of this run/);
  });

  test('a name no trunk has: exit 2 with a did-you-mean', () => {
    const run = cli(['probe', '--genesys', files['org.json']!, '--trunk', 'Fleet TSL']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^byoc-check: --trunk "Fleet TSL" names no BYOC Cloud trunk read; did you mean "Fleet TLS"\?/);
  });
});

describe('probe --fetch (the loopback fake of the platform API)', () => {
  test('--fetch alone and --genesys --fetch read the org and probe the same targets', async () => {
    for (const form of [['--fetch'], ['--genesys', '--fetch']]) {
      fake.seen = [];
      const run = await cliAsync(
        ['probe', ...form, '--api-base', fake.base, '--trunk', 'Fleet TLS', ...lab(), '--format', 'json'],
        fakeCredentials(fake),
      );
      expect([form, run.status, run.stderr]).toEqual([form, 1, '']);
      const r = fleet(run.stdout);
      expect(r.fleet.genesys.source.kind).toBe('fetch');
      expect(r.fleet.targets.map((t) => t.target)).toEqual(['sbc1.acme.test', 'sbc2.acme.test:5061']);
      expect(fake.seen.map((s) => s.method)).toEqual(['POST', 'GET']);
      expect(run.stdout).not.toContain(fakeCredentials(fake).GENESYSCLOUD_OAUTHCLIENT_SECRET);
    }
  }, 60_000);

  test("without --region, the OAuth environment's region is the org's and its trunks' region", async () => {
    const run = await cliAsync(['probe', '--fetch', '--api-base', fake.base, '--trunk', 'Fleet TLS', ...lab(), '--format', 'json'], {
      ...fakeCredentials(fake),
      GENESYSCLOUD_REGION: 'eu-west-1',
    });
    expect([run.status, run.stderr]).toEqual([1, '']);
    const r = fleet(run.stdout);
    expect([r.options.region, ...r.fleet.targets.map((t) => t.report.options.region)]).toEqual(['euw1', 'euw1', 'euw1']);
  }, 60_000);
});

describe('usage errors: one line, exit 2', () => {
  test.each([
    [
      'targets and --genesys',
      ['sbc1.acme.test', '--genesys', 'org.json'],
      /probe takes HOST targets or --genesys, not both \(got "sbc1\.acme\.test"\)/,
    ],
    ['--sbc and --genesys', ['--genesys', 'org.json', '--sbc', 'sbc1.acme.test'], /--sbc does not apply with --genesys/],
    ['--genesys with no INPUT and no --fetch', ['--genesys'], /--genesys needs files .* or --fetch/],
    ['files and --fetch', ['--genesys', 'org.json', '--fetch'], /give --genesys files or --fetch, not both/],
    ['--trunk without --genesys', ['sbc1.acme.test', '--trunk', 'x'], /--trunk only applies with --genesys or --fetch/],
    ['--fetch without a region', ['--fetch'], /--fetch needs --region CODE/],
  ])('%s', (_name, args, message) => {
    const run = cli(['probe', ...args], {
      env: { GENESYSCLOUD_REGION: '', GENESYSCLOUD_OAUTHCLIENT_ID: 'id', GENESYSCLOUD_OAUTHCLIENT_SECRET: 'secret' },
      cwd: files.dir,
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('the plan: which entries become targets', () => {
  test('entries as the API may spell them; an unknown protocol is probed with a note; an unusable entry is said', () => {
    const plan = planGenesysFleet(
      facts(
        trunkBase('Spellings', {
          trunk_transport_protocolVariant: 'TLS',
          trunk_transport_serverProxyList: [
            'sips:SBC1.Acme.test;transport=tls',
            '[2001:db8::5]:5061',
            'sbc1.acme.test.',
            'sbc4.acme.test:99999',
            'bad host',
          ],
        }),
        trunkBase('No protocol', { trunk_transport_serverProxyList: ['sbc5.acme.test'] }),
      ).trunks,
    );
    expect(plan.targets.map((t) => [t.text, t.host, t.port, t.trunks!.length])).toEqual([
      ['sbc1.acme.test', 'sbc1.acme.test', 5061, 2],
      ['[2001:db8::5]:5061', '2001:db8::5', 5061, 1],
      ['sbc5.acme.test', 'sbc5.acme.test', 5061, 1],
    ]);
    expect(plan.targets[1]!.note).toMatch(/an IP address/);
    expect(plan.trunks[0]!.notProbed).toEqual([
      expect.stringMatching(
        /^"sbc4\.acme\.test:99999" is not a host name or address with a TCP port Genesys could dial \(genesys: trunk "Spellings" properties\.trunk_transport_serverProxyList\[3\]\)$/,
      ),
      expect.stringMatching(/^"bad host" is not a host name/),
    ]);
    expect(plan.notes).toEqual([expect.stringMatching(/^trunk "No protocol": its protocol is unknown .* probed as for TLS$/)]);
  });
});
