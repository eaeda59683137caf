/**
 * Hostile inputs a pull request can add: every reader's detect() and read() must stay linear in the
 * size of the text. 1 MiB of blank lines, CRLF, spaces, quotes and backslashes, and one statement
 * with a long run of spaces or tabs in its value. The budget is generous (10 s; idle, each case takes under 0.3 s) so a loaded CI does
 * not flake; the quadratic patterns these guard against took minutes to hours on these inputs.
 */
import { readers } from '../../../src/config/readers/index.js';
import type { ConfigFile, ReaderInput } from '../../../src/config/types.js';

const MiB = 1024 * 1024;
const BUDGET_MS = 10_000;

const fill = (unit: string, size = MiB) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

const hostile: Record<string, string> = {
  newlines: fill('\n'),
  crlf: fill('\r\n'),
  spaces: fill(' '),
  tabs: fill('\t'),
  quotes: fill('"'),
  'single quotes': fill("'"),
  backslashes: fill('\\'),
  'blank lines with indentation': fill(' \t\n'),
  'alias value with spaces': `alias=a${fill(' ', MiB - 10)}b\n`,
  'modparam value with tabs': `modparam("tls", "config", "a${fill('\t', MiB - 40)}b")\n`,
  'semicolon comments': fill(';\n'),
  brackets: fill('[\n'),
  'define lines': `#!KAMAILIO\n${fill('#!define X \n')}`,
  'equals runs': `alias=${fill('= ', MiB - 10)}\n`,
  'unclosed pseudo-variables': fill('$('),
  'pseudo-variables with quotes': fill('$(v{s.replace,\',x}) "'),
};

function input(file: ConfigFile): ReaderInput {
  return { file, open: () => ({ tried: [] }), paths: [file.path] };
}

const names = ['kamailio.cfg', 'opensips.cfg', 'pjsip.conf', 'sofia.conf.xml', 'board.ini', 'README.txt'];

describe.each(readers.map((r) => [r.format, r] as const))('%s reader on 1 MiB hostile text', (_format, reader) => {
  test.each(Object.keys(hostile))('%s: detect and read finish within the budget', (kind) => {
    const text = hostile[kind]!;
    const started = performance.now();
    for (const path of names) {
      const file = { path, text };
      const claim = reader.detect(file);
      if (claim) reader.read(input(file));
    }
    // read() every time, even when detect() declines, since a changed-file run may hand any file over.
    reader.read(input({ path: names[0]!, text }));
    expect(performance.now() - started).toBeLessThan(BUDGET_MS);
  });
});

test('Kamailio: switched-off includes of one large file are searched once, not once per line', () => {
  const big = { path: 'big.cfg', text: `${fill('# no TLS here\n', MiB - 20)}\n` };
  const main = { path: 'kamailio.cfg', text: `#!KAMAILIO\n${fill('#!ifdef OFF\ninclude_file "big.cfg"\n#!endif\n', MiB)}` };
  const kamailio = readers.find((r) => r.format === 'kamailio')!;
  const started = performance.now();
  kamailio.read({ file: main, open: (p) => (p === 'big.cfg' ? { file: big, tried: [p] } : { tried: [p] }), paths: [main.path, big.path] });
  expect(performance.now() - started).toBeLessThan(BUDGET_MS);
});
