/**
 * `scan` over a generated repository of every SBC format at once: the profile ties configurations,
 * deployment paths and chains together; a changed-file list selects exactly the trunks it touches.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { scan } from '../../src/scan/scan.js';
import type { Report } from '../../src/report/types.js';
import { decodePem } from '../helpers/context.js';
import { fixtures } from '../helpers/fixtures.js';
import { NOW } from '../helpers/pki.js';
import { assertValidReport } from '../helpers/run.js';

const GOOD_CIPHERS = 'ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256';
const URI = (region: string) =>
  `sip:+13175550100;tgrp=t1;trunk-context=byoc.example.com@lb01.voice.${region}.pure.cloud:5061;transport=tls`;
/** DigiCert roots BYOC Cloud proxies chain to, from this machine's store (OpenSSL hash names). */
const genesysRoots = ['244b5494', '607986c7', 'dd8e9d41'].map((h) => readFileSync(`/etc/ssl/certs/${h}.0`, 'utf8')).join('');

let dir: string;
let report: Report;

async function run(paths: string[] = []): Promise<Report> {
  const { files } = await fixtures();
  const { report: out } = await scan({
    cwd: dir,
    paths,
    at: NOW,
    caCertificates: decodePem(readFileSync(files['root.pem']!, 'utf8')),
    version: 'test',
  });
  return assertValidReport(JSON.parse(JSON.stringify(out)));
}

beforeAll(async () => {
  const { files } = await fixtures();
  const read = (name: string) => readFileSync(files[name]!, 'utf8');
  const repo: Record<string, string> = {
    'README.md': '# SBC configurations\n',
    'byoc-check.yaml': `pathMap:
  /etc/kamailio: kamailio
  /etc/asterisk: asterisk
trunks:
  - name: kam
    region: use1
    sbc: [sbc1.example.com]
    uris: ["${URI('use1')}"]
    config: kamailio/kamailio.cfg
  - name: ast
    region: euc2
    sbc: [sbc1.example.com]
    config: asterisk/pjsip.conf
    suppress:
      - rule: mtls-not-required
        reason: the Genesys trunk uses a transport of its own from January (change 881)
  - name: ops
    sbc: [sbc2.example.com]
    config: opensips/opensips.cfg
  - name: fs
    config: freeswitch/conf/sip_profiles/external.xml
  - name: ac
    sbc: [sbc1.example.com]
    config: audiocodes/mediant.ini
    chain: audiocodes/sbc-chain.pem
`,
    'kamailio/kamailio.cfg': `#!KAMAILIO
listen=tls:10.0.0.10:5061
enable_tls=yes
loadmodule "tls.so"
modparam("tls", "config", "/etc/kamailio/tls.cfg")
`,
    'kamailio/tls.cfg': `[server:default]
method = TLSv1.2+
cipher_list = ${GOOD_CIPHERS}
certificate = /etc/kamailio/certs/sbc.pem
private_key = /etc/kamailio/certs/sbc.key
verify_certificate = no
require_certificate = no

[client:default]
method = TLSv1.2+
verify_certificate = yes
ca_list = /etc/kamailio/certs/genesys-roots.pem
`,
    'kamailio/certs/sbc.pem': read('good.pem'),
    'kamailio/certs/genesys-roots.pem': genesysRoots,
    'asterisk/pjsip.conf': `[transport-tls]
type = transport
protocol = tls
bind = 0.0.0.0:5061
method = tlsv1_2
cipher = ECDHE-RSA-AES256-GCM-SHA384,ECDHE-RSA-AES128-GCM-SHA256
cert_file = /etc/asterisk/keys/sbc.crt
priv_key_file = /etc/asterisk/keys/sbc.key
require_client_cert = yes
`,
    'asterisk/keys/sbc.crt': read('ecdsa.pem'),
    'opensips/opensips.cfg': `socket=tls:10.0.0.20:5061
loadmodule "tls_mgm.so"
loadmodule "proto_tls.so"
modparam("tls_mgm", "server_domain", "sbc")
modparam("tls_mgm", "certificate", "[sbc]/etc/opensips/tls/sbc.pem")
modparam("tls_mgm", "private_key", "[sbc]/etc/opensips/tls/sbc.key")
modparam("tls_mgm", "tls_method", "[sbc]TLSv1_2-")
modparam("tls_mgm", "ciphers_list", "[sbc]${GOOD_CIPHERS}")
`,
    'freeswitch/conf/vars.xml': `<include>
  <X-PRE-PROCESS cmd="set" data="external_ssl_enable=true"/>
  <X-PRE-PROCESS cmd="set" data="sip_tls_ciphers=RC4:EXP"/>
</include>
`,
    'freeswitch/conf/sip_profiles/external.xml': `<profile name="external">
  <settings>
    <param name="tls" value="$\${external_ssl_enable}"/>
    <param name="tls-sip-port" value="5061"/>
    <param name="tls-version" value="tlsv1.2"/>
    <param name="tls-ciphers" value="$\${sip_tls_ciphers}"/>
    <param name="tls-cert-dir" value="../../certs"/>
  </settings>
</profile>
`,
    'audiocodes/mediant.ini': readFileSync(new URL('../fixtures/sbc/audiocodes/mediant-7.4.ini', import.meta.url), 'utf8'),
    'audiocodes/sbc-chain.pem': read('good.pem'),
  };
  dir = mkdtempSync(join(tmpdir(), 'byoc-mixed-'));
  for (const [path, text] of Object.entries(repo)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  report = await run();
});

const worst = (r: Report, trunk: string, rule: string) => {
  const order = ['fail', 'warn', 'pass', 'skip'];
  return (
    r.results
      .filter((x) => x.trunk === trunk && x.rule === rule && !x.suppressed)
      .map((x) => x.status)
      .sort((a, b) => order.indexOf(a) - order.indexOf(b))[0] ?? 'suppressed'
  );
};

test('every format is read and each trunk gets its endpoints', () => {
  expect(report.trunks!.map((t) => t.name)).toEqual(['kam', 'ast', 'ops', 'fs', 'ac']);
  const formats = Object.fromEntries(
    report.trunks!.map((t) => [t.name, [...new Set(t.endpoints.map((id) => report.endpoints!.find((e) => e.id === id)!.format))]]),
  );
  expect(formats).toEqual({ kam: ['kamailio'], ast: ['asterisk'], ops: ['opensips'], fs: ['freeswitch'], ac: ['audiocodes'] });
});

test('Kamailio: deployment paths found through pathMap, the client trusts the DigiCert roots, findings point at tls.cfg', () => {
  expect(report.trunks!.find((t) => t.name === 'kam')!.chains).toEqual([
    { file: 'kamailio/certs/sbc.pem', how: 'path map /etc/kamailio=kamailio', certificates: [0, 1, 2] },
  ]);
  expect(
    ['chain-complete', 'subject-name', 'tls-ciphers', 'tls-version', 'trusts-genesys', 'mtls-not-required', 'config-valid'].map((r) =>
      worst(report, 'kam', r),
    ),
  ).toEqual(['pass', 'pass', 'pass', 'pass', 'pass', 'pass', 'pass']);
  const ciphers = report.results.find((r) => r.trunk === 'kam' && r.rule === 'tls-ciphers')!;
  expect(ciphers.location).toEqual({ file: 'kamailio/tls.cfg', line: 3, key: 'cipher_list' });
});

test('Asterisk: the ECDSA certificate fails leaf-key at its file; the suppressed mTLS finding keeps its reason', () => {
  expect(report.results.find((r) => r.trunk === 'ast' && r.rule === 'leaf-key')).toMatchObject({
    status: 'fail',
    location: { file: 'asterisk/keys/sbc.crt' },
  });
  const mtls = report.results.filter((r) => r.trunk === 'ast' && r.rule === 'mtls-not-required' && r.status === 'fail');
  expect(mtls.map((r) => [r.location, r.suppressed?.reason])).toEqual([
    [
      { file: 'asterisk/pjsip.conf', line: 9, key: 'require_client_cert' },
      'the Genesys trunk uses a transport of its own from January (change 881)',
    ],
  ]);
});

test('OpenSIPS: a certificate outside the repository skips the chain rules with the paths tried; require_cert defaults to on', () => {
  const skip = report.results.find((r) => r.trunk === 'ops' && r.rule === 'chain-complete')!;
  expect(skip.status).toBe('skip');
  expect(skip.message).toMatch(/\/etc\/opensips\/tls\/sbc.pem is not in the repository \(tried .*opensips\/tls\/sbc.pem/);
  const mtls = report.results.find((r) => r.trunk === 'ops' && r.rule === 'mtls-not-required')!;
  expect([mtls.status, mtls.location]).toEqual(['fail', { file: 'opensips/opensips.cfg', line: 4 }]);
  expect(mtls.message).toMatch(/OpenSIPS/);
});

test('FreeSWITCH: $${vars} resolve through vars.xml; a cipher string OpenSSL rejects fails tls-ciphers and config-valid at the vars.xml line', () => {
  expect(worst(report, 'fs', 'tls-ciphers')).toBe('fail');
  expect(report.results.find((r) => r.trunk === 'fs' && r.rule === 'tls-ciphers')!.message).toMatch(
    /OpenSSL selects no cipher from .*RC4:EXP/,
  );
  expect(report.results.find((r) => r.trunk === 'fs' && r.rule === 'config-valid' && r.status === 'fail')!.location?.file).toBe(
    'freeswitch/conf/vars.xml',
  );
});

test('AudioCodes: the chain comes from the profile, the TLS context from the INI', () => {
  expect(report.trunks!.find((t) => t.name === 'ac')!.chains).toEqual([
    {
      file: 'audiocodes/sbc-chain.pem',
      how: 'trunk profile byoc-check.yaml:25',
      certificates: [expect.any(Number), expect.any(Number), expect.any(Number)],
    },
  ]);
  expect(worst(report, 'ac', 'chain-complete')).toBe('pass');
  expect(report.results.some((r) => r.trunk === 'ac' && r.rule === 'tls-ciphers' && r.location?.file === 'audiocodes/mediant.ini')).toBe(
    true,
  );
});

test('a changed-file list checks the trunks those files belong to, and nothing else', async () => {
  const names = async (paths: string[]) => (await run(paths)).trunks!.map((t) => t.name);
  expect(await names(['kamailio/tls.cfg'])).toEqual(['kam']);
  expect(await names(['kamailio/certs/genesys-roots.pem'])).toEqual(['kam']);
  expect(await names(['asterisk/keys/sbc.crt'])).toEqual(['ast']);
  expect(await names(['freeswitch/conf/vars.xml'])).toEqual(['fs']);
  expect(await names(['audiocodes/sbc-chain.pem', 'README.md'])).toEqual(['ac']);
  expect(await names(['README.md'])).toEqual([]);
  expect(await names(['byoc-check.yaml'])).toEqual(['kam', 'ast', 'ops', 'fs', 'ac']);
});
