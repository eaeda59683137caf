/**
 * The FreeSWITCH reader's pre-processor, rule by rule, against src/switch_xml.c (signalwire/freeswitch
 * cc93a683ca): preprocess(), expand_vars(), preprocess_glob(), switch_xml_parse_str(); and the way
 * FreeSWITCH reaches a sofia profile: freeswitch.xml includes vars.xml, then autoload_configs/*.xml, and
 * sofia.conf.xml includes ../sip_profiles/*.xml.
 */
import { freeswitchReader, preprocess } from '../../../src/config/readers/freeswitch.js';
import { directiveOf, expandLine, references, splitSet, type Variable } from '../../../src/config/readers/freeswitch/preprocess.js';
import type { ReaderOutput } from '../../../src/config/types.js';
import { MAX_INCLUDED_FILES } from '../../../src/config/limits.js';
import { readConfig } from '../../helpers/sbc.js';

const profile = (settings: string, before = '') =>
  `<include>\n${before}<profile name="p">\n<settings>\n<param name="tls" value="true"/>\n${settings}</settings>\n</profile>\n</include>\n`;
const FREESWITCH_XML = `<?xml version="1.0"?>
<document type="freeswitch/xml">
  <X-PRE-PROCESS cmd="include" data="vars.xml"/>
  <section name="configuration" description="Various Configuration">
    <X-PRE-PROCESS cmd="include" data="autoload_configs/*.xml"/>
  </section>
</document>
`;
const SOFIA = `<configuration name="sofia.conf" description="sofia Endpoint">
  <profiles>
    <X-PRE-PROCESS cmd="include" data="../sip_profiles/*.xml"/>
  </profiles>
</configuration>
`;
const tree = (vars: string, profiles: Record<string, string>) => ({
  'conf/freeswitch.xml': FREESWITCH_XML,
  'conf/vars.xml': `<include>\n${vars}</include>\n`,
  'conf/autoload_configs/sofia.conf.xml': SOFIA,
  ...Object.fromEntries(Object.entries(profiles).map(([k, v]) => [`conf/sip_profiles/${k}`, v])),
});
const read = (files: Record<string, string>, entry: string): ReaderOutput => readConfig(freeswitchReader, files, entry);
const server = (o: ReaderOutput) => o.endpoints.find((e) => e.role === 'server');
const vars = (text: string) => {
  const v = new Map<string, Variable>();
  preprocess({ path: 'vars.xml', text }, v);
  return Object.fromEntries([...v].map(([k, x]) => [k, x.value ?? `? ${x.unknown}`]));
};

describe('preprocess(): X-PRE-PROCESS directive lines', () => {
  test('cmd is found first, then data after it, each in double quotes; any case', () => {
    expect(directiveOf('<X-PRE-PROCESS cmd="set" data="a=b"/>')).toEqual({ cmd: 'set', data: 'a=b' });
    expect(directiveOf('  <x-pre-process   CMD = "set"   DATA= "a=b" />')).toEqual({ cmd: 'set', data: 'a=b' });
    expect(vars('<X-PRE-PROCESS data="a=b" cmd="set"/>\n')).toEqual({});
    expect(vars("<X-PRE-PROCESS cmd='set' data='a=b'/>\n")).toEqual({});
  });

  test('set: the name ends at the first = (trailing spaces removed), the value starts after the spaces after it; no = sets nothing', () => {
    expect(splitSet('a = b=c ')).toEqual({ name: 'a', value: 'b=c ' });
    expect(vars('<X-PRE-PROCESS cmd="set" data="tls_version = tlsv1.2"/>\n<X-PRE-PROCESS cmd="set" data="novalue"/>\n')).toEqual({
      tls_version: 'tlsv1.2',
    });
    expect(vars('<X-PRE-PROCESS cmd="set" data="v=\ttlsv1.2"/>\n')).toEqual({ v: '\ttlsv1.2' });
  });

  test('a directive inside an ordinary <!-- --> comment still runs (line-based), and the reader says so', () => {
    expect(vars('<!--\n<X-PRE-PROCESS cmd="set" data="a=1"/>\n-->\n<!-- <X-PRE-PROCESS cmd="set" data="b=2"/> -->\n')).toEqual({
      a: '1',
      b: '2',
    });
    const out = read(
      tree('<!-- <X-PRE-PROCESS cmd="set" data="port=5062"/> -->\n', {
        'p.xml': profile('<param name="tls-sip-port" value="$${port}"/>\n'),
      }),
      'conf/sip_profiles/p.xml',
    );
    expect(server(out)!.listen!.value.port).toBe(5062);
    expect(out.notes.map((n) => n.message)).toContainEqual(expect.stringMatching(/variable set on a line inside an XML comment/));
  });

  test('only the first directive of a line runs, and the rest of the line never reaches the XML', () => {
    expect(vars('<X-PRE-PROCESS cmd="set" data="a=1"/><X-PRE-PROCESS cmd="set" data="b=2"/>\n')).toEqual({ a: '1' });
    const out = read(
      { 'sip_profiles/p.xml': profile('<X-PRE-PROCESS cmd="set" data="x=1"/><param name="tls-sip-port" value="5099"/>\n') },
      'sip_profiles/p.xml',
    );
    expect(server(out)!.listen!.value.port).toBe(5061);
    expect(out.notes.map((n) => n.message)).toContainEqual(expect.stringMatching(/runs only the first X-PRE-PROCESS of a line/));
  });

  test('"X-PRE-PROCESS" not right after "<" drops the whole line without running it', () => {
    expect(directiveOf('text X-PRE-PROCESS cmd="set" data="a=1"')).toBe('dropped');
    const out = read({ 'sip_profiles/p.xml': profile('<param name="tls-sip-port" value="5099"/> X-PRE-PROCESS\n') }, 'sip_profiles/p.xml');
    expect(server(out)!.listen!.value.port).toBe(5061);
  });

  test('lines holding <include>, </include> or <? are dropped whole, a directive on them included', () => {
    expect(vars('<include><X-PRE-PROCESS cmd="set" data="a=1"/>\n<?xml version="1.0"?><X-PRE-PROCESS cmd="set" data="b=1"/>\n')).toEqual(
      {},
    );
  });

  test('<!--#set name=value--> is the other form; the text around it stays; without --> the lines after it are skipped up to -->', () => {
    expect(vars('<!--#set a=1-->\n<!--#set "b=two words"-->\n')).toEqual({ a: '1', b: 'two words' });
    expect(vars('<!--#set a=1\n<X-PRE-PROCESS cmd="set" data="b=1"/>\n-->\n<X-PRE-PROCESS cmd="set" data="c=1"/>\n')).toEqual({
      a: '1',
      c: '1',
    });
    const out = read(
      { 'sip_profiles/p.xml': profile('<!--#set port=5070--><param name="tls-sip-port" value="5080"/>\n') },
      'sip_profiles/p.xml',
    );
    expect(server(out)!.listen!.value.port).toBe(5080);
    // expand_vars() runs on the whole line first: a set does not reach its own line
    expect(vars('<!--#set a=1--><!--#set b=$${a}-->\n<!--#set c=$${a}-->\n')).toEqual({ a: '1', c: '1' });
  });

  test('exec-set, stun-set and env-set compute their value at start: unknown, never guessed', () => {
    expect(vars('<X-PRE-PROCESS cmd="exec-set" data="a=hostname -f"/>\n<X-PRE-PROCESS cmd="env-set" data="b=$HOME"/>\n')).toEqual({
      a: '? exec-set computes it when FreeSWITCH starts',
      b: '? env-set computes it when FreeSWITCH starts',
    });
  });
});

describe('expand_vars(): $${name} on every line, before the line is read', () => {
  const v = new Map<string, Variable>([
    ['a', { value: 'A', file: 'v', line: 1 }],
    ['ref', { value: '$${a}', file: 'v', line: 2 }],
  ]);

  test('an unset name expands to nothing; a value is not expanded again; braces nest; an unterminated $${ stays', () => {
    expect(expandLine('x$${a}y$${nope}z', v)).toMatchObject({ text: 'xAyz', missing: ['nope'] });
    expect(expandLine('$${ref}', v).text).toBe('$${a}');
    expect(references('$${a{b}}c$${d}')).toEqual(['a{b}', 'd']);
    expect(expandLine('$${a{b}}', v)).toMatchObject({ text: '', missing: ['a{b}'] });
    expect(expandLine('$${a', v).text).toBe('$${a');
  });

  test('variables are expanded in attribute names too, and in the order lines are read: a later set does not reach an earlier line', () => {
    const out = read(
      tree('<X-PRE-PROCESS cmd="set" data="port_param=tls-sip-port"/>\n<X-PRE-PROCESS cmd="set" data="port=5071"/>\n', {
        'p.xml': profile('<param name="$${port_param}" value="$${port}"/>\n<X-PRE-PROCESS cmd="set" data="port=5099"/>\n'),
      }),
      'conf/sip_profiles/p.xml',
    );
    expect(server(out)!.listen).toMatchObject({ value: { port: 5071 }, from: { file: 'conf/vars.xml', line: 3, key: 'port' } });
  });

  test('through freeswitch.xml, a name no line set is really unset: FreeSWITCH puts nothing there, and the reader says so', () => {
    const out = read(tree('', { 'p.xml': profile('<param name="tls-version" value="tlsv1.2$${extra}"/>\n') }), 'conf/sip_profiles/p.xml');
    expect(server(out)!.versions!.value).toEqual(['1.2', '1.3']);
    expect(out.notes.map((n) => n.message)).toContainEqual(
      expect.stringMatching(/\$\$\{extra\} is set by no X-PRE-PROCESS line FreeSWITCH reads before this one .* the value is "tlsv1\.2"/),
    );
  });

  test('read on its own, or for a core variable (switch_core.c), an unset name leaves the value unknown', () => {
    const alone = read({ 'sip_profiles/p.xml': profile('<param name="tls-sip-port" value="$${port}"/>\n') }, 'sip_profiles/p.xml');
    expect(server(alone)!.listen).toBeUndefined();
    const core = read(tree('', { 'p.xml': profile('<param name="tls-cert-dir" value="$${certs_dir}"/>\n') }), 'conf/sip_profiles/p.xml');
    expect(server(core)!.certificate).toBeUndefined();
    expect(core.notes.map((n) => n.message)).toContainEqual(expect.stringMatching(/\$\$\{certs_dir\} is a core variable/));
  });
});

describe('preprocess_glob(): include, and how FreeSWITCH reaches a profile', () => {
  test('freeswitch.xml -> vars.xml -> autoload_configs/*.xml -> ../sip_profiles/*.xml: the profile gets the variables set before it, not the nearest vars.xml', () => {
    const files = {
      ...tree('<X-PRE-PROCESS cmd="set" data="port=5071"/>\n', {
        'a.xml': '<include>\n<X-PRE-PROCESS cmd="set" data="port=5072"/>\n</include>\n',
        'b.xml': profile('<param name="tls-sip-port" value="$${port}"/>\n'),
      }),
      'conf/sip_profiles/vars.xml': '<X-PRE-PROCESS cmd="set" data="port=9999"/>\n',
    };
    const out = read(files, 'conf/sip_profiles/b.xml');
    expect(server(out)!.listen).toMatchObject({ value: { port: 5072 }, from: { file: 'conf/sip_profiles/a.xml', line: 2 } });
    expect(out.consumed).toEqual(expect.arrayContaining(['conf/freeswitch.xml', 'conf/vars.xml', 'conf/autoload_configs/sofia.conf.xml']));
    expect(out.notes.map((n) => n.message)).toContainEqual(
      expect.stringMatching(
        /variables as FreeSWITCH has them when conf\/freeswitch\.xml's includes reach this file \(conf\/freeswitch\.xml -> conf\/autoload_configs\/sofia\.conf\.xml -> conf\/sip_profiles\/b\.xml\)/,
      ),
    );
  });

  test("a pattern is relative to the including file's folder; matches are read in sorted order; no match is not an error", () => {
    const files = tree('<X-PRE-PROCESS cmd="include" data="vars.d/*.xml"/>\n<X-PRE-PROCESS cmd="include" data="none/*.xml"/>\n', {
      'p.xml': profile('<param name="tls-sip-port" value="$${port}"/>\n'),
    });
    Object.assign(files, {
      'conf/vars.d/20-b.xml': '<X-PRE-PROCESS cmd="set" data="port=5062"/>\n',
      'conf/vars.d/10-a.xml': '<X-PRE-PROCESS cmd="set" data="port=5061"/>\n',
    });
    expect(server(read(files, 'conf/sip_profiles/p.xml'))!.listen!.value.port).toBe(5062);
  });

  test("an include cycle stops at FreeSWITCH's 100 levels (preprocess(): rlevel > 100), with a note; never a hang", () => {
    const files = tree('<X-PRE-PROCESS cmd="include" data="loop.xml"/>\n', {
      'p.xml': profile('<param name="tls-sip-port" value="5061"/>\n'),
    });
    files['conf/loop.xml' as keyof typeof files] = '<X-PRE-PROCESS cmd="include" data="loop.xml"/>\n' as never;
    const out = read(files, 'conf/sip_profiles/p.xml');
    expect(server(out)!.listen!.value.port).toBe(5061);
  });

  test(`our own cap: at most ${MAX_INCLUDED_FILES} included files a walk, then a note`, () => {
    const many = '<X-PRE-PROCESS cmd="include" data="x.xml"/>\n'.repeat(MAX_INCLUDED_FILES + 10);
    const files = {
      'sip_profiles/p.xml': profile('<param name="tls-sip-port" value="5061"/>\n', many),
      'sip_profiles/x.xml': '<!-- -->\n',
    };
    const out = read(files, 'sip_profiles/p.xml');
    expect(out.notes.map((n) => n.message)).toContainEqual(
      expect.stringMatching(new RegExp(`^more than ${MAX_INCLUDED_FILES} included files`)),
    );
  });
});

describe('switch_xml_parse_str(): what the XML parser gets', () => {
  test('text before the first tag and after the root element is ignored (a Jinja loop around a profile)', () => {
    const out = read(
      {
        'sip_profiles/p.j2.xml': `<include>\n{% for p in x %}\n${profile('<param name="tls-sip-port" value="5063"/>\n')}{% endfor %}\n</include>\n`,
      },
      'sip_profiles/p.j2.xml',
    );
    expect(out.problems).toEqual([]);
    expect(server(out)!.listen!.value.port).toBe(5063);
  });
});
