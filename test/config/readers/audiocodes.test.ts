/** AudioCodes INI reader: TLS contexts by FORMAT column name, the SIP interfaces that listen with them, mutual authentication. */
import fc from 'fast-check';
import { audiocodesReader } from '../../../src/config/readers/audiocodes.js';
import type { ReaderOutput } from '../../../src/config/types.js';
import { expectLinear } from '../../helpers/growth.js';
import { brief, fixtureFiles, readConfig } from '../../helpers/sbc.js';

const files = fixtureFiles('audiocodes');
const CERT_NOTE =
  "the certificate and trusted roots are uploaded to the device, not kept in the INI; give the chain to scan with the trunk profile's `chain:` or check it with `byoc-check CHAIN`";

function findings(out: ReaderOutput) {
  return {
    notes: out.notes.map((n) => `${n.level} ${n.location.file}:${n.location.line ?? ''} ${n.message}`),
    problems: out.problems.map((p) => `${p.code} ${p.location.file}:${p.location.line} ${p.location.key}: ${p.message} => ${p.fix}`),
  };
}

describe('detect', () => {
  test('claims INI exports by their tables or parameter sections', () => {
    expect(audiocodesReader.detect({ path: 'mediant.ini', text: files['mediant-7.4.ini']! })).toBe('entry');
    expect(audiocodesReader.detect({ path: 'backup.txt', text: files['no-contexts.ini']! })).toBe('entry');
  });

  test('does not claim other INI-like formats', () => {
    expect(audiocodesReader.detect({ path: 'pjsip.conf', text: '[transport-tls]\ntype=transport\nprotocol=tls\n' })).toBe(false);
    expect(audiocodesReader.detect({ path: 'tls.cfg', text: '[server:default]\nmethod = TLSv1.2+\n' })).toBe(false);
    expect(audiocodesReader.detect({ path: 'php.ini', text: '[PHP]\nengine = On\n' })).toBe(false);
  });
});

describe('7.4 export (CRLF, bare FORMAT columns, TLS 1.3 strings, key exchange groups)', () => {
  const out = readConfig(audiocodesReader, files, 'mediant-7.4.ini');

  test('a server endpoint per SIP interface listening with the context, a client endpoint per context', () => {
    expect(out.endpoints.map(brief)).toEqual([
      {
        name: 'TLSContexts 0 "default" / SIPInterface 2 "SI_Teams"',
        role: 'server',
        listen: '{"host":"203.0.113.20","port":5063} @ mediant-7.4.ini:38 TLSPort',
        versions: '1.0,1.1,1.2,1.3 @ mediant-7.4.ini:27 TLSVersion',
        ciphers: 'DEFAULT @ mediant-7.4.ini:27 ServerCipherString',
        tls13Suites: 'TLS_AES_256_GCM_SHA384:TLS_AES_128_GCM_SHA256 @ mediant-7.4.ini:27 ServerCipherTLS13String',
        curves: 'X25519:P-256:P-384:X448 @ mediant-7.4.ini:27 KeyExchangeGroups',
        requireClientCert: 'false @ mediant-7.4.ini:13 SIPSRequireClientCertificate',
        requestClientCert: 'false @ mediant-7.4.ini:13 SIPSRequireClientCertificate',
      },
      {
        name: 'TLSContexts 0 "default"',
        role: 'client',
        versions: '1.0,1.1,1.2,1.3 @ mediant-7.4.ini:27 TLSVersion',
        ciphers: 'DEFAULT @ mediant-7.4.ini:27 ClientCipherString',
        tls13Suites: 'TLS_AES_256_GCM_SHA384:TLS_AES_128_GCM_SHA256 @ mediant-7.4.ini:27 ClientCipherTLS13String',
        curves: 'X25519:P-256:P-384:X448 @ mediant-7.4.ini:27 KeyExchangeGroups',
        verifyPeer: 'true @ mediant-7.4.ini:12 PeerHostNameVerificationMode',
      },
      {
        name: 'TLSContexts 1 "Genesys" / SIPInterface 1 "SI_Genesys"',
        role: 'server',
        listen: '{"host":"203.0.113.20","port":5061} @ mediant-7.4.ini:37 TLSPort',
        versions: '1.2,1.3 @ mediant-7.4.ini:28 TLSVersion',
        ciphers: 'ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256 @ mediant-7.4.ini:28 ServerCipherString',
        tls13Suites: 'TLS_AES_256_GCM_SHA384 @ mediant-7.4.ini:28 ServerCipherTLS13String',
        curves: 'P-384 @ mediant-7.4.ini:28 KeyExchangeGroups',
        requireClientCert: 'false @ mediant-7.4.ini:37 TLSMutualAuthentication',
        requestClientCert: 'false @ mediant-7.4.ini:37 TLSMutualAuthentication',
      },
      {
        name: 'TLSContexts 1 "Genesys"',
        role: 'client',
        versions: '1.2,1.3 @ mediant-7.4.ini:28 TLSVersion',
        ciphers: 'ECDHE-RSA-AES256-GCM-SHA384 @ mediant-7.4.ini:28 ClientCipherString',
        curves: 'P-384 @ mediant-7.4.ini:28 KeyExchangeGroups',
        verifyPeer: 'true @ mediant-7.4.ini:12 PeerHostNameVerificationMode',
      },
    ]);
    expect(out.endpoints.every((e) => e.certificate === undefined)).toBe(true);
  });

  test('the bitmask keeps its raw value; the interface without TLS port is no endpoint', () => {
    expect(out.endpoints[2]!.versions?.raw).toBe('12');
    expect(out.endpoints.some((e) => e.name.includes('SI_LAN'))).toBe(false);
  });

  test('notes: TLSVersion 0, the default context, certificates outside the INI (one per context)', () => {
    expect(findings(out)).toEqual({
      notes: [
        'info mediant-7.4.ini:27 TLSContexts 0 "default": TLSVersion = 0 ("Any") read as TLS 1.0-1.2 and 1.3 (this firmware has TLS 1.3 columns); AudioCodes documents it as "any version" without listing them per firmware',
        `info mediant-7.4.ini:27 TLSContexts 0 "default": ${CERT_NOTE}`,
        'info mediant-7.4.ini:38 SIPInterface 2 "SI_Teams" names no TLS context; AudioCodes uses the default context (#0, TLSContexts 0 "default")',
        `info mediant-7.4.ini:28 TLSContexts 1 "Genesys": ${CERT_NOTE}`,
      ],
      problems: [],
    });
  });

  test('fixes name the context, the column and the interface', () => {
    const [server, client, genesys] = out.endpoints;
    expect(server!.syntax.ciphers('ECDHE-RSA-AES256-GCM-SHA384')).toBe(
      'TLSContexts 0 "default": ServerCipherString = "ECDHE-RSA-AES256-GCM-SHA384"',
    );
    expect(client!.syntax.ciphers('AES256-SHA')).toBe('TLSContexts 0 "default": ClientCipherString = "AES256-SHA"');
    expect(genesys!.syntax.allowTls12()).toBe('TLSContexts 1 "Genesys": TLSVersion = 12 (TLS 1.2 and 1.3)');
    expect(genesys!.syntax.curves!('secp384r1')).toBe('TLSContexts 1 "Genesys": KeyExchangeGroups = "secp384r1"');
    expect(genesys!.syntax.noClientCertificate()).toBe('SIPInterface 1 "SI_Genesys": TLSMutualAuthentication = 0');
    expect(client!.syntax.noClientCertificate()).toBe('SIPSRequireClientCertificate = 0');
    expect(client!.syntax.verifyPeer()).toBe('VerifyServerCertificate = 1 and PeerHostNameVerificationMode = 2');
  });
});

describe('older export (prefixed FORMAT columns, quoted commas, invalid values)', () => {
  const out = readConfig(audiocodesReader, files, 'mediant-6.8.ini');

  test('prefixed columns are read by name; a quoted comma stays in the value; the global mutual setting applies at -1', () => {
    expect(out.endpoints.map(brief)).toEqual([
      {
        name: 'TLSContexts 0 "default" / SIPInterface 0 "Carrier"',
        role: 'server',
        listen: '{"port":5061} @ mediant-6.8.ini:22 SIPInterface_TLSPort',
        versions: '1.1,1.2 @ mediant-6.8.ini:13 TLSContexts_TLSVersion',
        ciphers: 'AES256-SHA:AES128-SHA, RC4 @ mediant-6.8.ini:13 TLSContexts_ServerCipherString',
        requireClientCert: 'true @ mediant-6.8.ini:7 SIPSREQUIRECLIENTCERTIFICATE',
        requestClientCert: 'true @ mediant-6.8.ini:7 SIPSREQUIRECLIENTCERTIFICATE',
      },
      {
        name: 'TLSContexts 0 "default"',
        role: 'client',
        versions: '1.1,1.2 @ mediant-6.8.ini:13 TLSContexts_TLSVersion',
        ciphers: 'ALL:!ADH @ mediant-6.8.ini:13 TLSContexts_ClientCipherString',
        verifyPeer: 'true @ mediant-6.8.ini:7 SIPSREQUIRECLIENTCERTIFICATE',
      },
      {
        name: 'TLSContexts 1 "broken" / SIPInterface 1 "Broken"',
        role: 'server',
        listen: '{"port":5071} @ mediant-6.8.ini:23 SIPInterface_TLSPort',
      },
      {
        name: 'TLSContexts 1 "broken"',
        role: 'client',
        ciphers: 'DEFAULT @ mediant-6.8.ini:14 TLSContexts_ClientCipherString',
        verifyPeer: 'true @ mediant-6.8.ini:7 SIPSREQUIRECLIENTCERTIFICATE',
      },
    ]);
  });

  test('values the device refuses are problems', () => {
    expect(findings(out)).toEqual({
      notes: [
        `info mediant-6.8.ini:13 TLSContexts 0 "default": ${CERT_NOTE}`,
        `info mediant-6.8.ini:14 TLSContexts 1 "broken": ${CERT_NOTE}`,
        'info mediant-6.8.ini:14 TLSContexts 1 "broken": ServerCipherString is empty; the server cipher list is the firmware default, not read',
      ],
      problems: [
        'invalid-value mediant-6.8.ini:14 TLSContexts_TLSVersion: TLSContexts 1 "broken": TLSVersion = 17 is not a TLS version bitmask (1 TLS 1.0, 2 TLS 1.1, 4 TLS 1.2, 8 TLS 1.3, sums) => TLSContexts_TLSVersion = 4',
        'invalid-value mediant-6.8.ini:23 SIPInterface_TLSMutualAuthentication: SIPInterface 1 "Broken": TLSMutualAuthentication = 3 is not -1, 0 or 1 => SIPInterface_TLSMutualAuthentication = 0',
      ],
    });
  });
});

describe('client-side verification globals', () => {
  const client = (globals: string) => {
    const out = readConfig(
      audiocodesReader,
      {
        'a.ini': `[SIP Params]\n${globals}\n[ TLSContexts ]\nFORMAT Index = Name, TLSVersion;\nTLSContexts 0 = "default", 4;\n[ \\TLSContexts ]\n`,
      },
      'a.ini',
    );
    return { verifyPeer: brief(out.endpoints[0]!).verifyPeer, notes: out.notes.filter((n) => n.level === 'warn').map((n) => n.message) };
  };

  test('VerifyServerCertificate decides when mutual authentication is off; name verification 2 counts', () => {
    expect(client('VerifyServerCertificate = 1\nPeerHostNameVerificationMode = 0').verifyPeer).toBe(
      'true @ a.ini:2 VerifyServerCertificate',
    );
    expect(client('SIPSRequireClientCertificate = 0\nVerifyServerCertificate = 0\nPeerHostNameVerificationMode = 2').verifyPeer).toBe(
      'false @ a.ini:3 VerifyServerCertificate',
    );
    expect(client('PeerHostNameVerificationMode = 2').verifyPeer).toBe('true @ a.ini:2 PeerHostNameVerificationMode');
  });

  test('PeerHostNameVerificationMode 1 alone is noted, never guessed', () => {
    expect(client('PeerHostNameVerificationMode = 1')).toEqual({
      verifyPeer: undefined,
      notes: [
        'PeerHostNameVerificationMode = 1 ("Server Only"): 7.x manuals apply it when the SBC is the client, 6.x manuals when it is the server; whether the SBC verifies the server\'s certificate is not read',
      ],
    });
  });
});

describe('partial exports', () => {
  test('TLS interfaces without a TLSContexts table: a note, no guessed settings', () => {
    const out = readConfig(audiocodesReader, files, 'no-contexts.ini');
    expect(out.endpoints).toEqual([]);
    expect(findings(out).notes).toEqual([
      'warn no-contexts.ini:5 SIP interfaces listen for TLS but this file has no TLSContexts table: the TLS settings of their context are not in this file (export the full INI)',
    ]);
  });

  test('a TLSContexts table alone gives the client role and says the listener is not in the file', () => {
    const text = '[ TLSContexts ]\r\nFORMAT Index = Name, TLSVersion;\r\nTLSContexts 0 = "default", 5;\r\n[ \\TLSContexts ]\r\n';
    const out = readConfig(audiocodesReader, { 'a.ini': text }, 'a.ini');
    expect(out.endpoints.map(brief)).toEqual([
      {
        name: 'TLSContexts 0 "default"',
        role: 'client',
        versions: '1.0,1.2 @ a.ini:3 TLSVersion',
        verifyPeer:
          "false @ default: AudioCodes default: SIPSRequireClientCertificate = 0, VerifyServerCertificate = 0 and PeerHostNameVerificationMode = 0: the server's certificate is not verified (AudioCodes Mediant SBC User's Manual, Configuration Parameters Reference)",
      },
    ]);
    expect(out.notes.map((n) => n.message)).toContain(
      'TLSContexts 0 "default": this file has no SIPInterface table; the TLS listener (server role) is not read',
    );
  });

  test('a row before its FORMAT line is noted, not guessed', () => {
    const out = readConfig(audiocodesReader, { 'a.ini': '[ TLSContexts ]\nTLSContexts 0 = "default", 4;\n[ \\TLSContexts ]\n' }, 'a.ini');
    expect(out.endpoints).toEqual([]);
    expect(out.notes[0]!.message).toMatch(/before its FORMAT line/);
  });
});

describe('robustness', () => {
  test('never throws, and stays linear, on arbitrary text', () => {
    const pieces = fc.constantFrom(
      '[ TLSContexts ]',
      '[ \\TLSContexts ]',
      '[ SIPInterface ]',
      '[SIP Params]',
      'FORMAT Index = Name, TLSVersion, TLSPort, TLSContext;',
      'TLSContexts 0 = ',
      'SIPInterface 0 = ',
      '"default"',
      ', ',
      '"',
      ';',
      '\r\n',
      '\n',
      '12',
      '-1',
      'SIPSRequireClientCertificate = 1',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string({ maxLength: 12 })), { maxLength: 200 }), (parts) => {
        const text = parts.join('');
        const out = readConfig(audiocodesReader, { 'a.ini': text }, 'a.ini');
        expect(Array.isArray(out.endpoints)).toBe(true);
        audiocodesReader.detect({ path: 'a.ini', text });
      }),
      { numRuns: 300 },
    );
  });

  test('a large export reads in linear time: 2,000 then 8,000 contexts and interfaces', async () => {
    const read = (n: number) => {
      const rows = Array.from({ length: n }, (_, k) => `TLSContexts ${k} = "c${k}", 4, "DEFAULT", "DEFAULT";`).join('\n');
      const sip = Array.from({ length: n }, (_, k) => `SIPInterface ${k} = "s${k}", 5061, "c${k}", 0;`).join('\n');
      const text = `[ TLSContexts ]\nFORMAT Index = Name, TLSVersion, ServerCipherString, ClientCipherString;\n${rows}\n[ \\TLSContexts ]\n[ SIPInterface ]\nFORMAT Index = InterfaceName, TLSPort, TLSContext, TLSMutualAuthentication;\n${sip}\n[ \\SIPInterface ]\n`;
      return readConfig(audiocodesReader, { 'a.ini': text }, 'a.ini');
    };
    expect(read(3000).endpoints).toHaveLength(6000);
    await expectLinear((scale) => read(2000 * scale));
  });
});
