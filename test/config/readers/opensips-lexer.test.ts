/**
 * The OpenSIPS reader's lexer, rule by rule, against the product's source (OpenSIPS/opensips 8f4f1e1b40):
 * cfg_pp.c (include_file / import_file flattening), cfg_pp.h (include depth), cfg.lex (comments, strings)
 * and cfg.y (modparam, loadmodule).
 */
import { opensips } from '../../../src/config/readers/opensips.js';
import { flatten, includeOf, modparamOf, statements, tokens } from '../../../src/config/readers/opensips/lexer.js';
import { Collector } from '../../../src/config/collector.js';
import { MAX_INCLUDED_FILES } from '../../../src/config/limits.js';
import { ConfigRepo } from '../../../src/config/repo.js';
import type { ReaderOutput } from '../../../src/config/types.js';
import { readConfig } from '../../helpers/sbc.js';

const HEAD = 'loadmodule "proto_tls.so"\nloadmodule "tls_openssl.so"\nloadmodule "tls_mgm.so"\nsocket=tls:10.0.0.1:5061\n';
const DOM = 'modparam("tls_mgm", "server_domain", "d")\n';

function run(files: Record<string, string>, entry = 'opensips.cfg'): ReaderOutput {
  return readConfig(opensips, files, entry);
}
const ciphers = (o: ReaderOutput) => o.endpoints.map((e) => e.ciphers?.value);
const notes = (o: ReaderOutput) => o.notes.map((n) => `${n.location.file}:${n.location.line ?? ''} ${n.message}`);
const problems = (o: ReaderOutput) => o.problems.map((p) => `${p.location.file}:${p.location.line} ${p.message}`);

describe('cfg_pp.c: include_file / import_file are flattened line by line before the lexer runs', () => {
  test('mk_included_file_path(): keyword at the line start (after blanks), case-sensitive, path in " or \' without escapes, at least 2 characters', () => {
    expect(includeOf('include_file "tls.cfg"')).toEqual({ keyword: 'include_file', path: 'tls.cfg' });
    expect(includeOf("  \timport_file 'a b.cfg' # trailing text is ignored")).toEqual({ keyword: 'import_file', path: 'a b.cfg' });
    expect(includeOf('include_file"x.cfg"')).toEqual({ keyword: 'include_file', path: 'x.cfg' });
    expect(includeOf('include_file "a\\"b.cfg"')).toEqual({ keyword: 'include_file', path: 'a\\' });
    expect(includeOf('INCLUDE_FILE "tls.cfg"')).toBeUndefined();
    expect(includeOf('#include_file "tls.cfg"')).toBeUndefined();
    expect(includeOf('x=1 include_file "tls.cfg"')).toBeUndefined();
    expect(includeOf('include_file tls.cfg')).toBe('malformed');
    expect(includeOf('include_file "x"')).toBe('malformed');
    expect(includeOf('include_file "tls.cfg')).toBe('malformed');
  });

  test("an include is read in place; relative paths are found from the including file's folder", () => {
    const out = run({
      'opensips.cfg': `${HEAD}include_file "tls/domains.cfg"\n`,
      'tls/domains.cfg': `${DOM}import_file 'more.cfg'\n`,
      'tls/more.cfg': 'modparam("tls_mgm", "ciphers_list", "[d]HIGH")\n',
    });
    expect(ciphers(out)).toEqual(['HIGH']);
    expect(out.endpoints[0]!.ciphers!.from).toEqual({ kind: 'file', file: 'tls/more.cfg', line: 1, key: 'ciphers_list' });
    expect(out.consumed.sort()).toEqual(['tls/domains.cfg', 'tls/more.cfg']);
  });

  test('an include inside a /* */ block is still opened (flattening comes first) and its text is inside the comment', () => {
    const out = run({
      'opensips.cfg': `${HEAD}${DOM}/* not used:\ninclude_file "old.cfg"\n*/\n`,
      'old.cfg': 'modparam("tls_mgm", "ciphers_list", "[d]RC4")\n',
    });
    expect(ciphers(out)).toEqual(['DEFAULT']);
    expect(out.consumed).toEqual(['old.cfg']);
  });

  test('a malformed include reaches the parser as it is: OpenSIPS refuses to start', () => {
    const out = run({ 'opensips.cfg': `${HEAD}${DOM}include_file tls.cfg\n` });
    expect(problems(out)).toEqual([expect.stringMatching(/^opensips\.cfg:6 `include_file tls\.cfg` is not an include OpenSIPS can read/)]);
  });

  test('a file it cannot open stops OpenSIPS ("failed to open"): noted, since the deployment may hold it', () => {
    const out = run({ 'opensips.cfg': `${HEAD}${DOM}include_file "/etc/opensips/tls.cfg"\n` });
    expect(notes(out)).toContainEqual(
      expect.stringMatching(
        /^opensips\.cfg:6 include_file "\/etc\/opensips\/tls\.cfg" was not found .*OpenSIPS refuses to start if it cannot open it/,
      ),
    );
  });

  test('no include-once: a file included twice is read twice (a domain declared twice refuses to start)', () => {
    const out = run({ 'opensips.cfg': `${HEAD}include_file "d.cfg"\ninclude_file "d.cfg"\n`, 'd.cfg': DOM });
    expect(problems(out)).toEqual(['d.cfg:1 server_domain "d" is declared twice: OpenSIPS refuses to start']);
  });

  test('no cycle check in __flatten_opensips_cfg(): a cycle refuses to start, and is reported once, not followed', () => {
    const out = run({
      'opensips.cfg': `${HEAD}${DOM}include_file "a.cfg"\n`,
      'a.cfg': 'include_file "b.cfg"\n',
      'b.cfg': 'include_file "a.cfg"\n',
    });
    expect(problems(out)).toEqual([
      expect.stringMatching(
        /^b\.cfg:1 include_file "a\.cfg" includes a\.cfg, which is already being included \(opensips\.cfg -> a\.cfg -> b\.cfg -> a\.cfg\): OpenSIPS has no cycle check/,
      ),
    ]);
    expect(out.endpoints).toHaveLength(1);
  });

  test('cfg_pp.h CFG_MAX_INCLUDE_DEPTH 20: the main file and 19 nested includes load, a 20th nested include refuses to start', () => {
    const chain = (n: number) => {
      const files: Record<string, string> = { 'opensips.cfg': `${HEAD}${DOM}include_file "f1.cfg"\n` };
      for (let k = 1; k < n; k++) files[`f${k}.cfg`] = `include_file "f${k + 1}.cfg"\n`;
      files[`f${n}.cfg`] = 'modparam("tls_mgm", "ciphers_list", "[d]HIGH")\n';
      return files;
    };
    const ok = run(chain(19));
    expect(ok.problems).toEqual([]);
    expect(ciphers(ok)).toEqual(['HIGH']);
    const deep = run(chain(20));
    expect(problems(deep)).toEqual([
      expect.stringMatching(/^f19\.cfg:1 include_file "f20\.cfg" nests files deeper than OpenSIPS allows \(20 files/),
    ]);
    expect(ciphers(deep)).toEqual(['DEFAULT']);
  });

  test(`our own cap: at most ${MAX_INCLUDED_FILES} included files, then a note, never silence`, () => {
    const files: Record<string, string> = { 'opensips.cfg': `${HEAD}${DOM}${'include_file "x.cfg"\n'.repeat(MAX_INCLUDED_FILES + 5)}` };
    files['x.cfg'] = '# nothing\n';
    const repo = new ConfigRepo(new Map(Object.entries(files)));
    const out = new Collector();
    const lines = flatten(repo.readerInput(repo.file('opensips.cfg')!), out);
    expect(lines.filter((l) => l.file === 'x.cfg')).toHaveLength(MAX_INCLUDED_FILES);
    expect(out.notes.map((n) => n.message)).toEqual([expect.stringMatching(new RegExp(`^more than ${MAX_INCLUDED_FILES} included files`))]);
  });
});

describe('cfg.lex: comments', () => {
  const lex = (text: string) =>
    statements(text.split('\n').map((t, k) => ({ file: 'f', line: k + 1, text: t }))).map((s) => `${s.line} ${s.text}`);

  test('# comments run to the end of the line, outside strings of either quote', () => {
    expect(lex('a=1 # b=2\nmodparam("m", "n", "x#y") # z\nmodparam("m", "n", \'x#y\')')).toEqual([
      '1 a=1',
      '2 modparam("m", "n", "x#y")',
      '3 modparam("m", "n", \'x#y\')',
    ]);
  });

  test('/* */ comments nest (comment_nest): the first */ does not close an outer comment', () => {
    expect(lex('/* outer /* inner */ still comment\nmodparam("a","b","c") */ x=1')).toEqual(['2 x=1']);
    const out = run({ 'opensips.cfg': `${HEAD}${DOM}/* /* old */\nmodparam("tls_mgm", "ciphers_list", "[d]RC4")\n*/\n` });
    expect(ciphers(out)).toEqual(['DEFAULT']);
  });

  test('a /* inside a string does not open a comment; a comment may sit inside a statement', () => {
    expect(lex('x="/*"\ny=1')).toEqual(['1 x="/*"', '2 y=1']);
    expect(lex('modparam("m", /* c */ "n", "v")')).toEqual(['1 modparam("m",  "n", "v")']);
  });
});

describe('cfg.lex / cfg.y: strings and modparam', () => {
  test('"..." decodes \\n \\r \\a \\t \\" \\\\ \\xHH \\ooo; any other backslash stays as written', () => {
    const t = tokens('"a\\tb" "\\x41\\101" "q\\"q" "c:\\\\x" "keep\\qme" "\\7"');
    expect(t!.map((x) => (x.kind === 'string' ? x.value : x.raw))).toEqual(['a\tb', 'AA', 'q"q', 'c:\\x', 'keep\\qme', '\\7']);
  });

  test("'...' has no escapes", () => {
    expect(modparamOf("modparam('tls_mgm', 'ciphers_list', '[d]a\\tb')")!.value).toBe('[d]a\\tb');
  });

  test('folded_string: adjacent strings are one value', () => {
    const out = run({ 'opensips.cfg': `${HEAD}${DOM}modparam("tls_mgm", "ciphers_list", "[d]ECDHE+AESGCM:" 'ECDHE+CHACHA20')\n` });
    expect(ciphers(out)).toEqual(['ECDHE+AESGCM:ECDHE+CHACHA20']);
  });

  test('strings may span lines (the line break is part of the value); an escaped line break is removed', () => {
    const out = run({ 'opensips.cfg': `${HEAD}${DOM}modparam("tls_mgm", "ciphers_list", "[d]HIGH:\\\n!aNULL")\nx=1\n` });
    expect(ciphers(out)).toEqual(['HIGH:!aNULL']);
    expect(out.endpoints[0]!.ciphers!.from).toMatchObject({ line: 6 });
  });

  test('keywords are lower case: MODPARAM is not modparam, and loadmodule takes a string without parentheses', () => {
    expect(modparamOf('MODPARAM("tls_mgm", "ciphers_list", "[d]RC4")')).toBeUndefined();
    const out = run({ 'opensips.cfg': `${HEAD}${DOM}MODPARAM("tls_mgm", "ciphers_list", "[d]RC4")\n` });
    expect(ciphers(out)).toEqual(['DEFAULT']);
    expect(modparamOf('modparam("proto_tls", "tls_port", 5062);')).toMatchObject({ value: '5062', quoted: false });
  });
});

describe('a preprocessor template (opensips -p m4 / menuconfig): its output is not in the repository', () => {
  test('a .m4 file or m4 macros: noted and the TLS area is left unchecked, never a silent READY', () => {
    const text = `${HEAD}divert(-1)\ndefine(\`TLS_CIPHERS', \`HIGH')\ndivert\n${DOM}modparam("tls_mgm", "ciphers_list", "[d]TLS_CIPHERS")\n`;
    for (const entry of ['opensips.cfg.m4', 'opensips.cfg']) {
      const out = run({ [entry]: text }, entry);
      expect(notes(out)).toContainEqual(expect.stringMatching(new RegExp(`^${entry.replace(/\./g, '\\.')}: an m4 template`)));
      expect(out.unseen).toEqual([expect.objectContaining({ area: 'tls', location: { file: entry } })]);
    }
    const plain = run({ 'opensips.cfg': `${HEAD}${DOM}` });
    expect(plain.unseen).toBeUndefined();
  });

  test("best effort inside a template: m4's `quotes' are removed as m4 would, so a quoted block is read, not swallowed as a '...' string", () => {
    const text = `${HEAD}ifelse(ENABLE_TLS, \`yes', \`loadmodule "tls_mgm.so"\n${DOM}modparam("tls_mgm","tls_method", "[d]TLSv1_2")\n', \`')\n`;
    const out = run({ 'trunking.m4': text }, 'trunking.m4');
    expect(out.endpoints.map((e) => e.versions?.value)).toEqual([['1.2']]);
    expect(out.unseen).toHaveLength(1);
  });

  test("#! lines (Kamailio's pre-processor) are plain comments to OpenSIPS; cpp directives are comments too, unless -p cpp: noted, TLS left unchecked", () => {
    const bang = run({ 'opensips.cfg': `${HEAD}${DOM}#!ifdef WITH_OLD\nmodparam("tls_mgm", "ciphers_list", "[d]HIGH")\n#!endif\n` });
    expect(ciphers(bang)).toEqual(['HIGH']);
    expect(bang.unseen).toBeUndefined();
    const cpp = run({ 'opensips.cfg': `${HEAD}${DOM}#ifdef WITH_OLD\nmodparam("tls_mgm", "ciphers_list", "[d]RC4")\n#endif\n` });
    expect(ciphers(cpp)).toEqual(['RC4']);
    expect(notes(cpp)).toContainEqual(
      expect.stringMatching(/^opensips\.cfg:6 `#ifdef` is a comment to OpenSIPS .* unless it is started with `-p cpp`/),
    );
    expect(cpp.unseen).toEqual([expect.objectContaining({ area: 'tls' })]);
    const english = run({
      'opensips.cfg': `${HEAD}${DOM}# if caller is not local, then called number must be local\n#include the TLS file below\n#ifdef-style switches are not used here\n`,
    });
    expect(english.unseen).toBeUndefined();
  });
});
