/**
 * Hostile inputs a pull request can add: every reader's detect() and read() must stay linear in the
 * size of the text: blank lines, CRLF, spaces, quotes and backslashes, and one statement with a long
 * run of spaces or tabs in its value, at 64 KiB and 256 KiB (test/helpers/growth.ts compares the two;
 * the quadratic patterns these guard against took minutes on 1 MiB).
 */
import { readers } from '../../../src/config/readers/index.js';
import type { ConfigFile, ReaderInput } from '../../../src/config/types.js';
import { expectLinear, fill, sized } from '../../helpers/growth.js';

const UNIT = 64 * 1024;

/** Each hostile text at `size` characters. */
const hostile: Record<string, (size: number) => string> = {
  newlines: (n) => fill('\n', n),
  crlf: (n) => fill('\r\n', n),
  spaces: (n) => fill(' ', n),
  tabs: (n) => fill('\t', n),
  quotes: (n) => fill('"', n),
  'single quotes': (n) => fill("'", n),
  backslashes: (n) => fill('\\', n),
  'blank lines with indentation': (n) => fill(' \t\n', n),
  'alias value with spaces': (n) => `alias=a${fill(' ', n - 10)}b\n`,
  'modparam value with tabs': (n) => `modparam("tls", "config", "a${fill('\t', n - 40)}b")\n`,
  'semicolon comments': (n) => fill(';\n', n),
  brackets: (n) => fill('[\n', n),
  'define lines': (n) => `#!KAMAILIO\n${fill('#!define X \n', n)}`,
  // every block left open: a pre-processor that looks through its open blocks on each line is quadratic
  'unclosed ifdefs': (n) => `#!KAMAILIO\n${fill('#!ifndef OFF\nrtpengine_offer("RTP/SAVP");\n', n)}`,
  'equals runs': (n) => `alias=${fill('= ', n - 10)}\n`,
  'unclosed pseudo-variables': (n) => fill('$(', n),
  'pseudo-variables with quotes': (n) => fill('$(v{s.replace,\',x}) "', n),
};

function input(file: ConfigFile): ReaderInput {
  return { file, open: () => ({ tried: [] }), paths: [file.path] };
}

const names = ['kamailio.cfg', 'opensips.cfg', 'pjsip.conf', 'sofia.conf.xml', 'board.ini', 'README.txt'];

describe.each(readers.map((r) => [r.format, r] as const))('%s reader on hostile text', (_format, reader) => {
  test.each(Object.keys(hostile))('%s: detect and read are linear', async (kind) => {
    const sizedText = sized(hostile[kind]!);
    await expectLinear((scale) => {
      const text = sizedText(scale);
      for (const path of names) {
        const file = { path, text };
        const claim = reader.detect(file);
        if (claim) reader.read(input(file));
      }
      // read() every time, even when detect() declines, since a changed-file run may hand any file over.
      reader.read(input({ path: names[0]!, text }));
    });
  });
});

test('Kamailio: switched-off includes of one large file are searched once, not once per line', async () => {
  const kamailio = readers.find((r) => r.format === 'kamailio')!;
  await expectLinear((scale) => {
    const big = { path: 'big.cfg', text: `${fill('# no TLS here\n', scale * UNIT - 20)}\n` };
    const main = { path: 'kamailio.cfg', text: `#!KAMAILIO\n${fill('#!ifdef OFF\ninclude_file "big.cfg"\n#!endif\n', scale * UNIT)}` };
    kamailio.read({
      file: main,
      open: (p) => (p === 'big.cfg' ? { file: big, tried: [p] } : { tried: [p] }),
      paths: [main.path, big.path],
    });
  });
});
