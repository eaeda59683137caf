/**
 * `scan --genesys`: the org's trunk settings (saved answers written from the documented API shape)
 * linked to the SBC files by `genesys:` in byoc-check.yaml. Genesys' SIP servers become the names the
 * certificate must carry, its termination identifier the tgrp the URIs must send, its SRTP suites what
 * the media leg must offer; disagreements name both places; an org trunk nobody links is listed.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Report } from '../../src/report/types.js';
import { fixtures } from '../helpers/fixtures.js';
import { trunkBase } from '../helpers/genesys.js';
import { assertValidReport, cli } from '../helpers/run.js';

const URI = (tgrp: string) => `sip:+13175550100;tgrp=${tgrp};trunk-context=byoc.example.com@lb01.voice.use1.pure.cloud:5061;transport=tls`;
const GOOD_CIPHERS = 'ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256';

let dir: string;
let root: string;

function write(files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

const tls = (name: string, servers: string[], extra: Record<string, unknown> = {}) =>
  trunkBase(name, {
    trunk_transport_protocolVariant: 'tls',
    trunk_transport_serverProxyList: servers,
    trunk_sip_termination_uri: 'carrier1',
    trunk_enabled: true,
    ...extra,
  });

function org(file: string, ...bases: unknown[]): string {
  write({ [file]: JSON.stringify({ entities: bases, pageSize: 100, pageNumber: 1, pageCount: 1 }) });
  return join(dir, file);
}

function profile(trunks: string): void {
  write({ 'byoc-check.yaml': `pathMap:\n  /etc/kamailio: kamailio\ntrunks:\n${trunks}` });
}

const kamTrunk = (over = '') => `  - name: kam
    region: use1
    genesys: Carrier One
    uris: ["${URI('carrier1')}"]
    config: kamailio/kamailio.cfg
${over}`;

function scanJson(args: string[]): { status: number | null; report: Report; stderr: string } {
  const run = cli(['scan', dir, '--ca', root, '--at', '2026-11-22T12:00:00Z', '--format', 'json', ...args]);
  return { status: run.status, report: run.stdout ? assertValidReport(JSON.parse(run.stdout)) : ({} as Report), stderr: run.stderr };
}

const of = (r: Report, rule: string, trunk = 'kam') => r.results.filter((x) => x.rule === rule && x.trunk === trunk);

beforeAll(async () => {
  const { files } = await fixtures();
  dir = mkdtempSync(join(tmpdir(), 'byoc-scan-genesys-'));
  root = files['root.pem']!;
  write({
    'kamailio/kamailio.cfg': `#!KAMAILIO
listen=tls:10.0.0.10:5061
enable_tls=yes
loadmodule "tls.so"
loadmodule "rtpengine.so"
modparam("tls", "config", "/etc/kamailio/tls.cfg")
route {
  rtpengine_manage("RTP/SAVP DTLS=off SDES-only-AES_CM_128_HMAC_SHA1_80");
}
`,
    'kamailio/tls.cfg': `[server:default]
method = TLSv1.2+
cipher_list = ${GOOD_CIPHERS}
certificate = /etc/kamailio/certs/sbc.pem
private_key = /etc/ssl/private/sbc.key
verify_certificate = no
require_certificate = no
`,
    'kamailio/certs/sbc.pem': readFileSync(files['good.pem']!, 'utf8'),
  });
});

test("linked and agreeing: the org's names, tgrp and suites are what was judged; exit 0", () => {
  profile(kamTrunk());
  const file = org('org-ok.json', tls('Carrier One', ['sbc1.example.com']));
  const { status, report, stderr } = scanJson(['--genesys', file]);
  expect([status, stderr]).toEqual([0, '']);
  expect(report.verdict).not.toMatch(/NOT READY/);
  const trunk = report.trunks!.find((t) => t.name === 'kam')!;
  expect(trunk.sbc).toEqual(['sbc1.example.com']);
  expect(trunk.genesys).toEqual({ wanted: 'Carrier One', id: 'id-carrier-one', name: 'Carrier One' });
  expect(report.scan!.genesys!.trunks).toEqual([{ id: 'id-carrier-one', name: 'Carrier One', linkedTo: ['kam'] }]);
  expect(of(report, 'trunk-link').map((r) => r.status)).toEqual(['pass']);
  expect(of(report, 'subject-name').map((r) => [r.status, r.location?.file, r.location?.key])).toEqual([
    ['pass', file, 'properties.trunk_transport_serverProxyList[0]'],
  ]);
  // the genesys rules judge the linked trunk, under the profile trunk's name
  expect(of(report, 'trunk-tls').map((r) => r.status)).toEqual(['pass']);
  expect(of(report, 'trunk-termination').map((r) => r.status)).toEqual(['pass']);
  expect(of(report, 'uri-params').map((r) => r.status)).toEqual(['pass']);
  expect(of(report, 'srtp-suites').map((r) => r.status)).toEqual(['pass']);
});

test('Genesys dials a name the certificate lacks, the SBC sends another tgrp, the trunk wants another SRTP suite: each fails, naming the org setting', () => {
  profile(kamTrunk());
  const file = org(
    'org-bad.json',
    tls('Carrier One', ['sbc1.example.com', 'sbc9.example.com:5061'], {
      trunk_sip_termination_uri: 'carrier9',
      trunk_media_srtpCipherSuites: ['AES_CM_256_HMAC_SHA1_80'],
    }),
  );
  const { status, report } = scanJson(['--genesys', file]);
  expect(status).toBe(1);
  const names = of(report, 'subject-name');
  expect(names.map((r) => [r.target, r.status])).toEqual([
    ['sbc[0]', 'pass'],
    ['sbc[1]', 'fail'],
  ]);
  expect(names[1]!.message).toMatch(/does not name "sbc9\.example\.com"/);
  expect(names[1]!.location).toEqual({ file, key: 'properties.trunk_transport_serverProxyList[1]' });
  const uri = of(report, 'uri-params').find((r) => r.status === 'fail')!;
  expect(uri.message).toMatch(
    /;tgrp=carrier1, but Genesys trunk "Carrier One" has Inbound SIP Termination Identifier "carrier9" \(genesys: trunk "Carrier One" properties\.trunk_sip_termination_uri\)/,
  );
  expect(uri.remediation).toMatch(/Send ;tgrp=carrier9/);
  const suites = of(report, 'srtp-suites').find((r) => r.status === 'fail')!;
  expect(suites.message).toMatch(/properties\.trunk_media_srtpCipherSuites/);
});

test('sbc: in the profile and the org disagree: one finding naming both places; the org list is judged', () => {
  profile(kamTrunk('    sbc:\n      - sbc1.example.com\n      - old.example.com\n'));
  const file = org('org-two.json', tls('Carrier One', ['sbc1.example.com', 'sbc2.example.com']));
  const { status, report } = scanJson(['--genesys', file]);
  expect(status).toBe(1);
  const link = of(report, 'trunk-link')[0]!;
  expect(link.status).toBe('fail');
  expect(link.message).toMatch(
    /Genesys dials sbc2\.example\.com \(genesys: trunk "Carrier One" properties\.trunk_transport_serverProxyList\[1\]\), which `sbc:` does not list/,
  );
  expect(link.message).toMatch(/`sbc:` lists old\.example\.com \(byoc-check\.yaml:11\), which Genesys never dials/);
  expect(link.location).toEqual({ file: 'byoc-check.yaml', line: 11, key: 'sbc' });
  expect(report.trunks!.find((t) => t.name === 'kam')!.sbc).toEqual(['sbc1.example.com', 'sbc2.example.com']);
});

test('a name the org does not have fails; an org trunk no profile trunk names is listed (a warning, in every format)', () => {
  profile(kamTrunk().replace('genesys: Carrier One', 'genesys: Carrier 1'));
  const file = org('org-other.json', tls('Carrier One', ['sbc1.example.com']), tls('Forgotten', ['sbc7.example.com']));
  const { status, report } = scanJson(['--genesys', file]);
  expect(status).toBe(1);
  expect(of(report, 'trunk-link')[0]!.message).toMatch(
    /names Genesys trunk "Carrier 1" \(byoc-check\.yaml:6\), but no BYOC Cloud trunk of the org has that name or id/,
  );
  const forgotten = report.results.filter((r) => r.trunk === '(genesys org)');
  expect(forgotten.map((r) => [r.rule, r.status])).toEqual([
    ['trunk-link', 'warn'],
    ['trunk-link', 'warn'],
  ]);
  expect(forgotten[1]!.message).toMatch(/Genesys trunk "Forgotten" \(id-forgotten\) is not linked to any SBC configuration/);
  const text = cli(['scan', dir, '--ca', root, '--at', '2026-11-22T12:00:00Z', '--genesys', file]);
  expect(text.stdout).toMatch(/trunk \(genesys org\)/);
  expect(text.stdout).toMatch(/"Forgotten" \(id-forgotten\) is not linked to any SBC configuration/);
  const junit = cli(['scan', dir, '--ca', root, '--at', '2026-11-22T12:00:00Z', '--genesys', file, '--format', 'junit']);
  expect(junit.stdout).toMatch(/<testsuite name="\(genesys org\)"/);
});

test('a UDP org trunk: trunk-tls fails the trunk; no tgrp is expected from it', () => {
  profile(kamTrunk());
  const file = org('org-udp.json', tls('Carrier One', ['sbc1.example.com'], { trunk_transport_protocolVariant: 'udp' }));
  const { status, report } = scanJson(['--genesys', file]);
  expect(status).toBe(1);
  expect(of(report, 'trunk-tls')[0]!.status).toBe('fail');
  expect(of(report, 'uri-params').map((r) => r.status)).toEqual(['pass']);
});

test('bad input: exit 2, one line: a missing --genesys file, JSON without BYOC trunks, --api-base without --genesys', () => {
  profile(kamTrunk());
  const missing = cli(['scan', dir, '--genesys', join(dir, 'nope.json')]);
  expect(missing.status).toBe(2);
  expect(missing.stderr.trim().split('\n')).toHaveLength(1);
  write({ 'empty.json': JSON.stringify({ entities: [] }) });
  const none = cli(['scan', dir, '--genesys', join(dir, 'empty.json')]);
  expect(none.status).toBe(2);
  expect(none.stderr).toMatch(/no BYOC Cloud trunk in the --genesys/);
  const base = cli(['scan', dir, '--api-base', 'https://127.0.0.1:9']);
  expect(base.status).toBe(2);
  expect(base.stderr).toMatch(/--api-base only applies with --genesys --fetch/);
});

test('saved org files need no region: GENESYSCLOUD_REGION is read only with --fetch', () => {
  profile(kamTrunk());
  const file = org('org-ok.json', tls('Carrier One', ['sbc1.example.com']));
  const run = cli(['scan', dir, '--ca', root, '--at', '2026-11-22T12:00:00Z', '--genesys', file], {
    env: { GENESYSCLOUD_REGION: 'mars-1' },
  });
  expect([run.status, run.stderr]).toEqual([0, '']);
});

test('without --genesys, `genesys:` in the profile changes nothing', () => {
  profile(kamTrunk('    sbc: [sbc1.example.com]\n'));
  const { status, report } = scanJson([]);
  expect(status).toBe(0);
  expect(report.results.some((r) => r.rule === 'trunk-link')).toBe(false);
  expect(report.scan!.genesys).toBeUndefined();
});
