/** Asterisk pjsip.conf reader: transports as server and client endpoints, with the traps of the config INI and of pjproject. */
import fc from 'fast-check';
import { asteriskCipherList, asteriskReader } from '../../../src/config/readers/asterisk.js';
import type { ReaderOutput } from '../../../src/config/types.js';
import { expectLinear } from '../../helpers/growth.js';
import { brief, fixtureFiles, readConfig } from '../../helpers/sbc.js';

const files = fixtureFiles('asterisk');
const DOCS = 'https://docs.asterisk.org/Asterisk_22_Documentation/API_Documentation/Module_Configuration/res_pjsip/';
const REQUEST =
  'true @ default: pjproject asks every TLS client for a certificate (SSL_VERIFY_PEER in pjproject pjlib/src/pj/ssl_sock_ossl.c); the handshake fails without one only with require_client_cert=yes';
const METHOD_DEFAULT = `1.0 @ default: PJSIP default when \`method\` is not set: TLSv1 per the Asterisk documentation (${DOCS}); the real default varies with the pjproject version (PJSIP_SSL_DEFAULT_METHOD)`;

/** Notes and problems as "level file:line key: message start" lines. */
function findings(out: ReaderOutput) {
  return {
    notes: out.notes.map((n) => `${n.level} ${n.location.file}:${n.location.line ?? ''} ${n.message}`),
    problems: out.problems.map((p) => `${p.code} ${p.location.file}:${p.location.line} ${p.location.key}: ${p.message} => ${p.fix}`),
  };
}

describe('detect', () => {
  test('claims pjsip.conf by content, whatever its name', () => {
    expect(asteriskReader.detect({ path: 'pjsip.conf', text: files['pjsip.conf']! })).toBe('entry');
    expect(asteriskReader.detect({ path: 'etc/trunk.cfg', text: files['pjsip.d/legacy.conf']! })).toBe('entry');
  });

  test('claims a fully commented sample only by its pjsip name, and nothing foreign', () => {
    const sample = ';[transport-tls]\n;type=transport\n;protocol=tls\n';
    expect(asteriskReader.detect({ path: 'configs/samples/pjsip.conf.sample', text: sample })).toBe('entry');
    expect(asteriskReader.detect({ path: 'notes.conf', text: sample })).toBe(false);
    // chan_sip's sip.conf with TLS is claimed only to say that it is not judged
    expect(asteriskReader.detect({ path: 'chan_sip.txt', text: '[general]\ntlsenable=yes\ntlsbindaddr=0.0.0.0\n' })).toBe(false);
    expect(
      asteriskReader.detect({ path: 'tls.cfg', text: '[server:default]\nmethod = TLSv1.2+\ncertificate = /etc/kamailio/cert.pem\n' }),
    ).toBe(false);
    expect(asteriskReader.detect({ path: 'x.ini', text: '[ TLSContexts ]\nFORMAT Index = Name;\n[ \\TLSContexts ]\n' })).toBe(false);
  });
});

describe('pjsip.conf with a template, an include folder and a repeated section name', () => {
  const out = readConfig(asteriskReader, files, 'pjsip.conf');

  test('one server and one client endpoint per TLS transport; inherited values cite the template line', () => {
    expect(out.endpoints.map(brief)).toEqual([
      {
        name: 'transport-legacy',
        role: 'server',
        listen: '{"host":"2001:db8::10","port":5062} @ pjsip.d/legacy.conf:4 bind',
        certificate: '/etc/asterisk/keys/legacy.pem @ pjsip.d/legacy.conf:9 cert_file',
        privateKey: '/etc/asterisk/keys/legacy.key @ pjsip.d/legacy.conf:10 priv_key_file',
        versions: METHOD_DEFAULT,
        ciphers: 'HIGH:!aNULL:!MD5 @ pjsip.d/legacy.conf:5 cipher',
        requireClientCert: 'true @ pjsip.d/legacy.conf:8 require_client_cert',
        requestClientCert: REQUEST,
      },
      {
        name: 'transport-legacy',
        role: 'client',
        certificate: '/etc/asterisk/keys/legacy.pem @ pjsip.d/legacy.conf:9 cert_file',
        privateKey: '/etc/asterisk/keys/legacy.key @ pjsip.d/legacy.conf:10 priv_key_file',
        versions: METHOD_DEFAULT,
        ciphers: 'HIGH:!aNULL:!MD5 @ pjsip.d/legacy.conf:5 cipher',
        verifyPeer: `false @ default: Asterisk default: verify_server=no (${DOCS})`,
      },
      {
        name: 'transport-tls',
        role: 'server',
        listen: '{"host":"0.0.0.0","port":5061} @ pjsip.conf:18 bind',
        certificate: '/etc/asterisk/keys/sbc.example.com.crt @ pjsip.conf:13 cert_file',
        privateKey: '/etc/asterisk/keys/sbc.example.com.key @ pjsip.conf:14 priv_key_file',
        caList: '/etc/asterisk/keys/ca-bundle.pem @ pjsip.conf:15 ca_list_file',
        versions: '1.2 @ pjsip.conf:19 method',
        ciphers: 'ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256 @ pjsip.conf:20 cipher',
        requireClientCert: `false @ default: Asterisk default: require_client_cert=no (${DOCS})`,
        requestClientCert: REQUEST,
      },
      {
        name: 'transport-tls',
        role: 'client',
        certificate: '/etc/asterisk/keys/sbc.example.com.crt @ pjsip.conf:13 cert_file',
        privateKey: '/etc/asterisk/keys/sbc.example.com.key @ pjsip.conf:14 priv_key_file',
        caList: '/etc/asterisk/keys/ca-bundle.pem @ pjsip.conf:15 ca_list_file',
        versions: '1.2 @ pjsip.conf:19 method',
        ciphers: 'ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256 @ pjsip.conf:20 cipher',
        verifyPeer: 'true @ pjsip.conf:21 verify_server',
      },
    ]);
  });

  test('raw values keep what was written: the comma list, the bind without port', () => {
    const tls = out.endpoints.find((e) => e.name === 'transport-tls')!;
    expect(tls.ciphers?.raw).toBe('ECDHE-RSA-AES256-GCM-SHA384, ECDHE-RSA-AES128-GCM-SHA256');
    expect(tls.listen?.raw).toBe('0.0.0.0');
    expect(tls.versions?.raw).toBe('tlsv1_2');
    expect(tls.declared).toEqual({ file: 'pjsip.conf', line: 17, key: '[transport-tls]' });
  });

  test('the included file is consumed; missing includes and the unset method are noted; the OpenSSL string is a problem', () => {
    expect(out.consumed).toEqual(['pjsip.d/legacy.conf']);
    expect(findings(out)).toEqual({
      notes: [
        'info pjsip.conf:7 #tryinclude pjsip_custom.conf: not found in the scanned files (tried pjsip_custom.conf); transports it defines are not checked',
        'warn pjsip.conf:8 #include pjsip_missing.conf: not found in the scanned files (tried pjsip_missing.conf); transports it defines are not checked',
        "warn pjsip.d/legacy.conf:1 transport transport-legacy: `method` is not set, so the TLS version is pjproject's default (TLSv1 per the Asterisk docs, all versions in some pjproject builds); set method=tlsv1_2",
      ],
      problems: [
        'invalid-value pjsip.d/legacy.conf:5 cipher: transport transport-legacy: cipher token `HIGH:!aNULL:!MD5` is an OpenSSL cipher expression, not a cipher name; Asterisk loads only exact cipher names (a comma list), so the transport will not load => cipher=AES256-SHA,AES128-GCM-SHA256,AES256-GCM-SHA384,ECDHE-RSA-AES256-SHA,ECDHE-RSA-AES128-GCM-SHA256,ECDHE-RSA-AES256-GCM-SHA384',
      ],
    });
  });
});

describe('a pjsip.conf Asterisk would partly refuse', () => {
  const out = readConfig(asteriskReader, files, 'broken/pjsip.conf');

  test('endpoints keep what can be read; an unknown method leaves versions unknown', () => {
    expect(out.endpoints.map(brief)).toEqual([
      {
        name: 'transport-new',
        role: 'server',
        listen: '{"host":"192.0.2.5","port":5061} @ broken/pjsip.conf:7 bind',
        certificate: '/etc/asterisk/keys/new.crt @ broken/pjsip.conf:11 cert_file',
        ciphers: 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384:AES256-GCM-SHA384 @ broken/pjsip.conf:9 cipher',
        requireClientCert: 'false @ broken/pjsip.conf:15 require_client_cert',
        requestClientCert: REQUEST,
      },
      {
        name: 'transport-new',
        role: 'client',
        certificate: '/etc/asterisk/keys/new.crt @ broken/pjsip.conf:11 cert_file',
        ciphers: 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384:AES256-GCM-SHA384 @ broken/pjsip.conf:9 cipher',
        verifyPeer: `false @ default: Asterisk default: verify_server=no (${DOCS})`,
      },
      {
        name: 'transport-13',
        role: 'server',
        listen: '{"host":"192.0.2.5","port":5063} @ broken/pjsip.conf:20 bind',
        versions: '1.3 @ broken/pjsip.conf:21 method',
        ciphers: 'ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384 @ broken/pjsip.conf:22 cipher',
        tls13Suites: 'TLS_AES_256_GCM_SHA384 @ broken/pjsip.conf:22 cipher',
        requireClientCert: 'true @ broken/pjsip.conf:23 verify_client',
        requestClientCert: REQUEST,
      },
      {
        name: 'transport-13',
        role: 'client',
        versions: '1.3 @ broken/pjsip.conf:21 method',
        ciphers: 'ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384 @ broken/pjsip.conf:22 cipher',
        tls13Suites: 'TLS_AES_256_GCM_SHA384 @ broken/pjsip.conf:22 cipher',
        verifyPeer: `false @ default: Asterisk default: verify_server=no (${DOCS})`,
      },
    ]);
  });

  test('every refusal is a problem with its line and a fix in pjsip.conf syntax', () => {
    expect(findings(out).problems).toEqual([
      'missing-file broken/pjsip.conf:11 cert_file: transport transport-new names cert_file but no priv_key_file; pjproject needs the key in its own file and the transport cannot serve TLS => priv_key_file=/etc/asterisk/keys/asterisk.key',
      'unknown-method broken/pjsip.conf:8 method: transport transport-new: method=tlsv1_4 is not a method Asterisk knows (tlsv1, tlsv1_1, tlsv1_2, tlsv1_3, sslv23, default); the transport will not load => method=tlsv1_2',
      `invalid-value broken/pjsip.conf:9 cipher: transport transport-new: cipher \`TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384\` is an IANA name; pjproject knows OpenSSL's name (ECDHE-RSA-AES256-GCM-SHA384) and refuses the transport ("Cipher 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384' is unsupported") => cipher=ECDHE-RSA-AES256-GCM-SHA384,AES256-GCM-SHA384`,
      'invalid-value broken/pjsip.conf:10 verify_client: transport transport-new: verify_client=maybe is not yes or no; Asterisk refuses the transport => verify_client=no',
    ]);
  });

  test('what Asterisk ignores or cannot be read is noted with its line', () => {
    expect(findings(out).notes).toEqual([
      'warn broken/pjsip.conf:1 `orphan` appears before any [section]; Asterisk ignores it',
      'warn broken/pjsip.conf:12 line not understood (no `=`): `this line has no equals sign`; Asterisk ignores it too',
      'warn broken/pjsip.conf:24 #exec /usr/local/bin/make-transports: the output of a program is not read; sections it would add are not checked',
      'warn broken/pjsip.conf:6 [transport-new] inherits from [tpl-missing], which is not defined; Asterisk refuses the section (values it would inherit are not known)',
      'info broken/pjsip.conf:21 transport transport-13: method=tlsv1_3 needs Asterisk 18.20/20.5 or later built with a pjproject that knows TLS 1.3; older versions refuse the transport',
      'info broken/pjsip.conf:23 transport transport-13: verify_client=yes makes pjsip close a connection whose client certificate does not verify, and a client that sends none (Genesys BYOC sends none) fails that check; read as requiring a client certificate',
      'warn broken/pjsip.conf:26 transport transport-13 is defined again (first at broken/pjsip.conf:17); Asterisk keeps the first definition, this one is not read',
    ]);
  });
});

describe('methods and ciphers', () => {
  const transport = (lines: string) =>
    readConfig(asteriskReader, { 'pjsip.conf': `[t]\ntype=transport\nprotocol=tls\nbind=0.0.0.0:5061\n${lines}\n` }, 'pjsip.conf');

  test.each([
    ['tlsv1', '1.0'],
    ['tlsv1_1', '1.1'],
    ['TLSv1_2', '1.2'],
    ['tlsv1_3', '1.3'],
    ['sslv23', '1.0,1.1,1.2,1.3'],
  ])('method=%s enables exactly %s', (method, versions) => {
    expect(transport(`method=${method}`).endpoints[0]!.versions?.value.join(',')).toBe(versions);
  });

  test('method=default and unspecified fall back to the PJSIP default, with a note', () => {
    for (const m of ['default', 'unspecified', '']) {
      const out = transport(`method=${m}`);
      expect(out.endpoints[0]!.versions).toMatchObject({ value: ['1.0'], from: { kind: 'default' } });
      expect(out.notes.some((n) => /pjproject's default/.test(n.message))).toBe(true);
    }
  });

  test("cipher unset is OpenSSL's default list; `\\;` is a literal semicolon and `;` starts a comment", () => {
    const out = transport('ca_list_path=/etc/ssl/certs\\;x ; a comment');
    expect(brief(out.endpoints[0]!).ciphers).toBe(
      "DEFAULT @ default: PJSIP default when `cipher` is not set: OpenSSL's default cipher list (pjproject pjlib/src/pj/ssl_sock_ossl.c sets none)",
    );
    expect(out.endpoints[0]!.caPath?.value).toBe('/etc/ssl/certs;x');
  });

  test('a bare cipher keyword (not a name) is an OpenSSL expression', () => {
    const out = transport('cipher=ECDHE-RSA-AES256-GCM-SHA384,HIGH');
    expect(out.problems.map((p) => p.code)).toEqual(['invalid-value']);
    expect(out.problems[0]!.message).toMatch(/`HIGH` is an OpenSSL cipher expression/);
  });

  test('a plain name OpenSSL 3.0 does not know is a warning note, not a problem', () => {
    const out = transport('method=tlsv1_2\ncipher=GOST2012-KUZNYECHIK-KUZNYECHIKOMAC');
    expect(out.problems).toEqual([]);
    expect(out.notes.map((n) => n.level)).toEqual(['warn']);
  });

  test('only type=transport with protocol=tls is an endpoint; templates never are', () => {
    const out = readConfig(
      asteriskReader,
      { 'p.conf': '[tpl](!)\ntype=transport\nprotocol=tls\n[ws]\ntype=transport\nprotocol=wss\n[ep]\ntype=endpoint\ntransport=tpl\n' },
      'p.conf',
    );
    expect(out.endpoints).toEqual([]);
  });

  test('`key => value` and later templates override earlier ones; own values override both', () => {
    const out = readConfig(
      asteriskReader,
      {
        'p.conf':
          '[a](!)\nmethod=tlsv1\ncipher=AES256-SHA\n[b](!)\nmethod => tlsv1_1\n[t](a,b)\ntype=transport\nprotocol=tls\nbind=1.2.3.4:5070\n',
      },
      'p.conf',
    );
    const e = out.endpoints[0]!;
    expect(brief(e).versions).toBe('1.1 @ p.conf:5 method');
    expect(brief(e).ciphers).toBe('AES256-SHA @ p.conf:3 cipher');
  });
});

describe('syntax', () => {
  test('an OpenSSL string of plain names becomes a comma list; IANA names become OpenSSL names', () => {
    expect(asteriskCipherList('ECDHE-RSA-AES256-GCM-SHA384:TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256')).toBe(
      'cipher=ECDHE-RSA-AES256-GCM-SHA384,ECDHE-RSA-AES128-GCM-SHA256',
    );
  });

  test('a string with operators falls back to the BYOC suite names', () => {
    expect(asteriskCipherList('HIGH:!aNULL')).toBe(
      'cipher=AES256-SHA,AES128-GCM-SHA256,AES256-GCM-SHA384,ECDHE-RSA-AES256-SHA,ECDHE-RSA-AES128-GCM-SHA256,ECDHE-RSA-AES256-GCM-SHA384',
    );
  });

  test('every fix is written in pjsip.conf syntax', () => {
    const s = readConfig(asteriskReader, files, 'pjsip.conf').endpoints[0]!.syntax;
    expect([s.allowTls12(), s.noClientCertificate(), s.verifyPeer(), s.caList('/etc/asterisk/keys/ca.pem'), s.curves]).toEqual([
      'method=tlsv1_2',
      'require_client_cert=no and verify_client=no in the transport (pjproject still asks every client for a certificate; Genesys sends none and the handshake goes on, so the remaining request is harmless)',
      'verify_server=yes',
      'ca_list_file=/etc/asterisk/keys/ca.pem',
      undefined,
    ]);
  });
});

describe("comments as Asterisk's main/config.c reads them", () => {
  const transport = (before: string, after = '') =>
    `${before}\n[transport-tls]\ntype=transport\nprotocol=tls\nbind=0.0.0.0:5061\ncert_file=/etc/asterisk/keys/sbc.pem\n${after}`;
  const names = (text: string) =>
    readConfig(asteriskReader, { 'pjsip.conf': text }, 'pjsip.conf')
      .endpoints.filter((e) => e.role === 'server')
      .map((e) => e.name);

  test('a ;------ banner is an ordinary line comment (;-- opens a block only when no third dash follows)', () => {
    expect(
      names(
        transport(
          ';------------------------------------------\n; SBC trunk to Genesys BYOC Cloud\n;------------------------------------------',
        ),
      ),
    ).toEqual(['transport-tls']);
  });

  test(';-- opens a block comment that nests and ends at the matching --;', () => {
    expect(names(transport(';-- outer\n;-- inner --;\nstill commented --;'))).toEqual(['transport-tls']);
    // one --; closes only the inner block: the transport stays inside the outer one
    expect(names(transport(';-- outer\n;-- inner --;'))).toEqual([]);
  });

  test('a block comment inside a line keeps the text on both sides; \\; is a literal semicolon', () => {
    const out = readConfig(
      asteriskReader,
      { 'pjsip.conf': transport('', 'cipher=ECDHE-RSA-AES256-GCM-SHA384;-- was AES128-SHA --;\nmethod=tlsv1_2 ; a comment\n') },
      'pjsip.conf',
    );
    expect(out.endpoints[0]!.ciphers?.value).toBe('ECDHE-RSA-AES256-GCM-SHA384');
    expect(out.endpoints[0]!.versions?.value).toEqual(['1.2']);
  });
});

describe('robustness', () => {
  test('never throws, and stays linear, on arbitrary text', () => {
    const pieces = fc.constantFrom(
      '[t]',
      '[t](!)',
      '[u](t,x)',
      '[t](+)',
      'type=transport',
      'protocol=tls',
      'method=tlsv1_2',
      'cipher=HIGH:!a,',
      'bind=[::1',
      '#include *.conf',
      '#include t.conf',
      ';--',
      '--;',
      '\\;',
      '=>',
      '\n',
      ' ',
      'verify_client=',
      '(',
      ']',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string({ maxLength: 12 })), { maxLength: 200 }), (parts) => {
        const text = parts.join('');
        const out = readConfig(asteriskReader, { 't.conf': text, 'a.conf': text }, 't.conf');
        expect(Array.isArray(out.endpoints)).toBe(true);
        asteriskReader.detect({ path: 't.conf', text });
      }),
      { numRuns: 300 },
    );
  });

  test('a large file reads in linear time', async () => {
    const read = (n: number) => {
      const big = Array.from(
        { length: n },
        (_, k) => `[t${k}](tpl)\ntype=transport\nprotocol=tls\nbind=0.0.0.0:${5000 + (k % 1000)}\nmethod=tlsv1_2\n`,
      ).join('');
      return readConfig(asteriskReader, { 'p.conf': `[tpl](!)\ncipher=AES256-SHA\n${big}` }, 'p.conf');
    };
    expect(read(4000).endpoints).toHaveLength(8000);
    await expectLinear((scale) => read(1000 * scale));
  });
});

describe('includes', () => {
  test('lines after an #include continue the last section the included file opened', () => {
    const out = readConfig(
      asteriskReader,
      { 'pjsip.conf': '#include tls.conf\nmethod=tlsv1_2\n', 'tls.conf': '[t]\ntype=transport\nprotocol=tls\nbind=0.0.0.0:5061\n' },
      'pjsip.conf',
    );
    expect(brief(out.endpoints[0]!).versions).toBe('1.2 @ pjsip.conf:2 method');
    expect(out.consumed).toEqual(['tls.conf']);
  });

  test('an include loop is noted once and not followed', () => {
    const out = readConfig(
      asteriskReader,
      { 'a.conf': '[t]\ntype=transport\nprotocol=tls\nmethod=tlsv1_2\nbind=1.1.1.1\n#include b.conf\n', 'b.conf': '#include a.conf\n' },
      'a.conf',
    );
    expect(out.endpoints).toHaveLength(2);
    expect(out.notes.filter((n) => /includes itself/.test(n.message))).toHaveLength(1);
  });
});

test('transports, and not one with protocol=tls: the SBC does not listen for TLS (a real configuration was READY)', () => {
  const out = readConfig(
    asteriskReader,
    {
      'pjsip.conf':
        '[transport-udp]\ntype=transport\nprotocol=udp\nbind=0.0.0.0\n\n;[transport-tls]\n;type=transport\n;protocol=tls\n\n[transport-tcp]\ntype=transport\nprotocol=tcp\nbind=0.0.0.0\n\n[bare]\ntype=transport\nbind=0.0.0.0:5062\n',
    },
    'pjsip.conf',
  );
  expect(findings(out).problems).toEqual([
    'no-tls pjsip.conf:1 undefined: The SBC does not listen for TLS, so Genesys cannot connect: no pjsip transport has protocol=tls ([transport-udp] udp at pjsip.conf:1, [transport-tcp] tcp at pjsip.conf:10, [bare] udp at pjsip.conf:15) => [transport-tls] with type=transport, protocol=tls, bind=0.0.0.0:5061, cert_file=<certificate chain>, priv_key_file=<key>, method=tlsv1_2 (one per line)',
  ]);
  // endpoints only (a file included by another): no transports, no finding
  expect(readConfig(asteriskReader, { 'pjsip.conf': '[phone]\ntype=endpoint\n' }, 'pjsip.conf').problems).toEqual([]);
});

test("chan_sip's sip.conf: TLS there is said to be not judged, and stays unchecked", () => {
  const on = readConfig(
    asteriskReader,
    { 'sip.conf': '[general]\ntlsenable=yes\ntlsbindaddr=0.0.0.0:5061\ntlsclientmethod=tlsv1\n\n[genesys]\ntype=peer\nencryption=yes\n' },
    'sip.conf',
  );
  expect(asteriskReader.detect({ path: 'etc/asterisk/sip.conf', text: '[general]\ntlsenable=yes\n' })).toBe('entry');
  expect(asteriskReader.detect({ path: 'sip.conf', text: '[general]\nudpbindaddr=0.0.0.0\n' })).toBe(false);
  expect([on.endpoints, on.problems]).toEqual([[], []]);
  expect(findings(on).notes).toEqual([
    'warn sip.conf:2 chan_sip TLS (sip.conf tlsenable=yes) is not judged: chan_sip was removed in Asterisk 21 and is deprecated before it; on Asterisk 20 and older it opens a TLS listener of its own (tlsbindaddr, tlscertfile, tlsclientmethod, tlscipher)',
  ]);
  expect(on.unseen?.map((u) => [u.area, u.reason])).toEqual([['tls', 'sip.conf:2 enables chan_sip TLS, whose settings are not judged']]);
  const off = readConfig(asteriskReader, { 'sip.conf': '[general]\ntlsenable=no\n' }, 'sip.conf');
  expect([off.unseen, findings(off).notes]).toEqual([
    undefined,
    ["info sip.conf:2 chan_sip (sip.conf) with TLS off: its TLS listener is not opened; the pjsip transports are the SBC's TLS side"],
  ]);
});

test('no TLS transport, but an #include the scan lacks: it may define the TLS transport, so nothing is claimed', () => {
  const out = readConfig(
    asteriskReader,
    { 'pjsip.conf': '[transport-udp]\ntype=transport\nprotocol=udp\nbind=0.0.0.0\n\n#include pjsip.d/tls.conf\n' },
    'pjsip.conf',
  );
  expect(out.problems).toEqual([]);
  expect(findings(out).notes).toContainEqual(
    expect.stringMatching(/^warn pjsip.conf:6 #include pjsip.d\/tls.conf: not found in the scanned files/),
  );
});
