/**
 * A configuration that opens no TLS listener: a failure when its SBC has none at all, a note when another
 * configuration of the same SBC (a sibling sofia profile, an alternative main file) listens for TLS.
 */
import { writeTree } from '../helpers/pki.js';
import { cli } from '../helpers/run.js';

const PROFILE = (name: string, tls: boolean) =>
  `<profile name="${name}">\n  <settings>\n    <param name="sip-port" value="5080"/>\n${tls ? '    <param name="tls" value="true"/>\n    <param name="tls-version" value="tlsv1.2"/>\n' : ''}  </settings>\n</profile>\n`;

const repo = (files: Record<string, string>) => writeTree(files, 'byoc-no-tls-');

const scanJson = (dir: string) => {
  const run = cli(['scan', dir, '--offline', '--format', 'json']);
  const report = JSON.parse(run.stdout) as {
    results: Array<{ rule: string; status: string; trunk?: string; message: string }>;
    files: Array<{ path: string; notes: Array<{ message: string }> }>;
  };
  return {
    status: run.status,
    report,
    noTls: report.results.filter((r) => r.rule === 'config-valid' && /does not listen for TLS/.test(r.message)),
  };
};

test('FreeSWITCH whose only profile has TLS off: NOT READY, config-valid names the profile', () => {
  const { status, noTls } = scanJson(repo({ 'conf/sip_profiles/external.xml': PROFILE('external', false) }));
  expect(status).toBe(1);
  expect(noTls.map((r) => [r.status, r.trunk])).toEqual([['fail', 'conf/sip_profiles/external.xml']]);
});

test('internal.xml without TLS beside external.xml with TLS: a note on internal.xml, no failure', () => {
  const dir = repo({
    'conf/sip_profiles/internal.xml': PROFILE('internal', false),
    'conf/sip_profiles/external.xml': PROFILE('external', true),
  });
  const { noTls, report } = scanJson(dir);
  expect(noTls).toEqual([]);
  expect(report.files.find((f) => f.path === 'conf/sip_profiles/internal.xml')!.notes.map((n) => n.message)).toContainEqual(
    expect.stringMatching(/^no TLS listener here \(profile internal .*\); conf\/sip_profiles\/external.xml beside it listens for TLS/),
  );
});

test('the sibling must serve TLS itself: two profiles without TLS both fail', () => {
  const { noTls } = scanJson(
    repo({ 'conf/sip_profiles/internal.xml': PROFILE('internal', false), 'conf/sip_profiles/external.xml': PROFILE('external', false) }),
  );
  expect(noTls.map((r) => r.trunk).sort()).toEqual(['conf/sip_profiles/external.xml', 'conf/sip_profiles/internal.xml']);
});

test('a tls.cfg beside a kamailio.cfg that does not load it: noted as not loaded, never a trunk of its own', () => {
  const dir = repo({
    'kamailio.cfg':
      '#!KAMAILIO\nenable_tls=yes\nlisten=tls:10.0.0.10:5061\nloadmodule "tls.so"\nmodparam("tls", "tls_method", "TLSv1.2+")\nmodparam("tls", "certificate", "/etc/kamailio/sbc.pem")\nrequest_route { exit; }\n',
    // left over from another set-up: Kamailio reads a tls.cfg only through modparam("tls", "config", ...)
    'tls.cfg': '[server:default]\nmethod = TLSv1\ncertificate = /etc/kamailio/old.pem\n',
  });
  const run = cli(['scan', dir, '--offline', '--format', 'json']);
  const report = JSON.parse(run.stdout) as {
    trunks: Array<{ name: string }>;
    files: Array<{ path: string; notes: Array<{ message: string }> }>;
  };
  expect(report.trunks.map((t) => t.name)).toEqual(['kamailio.cfg']);
  expect(report.files.find((f) => f.path === 'tls.cfg')!.notes.map((n) => n.message)).toEqual([
    'not loaded: kamailio.cfg does not read it (and no other configuration in the scan does), so the SBC never uses this file; its settings are not judged',
  ]);
});

test('a file is never its own sibling: OpenSIPS with TLS domains and only udp, tcp and wss sockets fails', () => {
  const { status, noTls } = scanJson(
    repo({
      'opensips.cfg':
        'socket=udp:0.0.0.0:5060\nsocket=wss:0.0.0.0:7443\nloadmodule "tls_openssl.so"\nloadmodule "tls_mgm.so"\nloadmodule "proto_wss.so"\nmodparam("tls_mgm", "server_domain", "d")\nmodparam("tls_mgm", "tls_method", "[d]TLSv1_2")\n',
    }),
  );
  expect([status, noTls.map((r) => [r.status, r.trunk])]).toEqual([1, [['fail', 'opensips.cfg']]]);
});

test('an entry naming a tls.cfg the scan lacks: a part beside it may be that file under another name, so it is still judged', () => {
  const dir = repo({
    'kamailio.cfg':
      '#!KAMAILIO\nenable_tls=yes\nlisten=tls:10.0.0.10:5061\nloadmodule "tls.so"\nmodparam("tls", "config", "/etc/kamailio/tls-prod.cfg")\nrequest_route { exit; }\n',
    'tls-staging.cfg': '[server:default]\nmethod = TLSv1\ncertificate = /etc/kamailio/old.pem\n',
  });
  const run = cli(['scan', dir, '--offline', '--format', 'json']);
  const report = JSON.parse(run.stdout) as { trunks: Array<{ name: string }> };
  expect(report.trunks.map((t) => t.name).sort()).toEqual(['kamailio.cfg', 'tls-staging.cfg']);
});

test('Kamailio runs one main file: a kamailio.cfg without enable_tls beside another with TLS still fails', () => {
  const main = (tls: boolean) =>
    `#!KAMAILIO\n${tls ? 'enable_tls=yes\nlisten=tls:10.0.0.10:5061\nloadmodule "tls.so"\nmodparam("tls", "tls_method", "TLSv1.2+")\n' : 'listen=tls:10.0.0.10:5061\nloadmodule "tls.so"\nmodparam("tls", "tls_method", "TLSv1.2+")\n'}request_route { exit; }\n`;
  const { noTls } = scanJson(repo({ 'kamailio.cfg': main(false), 'kamailio-tls.cfg': main(true) }));
  expect(noTls.map((r) => [r.status, r.trunk])).toEqual([['fail', 'kamailio.cfg']]);
});

test('FusionPBX switches profiles off as .xml.noload: never loaded, and a tree of only those has no TLS listener', () => {
  const vars = '<include>\n  <X-PRE-PROCESS cmd="set" data="external_ssl_enable=true"/>\n</include>\n';
  const dir = repo({ 'conf/vars.xml': vars, 'conf/sip_profiles/external.xml.noload': PROFILE('external', true) });
  const run = cli(['scan', dir, '--offline', '--format', 'json']);
  const report = JSON.parse(run.stdout) as {
    trunks: Array<{ name: string }>;
    results: Array<{ rule: string; status: string; message: string; remediation: string }>;
    files: Array<{ path: string; notes: Array<{ message: string }> }>;
  };
  expect(run.status).toBe(1);
  expect(report.trunks.map((t) => t.name)).toEqual(['conf/vars.xml']);
  expect(report.files.find((f) => f.path === 'conf/sip_profiles/external.xml.noload')!.notes.map((n) => n.message)).toEqual([
    'not loaded: FreeSWITCH includes its XML through *.xml patterns (sofia.conf.xml: sip_profiles/*.xml), so external.xml.noload is never loaded; name it .xml to use it',
  ]);
  const noTls = report.results.filter((r) => r.rule === 'config-valid' && r.status === 'fail');
  expect(noTls.map((r) => r.remediation)).toEqual([
    'rename conf/sip_profiles/external.xml.noload to conf/sip_profiles/external.xml (or the profile Genesys uses)',
  ]);
  // beside a loaded profile with TLS, the .noload copy is only a note
  const both = scanJson(
    repo({ 'conf/sip_profiles/external.xml': PROFILE('external', true), 'conf/sip_profiles/old.xml.noload': PROFILE('old', false) }),
  );
  expect(both.noTls).toEqual([]);
});

test('two tls.cfg files and no kamailio.cfg: each is read alone, neither counts as the entry of the other', () => {
  const dir = repo({ 'a-tls.cfg': '[server:default]\nmethod = TLSv1.2+\n', 'b-tls.cfg': '[server:default]\nmethod = TLSv1\n' });
  const report = JSON.parse(cli(['scan', dir, '--offline', '--format', 'json']).stdout) as { trunks: Array<{ name: string }> };
  expect(report.trunks.map((t) => t.name)).toEqual(['a-tls.cfg', 'b-tls.cfg']);
});
