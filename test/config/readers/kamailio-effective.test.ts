/**
 * The effective Kamailio configuration (issue 19): what the running SBC uses, and what stops it.
 * Each case is one behaviour of Kamailio 5.6 confirmed by test/config/kamailio-differential.test.ts
 * (the real product is the oracle there); here the reader's output is pinned in memory.
 */
import { kamailio } from '../../../src/config/readers/kamailio.js';
import type { ReaderOutput } from '../../../src/config/types.js';
import { readConfig } from '../../helpers/sbc.js';

const CFG = (lines: string[]) => ['#!KAMAILIO', ...lines, 'request_route { exit; }', ''].join('\n');
const TLS_ON = ['enable_tls=yes', 'listen=tls:10.0.0.10:5061', 'loadmodule "tls.so"', 'modparam("tls", "config", "tls.cfg")'];
const DOMAIN = (head = '[server:default]', extra: string[] = []) =>
  [head, 'method = TLSv1.2+', 'certificate = sbc.pem', 'private_key = sbc.key', ...extra, ''].join('\n');
const PEMS = { 'sbc.pem': 'certificate', 'sbc.key': 'key' };

function read(files: Record<string, string>): ReaderOutput {
  return readConfig(kamailio, files, 'kamailio.cfg');
}
const codes = (o: ReaderOutput) => o.problems.map((p) => `${p.code} ${p.location.file}:${p.location.line ?? ''}`);

describe('no TLS listener: one finding, and the tls.cfg is noted as unused, not judged', () => {
  test('enable_tls=no', () => {
    const out = read({
      'kamailio.cfg': CFG(TLS_ON.map((l) => l.replace('enable_tls=yes', 'enable_tls=no'))),
      'tls.cfg': DOMAIN(),
      ...PEMS,
    });
    expect(codes(out)).toEqual(['no-tls kamailio.cfg:2']);
    expect(out.problems[0]!.message).toMatch(/^The SBC does not listen for TLS, so Genesys cannot connect: kamailio.cfg:2 turns TLS off/);
    expect(out.problems[0]!.fix).toBe('enable_tls=yes');
    expect(out.endpoints).toEqual([]);
    expect(out.consumed).toContain('tls.cfg');
    expect(out.notes.some((n) => n.location.file === 'tls.cfg' && /not used by Kamailio: TLS is off/.test(n.message))).toBe(true);
  });

  test('#!ifdef WITH_TLS without #!define: the fix names the define and -A', () => {
    const cfg = CFG(['listen=udp:10.0.0.10:5060', '#!ifdef WITH_TLS', ...TLS_ON, '#!endif']);
    const out = read({ 'kamailio.cfg': cfg, 'tls.cfg': DOMAIN(), ...PEMS });
    expect(codes(out)).toEqual(['no-tls kamailio.cfg:4']);
    expect(out.problems[0]!.message).toMatch(/inside #!ifdef WITH_TLS \(kamailio.cfg:4\), which no #!define in the scanned files enables/);
    expect(out.problems[0]!.fix).toBe('#!define WITH_TLS at the top of kamailio.cfg (or start Kamailio with -A WITH_TLS)');
    expect(out.consumed).toContain('tls.cfg');
    expect(out.endpoints).toEqual([]);
  });

  test('#!ifdef WITH_TLS with #!define WITH_TLS: TLS is live', () => {
    const cfg = CFG(['#!define WITH_TLS', '#!ifdef WITH_TLS', ...TLS_ON, '#!endif']);
    const out = read({ 'kamailio.cfg': cfg, 'tls.cfg': DOMAIN(), ...PEMS });
    expect(out.problems).toEqual([]);
    expect(out.endpoints.map((e) => e.name)).toEqual(['server:default', 'client:default']);
  });

  test('enable_tls=yes without loadmodule "tls.so"', () => {
    const out = read({ 'kamailio.cfg': CFG(TLS_ON.filter((l) => !l.startsWith('loadmodule'))), 'tls.cfg': DOMAIN(), ...PEMS });
    expect(codes(out)).toEqual(['no-tls kamailio.cfg:2']);
    expect(out.problems[0]!.message).toMatch(/forgot to load the tls module/);
    expect(out.problems[0]!.fix).toBe('loadmodule "tls.so"');
  });

  test('listen= lines, none for TLS', () => {
    const cfg = CFG(TLS_ON.map((l) => (l.startsWith('listen=') ? 'listen=udp:10.0.0.10:5060' : l)));
    const out = read({ 'kamailio.cfg': cfg, 'tls.cfg': DOMAIN(), ...PEMS });
    expect(out.problems.map((p) => p.code)).toEqual(['no-tls']);
    // [server:default] is still loaded at start-up: it is kept, marked unused
    expect(out.endpoints.filter((e) => e.unused).map((e) => e.name)).toEqual(['server:default']);
  });

  test('no TLS mentioned, but not a file Kamailio runs alone, or an include is missing: nothing is claimed', () => {
    // a module fragment (modules.k): #!define and loadmodule lines, no request_route
    const fragment = readConfig(
      kamailio,
      { 'auth.k': '#!ifdef WITH_AUTH\nloadmodule "auth.so"\nmodparam("auth", "nonce_expire", 300)\n#!endif\n' },
      'auth.k',
    );
    expect(fragment.problems).toEqual([]);
    // the missing include may be where TLS is configured
    const missing = read({ 'kamailio.cfg': CFG(['include_file "network.cfg"', 'listen=udp:10.0.0.10:5060']) });
    expect(missing.problems.map((p) => p.code)).toEqual(['missing-file']);
  });

  test('a kamailio.cfg that never mentions TLS: no BYOC handshake gets through it either', () => {
    const out = read({ 'kamailio.cfg': CFG(['listen=udp:10.0.0.10:5060', 'loadmodule "sl.so"']) });
    expect(out.problems.map((p) => [p.code, p.message, p.fix])).toEqual([
      [
        'no-tls',
        'The SBC does not listen for TLS, so Genesys cannot connect: kamailio.cfg configures no TLS at all (no enable_tls, no loadmodule "tls.so", no listen=tls:)',
        'enable_tls=yes, loadmodule "tls.so" and listen=tls:<SBC address>:5061',
      ],
    ]);
  });
});

describe("Kamailio's built-in domains and domains no listener uses", () => {
  test('[server:IP:PORT] takes the only listener and there is no [server:default]: the compiled default cert.pem must exist', () => {
    const out = read({ 'kamailio.cfg': CFG(TLS_ON), 'tls.cfg': DOMAIN('[server:10.0.0.10:5061]'), ...PEMS });
    // one finding for cert.pem, the compiled default of both certificate and private_key
    expect(out.problems.map((p) => `${p.code} ${p.location.file} [${p.endpoint}]`)).toEqual(['missing-file tls.cfg [server:default]']);
    expect(out.problems[0]!.message).toMatch(
      /^tls.cfg has no \[server:default\], so Kamailio builds one that loads the compiled default cert.pem \(cert.pem beside kamailio.cfg\), which is not in the repository .*Kamailio refuses to start \("Unable to load certificate file"\)/,
    );
    expect(out.endpoints.filter((e) => e.unused).map((e) => e.name)).toEqual(['server:default']);
    // with cert.pem committed beside kamailio.cfg, the built-in domain loads
    expect(read({ 'kamailio.cfg': CFG(TLS_ON), 'tls.cfg': DOMAIN('[server:10.0.0.10:5061]'), 'cert.pem': 'x', ...PEMS }).problems).toEqual(
      [],
    );
  });

  test('an unused [server:default] keeps its settings for config-valid only', () => {
    const tls = DOMAIN('[server:10.0.0.10:5061]') + DOMAIN('[server:default]', ['cipher_list = NOSUCHCIPHER']).replace('TLSv1.2+', 'TLSv1');
    const out = read({ 'kamailio.cfg': CFG(TLS_ON), 'tls.cfg': tls, ...PEMS });
    const unused = out.endpoints.find((e) => e.unused)!;
    expect(unused.name).toBe('server:default');
    expect(unused.unused).toBe('every listen=tls socket has its own [server:IP:PORT] domain');
    expect(unused.ciphers?.value).toBe('NOSUCHCIPHER');
    expect(out.endpoints.find((e) => !e.unused && e.role === 'server')!.name).toBe('server:10.0.0.10:5061');
  });

  test('a listener whose port no #!define sets, on an address no [server:IP:PORT] names, is served by [server:default]', () => {
    const cfg = CFG(TLS_ON.map((l) => l.replace('listen=tls:10.0.0.10:5061', 'listen=tls:10.0.0.10:EDGE_TLS_PORT')));
    // a real configuration had only [server:default] with method = TLSv1: judged, never "serves no listener"
    const only = read({ 'kamailio.cfg': cfg, 'tls.cfg': DOMAIN().replace('TLSv1.2+', 'TLSv1'), ...PEMS });
    const server = only.endpoints.filter((e) => e.role === 'server');
    expect(server.map((e) => [e.name, e.unused, e.listen, e.versions?.value])).toEqual([['server:default', undefined, undefined, ['1.0']]]);
    // no [server:default] at all: the compiled one serves it, named in the note
    const builtIn = read({ 'kamailio.cfg': cfg, 'tls.cfg': DOMAIN('[client:default]'), ...PEMS, 'cert.pem': 'x' });
    expect(builtIn.endpoints.filter((e) => e.role === 'server').map((e) => [e.name, e.unused])).toEqual([['server:default', undefined]]);
    expect(builtIn.notes.map((n) => n.message)).toContain(
      "tls.cfg has no [server:default]: the TLS listener(s) 10.0.0.10:? use Kamailio's compiled defaults (TLSv1+, certificate cert.pem in the kamailio.cfg folder)",
    );
    // the same address in a [server:IP:PORT] domain: which one serves it depends on the port, so both are judged
    const named = read({ 'kamailio.cfg': cfg, 'tls.cfg': DOMAIN('[server:10.0.0.10:5061]') + DOMAIN(), ...PEMS });
    expect(named.endpoints.filter((e) => e.role === 'server').map((e) => [e.name, e.unused])).toEqual([
      ['server:10.0.0.10:5061', undefined],
      ['server:default', undefined],
    ]);
    expect(named.problems).toEqual([]);
    expect(named.notes.map((n) => `${n.level} ${n.location.file}:${n.location.line} ${n.message}`)).toContain(
      'warn tls.cfg:1 [server:10.0.0.10:5061] serves listen=tls:10.0.0.10:EDGE_TLS_PORT (kamailio.cfg:3) only if that port is 5061; otherwise Kamailio refuses to start ("No listening socket found")',
    );
  });
});

describe('files Kamailio loads at start-up', () => {
  test('a relative certificate, key or CA path the repository does not hold stops Kamailio', () => {
    const tls = DOMAIN('[server:default]', ['verify_certificate = yes', 'ca_list = certs/ca.pem']);
    const out = read({ 'kamailio.cfg': CFG(TLS_ON), 'tls.cfg': tls });
    expect(codes(out)).toEqual(['missing-file tls.cfg:3', 'missing-file tls.cfg:4', 'missing-file tls.cfg:6']);
    expect(out.problems[0]!.message).toMatch(
      /^certificate = sbc.pem is not in the repository \(tried sbc.pem\); Kamailio reads relative paths from the folder of kamailio.cfg/,
    );
    expect(out.problems[2]!.message).toMatch(/"Unable to load CA list file"/);
  });

  test('an absolute deployment path the repository does not hold is not a finding here (the gatherer lists it as not checked)', () => {
    const tls = DOMAIN().replace('certificate = sbc.pem', 'certificate = /etc/kamailio/certs/deployed.pem');
    expect(read({ 'kamailio.cfg': CFG(TLS_ON), 'tls.cfg': tls, ...PEMS }).problems).toEqual([]);
  });

  test('relative paths are found from the folder of kamailio.cfg', () => {
    const files = {
      'sbc/kamailio.cfg': CFG(TLS_ON),
      'sbc/tls.cfg': DOMAIN().replace('sbc.pem', 'certs/sbc.pem'),
      'sbc/certs/sbc.pem': 'x',
      'sbc/sbc.key': 'k',
    };
    expect(readConfig(kamailio, files, 'sbc/kamailio.cfg').problems).toEqual([]);
  });
});

test("a domain without cipher_list runs OpenSSL's default list, with that provenance", () => {
  const out = read({ 'kamailio.cfg': CFG(TLS_ON), 'tls.cfg': DOMAIN(), ...PEMS });
  const server = out.endpoints.find((e) => e.role === 'server')!;
  expect(server.ciphers?.value).toBe('DEFAULT');
  expect(server.ciphers?.from).toMatchObject({ kind: 'default', text: expect.stringMatching(/OpenSSL's default cipher list applies/) });
});

test('an include switched off by #!ifdef whose file turns TLS on: the SBC does not listen for TLS (stock Kazoo: TLS_ROLE)', () => {
  const role = 'enable_tls=yes\nlisten=tls:10.0.0.10:5061\nloadmodule "tls.so"\nmodparam("tls", "tls_method", "TLSv1.2+")\n';
  const main = (define: boolean) =>
    CFG([...(define ? ['#!define TLS_ROLE'] : []), '#!ifdef TLS_ROLE', 'include_file "tls-role.cfg"', '#!endif']);
  const off = read({ 'kamailio.cfg': main(false), 'tls-role.cfg': role });
  expect(off.problems.map((p) => [p.code, p.location.line, p.fix])).toEqual([
    ['no-tls', 3, '#!define TLS_ROLE at the top of kamailio.cfg (or start Kamailio with -A TLS_ROLE)'],
  ]);
  expect(off.problems[0]!.why).toBe(
    'include_file "tls-role.cfg" (it turns TLS on) is inside #!ifdef TLS_ROLE (kamailio.cfg:3), which no #!define in the scanned files enables',
  );
  expect(read({ 'kamailio.cfg': main(true), 'tls-role.cfg': role }).problems.filter((p) => p.code === 'no-tls')).toEqual([]);
});
