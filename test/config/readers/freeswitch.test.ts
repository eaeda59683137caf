/** FreeSWITCH sofia profile reader: tls-* params with $${var} from vars.xml, sofia-sip's version and verify-policy semantics. */
import fc from 'fast-check';
import { freeswitchReader } from '../../../src/config/readers/freeswitch.js';
import type { ReaderOutput } from '../../../src/config/types.js';
import { expectLinear } from '../../helpers/growth.js';
import { brief, fixtureFiles, readConfig } from '../../helpers/sbc.js';

const files = fixtureFiles('freeswitch');
const DEFAULT_DIR =
  'default: FreeSWITCH default when tls-cert-dir is not set: the global certs_dir, /etc/freeswitch/tls in the Debian/RPM packages (/usr/local/freeswitch/certs in source builds) (mod_sofia sofia.c)';
const DEFAULT_CIPHERS =
  'ALL:!ADH:!LOW:!EXP:!MD5:@STRENGTH @ default: FreeSWITCH default when tls-ciphers is not set: ALL:!ADH:!LOW:!EXP:!MD5:@STRENGTH (mod_sofia sofia.c)';
const DEFAULT_VERSIONS =
  '1.0,1.1,1.2,1.3 @ default: FreeSWITCH default when tls-version is not set: tlsv1,tlsv1.1,tlsv1.2,tlsv1.3 (mod_sofia sofia.c); sofia-sip tport_tls.c never disables TLS 1.3';
const certNote = (dir: string) =>
  `sofia-sip loads the certificate and key from agent.pem and the CA list from cafile.pem in ${dir} (tls.pem for both when they are missing; FreeSWITCH generates a self-signed tls.pem when neither exists); intermediates are sent only when OpenSSL can build them from cafile.pem`;

function findings(out: ReaderOutput) {
  return {
    notes: out.notes.map((n) => `${n.level} ${n.location.file}:${n.location.line ?? ''} ${n.message}`),
    problems: out.problems.map((p) => `${p.code} ${p.location.file}:${p.location.line} ${p.location.key ?? ''}: ${p.message} => ${p.fix}`),
  };
}

describe('detect', () => {
  test('a sofia profile is an entry, vars.xml a part, whatever their names', () => {
    expect(freeswitchReader.detect({ path: 'conf/sip_profiles/external.xml', text: files['conf/sip_profiles/external.xml']! })).toBe(
      'entry',
    );
    expect(freeswitchReader.detect({ path: 'x/sofia.xml.j2', text: files['conf/autoload_configs/sofia.conf.xml']! })).toBe('entry');
    expect(freeswitchReader.detect({ path: 'conf/vars.xml', text: files['conf/vars.xml']! })).toBe('part');
  });

  test('other XML is not claimed', () => {
    expect(
      freeswitchReader.detect({
        path: 'dialplan.xml',
        text: '<include><extension name="x"><condition field="destination_number"/></extension></include>',
      }),
    ).toBe(false);
    expect(
      freeswitchReader.detect({ path: 'pom.xml', text: '<project><profiles><profile><id>x</id></profile></profiles></project>' }),
    ).toBe(false);
    expect(freeswitchReader.detect({ path: 'pjsip.conf', text: '[t]\ntype=transport\nprotocol=tls\n' })).toBe(false);
  });

  test('vars.xml alone has no endpoint, and says so', () => {
    const out = readConfig(freeswitchReader, files, 'conf/vars.xml');
    expect(out.endpoints).toEqual([]);
    expect(out.notes.map((n) => n.level)).toEqual(['info']);
  });
});

describe('external profile: every TLS value through vars.xml', () => {
  const out = readConfig(freeswitchReader, files, 'conf/sip_profiles/external.xml');

  test('values resolved through vars.xml cite the X-PRE-PROCESS line; "tlsv1.2, tlsv1.3" loses its second token but keeps TLS 1.3', () => {
    const common = {
      certificate: '/etc/freeswitch/tls/external/agent.pem @ conf/vars.xml:8 external_ssl_dir',
      privateKey: '/etc/freeswitch/tls/external/agent.pem @ conf/vars.xml:8 external_ssl_dir',
      caList: '/etc/freeswitch/tls/external/cafile.pem @ conf/vars.xml:8 external_ssl_dir',
      versions: '1.2,1.3 @ conf/vars.xml:3 sip_tls_version',
      ciphers: 'ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256 @ conf/vars.xml:4 sip_tls_ciphers',
    };
    expect(out.endpoints.map(brief)).toEqual([
      {
        name: 'external',
        role: 'server',
        listen: '{"host":"203.0.113.10","port":5081} @ conf/vars.xml:6 external_tls_port',
        ...common,
        requireClientCert: 'false @ conf/sip_profiles/external.xml:16 tls-verify-policy',
        requestClientCert: 'false @ conf/sip_profiles/external.xml:16 tls-verify-policy',
      },
      { name: 'external', role: 'client', ...common, verifyPeer: 'true @ conf/sip_profiles/external.xml:16 tls-verify-policy' },
    ]);
  });

  test('raw keeps the reference as written; tls.pem is the fallback; vars.xml is consumed', () => {
    const server = out.endpoints[0]!;
    expect(server.versions?.raw).toBe('$${sip_tls_version}');
    expect(server.certificate?.raw).toBe('$${external_ssl_dir}');
    expect(server.certificateFallbacks).toEqual(['/etc/freeswitch/tls/external/tls.pem']);
    expect(server.declared).toEqual({ file: 'conf/sip_profiles/external.xml', line: 1, key: 'profile external' });
    expect(out.consumed).toEqual(['conf/vars.xml']);
  });

  test('notes: the ignored token, TLS 1.3 always on, where the certificate comes from', () => {
    expect(findings(out)).toEqual({
      notes: [
        'warn conf/sip_profiles/external.xml:14 profile external: tls-version token " tlsv1.3" is not one sofia.c knows (it matches exact tokens, without trimming spaces); it is ignored',
        'info conf/sip_profiles/external.xml:14 profile external: TLS 1.3 stays enabled although tls-version does not list it (sofia-sip tport_tls.c never sets SSL_OP_NO_TLSv1_3)',
        `info conf/sip_profiles/external.xml:13 profile external: ${certNote('/etc/freeswitch/tls/external')}`,
      ],
      problems: [],
    });
  });

  test('fixes are written as profile params', () => {
    const s = out.endpoints[0]!.syntax;
    expect([
      s.ciphers('ECDHE-RSA-AES256-GCM-SHA384'),
      s.allowTls12(),
      s.noClientCertificate(),
      s.verifyPeer(),
      s.caList('/etc/freeswitch/tls/ca.pem'),
      s.curves,
    ]).toEqual([
      '<param name="tls-ciphers" value="ECDHE-RSA-AES256-GCM-SHA384"/>',
      '<param name="tls-version" value="tlsv1.2"/>',
      '<param name="tls-verify-policy" value="out"/>',
      '<param name="tls-verify-policy" value="out"/>',
      'copy /etc/freeswitch/tls/ca.pem to cafile.pem in the profile\'s tls-cert-dir (<param name="tls-cert-dir" value="/etc/freeswitch/tls"/>)',
      undefined,
    ]);
  });
});

describe('internal profile: switched on by a commented X-PRE-PROCESS line, everything else by default', () => {
  const out = readConfig(freeswitchReader, files, 'conf/sip_profiles/internal.xml');

  test('defaults cite mod_sofia; "in|subjects_out" requires client certificates and verifies servers', () => {
    const common = {
      certificate: `/etc/freeswitch/tls/agent.pem @ ${DEFAULT_DIR}`,
      privateKey: `/etc/freeswitch/tls/agent.pem @ ${DEFAULT_DIR}`,
      caList: `/etc/freeswitch/tls/cafile.pem @ ${DEFAULT_DIR}`,
      versions: DEFAULT_VERSIONS,
      ciphers: DEFAULT_CIPHERS,
    };
    expect(out.endpoints.map(brief)).toEqual([
      {
        name: 'internal',
        role: 'server',
        listen: '{"port":5061} @ default: FreeSWITCH default when tls-sip-port is not set: 5061 (mod_sofia sofia.c)',
        ...common,
        requireClientCert: 'true @ conf/sip_profiles/internal.xml:8 tls-verify-policy',
        requestClientCert: 'true @ conf/sip_profiles/internal.xml:8 tls-verify-policy',
      },
      { name: 'internal', role: 'client', ...common, verifyPeer: 'true @ conf/sip_profiles/internal.xml:8 tls-verify-policy' },
    ]);
  });

  test('the commented pre-processor line is pointed out', () => {
    expect(findings(out).notes).toEqual([
      "info conf/vars.xml:12 tls uses a variable set on a line inside an XML comment; FreeSWITCH's pre-processor applies X-PRE-PROCESS lines even there",
      `info conf/sip_profiles/internal.xml:2 profile internal: ${certNote('/etc/freeswitch/tls')}`,
    ]);
  });
});

describe('sofia.conf.xml with inline profiles', () => {
  const out = readConfig(freeswitchReader, files, 'conf/autoload_configs/sofia.conf.xml');

  test('"TLSv1.2 " with a trailing space leaves only TLS 1.3; an unresolvable cert dir leaves the certificate unknown; "a" is a prefix of "all"', () => {
    const common = { versions: '1.3 @ conf/autoload_configs/sofia.conf.xml:11 tls-version', ciphers: DEFAULT_CIPHERS };
    expect(out.endpoints.map(brief)).toEqual([
      {
        name: 'lab',
        role: 'server',
        ...common,
        requireClientCert: 'true @ conf/autoload_configs/sofia.conf.xml:13 tls-verify-policy',
        requestClientCert: 'true @ conf/autoload_configs/sofia.conf.xml:13 tls-verify-policy',
      },
      { name: 'lab', role: 'client', ...common, verifyPeer: 'true @ conf/autoload_configs/sofia.conf.xml:13 tls-verify-policy' },
    ]);
  });

  test('every unknown is a note with its line; a profile without tls has no endpoint', () => {
    expect(findings(out)).toEqual({
      notes: [
        'warn conf/autoload_configs/sofia.conf.xml:11 profile lab: tls-version token "TLSv1.2 " is not one sofia.c knows (it matches exact tokens, without trimming spaces); it is ignored',
        'warn conf/autoload_configs/sofia.conf.xml:11 profile lab: tls-version "TLSv1.2 " has no valid token, so TLS 1.0-1.2 are all disabled and only TLS 1.3 remains',
        'info conf/autoload_configs/sofia.conf.xml:11 profile lab: TLS 1.3 stays enabled although tls-version does not list it (sofia-sip tport_tls.c never sets SSL_OP_NO_TLSv1_3)',
        'warn conf/autoload_configs/sofia.conf.xml:12 tls-cert-dir = "$${lab_ssl_dir}" does not resolve: $${lab_ssl_dir} (conf/vars.xml:9): it uses $${base_dir}, which is set by FreeSWITCH\'s core from the machine it runs on (vars.xml read: conf/vars.xml (two folders up from conf/autoload_configs/sofia.conf.xml); no freeswitch.xml in the scan includes this file, so it is read on its own); its value is not known',
        'info conf/autoload_configs/sofia.conf.xml:10 profile lab: tls-sip-port = auto, FreeSWITCH picks the port at start; the listening port is not known',
        'info conf/autoload_configs/sofia.conf.xml:16 profile plain does not set `tls`: TLS is off (mod_sofia default), no TLS endpoint',
      ],
      problems: [],
    });
  });
});

describe('broken profiles', () => {
  test('XML FreeSWITCH cannot parse is a syntax problem with its line', () => {
    const out = readConfig(freeswitchReader, files, 'broken/bad.xml');
    expect(out.endpoints).toEqual([]);
    expect(out.problems).toEqual([
      {
        code: 'syntax',
        message:
          "not well-formed XML: Expected closing tag 'param' (opened in line 4, col 5) instead of closing tag 'settings'.; FreeSWITCH cannot load this file",
        location: { file: 'broken/bad.xml', line: 5, column: 3 },
      },
    ]);
  });

  test('unset variables are reported, never guessed; an impossible port is a problem', () => {
    const out = readConfig(freeswitchReader, files, 'broken/undefined.xml');
    expect(out.endpoints.map((e) => [e.role, e.versions, e.listen])).toEqual([
      ['server', undefined, undefined],
      ['client', undefined, undefined],
    ]);
    expect(findings(out)).toEqual({
      notes: [
        'warn broken/undefined.xml:4 tls = "$${undefined_ssl_enable}" does not resolve: $${undefined_ssl_enable} is not set by any X-PRE-PROCESS line read here (vars.xml read: conf/vars.xml (the nearest vars.xml among the scanned files); no freeswitch.xml in the scan includes this file, so it is read on its own); its value is not known',
        'warn broken/undefined.xml:4 profile undefined: whether TLS is on is not known (tls = "$${undefined_ssl_enable}"); its TLS settings are read as if it were on',
        'warn broken/undefined.xml:5 tls-version = "$${undefined_tls_version}" does not resolve: $${undefined_tls_version} is not set by any X-PRE-PROCESS line read here (vars.xml read: conf/vars.xml (the nearest vars.xml among the scanned files); no freeswitch.xml in the scan includes this file, so it is read on its own); its value is not known',
        `info broken/undefined.xml:1 profile undefined: ${certNote('/etc/freeswitch/tls')}`,
      ],
      problems: [
        'invalid-value broken/undefined.xml:6 tls-sip-port: profile undefined: tls-sip-port = "65536" is not a port number => <param name="tls-sip-port" value="5061"/>',
      ],
    });
  });

  test('tls=false means no TLS endpoint; without any vars.xml the variables stay unresolved', () => {
    const off = readConfig(
      freeswitchReader,
      {
        'p.xml': '<profile name="p"><settings><param name="sip-port" value="5060"/><param name="tls" value="false"/></settings></profile>',
      },
      'p.xml',
    );
    expect(off.endpoints).toEqual([]);
    expect(off.notes.map((n) => n.message)).toEqual(['profile p: tls = false, TLS is off; no TLS endpoint']);
    const alone = readConfig(freeswitchReader, { 'sip_profiles/p.xml': files['conf/sip_profiles/external.xml']! }, 'sip_profiles/p.xml');
    expect(alone.notes.filter((n) => /does not resolve/.test(n.message))).toHaveLength(5);
    expect(alone.notes[0]!.message).toMatch(/no freeswitch\.xml includes this file and no vars\.xml was found \(tried vars\.xml/);
    expect(alone.consumed).toEqual([]);
  });

  test('two equally near vars.xml files: none is chosen, and the note says why', () => {
    const out = readConfig(
      freeswitchReader,
      {
        'a/vars.xml': files['conf/vars.xml']!,
        'b/vars.xml': files['conf/vars.xml']!,
        'p/x/p.xml': files['conf/sip_profiles/external.xml']!,
      },
      'p/x/p.xml',
    );
    expect(out.consumed).toEqual([]);
    expect(out.notes[0]!.message).toMatch(/a\/vars\.xml, b\/vars\.xml are equally near, none chosen/);
  });
});

describe('robustness', () => {
  test('never throws on arbitrary text around a profile', () => {
    const pieces = fc.constantFrom(
      '<profile name="p">',
      '<settings>',
      '</settings>',
      '</profile>',
      '<param name="tls" value="true"/>',
      '<param name="tls-version" value="$${v}"/>',
      '<!--',
      '-->',
      '<X-PRE-PROCESS cmd="set" data="v=tlsv1.2"/>',
      '<param name="sip-port" value="1"/>',
      '"',
      '<',
      '>',
      '\n',
      '$${',
      '<![CDATA[',
      ']]>',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string({ maxLength: 10 })), { maxLength: 150 }), (parts) => {
        const text = parts.join('');
        const out = readConfig(freeswitchReader, { 'conf/sip_profiles/p.xml': text, 'conf/vars.xml': text }, 'conf/sip_profiles/p.xml');
        expect(Array.isArray(out.endpoints)).toBe(true);
        freeswitchReader.detect({ path: 'p.xml', text });
      }),
      { numRuns: 300 },
    );
  });

  test('many profiles and variables read in linear time', async () => {
    const read = (profileCount: number) => {
      const vars = Array.from({ length: 5 * profileCount }, (_, k) => `<X-PRE-PROCESS cmd="set" data="v${k}=tlsv1.2"/>`).join('\n');
      const profiles = Array.from(
        { length: profileCount },
        (_, k) =>
          `<profile name="p${k}"><settings>\n<param name="sip-port" value="5060"/>\n<param name="tls" value="true"/>\n<param name="tls-version" value="$\${v${k}}"/>\n</settings></profile>`,
      ).join('\n');
      return readConfig(
        freeswitchReader,
        {
          'conf/vars.xml': `<include>${vars}</include>`,
          'conf/autoload_configs/sofia.conf.xml': `<configuration name="sofia.conf"><profiles>${profiles}</profiles></configuration>`,
        },
        'conf/autoload_configs/sofia.conf.xml',
      );
    };
    const out = read(1000);
    expect(out.endpoints).toHaveLength(2000);
    expect(out.endpoints[1999]!.versions?.value).toEqual(['1.2', '1.3']);
    await expectLinear((scale) => read(500 * scale));
  });
});

describe('gateway files', () => {
  test('a gateway file is a part; read alone it explains that TLS comes from the profile and flags tls-* params', () => {
    const text = files['conf/sip_profiles/external/byoc.xml']!;
    expect(freeswitchReader.detect({ path: 'gw.xml', text })).toBe('part');
    expect(freeswitchReader.detect({ path: 'gw.xml', text: '<include><!--<gateway name="x"></gateway>--></include>' })).toBe(false);
    const out = readConfig(freeswitchReader, files, 'conf/sip_profiles/external/byoc.xml');
    expect(out.endpoints).toEqual([]);
    expect(findings(out).notes).toEqual([
      "warn conf/sip_profiles/external/byoc.xml:6 gateway byoc-us-east-1: tls-version has no effect inside a gateway; the gateway uses its sofia profile's TLS settings",
      'info conf/sip_profiles/external/byoc.xml: sofia gateways: they have no TLS settings of their own; TLS to a gateway (transport=tls, register-transport=tls) uses the settings of the profile that includes this file',
    ]);
  });

  test('tls true spellings follow switch_true', () => {
    for (const v of ['true', 'yes', 'on', 't', 'enabled', '1']) {
      const out = readConfig(
        freeswitchReader,
        {
          'p.xml': `<profile name="p"><settings><param name="sip-port" value="5060"/><param name="tls" value="${v}"/></settings></profile>`,
        },
        'p.xml',
      );
      expect(out.endpoints).toHaveLength(2);
    }
  });
});

describe('a profile that opens no TLS port: the SBC does not listen for TLS (a real configuration was READY)', () => {
  const PROFILE = (tls: string) =>
    `<profile name="external">\n  <settings>\n    <param name="sip-port" value="5080"/>\n${tls}  </settings>\n</profile>\n`;
  test('tls switched off through a vars.xml variable: the fix is in vars.xml', () => {
    const out = readConfig(
      freeswitchReader,
      {
        'conf/vars.xml': '<include>\n  <X-PRE-PROCESS cmd="set" data="external_ssl_enable=false"/>\n</include>\n',
        'conf/sip_profiles/external.xml': PROFILE('    <param name="tls" value="$${external_ssl_enable}"/>\n'),
      },
      'conf/sip_profiles/external.xml',
    );
    expect(out.endpoints).toEqual([]);
    expect(findings(out).problems).toEqual([
      'no-tls conf/sip_profiles/external.xml:4 tls: The SBC does not listen for TLS, so Genesys cannot connect: profile external has tls = $${external_ssl_enable}, which is false (set in conf/vars.xml:2), and sofia opens its TLS port only with tls on (sofia.c) => <X-PRE-PROCESS cmd="set" data="external_ssl_enable=true"/>   # in vars.xml',
    ]);
  });
  test('no tls param at all: mod_sofia leaves TLS off', () => {
    const out = readConfig(freeswitchReader, { 'sip_profiles/external.xml': PROFILE('') }, 'sip_profiles/external.xml');
    expect(out.problems.map((p) => [p.code, p.location.line, p.fix])).toEqual([
      ['no-tls', 1, '<param name="tls" value="true"/>   # in <settings> of profile external'],
    ]);
  });
  test('one profile of the file with TLS on: no finding', () => {
    const two = PROFILE('') + PROFILE('    <param name="tls" value="true"/>\n').replace('"external"', '"tls"');
    const out = readConfig(freeswitchReader, { 'sip_profiles/both.xml': `<include>\n${two}</include>\n` }, 'sip_profiles/both.xml');
    expect(out.problems.filter((p) => p.code === 'no-tls')).toEqual([]);
  });
});
