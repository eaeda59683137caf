/**
 * The live probe against real peers on 127.0.0.1: `openssl s_server` configured as conforming and
 * broken SBCs, Kamailio answering OPTIONS over TLS, and TCP listeners that misbehave. Each peer
 * gets the verdicts it must get, every report validates, and the probe's verdicts equal the offline
 * check's for the same settings.
 */
import { webcrypto } from 'node:crypto';
import { check } from '../../src/pipeline/chain-check.js';
import { probeCheck, type ProbeCheckOptions } from '../../src/pipeline/probe-check.js';
import type { Report } from '../../src/report/types.js';
import {
  brokenCertificateServer,
  kamailio,
  plainTextSpeaker,
  refusedPort,
  resetter,
  sServer,
  silentListener,
  type Peer,
} from '../helpers/peers.js';
import { issue, NOW, standardPki, writeFiles, x509, type Issued } from '../helpers/pki.js';
import { assertValidReport, cli, results, worst } from '../helpers/run.js';
import { describeWith } from '../helpers/tools.js';

const BYOC_ECDHE = 'ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256';

async function keyPem(issued: Issued): Promise<string> {
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', issued.keys.privateKey))
    .toString('base64')
    .replace(/(.{64})/g, '$1\n');
  return `-----BEGIN PRIVATE KEY-----\n${pkcs8}\n-----END PRIVATE KEY-----\n`;
}

let files: Record<string, string>;

beforeAll(async () => {
  const pki = await standardPki();
  const ecdsa = await issue({
    subject: 'CN=sbc1.example.com',
    issuer: pki.intermediate,
    key: 'p384',
    keySlot: 40,
    dns: ['sbc1.example.com'],
    keyUsage: x509.KeyUsageFlags.digitalSignature,
  });
  files = writeFiles({
    'leaf.pem': pki.leaf.pem,
    'leaf.key': await keyPem(pki.leaf),
    'int.pem': pki.intermediate.pem,
    'root.pem': pki.root.pem,
    'chain.pem': pki.leaf.pem + pki.intermediate.pem,
    'ecdsa.pem': ecdsa.pem,
    'ecdsa.key': await keyPem(ecdsa),
  });
});

const peers: Peer[] = [];
afterEach(async () => {
  await Promise.all(peers.splice(0).map((p) => p.close()));
});

async function start<P extends Peer>(peer: Promise<P>): Promise<P> {
  const p = await peer;
  peers.push(p);
  return p;
}

/** s_server serves one connection at a time, so the SIP wait (which holds one) stays short here. */
async function probeIt(port: number, extra: Partial<ProbeCheckOptions> = {}): Promise<Report> {
  const report = await probeCheck({
    host: '127.0.0.1',
    port,
    sbc: 'sbc1.example.com',
    caFile: files['root.pem'],
    at: NOW,
    offline: true,
    timeoutSeconds: 5,
    sipWaitSeconds: 0.2,
    ...extra,
  });
  return assertValidReport(JSON.parse(JSON.stringify(report)));
}

const rsaServer = (args: string[]) => ['-cert', files['leaf.pem']!, '-key', files['leaf.key']!, ...args];

describe('openssl s_server peers', () => {
  test('a conforming BYOC SBC: TLS 1.2 only, BYOC suites, P-384, full chain', async () => {
    const peer = await start(
      sServer(rsaServer(['-cert_chain', files['int.pem']!, '-tls1_2', '-cipher', BYOC_ECDHE, '-groups', 'secp384r1'])),
    );
    const report = await probeIt(peer.port);
    const p = report.probe!;
    expect(p.versions).toEqual({ TLSv1: false, 'TLSv1.1': false, 'TLSv1.2': true, 'TLSv1.3': false });
    expect(
      Object.entries(p.suites)
        .filter(([, ok]) => ok)
        .map(([s]) => s)
        .sort(),
    ).toEqual(['TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384']);
    expect(Object.keys(p.suites)).toHaveLength(8);
    expect(p.groups).toMatchObject({ secp384r1: true, x25519: false, secp256r1: false });
    expect(p.negotiated).toEqual({ version: 'TLSv1.2', suite: 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384', group: 'secp384r1' });
    expect(p.clientCertificate).toBe('none');
    expect(p.chainSent).toHaveLength(2);
    expect(p.chainSent[0]!.subject).toMatch(/sbc1\.example\.com/);
    expect(p.chainSent[1]!.subject).toMatch(/Test Lab Issuing CA/);
    expect(p.chainSent[0]!.key).toBe('RSA 2048');
    expect(report.certificates.filter((c) => c.presented).map((c) => c.sha256)).toEqual(p.chainSent.map((c) => c.sha256));
    for (const rule of [
      'tls-reachable',
      'tls-ciphers',
      'tls-curves',
      'tls-version',
      'mtls-not-required',
      'chain-complete',
      'chain-order',
      'subject-name',
      'leaf-key',
      'root-accepted',
    ])
      expect(`${rule}: ${worst(report, rule)}`).toBe(`${rule}: pass`);
    // --sbc without a port is what Genesys dials on 5061: the probed port is only where this machine reaches the SBC.
    expect(worst(report, 'sip-port')).toBe('pass');
    expect(report.probe!.target.port).toBe(peer.port);
    // an entry naming another port is judged as written
    expect(worst(await probeIt(peer.port, { sbc: `sbc1.example.com:${peer.port}` }), 'sip-port')).toBe('fail');
    expect(p.attempts.every((a) => a.ms >= 0)).toBe(true);
  });

  test('an ECDSA certificate: no BYOC suite can be negotiated', async () => {
    const peer = await start(
      sServer(['-cert', files['ecdsa.pem']!, '-key', files['ecdsa.key']!, '-cert_chain', files['int.pem']!, '-tls1_2']),
    );
    const report = await probeIt(peer.port);
    expect(Object.values(report.probe!.suites).some(Boolean)).toBe(false);
    expect(report.probe!.negotiated).toBeNull();
    // The chain still arrives (from the TLS 1.2 offer that includes ECDSA suites), so leaf-key judges it.
    expect(report.probe!.chainSent[0]!.key).toBe('EC secp384r1');
    expect(worst(report, 'tls-ciphers')).toBe('fail');
    expect(worst(report, 'leaf-key')).toBe('fail');
    expect(report.probe!.versions['TLSv1.2']).toBe(true);
  });

  test('X25519-only groups: ECDHE falls back to RSA key exchange (tls-curves warns)', async () => {
    const peer = await start(sServer(rsaServer(['-cert_chain', files['int.pem']!, '-tls1_2', '-groups', 'X25519'])));
    const report = await probeIt(peer.port);
    expect(report.probe!.groups).toMatchObject({ secp384r1: false, x25519: true, secp256r1: false });
    expect(report.probe!.suites['TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384']).toBe(false);
    expect(report.probe!.suitesWithOtherGroups?.['TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384']).toBe(true);
    expect(report.probe!.negotiated?.suite).toMatch(/^TLS_RSA_/);
    expect(worst(report, 'tls-curves')).toBe('warn');
    expect(worst(report, 'tls-ciphers')).toBe('pass');
  });

  test('TLS 1.3 only: tls-version fails, the chain is encrypted and the chain rules say why they skip', async () => {
    const peer = await start(sServer(rsaServer(['-cert_chain', files['int.pem']!, '-tls1_3'])));
    const report = await probeIt(peer.port);
    expect(report.probe!.versions).toEqual({ TLSv1: false, 'TLSv1.1': false, 'TLSv1.2': false, 'TLSv1.3': true });
    expect(worst(report, 'tls-version')).toBe('fail');
    // the suites are observed in TLS 1.2 offers: without TLS 1.2 tls-ciphers has nothing to judge (one finding per fact)
    expect(worst(report, 'tls-ciphers')).toBe('skip');
    expect(results(report, 'chain-complete')[0]!.message).toMatch(/no certificate in a TLS 1\.2 handshake/);
    expect(report.probe!.attempts.find((a) => a.offer === 'TLSv1.2 alone')!.result).toBe('alert 70');
  });

  test('signature algorithms the server insists on (RSA+SHA1 only): tls-reachable fails on the BYOC handshake, not tls-version', async () => {
    // @SECLEVEL=0 lets the server sign with SHA-1 at all; an OpenSSL 3 client (BYOC Cloud) does not offer it.
    const peer = await start(
      sServer(rsaServer(['-cert_chain', files['int.pem']!, '-tls1_2', '-sigalgs', 'RSA+SHA1', '-cipher', 'DEFAULT:@SECLEVEL=0'])),
    );
    const report = await probeIt(peer.port);
    expect(worst(report, 'tls-reachable')).toBe('fail');
    expect(results(report, 'tls-reachable')[0]!.message).toMatch(/insists on signature algorithms BYOC Cloud does not offer/);
    expect(worst(report, 'tls-version')).toBe('pass');
    expect(worst(report, 'tls-curves')).toBe('pass');
    expect(report.verdict).toMatch(/^NOT READY/);
  });

  test('a missing intermediate: chain-complete fails because the SBC does not send it', async () => {
    const peer = await start(sServer(rsaServer(['-tls1_2', '-cipher', BYOC_ECDHE, '-groups', 'secp384r1'])));
    const report = await probeIt(peer.port);
    expect(report.probe!.chainSent).toHaveLength(1);
    expect(worst(report, 'chain-complete')).toBe('fail');
  });

  test('a client certificate required (-Verify 1): mtls-not-required fails, the suites still show', async () => {
    const peer = await start(
      sServer(
        rsaServer([
          '-cert_chain',
          files['int.pem']!,
          '-tls1_2',
          '-cipher',
          BYOC_ECDHE,
          '-groups',
          'secp384r1',
          '-Verify',
          '1',
          '-CAfile',
          files['root.pem']!,
        ]),
      ),
    );
    const report = await probeIt(peer.port);
    expect(report.probe!.clientCertificate).toBe('required');
    expect(report.probe!.suites['TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384']).toBe(true);
    expect(worst(report, 'mtls-not-required')).toBe('fail');
    expect(worst(report, 'sip-options')).toBe('skip');
  });

  test('a client certificate requested (-verify 1): mtls-not-required warns', async () => {
    const peer = await start(
      sServer(
        rsaServer([
          '-cert_chain',
          files['int.pem']!,
          '-tls1_2',
          '-cipher',
          BYOC_ECDHE,
          '-groups',
          'secp384r1',
          '-verify',
          '1',
          '-CAfile',
          files['root.pem']!,
        ]),
      ),
    );
    const report = await probeIt(peer.port);
    expect(report.probe!.clientCertificate).toBe('requested');
    expect(worst(report, 'mtls-not-required')).toBe('warn');
  });

  test('SNI: a different chain without SNI is reported, and the one Genesys gets is judged', async () => {
    // Without SNI: leaf and intermediate; with SNI sbc1.example.com (what Genesys sends): the leaf alone.
    const peer = await start(
      sServer([
        '-cert',
        files['leaf.pem']!,
        '-key',
        files['leaf.key']!,
        '-cert_chain',
        files['int.pem']!,
        '-servername',
        'sbc1.example.com',
        '-cert2',
        files['leaf.pem']!,
        '-key2',
        files['leaf.key']!,
        '-tls1_2',
      ]),
    );
    const report = await probeIt(peer.port);
    expect(report.probe!.sni).toBe('sbc1.example.com');
    expect(report.probe!.chainSent).toHaveLength(1);
    expect(report.probe!.chainWithoutSni).toHaveLength(2);
    expect(worst(report, 'chain-complete')).toBe('fail');
    const { formatProbeText } = await import('../../src/reporters/probe-text.js');
    expect(formatProbeText(report)).toMatch(/without SNI .* differs: Genesys sends SNI sbc1\.example\.com/);
  });

  test('TLS 1.0 and 1.1 accepted warn; an s_server that does not speak SIP gets a sip-options result', async () => {
    const peer = await start(
      sServer(
        rsaServer([
          '-cert_chain',
          files['int.pem']!,
          '-cipher',
          `${BYOC_ECDHE}:AES256-SHA:@SECLEVEL=0`,
          '-groups',
          'secp384r1',
          '-min_protocol',
          'TLSv1',
        ]),
      ),
    );
    const report = await probeIt(peer.port);
    expect(report.probe!.versions).toMatchObject({ TLSv1: true, 'TLSv1.1': true, 'TLSv1.2': true });
    expect(worst(report, 'tls-version')).toBe('warn');
    expect(['warn', 'fail']).toContain(worst(report, 'sip-options'));
  });
});

describe('the probe and the offline check agree for the same settings', () => {
  const cases: Array<{ name: string; args: string[]; chain: 'chain.pem' | 'leaf.pem'; ciphers: string; curves: string }> = [
    {
      name: 'conforming',
      args: ['-cert_chain', 'int.pem', '-tls1_2', '-cipher', BYOC_ECDHE, '-groups', 'secp384r1'],
      chain: 'chain.pem',
      ciphers: BYOC_ECDHE,
      curves: 'secp384r1',
    },
    {
      name: 'X25519 only',
      args: ['-cert_chain', 'int.pem', '-tls1_2', '-cipher', `${BYOC_ECDHE}:AES256-SHA`, '-groups', 'X25519'],
      chain: 'chain.pem',
      ciphers: `${BYOC_ECDHE}:AES256-SHA`,
      curves: 'X25519',
    },
    {
      name: 'missing intermediate, RSA suites only',
      args: ['-tls1_2', '-cipher', 'AES256-GCM-SHA384:AES256-SHA', '-groups', 'secp384r1'],
      chain: 'leaf.pem',
      ciphers: 'AES256-GCM-SHA384:AES256-SHA',
      curves: 'secp384r1',
    },
  ];
  test.each(cases)('$name', async ({ args, chain, ciphers, curves }) => {
    const peer = await start(sServer(rsaServer(args.map((a) => (a.endsWith('.pem') ? files[a]! : a)))));
    const live = await probeIt(peer.port);
    const offline = assertValidReport(
      JSON.parse(
        JSON.stringify(
          await check({
            chain: files[chain]!,
            caFile: files['root.pem'],
            at: NOW,
            offline: true,
            sbcs: ['sbc1.example.com'],
            ciphers,
            curves,
            tlsMin: '1.2',
            tlsMax: '1.2',
          }),
        ),
      ),
    );
    const verdict = (report: Report, rule: string) =>
      results(report, rule)
        .filter((r) => r.target !== 'settings.client')
        .map((r) => r.status)
        .sort()
        .join(',');
    const shared = [...new Set(offline.results.map((r) => r.rule))].filter(
      (rule) => !['private-key', 'mtls-not-required', 'sip-options', 'tls-reachable'].includes(rule),
    );
    for (const rule of shared) expect(`${rule}: ${verdict(live, rule)}`).toBe(`${rule}: ${verdict(offline, rule)}`);
  });
});

describe('a certificate OpenSSL cannot parse', () => {
  test('is a tls-reachable finding (exit 1), never an input error', async () => {
    const peer = await start(brokenCertificateServer());
    const report = await probeIt(peer.port);
    expect(report.probe!.chainSent[0]!.unparseable).toBeTruthy();
    expect(worst(report, 'tls-reachable')).toBe('fail');
    expect(results(report, 'tls-reachable')[0]!.message).toMatch(
      /sends a certificate OpenSSL cannot parse \(certificate 1 of its Certificate message/,
    );
    const run = cli(['probe', `127.0.0.1:${peer.port}`, '--sbc', 'sbc1.example.com', '--offline', '--timeout', '2']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^NOT READY/);
  });
});

describe('network faults: bounded, each with its own message', () => {
  test('a refused port', async () => {
    const port = await refusedPort();
    const report = await probeIt(port);
    expect(report.probe!.fault?.kind).toBe('refused');
    expect(worst(report, 'tls-reachable')).toBe('fail');
    expect(results(report, 'tls-reachable')[0]!.message).toMatch(/Connection refused/);
    expect(report.certificates).toEqual([]);
  });

  test('a silent TCP listener costs the timeout once, not once per probe', async () => {
    const peer = await start(silentListener());
    const started = Date.now();
    const report = await probeIt(peer.port, { timeoutSeconds: 1 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    // Every connection was opened while the first was still being waited out: the wait is paid once.
    const open = peer.openAtAccept();
    expect(open.slice(1).every((n) => n > 0)).toBe(true);
    expect(report.probe!.fault?.kind).toBe('silent');
    expect(results(report, 'tls-reachable')[0]!.message).toMatch(/accepted the TCP connection but did not answer/);
  });

  test('a plain-text speaker', async () => {
    const peer = await start(plainTextSpeaker());
    const report = await probeIt(peer.port);
    expect(report.probe!.fault?.kind).toBe('not-tls');
    expect(results(report, 'tls-reachable')[0]!.message).toMatch(/plain text.*SSH-2\.0/);
  });

  test('a reset mid-handshake', async () => {
    const peer = await start(resetter());
    const report = await probeIt(peer.port);
    expect(report.probe!.fault?.kind).toBe('reset');
    expect(worst(report, 'tls-reachable')).toBe('fail');
  });

  test('a DNS failure', async () => {
    const report = await probeIt(5061, { host: 'sbc.does-not-exist.invalid', sbc: undefined, timeoutSeconds: 2 });
    expect(report.probe!.fault?.kind).toBe('dns');
    expect(results(report, 'tls-reachable')[0]!.message).toMatch(/DNS lookup of sbc\.does-not-exist\.invalid failed/);
  });
});

describeWith('kamailio', 'Kamailio from Debian with a TLS listener', () => {
  test("sip-options passes with Kamailio's Server header; the CLI gives the JSON a ticket can carry", async () => {
    const peer = await start(
      kamailio({ chain: files['chain.pem']!, key: files['leaf.key']! }, { ciphers: `${BYOC_ECDHE}:AES256-GCM-SHA384` }),
    );
    const run = cli([
      'probe',
      `127.0.0.1:${peer.port}`,
      '--sbc',
      'sbc1.example.com',
      '--ca',
      files['root.pem']!,
      '--at',
      NOW.toISOString(),
      '--offline',
      '--format',
      'json',
    ]);
    expect(run.stderr).toBe('');
    const report = assertValidReport(JSON.parse(run.stdout));
    const sip = report.probe!.sip;
    expect(sip).toMatchObject({ answered: true, status: 200, reason: 'OK' });
    expect(sip.answered && sip.server).toMatch(/kamailio/i);
    expect(worst(report, 'sip-options')).toBe('pass');
    expect(results(report, 'sip-options')[0]!.message).toMatch(/SIP\/2\.0 200 OK.*kamailio/i);
    expect(worst(report, 'tls-ciphers')).toBe('pass');
    expect(run.status).toBe(0); // --sbc names no port: Genesys dials 5061, whatever port this machine reached
    const text = cli([
      'probe',
      `127.0.0.1:${peer.port}`,
      '--sbc',
      'sbc1.example.com:5061',
      '--ca',
      files['root.pem']!,
      '--at',
      NOW.toISOString(),
      '--offline',
    ]);
    // --offline and no --uri: the first line says READY only for what was checked, and names the rest
    expect(text.stdout.split('\n')[0]).toMatch(
      /^READY FOR WHAT WAS CHECKED: 127\.0\.0\.1:\d+ passes what was checked\. Not checked: SIP names \(.*\), CRLs \(--offline\)\.$/,
    );
    expect(text.stdout).toMatch(/SIP OPTIONS {2}SIP\/2\.0 200 OK \(kamailio/);
    expect(text.status).toBe(0);
  });
});

describe('command line', () => {
  test('usage errors are one line and exit 2', () => {
    for (const args of [['probe'], ['probe', 'a:b:c'], ['probe', 'host:70000'], ['probe', 'host', '--timeout', '0']]) {
      const run = cli(args);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/^byoc-check: [^\n]+\n$/);
    }
  });

  test('the report names what it observed; no stack trace on a refused port', async () => {
    const port = await refusedPort();
    const run = cli(['probe', `127.0.0.1:${port}`, '--offline', '--format', 'json']);
    expect(run.status).toBe(1);
    const report = assertValidReport(JSON.parse(run.stdout));
    expect(report.probe!.target).toEqual({ host: '127.0.0.1', address: '127.0.0.1', port });
    expect(report.probe!.sni).toBeNull();
    expect(report.results.find((r) => r.rule === 'subject-name')!.status).toBe('skip');
  });
});

describe('a fleet: several targets in one run', () => {
  test('each target judged under its own name through --connect-to; dead and silent ones fail alone; one JSON report', async () => {
    const good = await start(sServer(rsaServer(['-cert_chain', files['int.pem']!, '-tls1_2'])));
    const silent = await start(silentListener());
    const dead = await refusedPort();
    const args = [
      'probe',
      'sbc1.example.com',
      'sbc1.example.com:5062',
      'sbc1.example.com:5063',
      '--connect-to',
      `sbc1.example.com:5061:127.0.0.1:${good.port}`,
      '--connect-to',
      `sbc1.example.com:5062:127.0.0.1:${dead}`,
      '--connect-to',
      `sbc1.example.com:5063:127.0.0.1:${silent.port}`,
      '--ca',
      files['root.pem']!,
      '--at',
      NOW.toISOString(),
      '--offline',
      '--timeout',
      '5',
    ];
    const run = cli([...args, '--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const report = assertValidReport(JSON.parse(run.stdout)) as Report & {
      fleet: { targets: Array<{ target: string; connectTo?: string; report: Report }> };
    };
    expect(report.fleet.targets.map((t) => [t.target, t.connectTo])).toEqual([
      ['sbc1.example.com', `127.0.0.1:${good.port}`],
      ['sbc1.example.com:5062', `127.0.0.1:${dead}`],
      ['sbc1.example.com:5063', `127.0.0.1:${silent.port}`],
    ]);
    const [ok, refused, quiet] = report.fleet.targets.map((t) => t.report);
    // SNI and the name checks use the name, not the address the connection went to
    expect(ok!.probe!.sni).toBe('sbc1.example.com');
    expect(`${worst(ok!, 'tls-reachable')} ${results(ok!, 'tls-reachable')[0]!.message}`).toMatch(/^pass/);
    expect(worst(ok!, 'subject-name')).toBe('pass');
    expect(results(refused!, 'tls-reachable')[0]!.message).toMatch(/Connection refused/);
    expect(results(quiet!, 'tls-reachable')[0]!.status).toBe('fail');
    expect(report.results.filter((r) => r.trunk === 'sbc1.example.com:5062').length).toBe(refused!.results.length);
    expect(report.verdict).toMatch(/^NOT READY: 2 of 3 targets fail \(sbc1\.example\.com:5062, sbc1\.example\.com:5063\)/);
    const text = cli(args);
    expect(text.stdout.split('\n')[0]).toMatch(/^NOT READY: 2 of 3 targets fail/);
    expect(text.stdout).toContain(`── sbc1.example.com:5063 (connected to 127.0.0.1:${silent.port})`);
  }, 60_000);

  test('usage: --sbc with several targets, a malformed --connect-to', () => {
    expect(cli(['probe', 'a.example.com', 'b.example.com', '--sbc', 'x.example.com']).stderr).toMatch(
      /--sbc names the SBC of a single target/,
    );
    const bad = cli(['probe', 'a.example.com', '--connect-to', 'a.example.com:5061:nowhere']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--connect-to "a\.example\.com:5061:nowhere" is not HOST:PORT:ADDRESS:PORT2/);
  });
});
