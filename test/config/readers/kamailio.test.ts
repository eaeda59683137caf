/** The Kamailio reader on fixtures written from the tls module documentation: endpoints with provenance, notes, problems. */
import fc from 'fast-check';
import { kamailio } from '../../../src/config/readers/kamailio.js';
import type { ReaderOutput } from '../../../src/config/types.js';
import { expectLinear } from '../../helpers/growth.js';
import { brief, fixtureFiles, readConfig } from '../../helpers/sbc.js';

const DOCS = 'https://www.kamailio.org/docs/modules/stable/modules/tls.html';
const DEFAULT_CIPHERS = `DEFAULT @ default: Kamailio default: cipher_list unset: Kamailio sets no list, so OpenSSL's default cipher list applies (tls_domain.c set_cipher_list) (${DOCS}#tls.p.cipher_list)`;
const TLSV1_PLUS = `1.0,1.1,1.2,1.3 @ default: Kamailio default: a tls.cfg domain without \`method\` gets the compiled default TLSv1+ (TLS 1.0 and newer), never the values of another domain (src/modules/tls/tls_mod.c srv_defaults/cli_defaults) (${DOCS}#tls.p.tls_method)`;
const NO_REQUIRE = `false @ default: Kamailio default: require_certificate is off unless set (${DOCS}#tls.p.require_certificate)`;
const NO_VERIFY = `false @ default: Kamailio default: verify_certificate is off unless set (${DOCS}#tls.p.verify_certificate)`;
const certPem = (dir: string, key: 'certificate' | 'private_key') =>
  `${dir}cert.pem @ default: Kamailio default: ${key} is cert.pem in the folder of the main kamailio.cfg (src/core/config.h TLS_CERT_FILE / TLS_PKEY_FILE) (${DOCS}#tls.p.${key})`;
const MODPARAM_TLSV1 = `1.0 @ default: Kamailio default: modparam tls_method is "TLSv1" (TLS 1.0 only) when no tls.cfg is configured (src/modules/tls/tls_cfg.c) (${DOCS}#tls.p.tls_method)`;

function read(dir: string, entry: string, pathMap = [{ from: '/etc/kamailio', to: '' }]): ReaderOutput {
  const files = fixtureFiles(`kamailio/${dir}`);
  expect(kamailio.detect({ path: entry, text: files[entry]! })).toBe(entry.endsWith('kamailio.cfg') ? 'entry' : 'part');
  return readConfig(kamailio, files, entry, pathMap);
}
const notes = (o: ReaderOutput) => o.notes.map((n) => `${n.level} ${n.location.file}:${n.location.line ?? ''} ${n.message}`);
const problems = (o: ReaderOutput) =>
  o.problems.map(
    (p) =>
      `${p.code} ${p.location.file}:${p.location.line}${p.endpoint ? ` [${p.endpoint}]` : ''} ${p.message}${p.fix ? ` | fix: ${p.fix}` : ''}`,
  );

test('kamailio.cfg names tls.cfg by its deployment path; exact TLSv1.2 vs TLSv1.2+; an IP:PORT domain does not inherit; modparams ignored', () => {
  const out = read('basic', 'kamailio.cfg');
  expect(out.endpoints.map(brief)).toEqual([
    {
      name: 'server:default',
      role: 'server',
      listen: '{"host":"10.0.0.10","port":5061} @ kamailio.cfg:14 listen',
      certificate: '/etc/kamailio/certs/sbc-fullchain.pem @ tls.cfg:5 certificate',
      privateKey: '/etc/kamailio/certs/sbc.key @ tls.cfg:6 private_key',
      caList: '/etc/kamailio/certs/genesys-roots.pem @ tls.cfg:7 ca_list',
      versions: '1.2 @ tls.cfg:3 method',
      ciphers: 'ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256 @ tls.cfg:4 cipher_list',
      requireClientCert: 'false @ tls.cfg:9 require_certificate',
      requestClientCert: 'true @ tls.cfg:8 verify_certificate',
    },
    {
      ciphers: DEFAULT_CIPHERS,
      name: 'server:10.0.0.11:5061',
      role: 'server',
      listen: '{"host":"10.0.0.11","port":5061} @ kamailio.cfg:15 listen',
      certificate: 'certs/sbc-b.pem @ tls.cfg:13 certificate',
      privateKey: 'certs/sbc-b.key @ tls.cfg:14 private_key',
      versions: TLSV1_PLUS,
      requireClientCert: NO_REQUIRE,
      requestClientCert: NO_VERIFY,
    },
    {
      ciphers: DEFAULT_CIPHERS,
      name: 'client:default',
      role: 'client',
      caList: '/etc/kamailio/certs/genesys-roots.pem @ tls.cfg:20 ca_list',
      versions: '1.2,1.3 @ tls.cfg:17 method',
      verifyPeer: 'true @ tls.cfg:18 verify_certificate',
      serverName: 'byoc.example.invalid @ tls.cfg:21 server_name',
    },
  ]);
  expect(out.endpoints.map((e) => [e.format, e.id, e.declared])).toEqual([
    ['kamailio', '', { file: 'tls.cfg', line: 2 }],
    ['kamailio', '', { file: 'tls.cfg', line: 12 }],
    ['kamailio', '', { file: 'tls.cfg', line: 16 }],
  ]);
  expect(out.consumed).toEqual(['tls.cfg']);
  expect(notes(out)).toEqual([
    'warn kamailio.cfg:31 modparam("tls", "tls_method", ...) is ignored because modparam("tls", "config", ...) names a tls.cfg: its domains start from the compiled defaults, not from modparams; set method in tls.cfg',
  ]);
  expect(out.problems).toEqual([]);
  const [server, , client] = out.endpoints;
  expect(server!.versions!.raw).toBe('TLSv1.2');
  expect(server!.syntax.ciphers('ECDHE-RSA-AES128-GCM-SHA256')).toBe(
    'cipher_list = ECDHE-RSA-AES128-GCM-SHA256   # in [server:default] of tls.cfg',
  );
  expect(server!.syntax.allowTls12()).toBe('method = TLSv1.2+   # in [server:default] of tls.cfg');
  expect(server!.syntax.noClientCertificate()).toBe(
    'verify_certificate = no and require_certificate = no   # in [server:default] of tls.cfg',
  );
  expect(client!.syntax.verifyPeer()).toBe('verify_certificate = yes   # in [client:default] of tls.cfg');
  expect(client!.syntax.caList('/etc/kamailio/genesys.pem')).toBe('ca_list = /etc/kamailio/genesys.pem   # in [client:default] of tls.cfg');
  expect(server!.syntax.curves).toBeUndefined();
  expect(server!.curves).toBeUndefined();
});

test('#!define, #!trydef and #!substdef resolve; TLSv1.3 (5.7.0+), an OpenSIPS key, a domain without listener, an unknown modparam', () => {
  const out = read('defines', 'kamailio.cfg');
  expect(out.endpoints.map(brief)).toEqual([
    {
      name: 'server:192.0.2.20:5071',
      role: 'server',
      listen: '{"host":"192.0.2.20","port":5071} @ kamailio.cfg:8 listen',
      certificate: '/etc/kamailio/sbc.pem @ sbc-tls.cfg:4 certificate',
      privateKey: '/etc/kamailio/sbc.key @ sbc-tls.cfg:5 private_key',
      versions: '1.3 @ sbc-tls.cfg:2 method',
      tls13Suites: 'TLS_AES_256_GCM_SHA384 @ sbc-tls.cfg:3 cipher_list',
      requireClientCert: NO_REQUIRE,
      requestClientCert: NO_VERIFY,
    },
    {
      ciphers: DEFAULT_CIPHERS,
      name: 'server:192.0.2.21:5061',
      role: 'server',
      listen: '{"host":"192.0.2.21","port":5061} @ sbc-tls.cfg:8 [server:192.0.2.21:5061]',
      certificate: certPem('', 'certificate'),
      privateKey: certPem('', 'private_key'),
      versions: '1.2,1.3 @ sbc-tls.cfg:9 method',
      requireClientCert: NO_REQUIRE,
      requestClientCert: NO_VERIFY,
    },
    { ciphers: DEFAULT_CIPHERS, name: 'client:default', role: 'client', versions: TLSV1_PLUS, verifyPeer: NO_VERIFY },
    // no [server:default]: Kamailio builds the compiled default, and it serves SBC_IP:EDGE_PORT (no domain claims an unknown port)
    {
      ciphers: DEFAULT_CIPHERS,
      name: 'server:default',
      role: 'server',
      certificate: certPem('', 'certificate'),
      privateKey: certPem('', 'private_key'),
      versions: TLSV1_PLUS,
      requireClientCert: NO_REQUIRE,
      requestClientCert: NO_VERIFY,
    },
  ]);
  expect(out.endpoints.at(-1)!.unused).toBeUndefined();
  expect(out.consumed).toEqual(['sbc-tls.cfg']);
  expect(notes(out)).toEqual([
    "warn kamailio.cfg:9 listen=tls:SBC_IP:EDGE_PORT: the port EDGE_PORT is an identifier no #!define in the scanned files sets (a -A option or a template?); this TLS listener's port is unknown",
    "info sbc-tls.cfg: tls.cfg has no [client:default]: outgoing TLS connections that no other client domain matches use Kamailio's compiled defaults (TLSv1+, server certificate not verified)",
    "warn sbc-tls.cfg: tls.cfg has no [server:default]: the TLS listener(s) 192.0.2.20:? use Kamailio's compiled defaults (TLSv1+, certificate cert.pem in the kamailio.cfg folder)",
  ]);
  expect(problems(out)).toEqual([
    'unknown-option kamailio.cfg:14 modparam("tls", "tls_methods", ...) is not a parameter of Kamailio\'s tls module: Kamailio refuses to start',
    "unknown-option sbc-tls.cfg:10 [server:192.0.2.21:5061] ciphers_list is not a Kamailio tls.cfg option (it is OpenSIPS' name; Kamailio's is cipher_list): Kamailio refuses to start (\"Unsupported option 'ciphers_list'\") | fix: cipher_list = HIGH:!aNULL",
    'unknown-method sbc-tls.cfg:2 [server:192.0.2.20:5071] method = TLSv1.3 exists only from Kamailio 5.7.0: Kamailio 5.6 and older refuse to start ("Unsupported enum value \'TLSv1.3\'"); on 5.7.0 and later it is valid | fix: method = TLSv1.2+   # in [server:192.0.2.20:5071] of tls.cfg',
    // neither domain names a certificate: both load the compiled default cert.pem, which the repository lacks
    'missing-file sbc-tls.cfg:8 [server:192.0.2.21:5061] [server:192.0.2.21:5061] sets no certificate, so it loads the compiled default cert.pem (cert.pem beside kamailio.cfg), which is not in the repository (tried cert.pem): Kamailio refuses to start ("Unable to load certificate file") | fix: certificate = <file> and private_key = <file>   # in [server:192.0.2.21:5061] of tls.cfg, or add cert.pem',
    'no-listener sbc-tls.cfg:8 [server:192.0.2.21:5061] [server:192.0.2.21:5061] has no matching listen=tls:192.0.2.21:5061 in kamailio.cfg: Kamailio refuses to start ("No listening socket found") | fix: listen=tls:192.0.2.21:5061',
    'missing-file sbc-tls.cfg:undefined [server:default] tls.cfg has no [server:default], so Kamailio builds one that loads the compiled default cert.pem (cert.pem beside kamailio.cfg), which is not in the repository (tried cert.pem): Kamailio refuses to start ("Unable to load certificate file") | fix: certificate = <file> and private_key = <file>   # in [server:default] of tls.cfg, or add cert.pem',
  ]);
  expect(out.problems.find((p) => p.code === 'unknown-option' && p.location.file === 'sbc-tls.cfg')!.location).toEqual({
    file: 'sbc-tls.cfg',
    line: 10,
    key: 'ciphers_list',
  });
});

test('modparam-only set-up: tls_method defaults to TLSv1 (TLS 1.0 only); a listen without port takes tls_port_no', () => {
  const out = read('modparam-only', 'kamailio.cfg');
  expect(out.endpoints.map(brief)).toEqual([
    {
      name: 'server:default',
      role: 'server',
      listen: '{"host":"198.51.100.5","port":5062} @ kamailio.cfg:4 listen',
      certificate: 'tls/sbc-chain.pem @ kamailio.cfg:7 certificate',
      privateKey: 'tls/sbc.key @ kamailio.cfg:8 private_key',
      versions: MODPARAM_TLSV1,
      ciphers: 'HIGH:!aNULL @ kamailio.cfg:9 cipher_list',
      requireClientCert: NO_REQUIRE,
      requestClientCert: 'true @ kamailio.cfg:10 verify_certificate',
    },
    {
      name: 'client:default',
      role: 'client',
      certificate: 'tls/sbc-chain.pem @ kamailio.cfg:7 certificate',
      privateKey: 'tls/sbc.key @ kamailio.cfg:8 private_key',
      versions: MODPARAM_TLSV1,
      ciphers: 'HIGH:!aNULL @ kamailio.cfg:9 cipher_list',
      verifyPeer: 'true @ kamailio.cfg:10 verify_certificate',
    },
  ]);
  expect(out.endpoints[0]!.syntax.allowTls12()).toBe('modparam("tls", "tls_method", "TLSv1.2+")');
  expect(out.endpoints[0]!.syntax.ciphers('HIGH')).toBe('modparam("tls", "cipher_list", "HIGH")');
  expect(notes(out)).toEqual([
    'info kamailio.cfg:6 no modparam("tls", "config", ...): the tls modparams make the default server and client domains',
  ]);
  expect(out.problems).toEqual([]);
});

test('TLS inside an #!ifdef nobody defines: no endpoints, a note naming the switch', () => {
  const out = read('disabled', 'kamailio.cfg');
  expect(out.endpoints).toEqual([]);
  expect(out.consumed).toEqual([]);
  expect(notes(out)).toEqual([
    'warn kamailio.cfg:6 TLS settings here are inside #!ifdef WITH_TLS, which the scanned files do not enable; if Kamailio is started with -A WITH_TLS, they apply',
  ]);
});

test('tls.cfg read alone: aliases, IPv6 domain, verify_client, and what Kamailio refuses to load', () => {
  const out = read('alone', 'tls.cfg');
  expect(out.endpoints[0]!.syntax.noClientCertificate()).toBe(
    'verify_certificate = no and require_certificate = no and verify_client = off   # in [s:def] of tls.cfg',
  );
  expect(out.endpoints.map(brief)).toEqual([
    {
      ciphers: DEFAULT_CIPHERS,
      name: 's:def',
      role: 'server',
      certificate: 'sbc.pem @ tls.cfg:4 cert_file',
      privateKey: 'sbc.key @ tls.cfg:5 pkey_file',
      caList: 'ca.pem @ tls.cfg:6 calist_file',
      versions: '1.2,1.3 @ tls.cfg:3 tls_method',
      requireClientCert: 'true @ tls.cfg:7 verify_client',
      requestClientCert: 'true @ tls.cfg:7 verify_client',
    },
    {
      ciphers: DEFAULT_CIPHERS,
      name: 'server:[2001:db8::5]:5061',
      role: 'server',
      listen: '{"host":"2001:db8::5","port":5061} @ tls.cfg:9 [server:[2001:db8::5]:5061]',
      certificate: certPem('', 'certificate'),
      privateKey: certPem('', 'private_key'),
      versions: '1.2 @ tls.cfg:10 method',
      requireClientCert: NO_REQUIRE,
      requestClientCert: 'false @ tls.cfg:11 verify_cert',
    },
    {
      ciphers: DEFAULT_CIPHERS,
      name: 'server:any',
      role: 'server',
      certificate: certPem('', 'certificate'),
      privateKey: certPem('', 'private_key'),
      versions: '1.2,1.3 @ tls.cfg:17 method',
      requireClientCert: NO_REQUIRE,
      requestClientCert: NO_VERIFY,
    },
    {
      ciphers: DEFAULT_CIPHERS,
      name: 'cli:10.1.1.1:5061',
      role: 'client',
      versions: '1.2 @ tls.cfg:20 method',
      verifyPeer: 'false @ tls.cfg:21 verify_client',
    },
    {
      ciphers: DEFAULT_CIPHERS,
      name: 'server:default',
      role: 'server',
      certificate: certPem('', 'certificate'),
      privateKey: certPem('', 'private_key'),
      versions: '1.2 @ tls.cfg:26 method',
      requireClientCert: NO_REQUIRE,
      requestClientCert: NO_VERIFY,
    },
    { ciphers: DEFAULT_CIPHERS, name: 'client:default', role: 'client', versions: TLSV1_PLUS, verifyPeer: NO_VERIFY },
  ]);
  expect(notes(out)).toEqual([
    'info tls.cfg: tls.cfg read alone: no kamailio.cfg in the scan names it, so its TLS listen sockets (listen=tls:...) are unknown; [server:default] gets no port, and relative certificate paths are taken from this folder',
    "info tls.cfg: tls.cfg has no [client:default]: outgoing TLS connections that no other client domain matches use Kamailio's compiled defaults (TLSv1+, server certificate not verified)",
  ]);
  expect(problems(out)).toEqual([
    'syntax tls.cfg:13 [server:sbc.example.com:5061]: "sbc.example.com:5061" is a host name; Kamailio accepts only default, any, an IPv4 address or [IPv6] with a port ("Invalid IPv4 address"); Kamailio refuses to start | fix: [server:default], [client:default] or [server:10.0.0.10:5061]',
    'syntax tls.cfg:23 [cli:10.1.1.1:5061] cipher_list: end of line expected: "HIGH MEDIUM" has a space (quote the value); Kamailio refuses to start',
    'syntax tls.cfg:25 [server:default] [server:default] duplicates [s:def] (line 2): Kamailio refuses to start ("Duplicate TLS domain")',
    'invalid-value tls.cfg:11 [server:[2001:db8::5]:5061] verify_cert = maybe is not a boolean (yes/no, on/off, 1/0): Kamailio refuses to start | fix: verify_cert = no',
    'other tls.cfg:16 [server:any] [server:any] has no server_name: Kamailio refuses to start (an "any" domain is chosen by SNI) | fix: server_name = sbc.example.com',
  ]);
});

test('a kamailio.cfg whose tls.cfg is not in the scan says which paths it tried', () => {
  const out = readConfig(
    kamailio,
    { 'sbc/kamailio.cfg': '#!KAMAILIO\nenable_tls=yes\nloadmodule "tls.so"\nmodparam("tls", "config", "/opt/kamailio/etc/tls.cfg")\n' },
    'sbc/kamailio.cfg',
  );
  expect(out.endpoints).toEqual([]);
  expect(notes(out)).toEqual([
    'warn sbc/kamailio.cfg:4 modparam("tls", "config", "/opt/kamailio/etc/tls.cfg"): the file is not among the scanned files (tried opt/kamailio/etc/tls.cfg, sbc/kamailio/etc/tls.cfg, kamailio/etc/tls.cfg, sbc/etc/tls.cfg, etc/tls.cfg, sbc/tls.cfg, tls.cfg); its TLS domains are not read (use --path-map if it lives elsewhere in the repository)',
  ]);
});

test('no listen= line: every address on tls_port_no (5061); no [server:default] declared: compiled defaults serve the listener', () => {
  const out = readConfig(
    kamailio,
    {
      'kamailio.cfg': '#!KAMAILIO\nenable_tls=yes\nloadmodule "tls.so"\nmodparam("tls", "config", "tls.cfg")\n',
      'tls.cfg': '[client:default]\nmethod = TLSv1.2+\nverify_certificate = yes\n',
    },
    'kamailio.cfg',
  );
  expect(out.endpoints.map(brief)).toEqual([
    {
      ciphers: DEFAULT_CIPHERS,
      name: 'client:default',
      role: 'client',
      versions: '1.2,1.3 @ tls.cfg:2 method',
      verifyPeer: 'true @ tls.cfg:3 verify_certificate',
    },
    {
      ciphers: DEFAULT_CIPHERS,
      name: 'server:default',
      role: 'server',
      listen:
        '{"port":5061} @ default: Kamailio default: with no listen= line Kamailio binds every local address; the TLS port is tls_port_no, 5061 (core parameter) (https://www.kamailio.org/docs/modules/stable/modules/tls.html)',
      certificate: certPem('', 'certificate'),
      privateKey: certPem('', 'private_key'),
      versions: TLSV1_PLUS,
      requireClientCert: NO_REQUIRE,
      requestClientCert: NO_VERIFY,
    },
  ]);
  expect(out.notes.map((n) => n.message)).toEqual([
    "tls.cfg has no [server:default]: the TLS listener(s) *:5061 use Kamailio's compiled defaults (TLSv1+, certificate cert.pem in the kamailio.cfg folder)",
  ]);
});

test('detect: Kamailio files by content, never OpenSIPS or other text', () => {
  const d = (text: string) => kamailio.detect({ path: 'x.cfg', text });
  expect(d('#!KAMAILIO\nrequest_route { drop; }\n')).toBe('entry');
  expect(d('loadmodule "tls.so"\nmodparam("tls", "config", "/etc/kamailio/tls.cfg")\n')).toBe('entry');
  expect(d('[server:default]\nmethod = TLSv1.2+\n')).toBe('part');
  expect(d('loadmodule "tls_mgm.so"\nmodparam("tls_mgm", "server_domain", "dom1")\nroute { exit; }\n')).toBe(false);
  expect(d('socket=tls:10.0.0.1:5061\nloadmodule "proto_tls.so"\nloadmodule "tls_mgm.so"\n')).toBe(false);
  expect(d('[transport-tls]\ntype=transport\nprotocol=tls\n')).toBe(false);
  expect(d('<profile name="external"><settings/></profile>')).toBe(false);
});

test('fuzz: never throws, stays linear', async () => {
  const piece = fc.constantFrom(
    '[server:default]\n',
    '[client:',
    '[s:1.2.3.4:5061]\n',
    'method = TLSv1.2+\n',
    'cipher_list = "HIGH\n',
    '#!define X 1\n',
    '#!ifdef X\n',
    '#!endif\n',
    '#!else\n',
    'listen=tls:X:Y\n',
    'enable_tls=yes\n',
    'loadmodule "tls.so"\n',
    'modparam("tls", "config", "tls.cfg")\n',
    'modparam("tls",\n',
    '/*',
    '*/',
    '"',
    '\\',
    '#',
    ' = ',
    '\n',
    'verify_certificate = maybe\n',
    '[server:[::1]:5061]\n',
    'include_file "kamailio.cfg"\n',
  );
  fc.assert(
    fc.property(fc.array(fc.oneof(piece, fc.string()), { maxLength: 60 }), (parts) => {
      const text = parts.join('');
      for (const entry of ['kamailio.cfg', 'tls.cfg']) {
        const files = { 'kamailio.cfg': `#!KAMAILIO\n${text}`, 'tls.cfg': text };
        const out = readConfig(kamailio, files, entry);
        expect(Array.isArray(out.endpoints)).toBe(true);
      }
      kamailio.detect({ path: 'a', text });
    }),
    { numRuns: 300 },
  );
  // Repeated domains, open #!ifdefs and listeners: linear in their number.
  await expectLinear((scale) => {
    const n = 5000 * scale;
    const big = '[server:default]\nmethod = TLSv1.2\n'.repeat(4 * n) + '#!ifdef A\n'.repeat(n) + 'listen=tls:1.2.3.4:5061\n'.repeat(n);
    readConfig(
      kamailio,
      { 'kamailio.cfg': `#!KAMAILIO\nenable_tls=yes\nloadmodule "tls.so"\nmodparam("tls","config","tls.cfg")\n${big}`, 'tls.cfg': big },
      'kamailio.cfg',
    );
  });
});

test('include_file is followed and consumed; OPENSSL_CONF mentioned: a note that groups may be restricted there', () => {
  const out = readConfig(
    kamailio,
    {
      'etc/kamailio.cfg':
        '#!KAMAILIO\n# systemd: Environment=OPENSSL_CONF=/etc/kamailio/openssl-groups.cnf\ninclude_file "tls-params.cfg"\nlisten=tls:203.0.113.4:5061\n',
      'etc/tls-params.cfg': 'enable_tls=yes\nloadmodule "tls.so"\nmodparam("tls", "config", "tls.cfg")\n',
      'etc/tls.cfg': '[server:default]\nmethod = TLSv1.2+\n',
    },
    'etc/kamailio.cfg',
  );
  expect(out.consumed.sort()).toEqual(['etc/tls-params.cfg', 'etc/tls.cfg']);
  expect(out.endpoints.map((e) => [e.name, e.listen?.value, e.versions?.value, e.curves])).toEqual([
    ['server:default', { host: '203.0.113.4', port: 5061 }, ['1.2', '1.3'], undefined],
    ['client:default', undefined, ['1.0', '1.1', '1.2', '1.3'], undefined],
  ]);
  expect(out.notes.map((n) => n.message)).toEqual([
    'Kamailio has no key-exchange group parameter; OPENSSL_CONF is mentioned, so the groups may be restricted by that OpenSSL configuration (system_default Groups=), which is not read here',
    "tls.cfg has no [client:default]: outgoing TLS connections that no other client domain matches use Kamailio's compiled defaults (TLSv1+, server certificate not verified)",
  ]);
});

test('TLS off: enable_tls not set, or enable_tls without loadmodule "tls.so"', () => {
  const off = readConfig(
    kamailio,
    {
      'kamailio.cfg': '#!KAMAILIO\nlisten=tls:10.0.0.1:5061\nloadmodule "tls.so"\nmodparam("tls", "config", "tls.cfg")\n',
      'tls.cfg': '[server:default]\n',
    },
    'kamailio.cfg',
  );
  expect([off.endpoints, off.consumed, notes(off)]).toEqual([
    [],
    ['tls.cfg'],
    ['warn tls.cfg: not used by Kamailio: TLS is off, so Kamailio does not use its domains; they are not judged'],
  ]);
  expect(problems(off)).toEqual([
    "no-tls kamailio.cfg:3 The SBC does not listen for TLS, so Genesys cannot connect: enable_tls=yes is not set (Kamailio's default is off) | fix: enable_tls=yes",
  ]);
  const unloaded = readConfig(
    kamailio,
    { 'kamailio.cfg': '#!KAMAILIO\nenable_tls=yes\nlisten=tls:10.0.0.1:5061\nmodparam("tls", "config", "tls.cfg")\n' },
    'kamailio.cfg',
  );
  expect([unloaded.endpoints, notes(unloaded), problems(unloaded)]).toEqual([
    [],
    [],
    [
      'no-tls kamailio.cfg:2 The SBC does not listen for TLS, so Genesys cannot connect: enable_tls=yes but no loadmodule "tls.so": Kamailio warns "forgot to load the tls module?" and disables TLS | fix: loadmodule "tls.so"',
    ],
  ]);
});
