/** The OpenSIPS reader on fixtures written from the tls_mgm documentation: endpoints with provenance, notes, problems. */
import fc from 'fast-check';
import { methodVersions, opensips } from '../../../src/config/readers/opensips.js';
import type { ReaderOutput } from '../../../src/config/types.js';
import { expectLinear } from '../../helpers/growth.js';
import { brief, fixtureFiles, readConfig } from '../../helpers/sbc.js';

const DOCS = 'https://opensips.org/docs/modules/3.4.x/tls_mgm.html';
const D = (text: string, anchor: string) => `default: OpenSIPS tls_mgm default: ${text} (${DOCS}#${anchor})`;
const DEFAULT_CIPHERS = `DEFAULT @ ${D("ciphers_list unset: tls_mgm sets no list, so OpenSSL's default cipher list applies", 'param_ciphers_list')}`;
const CA_DIR = `/etc/pki/CA/ @ ${D('ca_dir /etc/pki/CA/', 'param_ca_dir')}`;
const ANY = `1.0,1.1,1.2,1.3 @ ${D('tls_method SSLv23, any TLS version (modules/tls_mgm/tls_config.c tls_default_method)', 'param_tls_method')}`;
const CERT = `tls/cert.pem @ ${D('certificate CFG_DIR/tls/cert.pem (CFG_DIR taken as the folder of this opensips.cfg)', 'param_certificate')}`;
const KEY = `tls/ckey.pem @ ${D('private_key CFG_DIR/tls/ckey.pem (CFG_DIR taken as the folder of this opensips.cfg)', 'param_private_key')}`;
const REQUIRE = `true @ ${D('require_cert 1 (modules/tls_mgm/tls_config.c tls_require_client_cert)', 'param_require_cert')}`;
const REQUEST = `true @ ${D('verify_cert 1 (modules/tls_mgm/tls_config.c tls_verify_client_cert)', 'param_verify_cert')}`;
const VERIFY = `true @ ${D('verify_cert 1: a client domain verifies the server (modules/tls_mgm/tls_config.c tls_verify_server_cert)', 'param_verify_cert')}`;

function read(dir: string): ReaderOutput {
  const files = fixtureFiles(`opensips/${dir}`);
  expect(opensips.detect({ path: 'opensips.cfg', text: files['opensips.cfg']! })).toBe('entry');
  return readConfig(opensips, files, 'opensips.cfg');
}
const notes = (o: ReaderOutput) => o.notes.map((n) => `${n.level} ${n.location.file}:${n.location.line ?? ''} ${n.message}`);
const problems = (o: ReaderOutput) =>
  o.problems.map(
    (p) =>
      `${p.code} ${p.location.file}:${p.location.line}${p.endpoint ? ` [${p.endpoint}]` : ''} ${p.message}${p.fix ? ` | fix: ${p.fix}` : ''}`,
  );

test('3.x: [dom] parameters, tls_method range and exact value, defaults verify on, a specific socket wins over "*"', () => {
  const out = read('v3');
  expect(out.endpoints.map(brief)).toEqual([
    {
      name: 'sbc',
      role: 'server',
      listen: '{"host":"10.0.0.11","port":5071} @ opensips.cfg:5 socket',
      certificate: '/etc/opensips/tls/sbc-fullchain.pem @ opensips.cfg:16 certificate',
      privateKey: '/etc/opensips/tls/sbc.key @ opensips.cfg:17 private_key',
      caList: '/etc/opensips/tls/genesys-roots.pem @ opensips.cfg:18 ca_list',
      caPath: CA_DIR,
      versions: '1.2,1.3 @ opensips.cfg:19 tls_method',
      ciphers: 'ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256 @ opensips.cfg:20 ciphers_list',
      curves: 'secp384r1 @ opensips.cfg:21 ec_curve',
      requireClientCert: 'false @ opensips.cfg:23 require_cert',
      requestClientCert: 'false @ opensips.cfg:22 verify_cert',
      serverName: 'sbc.example.com @ opensips.cfg:15 match_sip_domain',
    },
    {
      ciphers: DEFAULT_CIPHERS,
      name: 'legacy',
      role: 'server',
      listen: '{"host":"10.0.0.10","port":5061} @ opensips.cfg:4 socket',
      certificate: CERT,
      privateKey: KEY,
      caPath: CA_DIR,
      versions: '1.0 @ opensips.cfg:28 tls_method',
      requireClientCert: REQUIRE,
      requestClientCert: REQUEST,
    },
    {
      ciphers: DEFAULT_CIPHERS,
      name: 'genesys',
      role: 'client',
      caList: '/etc/opensips/tls/genesys-roots.pem @ opensips.cfg:34 ca_list',
      caPath: CA_DIR,
      versions: '1.2 @ opensips.cfg:33 tls_method',
      verifyPeer: VERIFY,
    },
  ]);
  expect(out.endpoints.map((e) => [e.format, e.declared])).toEqual([
    ['opensips', { file: 'opensips.cfg', line: 13 }],
    ['opensips', { file: 'opensips.cfg', line: 26 }],
    ['opensips', { file: 'opensips.cfg', line: 31 }],
  ]);
  expect(out.endpoints[0]!.versions!.raw).toBe('TLSv1_2-');
  expect(notes(out)).toEqual([]);
  expect(out.problems).toEqual([]);
  const s = out.endpoints[0]!.syntax;
  expect(s.ciphers('ECDHE-RSA-AES256-GCM-SHA384')).toBe('modparam("tls_mgm", "ciphers_list", "[sbc]ECDHE-RSA-AES256-GCM-SHA384")');
  expect(s.allowTls12()).toBe('modparam("tls_mgm", "tls_method", "[sbc]TLSv1_2-TLSv1_3")');
  expect(s.curves!('secp384r1:X25519')).toBe('modparam("tls_mgm", "ec_curve", "[sbc]secp384r1")');
  expect(s.noClientCertificate()).toBe('modparam("tls_mgm", "verify_cert", "[sbc]0") and modparam("tls_mgm", "require_cert", "[sbc]0")');
  expect(out.endpoints[2]!.syntax.verifyPeer()).toBe('modparam("tls_mgm", "verify_cert", "[genesys]1")');
  expect(out.endpoints[2]!.syntax.caList('/etc/opensips/genesys.pem')).toBe(
    'modparam("tls_mgm", "ca_list", "[genesys]/etc/opensips/genesys.pem")',
  );
});

test('what OpenSIPS refuses to load: undeclared domain, missing [dom], TLSv1_1, TLSv1.2+, Kamailio names, non-numeric flags; db_url noted', () => {
  const out = read('errors');
  expect(out.endpoints.map(brief)).toEqual([
    {
      ciphers: DEFAULT_CIPHERS,
      name: 'edge',
      role: 'server',
      listen: '{"host":"192.0.2.99","port":5061} @ opensips.cfg:13 match_ip_address',
      certificate: CERT,
      privateKey: KEY,
      caPath: CA_DIR,
      requireClientCert: REQUIRE,
      requestClientCert: REQUEST,
    },
    { ciphers: DEFAULT_CIPHERS, name: 'out', role: 'client', caPath: CA_DIR, verifyPeer: VERIFY },
  ]);
  expect(notes(out)).toEqual([
    'info opensips.cfg:2 listen= is accepted up to OpenSIPS 3.6; OpenSIPS 4.0 only reads socket=',
    'warn opensips.cfg:4 tls_mgm db_url is set: TLS domains may also be provisioned in the database (table tls_mgm), whose settings cannot be read from files; only the domains written in the script are reported',
    'warn opensips.cfg:13 TLS domain [edge] matches 192.0.2.99:5061, but no socket=tls:192.0.2.99:5061 is declared in the scanned files: no connection can use it',
  ]);
  expect(problems(out)).toEqual([
    'syntax opensips.cfg:5 [edge] certificate for TLS domain [edge], which is not declared before this line: OpenSIPS refuses to start ("TLS domain [edge] not defined") | fix: modparam("tls_mgm", "server_domain", "edge") before the domain\'s other parameters',
    'unknown-option opensips.cfg:9 "cipher_list" is not a tls_mgm parameter (it is Kamailio\'s name; OpenSIPS\' is ciphers_list): OpenSIPS refuses to start | fix: modparam("tls_mgm", "ciphers_list", "[edge]HIGH")',
    'syntax opensips.cfg:7 tls_method "TLSv1_2" has no [domain] prefix: OpenSIPS 3.x and 4.x refuse to start ("No TLS domain name") | fix: modparam("tls_mgm", "tls_method", "[edge]TLSv1_2")',
    // a guide written before 3.2 loads no TLS library module
    'other opensips.cfg:3 loadmodule "tls_mgm.so" without a TLS library module (tls_openssl.so or tls_wolfssl.so): OpenSIPS 3.2 and later refuse to start ("No TLS library module loaded", tls_mgm.c load_tls_library) | fix: loadmodule "tls_openssl.so"',
    'unknown-method opensips.cfg:8 [edge] tls_method "[edge]TLSv1_1": unsupported method [TLSv1_1] (OpenSIPS has no TLSv1_1): OpenSIPS refuses to start | fix: modparam("tls_mgm", "tls_method", "[edge]TLSv1_2-TLSv1_3")',
    'invalid-value opensips.cfg:10 [edge] require_cert "[edge]yes" is not a number (0 or 1): OpenSIPS refuses to start ("option is not a number") | fix: modparam("tls_mgm", "require_cert", "[edge]0")',
    'unknown-method opensips.cfg:12 [out] tls_method "[out]TLSv1.2+": unsupported method [TLSv1.2+] (OpenSIPS writes TLSv1_2 with an underscore, and ranges as TLSv1_2-TLSv1_3): OpenSIPS refuses to start | fix: modparam("tls_mgm", "tls_method", "[out]TLSv1_2-TLSv1_3")',
  ]);
});

test('tls_mgm needs exactly the TLS library module tls_library names (OpenSIPS 3.2+: tls_mgm.c load_tls_library)', () => {
  const cfg = (modules: string[], library?: string) =>
    readConfig(
      opensips,
      {
        'opensips.cfg': [
          'socket=tls:192.0.2.1:5061',
          ...modules.map((m) => `loadmodule "${m}.so"`),
          'loadmodule "tls_mgm.so"',
          'loadmodule "proto_tls.so"',
          ...(library ? [`modparam("tls_mgm", "tls_library", "${library}")`] : []),
          'modparam("tls_mgm", "server_domain", "d")',
          '',
        ].join('\n'),
      },
      'opensips.cfg',
    ).problems.map((p) => `${p.location.line} ${p.location.key}: ${p.message.split(':')[0]} | ${p.fix}`);
  expect(cfg(['tls_openssl'])).toEqual([]);
  expect(cfg(['tls_wolfssl'])).toEqual([]);
  expect(cfg(['tls_wolfssl'], 'wolfssl')).toEqual([]);
  expect(cfg([])).toEqual([
    '2 loadmodule: loadmodule "tls_mgm.so" without a TLS library module (tls_openssl.so or tls_wolfssl.so) | loadmodule "tls_openssl.so"',
  ]);
  expect(cfg(['tls_openssl', 'tls_wolfssl'])).toEqual([
    '4 loadmodule: both tls_openssl.so and tls_wolfssl.so are loaded and tls_library is "auto" | modparam("tls_mgm", "tls_library", "openssl")',
  ]);
  expect(cfg(['tls_openssl', 'tls_wolfssl'], 'openssl')).toEqual([]);
  expect(cfg(['tls_wolfssl'], 'openssl')).toEqual([
    '5 tls_library: tls_library is "openssl" but tls_openssl.so is not loaded | loadmodule "tls_openssl.so"',
  ]);
});

test('tls_mgm domains without any TLS socket: the SBC does not listen for TLS (a real configuration had only udp, tcp and wss)', () => {
  const out = readConfig(
    opensips,
    {
      'opensips.cfg':
        'socket=udp:0.0.0.0:5060\nsocket=wss:0.0.0.0:7443\nloadmodule "tls_openssl.so"\nloadmodule "tls_mgm.so"\nloadmodule "proto_wss.so"\nmodparam("tls_mgm", "server_domain", "d")\nmodparam("tls_mgm", "tls_method", "[d]TLSv1_2")\n',
    },
    'opensips.cfg',
  );
  expect(out.problems.map((p) => `${p.code} ${p.location.file}:${p.location.line} | ${p.fix}`)).toEqual([
    'no-tls opensips.cfg:6 | socket=tls:0.0.0.0:5061   # with loadmodule "proto_tls.so"',
  ]);
  expect(out.problems[0]!.message).toMatch(
    /^The SBC does not listen for TLS, so Genesys cannot connect: tls_mgm domains are set, but no socket=tls:/,
  );
});

test('2.4 syntax: server_domain "dom=IP:port" and un-prefixed default-domain values', () => {
  const out = read('v24');
  expect(out.endpoints.map(brief)).toEqual([
    {
      ciphers: DEFAULT_CIPHERS,
      name: 'dom1',
      role: 'server',
      listen: '{"host":"192.0.2.1","port":5061} @ opensips.cfg:2 listen',
      certificate: '/etc/opensips/tls/dom1.pem @ opensips.cfg:8 certificate',
      privateKey: KEY,
      caPath: CA_DIR,
      versions: ANY,
      requireClientCert: 'false @ opensips.cfg:9 verify_cert',
      requestClientCert: 'false @ opensips.cfg:9 verify_cert',
    },
    {
      ciphers: DEFAULT_CIPHERS,
      name: 'default',
      role: 'server',
      listen: '{"host":"192.0.2.2","port":5061} @ opensips.cfg:3 listen',
      certificate: '/etc/opensips/tls/default.pem @ opensips.cfg:6 certificate',
      privateKey: KEY,
      caPath: CA_DIR,
      versions: '1.2 @ opensips.cfg:5 tls_method',
      requireClientCert: REQUIRE,
      requestClientCert: REQUEST,
    },
    {
      ciphers: DEFAULT_CIPHERS,
      name: 'default',
      role: 'client',
      certificate: '/etc/opensips/tls/default.pem @ opensips.cfg:6 certificate',
      privateKey: KEY,
      caPath: CA_DIR,
      versions: '1.2 @ opensips.cfg:5 tls_method',
      verifyPeer: VERIFY,
    },
  ]);
  expect(notes(out)).toEqual([
    'info opensips.cfg:2 listen= is accepted up to OpenSIPS 3.6; OpenSIPS 4.0 only reads socket=',
    'info opensips.cfg:5 values without a [domain] prefix: read as OpenSIPS 2.x default-domain settings (this file uses the 2.x server_domain "name=IP:port" form); OpenSIPS 3.0 and later refuse them',
  ]);
  expect(out.problems).toEqual([]);
});

test('tls_method: single values pin one version, ranges open on either side, prefix match as strncasecmp does', () => {
  expect(methodVersions('TLSv1_2')).toEqual(['1.2']);
  expect(methodVersions('tlsv1')).toEqual(['1.0']);
  expect(methodVersions('SSLv23')).toEqual(['1.0', '1.1', '1.2', '1.3']);
  expect(methodVersions('TLSany')).toEqual(['1.0', '1.1', '1.2', '1.3']);
  expect(methodVersions('TLSv1-TLSv1_2')).toEqual(['1.0', '1.1', '1.2']);
  expect(methodVersions('TLSv1_2 - TLSv1_3')).toEqual(['1.2', '1.3']);
  expect(methodVersions('-TLSv1_2')).toEqual(['1.0', '1.1', '1.2']);
  expect(methodVersions('-')).toEqual(['1.0', '1.1', '1.2', '1.3']);
  expect(methodVersions('TLSv1_3')).toEqual(['1.3']);
  expect(methodVersions('TLSv1_1')).toBe('unsupported method [TLSv1_1]');
  expect(methodVersions('TLSv1.2')).toBe('unsupported method [TLSv1.2]');
  expect(methodVersions('TLSv1_2-TLSv1.3')).toBe('unsupported method [TLSv1.3]');
});

test('a TLS socket with domains only in the database: not guessed', () => {
  const out = readConfig(
    opensips,
    {
      'opensips.cfg':
        'socket=tls:198.51.100.7:5061\nloadmodule "tls_mgm.so"\nloadmodule "proto_tls.so"\nmodparam("tls_mgm", "db_url", "mysql://u:p@db/opensips")\n',
    },
    'opensips.cfg',
  );
  expect(out.endpoints).toEqual([]);
  expect(notes(out)).toEqual([
    'warn opensips.cfg:4 tls_mgm db_url is set: TLS domains may also be provisioned in the database (table tls_mgm), whose settings cannot be read from files; only the domains written in the script are reported',
  ]);
});

test('detect: OpenSIPS by tls_mgm/proto_tls, never Kamailio or other text', () => {
  const d = (text: string) => opensips.detect({ path: 'x.cfg', text });
  expect(d('loadmodule "tls_mgm.so"\n')).toBe('entry');
  expect(d('socket=tls:1.2.3.4:5061\nloadmodule "proto_tls.so"\n')).toBe('entry');
  expect(d('#!KAMAILIO\nloadmodule "tls.so"\nmodparam("tls", "config", "tls.cfg")\n')).toBe(false);
  expect(d('[server:default]\nmethod = TLSv1.2+\n')).toBe(false);
  expect(d('listen=tls:1.2.3.4:5061\nloadmodule "tls.so"\n')).toBe(false);
});

test('fuzz: never throws, stays linear', async () => {
  const piece = fc.constantFrom(
    'modparam("tls_mgm", "server_domain", "d")\n',
    'modparam("tls_mgm", "tls_method", "[d]TLSv1_2-")\n',
    'modparam("tls_mgm", "verify_cert", "[d]x")\n',
    'modparam("tls_mgm",\n',
    'socket=tls:1.2.3.4:5061\n',
    'listen=tls:[::1]\n',
    'modparam("tls_mgm", "server_domain", "d=1.2.3.4:x")\n',
    'modparam("tls_mgm", "match_ip_address", "[d]*,1.2.3.4:5061")\n',
    'include_file "opensips.cfg"\n',
    "ifelse(A,`b',`c')\n",
    '/*',
    '*/',
    '"',
    '[',
    ']',
    '\n',
    '-',
  );
  fc.assert(
    fc.property(fc.array(fc.oneof(piece, fc.string()), { maxLength: 60 }), (parts) => {
      const text = `loadmodule "tls_mgm.so"\n${parts.join('')}`;
      const out = readConfig(opensips, { 'opensips.cfg': text }, 'opensips.cfg');
      expect(Array.isArray(out.endpoints)).toBe(true);
      opensips.detect({ path: 'a', text: parts.join('') });
    }),
    { numRuns: 300 },
  );
  // Repeated domains and sockets, then unclosed modparams: linear in their number.
  await expectLinear((scale) => {
    const n = 3000 * scale;
    const big =
      'modparam("tls_mgm", "server_domain", "d")\nmodparam("tls_mgm", "tls_method", "[d]TLSv1_2")\nsocket=tls:1.2.3.4:5061\n'.repeat(n) +
      'modparam("tls_mgm",\n'.repeat(7 * n);
    readConfig(opensips, { 'opensips.cfg': big }, 'opensips.cfg');
  });
});
