/**
 * The Kamailio reader's lexer, rule by rule, against core/cfg.lex (Kamailio 5.6.3). Where Kamailio from
 * Debian is installed, each rule is checked again by `kamailio -c` on the same text: a string is read
 * back from the module path Kamailio prints when `loadmodule "/nonexist/..."` fails ("could not open
 * module </nonexist/DECODED>"), and whether Kamailio starts is its exit code.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { kamailio, KAMAILIO_MAX_INCLUDE_DEPTH } from '../../../src/config/readers/kamailio.js';
import { kamailioStatements } from '../../../src/config/readers/kamailio/lexer.js';
import type { ReaderOutput } from '../../../src/config/types.js';
import { readConfig } from '../../helpers/sbc.js';
import { testWith } from '../../helpers/tools.js';

/** `kamailio -c` on these files: whether it would start, and what it printed. */
function kamailioCheck(files: Record<string, string>, entry = 'kamailio.cfg'): { starts: boolean; log: string } {
  const dir = mkdtempSync(join(tmpdir(), 'byoc-kamailio-lex-'));
  try {
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    const r = spawnSync('kamailio', ['-c', '-f', join(dir, entry)], { cwd: dir, encoding: 'utf8', timeout: 15_000 });
    return { starts: r.status === 0, log: `${r.stdout}${r.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The module path Kamailio decoded from the file's one `loadmodule "/nonexist/..."`. */
function kamailioDecodes(text: string): string | undefined {
  const { log } = kamailioCheck({ 'kamailio.cfg': text });
  return /could not open module <\/nonexist\/([\s\S]*?)>: /.exec(log)?.[1];
}

/** Undoes the lexer's canonical quoting (`\\` and `\"` only). */
function unquote(quoted: string): string {
  return quoted.slice(1, -1).replace(/\\([\\"])/g, '$1');
}

const QUOTED = /"(?:[^"\\]|\\[\s\S])*"/;

/** What this lexer decodes from the same `loadmodule "/nonexist/..."` (or `loadmodule NAME` and its `#!define`). */
function lexerDecodes(text: string): string | undefined {
  const statements = kamailioStatements(text).statements;
  const load = statements
    .find((s) => s.text.startsWith('loadmodule'))
    ?.text.slice('loadmodule'.length)
    .trim();
  const define = load && statements.find((s) => s.directive && s.text.startsWith(`define ${load} `))?.text;
  const arg = QUOTED.exec(define ?? load ?? '')?.[0];
  return arg ? unquote(arg).replace(/^\/nonexist\//, '') : undefined;
}

/** One case: the text, what cfg.lex decodes; checked in memory, and by Kamailio where it is installed. */
function decodes(title: string, text: string, expected: string): void {
  test(`${title} (this lexer)`, () => expect(lexerDecodes(text)).toBe(expected));
  testWith('kamailio', `${title} (kamailio -c)`, () => expect(kamailioDecodes(text)).toBe(expected), 20_000);
}

/** One case about whether Kamailio starts at all. */
/** The reading, without the finding that most of these small files configure no TLS (Kamailio starts anyway). */
function lexed(files: Record<string, string>): ReaderOutput {
  const out = readConfig(kamailio, files, 'kamailio.cfg');
  return { ...out, problems: out.problems.filter((p) => p.code !== 'no-tls') };
}

function starts(title: string, files: Record<string, string>, expected: boolean, lexer: (out: ReaderOutput) => void): void {
  test(`${title} (this reader)`, () => lexer(lexed(files)));
  testWith('kamailio', `${title} (kamailio -c)`, () => expect(kamailioCheck(files).starts).toBe(expected), 20_000);
}

const problems = (o: ReaderOutput) => o.problems.map((p) => `${p.code} ${p.location.file}:${p.location.line}`);
const notes = (o: ReaderOutput) => o.notes.map((n) => `${n.location.file}:${n.location.line ?? ''} ${n.message}`);

describe('"..." strings: escapes as cfg.lex <STRING1> decodes them', () => {
  decodes('\\\\ and \\" are decoded; an unknown escape keeps its backslash', 'loadmodule "/nonexist/a\\qb\\\\c\\"d"\n', 'a\\qb\\c"d');
  decodes('\\xHH and \\ooo are decoded', 'loadmodule "/nonexist/a\\x41\\101"\n', 'aAA');
  decodes('a backslash before a line break drops both', 'loadmodule "/nonexist/a\\\nb"\n', 'ab');
  decodes('a string may span lines; the line break is part of it', 'loadmodule "/nonexist/a\nb"\n', 'a\nb');
});

describe('"..." strings fold: adjacent strings are one', () => {
  decodes('across blanks', 'loadmodule "/nonexist/a\\x41\\101" "c"\n', 'aAAc');
  decodes('across line breaks', 'loadmodule "/nonexist/a"\n   "b"\n', 'ab');
  decodes('but not across a # comment', 'loadmodule "/nonexist/a" # c\n"b"\n', 'a');
  decodes('and not across a /* */ comment', 'loadmodule "/nonexist/a" /* c */ "b"\n', 'a');
});

describe("'...' strings: no escapes, no folding", () => {
  decodes('a backslash is literal', "loadmodule '/nonexist/a\\x41'\n", 'a\\x41');
  decodes('an adjacent string is not folded on', "loadmodule '/nonexist/a' 'b'\n", 'a');
});

describe('comments', () => {
  decodes('# and // run to the end of the line', 'loadmodule "/nonexist/a" // "b"\n# loadmodule "/nonexist/c"\n', 'a');
  starts(
    '/* */ comments nest: the inner */ does not close the outer one',
    { 'kamailio.cfg': '/* a /* b */ ENABLE_TLS=yes */\ndebug=2\n' },
    true,
    (out) => expect(out.problems).toEqual([]),
  );
  starts(
    'an unclosed /* runs to the end of the file: logged, and Kamailio still starts',
    { 'kamailio.cfg': 'debug=2\n/* ENABLE_TLS=yes\n' },
    true,
    (out) => {
      expect(out.problems).toEqual([]);
      expect(notes(out)).toContainEqual(expect.stringMatching(/^kamailio\.cfg:2 the \/\* comment opened here is not closed/));
    },
  );
  test('nesting and the end of a comment keep line numbers', () => {
    const lexed = kamailioStatements('/* a\n/* b\n*/\n*/ debug=2\nlisten=tls:1.2.3.4:5061\n');
    expect(lexed.statements).toEqual([
      { line: 4, text: 'debug=2' },
      { line: 5, text: 'listen=tls:1.2.3.4:5061' },
    ]);
  });
});

describe('an unclosed string is a syntax error', () => {
  starts('"...', { 'kamailio.cfg': 'debug=2\nloadmodule "tls.so\n' }, false, (out) => {
    expect(problems(out)).toEqual(['syntax kamailio.cfg:2']);
    expect(out.problems[0]!.message).toMatch(/unexpected EOF in unclosed string.*Kamailio refuses to start/);
  });
  starts("'...", { 'kamailio.cfg': "debug=2\nloadmodule 'tls.so\n" }, false, (out) =>
    expect(problems(out)).toEqual(['syntax kamailio.cfg:2']),
  );
});

describe('pre-processor directives', () => {
  starts(
    '#!DEFINE in capitals is a comment: the block it would enable stays off',
    { 'kamailio.cfg': '#!DEFINE WITH_X\n#!ifdef WITH_X\nloadmodule "/nonexist/x"\n#!endif\ndebug=2\n' },
    true,
    (out) => {
      expect(out.problems).toEqual([]);
      expect(notes(out)).toContainEqual(
        'kamailio.cfg:1 #!DEFINE is a comment to Kamailio (its directives are lower case: #!define); it has no effect',
      );
    },
  );
  decodes('a trailing backslash continues a directive on the next line', '#!define M "/nonexist/a\\\nb"\nloadmodule M\n', 'ab');
  test('!! is a directive as #! is; a directive starts a line', () => {
    const lexed = kamailioStatements('!!define A 1\ndebug=2 #!define B 2\n');
    expect(lexed.statements).toEqual([
      { line: 1, text: 'define A 1', directive: true },
      { line: 2, text: 'debug=2' },
    ]);
  });
});

describe('statements', () => {
  decodes('a ; ends a statement outside parentheses', 'debug=2; loadmodule "/nonexist/s"\n', 's');
  test('a statement continues across lines while a ( is open', () => {
    const lexed = kamailioStatements('modparam("tls",\n  "config",\n  "tls.cfg")\ndebug=2\n');
    expect(lexed.statements.map((s) => [s.line, s.text.replace(/\s+/g, ' ')])).toEqual([
      [1, 'modparam("tls", "config", "tls.cfg")'],
      [4, 'debug=2'],
    ]);
  });
  starts('keywords are lower case: ENABLE_TLS=yes is a syntax error', { 'kamailio.cfg': 'debug=2\nENABLE_TLS=yes\n' }, false, (out) => {
    expect(problems(out)).toEqual(['syntax kamailio.cfg:2']);
    expect(out.problems[0]!.fix).toBe('enable_tls=yes');
  });
});

describe('include_file / import_file: the name is the next word, in double quotes (sr_push_yy_state)', () => {
  test('the name is taken as written, before defines, up to the first blank', () => {
    expect(kamailioStatements('include_file "tls.cfg" # x\n').statements).toEqual([
      { line: 1, text: 'include_file "tls.cfg"', include: { keyword: 'include_file', name: '"tls.cfg"' } },
    ]);
    expect(kamailioStatements('#!import_file  TLS_CFG\n').statements[0]!.include).toEqual({ keyword: 'import_file', name: 'TLS_CFG' });
  });
  starts('an unquoted name refuses to start', { 'kamailio.cfg': 'include_file tls.cfg\n', 'tls.cfg': 'debug=2\n' }, false, (out) => {
    expect(problems(out)).toEqual(['syntax kamailio.cfg:1']);
    expect(out.problems[0]!.message).toMatch(/included file name must be between quotes: tls\.cfg/);
    expect(out.problems[0]!.fix).toMatch(/^include_file "tls\.cfg"/);
  });
  starts('an empty name refuses to start', { 'kamailio.cfg': 'include_file ""\n' }, false, (out) => {
    expect(problems(out)).toEqual(['syntax kamailio.cfg:1']);
    expect(out.problems[0]!.message).toMatch(/invalid included file name/);
  });
  starts('a missing import_file is skipped', { 'kamailio.cfg': 'import_file "local.cfg"\ndebug=2\n' }, true, (out) => {
    expect(out.problems).toEqual([]);
    expect(out.notes.find((n) => /import_file "local\.cfg" was not found/.test(n.message))?.level).toBe('info');
  });
  starts(
    'a missing relative include_file refuses to start',
    { 'kamailio.cfg': 'include_file "tls-local.cfg"\ndebug=2\n' },
    false,
    (out) => {
      expect(problems(out)).toEqual(['missing-file kamailio.cfg:1']);
      expect(out.problems[0]!.message).toMatch(/cannot open included file: tls-local\.cfg/);
    },
  );
  starts(
    'an include cycle refuses to start ("too many includes")',
    { 'kamailio.cfg': 'include_file "a.cfg"\n', 'a.cfg': 'include_file "b.cfg"\n', 'b.cfg': 'include_file "a.cfg"\n' },
    false,
    (out) => {
      expect(problems(out)).toEqual(['syntax b.cfg:1']);
      expect(out.problems[0]!.message).toMatch(/a\.cfg -> b\.cfg -> a\.cfg/);
    },
  );
  const chain = (depth: number): Record<string, string> => {
    const files: Record<string, string> = { 'kamailio.cfg': 'include_file "f1.cfg"\n' };
    for (let i = 1; i < depth; i++) files[`f${i}.cfg`] = `include_file "f${i + 1}.cfg"\n`;
    files[`f${depth}.cfg`] = 'debug=2\n';
    return files;
  };
  starts(`${KAMAILIO_MAX_INCLUDE_DEPTH} nested includes start`, chain(KAMAILIO_MAX_INCLUDE_DEPTH), true, (out) =>
    expect(out.problems).toEqual([]),
  );
  starts(`${KAMAILIO_MAX_INCLUDE_DEPTH + 1} nested includes refuse to start`, chain(KAMAILIO_MAX_INCLUDE_DEPTH + 1), false, (out) => {
    expect(problems(out)).toEqual([`syntax f${KAMAILIO_MAX_INCLUDE_DEPTH}.cfg:1`]);
    expect(out.problems[0]!.message).toMatch(/too many includes/);
  });
});

describe('a #!define value keeps its trailing comment (cfg.lex DEFINE_DATA)', () => {
  const TLS = (use: string) =>
    `mpath="/usr/lib/x86_64-linux-gnu/kamailio/modules/:/usr/lib/kamailio/modules/"\nenable_tls=yes\nlisten=tls:127.0.0.1:15061\nloadmodule "tls.so"\n#!define TLSCFG "tls.cfg" # the TLS domains\n${use}\n`;
  const DOMAINS = '[server:default]\nmethod = TLSv1.2+\n';
  test('the value is the rest of the line as written', () => {
    expect(kamailioStatements('#!define M "/nonexist/a" # c\n').statements[0]!.text).toBe('define M "/nonexist/a" # c');
  });
  testWith(
    'kamailio',
    'where the name is used, the comment takes the rest of that line (kamailio -c)',
    () => expect(kamailioDecodes('#!define M "/nonexist/a" # c\nloadmodule M "b"\n')).toBe('a'),
    20_000,
  );
  starts(
    'so a closing parenthesis after the name is lost, and Kamailio refuses to start',
    { 'kamailio.cfg': TLS('modparam("tls", "config", TLSCFG)'), 'tls.cfg': DOMAINS },
    false,
    (out) => {
      const syntax = out.problems.filter((p) => p.code === 'syntax');
      expect(syntax.map((p) => `${p.location.file}:${p.location.line}`)).toEqual(['kamailio.cfg:6']);
      expect(syntax[0]!.message).toMatch(/^TLSCFG is defined with a trailing comment \(kamailio\.cfg:5\)/);
      expect(syntax[0]!.fix).toMatch(/^#!define TLSCFG "tls\.cfg" {3}\(and the comment on a line of its own/);
    },
  );
  starts(
    'a parenthesis on the next line is not lost',
    { 'kamailio.cfg': TLS('modparam("tls", "config", TLSCFG\n)'), 'tls.cfg': DOMAINS },
    true,
    (out) => {
      // the domain's own files are another matter; the statement itself is read
      expect(out.problems.filter((p) => p.code === 'syntax')).toEqual([]);
      expect(out.consumed).toContain('tls.cfg');
    },
  );
});

describe('a module loaded twice (sr_module.c load_module: "attempting to load the same module twice")', () => {
  const MPATH = 'mpath="/usr/lib/x86_64-linux-gnu/kamailio/modules/:/usr/lib/kamailio/modules/"\n';
  starts('two loadmodule lines refuse to start', { 'kamailio.cfg': `${MPATH}loadmodule "tls.so"\nloadmodule "tls"\n` }, false, (out) => {
    expect(problems(out)).toContain('other kamailio.cfg:3');
    expect(out.problems.find((p) => p.code === 'other')!.message).toMatch(/^tls is loaded a second time \(first at kamailio\.cfg:2\)/);
  });
  starts(
    'no include-once: a file included twice loads its modules twice',
    { 'kamailio.cfg': `${MPATH}include_file "mods.cfg"\ninclude_file "mods.cfg"\n`, 'mods.cfg': 'loadmodule "tls.so"\n' },
    false,
    (out) => {
      expect(problems(out)).toContain('other kamailio.cfg:3');
      expect(out.problems.find((p) => p.code === 'other')!.message).toMatch(
        /reads mods\.cfg a second time \(Kamailio has no include-once\)/,
      );
    },
  );
  starts(
    'a file without loadmodule may be included twice',
    { 'kamailio.cfg': `${MPATH}include_file "d.cfg"\ninclude_file "d.cfg"\n`, 'd.cfg': 'debug=2\n' },
    true,
    (out) => expect(out.problems).toEqual([]),
  );
});

describe('found on the stock 2600hz Kazoo configuration (kamailio -c starts on each)', () => {
  const MPATH = 'mpath="/usr/lib/x86_64-linux-gnu/kamailio/modules"\n';
  starts(
    'a loaded module defines MOD_<name>, so #!ifndef MOD_sl guards a second loadmodule',
    { 'kamailio.cfg': `${MPATH}loadmodule "sl.so"\n#!ifndef MOD_sl\nloadmodule "sl.so"\n#!endif\nrequest_route { exit; }\n` },
    true,
    (out) => expect(out.problems).toEqual([]),
  );
  starts(
    '#!substdef applies to an include_file name',
    {
      'kamailio.cfg': `${MPATH}#!substdef "!DBMS!kazoo!g"\ninclude_file "db_DBMS.cfg"\nrequest_route { exit; }\n`,
      'db_kazoo.cfg': 'loadmodule "sl.so"\n',
    },
    true,
    (out) => {
      expect(out.problems).toEqual([]);
      expect(out.consumed).toEqual(['db_kazoo.cfg']);
    },
  );
  starts(
    'a quote inside $(...) transformations opens no string',
    {
      'kamailio.cfg': `${MPATH}loadmodule "sl.so"\nloadmodule "pv.so"\nrequest_route {\n  $var(x) = $(var(y){s.replace,',x});\n  exit;\n}\n`,
    },
    true,
    (out) => expect(out.problems).toEqual([]),
  );
});

describe("listen: an address in brackets is an IPv6 address (cfg.y), found on WebRTC-to-SIP's placeholder [XXXXXX-XXXXXX]", () => {
  starts(
    'listen=tls:[2001:db8::1]:5061 starts',
    { 'kamailio.cfg': 'listen=tls:[2001:db8::1]:5061\nrequest_route { exit; }\n' },
    true,
    (out) => expect(out.problems).toEqual([]),
  );
  starts(
    'a placeholder in brackets, through a #!define, refuses to start; the line is named as written',
    { 'kamailio.cfg': '#!define MY_IP6_ADDR [XXXXXX-XXXXXX]\nlisten=udp:MY_IP6_ADDR:5060\nrequest_route { exit; }\n' },
    false,
    (out) => {
      expect(problems(out)).toEqual(['syntax kamailio.cfg:2']);
      expect(out.problems[0]!.message).toBe(
        'listen=udp:MY_IP6_ADDR:5060 (listen=udp:[XXXXXX-XXXXXX]:5060 with its #!define values): [XXXXXX-XXXXXX] is not an IPv6 address, the only address Kamailio takes in brackets: Kamailio refuses to start ("syntax error")',
      );
    },
  );
  starts(
    'an IPv4 address in brackets refuses to start too',
    { 'kamailio.cfg': 'listen=tls:[127.0.0.1]:5061\nrequest_route { exit; }\n' },
    false,
    (out) =>
      expect(out.problems.map((p) => [p.code, p.fix])).toEqual([
        ['syntax', 'listen=tls:127.0.0.1:5061   # brackets only around an IPv6 address'],
      ]),
  );
});
