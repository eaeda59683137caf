/**
 * Linear time through each lexer, not only through detect(): linear-time.test.ts feeds raw hostile text,
 * which most readers decline early. Here the same fillers, and each lexer's own special characters,
 * sit inside a file the reader claims (a sofia profile, an opensips.cfg with tls_mgm, an INI with a
 * TLSContexts table), so the pre-processor, the include flattener and the table parser all run over them,
 * at 64 KiB and 256 KiB (test/helpers/growth.ts compares the two).
 */
import { audiocodesReader } from '../../../src/config/readers/audiocodes.js';
import { freeswitchReader } from '../../../src/config/readers/freeswitch.js';
import { kamailio } from '../../../src/config/readers/kamailio.js';
import { opensips } from '../../../src/config/readers/opensips.js';
import type { SbcReader } from '../../../src/config/types.js';
import { expectLinear, fill, sized } from '../../helpers/growth.js';
import { readConfig } from '../../helpers/sbc.js';

type Sized = (n: number) => string;
const common: Record<string, Sized> = {
  newlines: (n) => fill('\n', n),
  crlf: (n) => fill('\r\n', n),
  spaces: (n) => fill(' ', n),
  'double quotes': (n) => fill('"', n),
  'single quotes': (n) => fill("'", n),
  backslashes: (n) => fill('\\', n),
};

const cases: Array<[string, SbcReader, string, (body: string) => string, Record<string, Sized>]> = [
  [
    'freeswitch',
    freeswitchReader,
    'sip_profiles/p.xml',
    (body) =>
      `<profile name="p">\n<settings>\n<param name="tls" value="true"/>\n${body}\n<param name="tls-sip-port" value="5061"/>\n</settings>\n</profile>\n`,
    {
      'unterminated $${': (n) => fill('$${', n),
      'nested braces': (n) => `$\${${fill('{', n - 10)}`,
      'many variables on one line': (n) => fill('$${a}', n),
      '<!--# without -->': (n) => fill('<!--#set a=b ', n),
      '<!-- on one line': (n) => fill('<!--', n),
      'X-PRE-PROCESS on one line': (n) => fill('<X-PRE-PROCESS cmd="set" data="a=b"/>', n),
      'X-PRE-PROCESS lines': (n) => fill('<X-PRE-PROCESS cmd="set" data="a=$${a}$${a}"/>\n', n),
      'includes of nothing': (n) => fill('<X-PRE-PROCESS cmd="include" data="*/*/*.xml"/>\n', n),
    },
  ],
  [
    'kamailio',
    kamailio,
    'kamailio.cfg',
    (body) => `#!KAMAILIO\nenable_tls=yes\nlisten=tls:10.0.0.1:5061\nloadmodule "tls.so"\n${body}\nmodparam("tls", "config", "tls.cfg")\n`,
    {
      'block comment openers': (n) => fill('/*', n),
      'nested comments on lines': (n) => fill('/* /* */\n', n),
      'many folded strings': (n) => `modparam("tls", "config", ${fill('"x"\n', n)})\n`,
      'escapes in a string': (n) => `modparam("tls", "config", "${fill('\\x4\\10\\\n', n - 60)}")\n`,
      'open parentheses': (n) => fill('modparam(\n', n),
      'continued directives': (n) => fill('#!define X a\\\n', n),
      'directives in capitals': (n) => fill('#!DEFINE X\n', n),
      'include lines': (n) => fill('include_file "a.cfg"\n', n),
      'unquoted include lines': (n) => fill('include_file a.cfg\n', n),
      'keywords in capitals': (n) => fill('LISTEN=x\n', n),
    },
  ],
  [
    'opensips',
    opensips,
    'opensips.cfg',
    (body) => `loadmodule "tls_mgm.so"\nmodparam("tls_mgm", "server_domain", "d")\n${body}\nsocket=tls:10.0.0.1:5061\n`,
    {
      'block comment openers': (n) => fill('/*', n),
      'nested comments on lines': (n) => fill('/* /* */\n', n),
      'include lines': (n) => fill('include_file "a.cfg"\n', n),
      'malformed include lines': (n) => fill('include_file "\n', n),
      'open modparam': (n) => `modparam("tls_mgm", "ciphers_list", "[d]${fill(' ', n - 60)}`,
      'many folded strings': (n) => `modparam("tls_mgm", "ciphers_list", ${fill('"x" ', n)})\n`,
      'escapes in a string': (n) => `modparam("tls_mgm", "ciphers_list", "[d]${fill('\\x4', n - 60)}")\n`,
      'open parentheses': (n) => fill('modparam(\n', n),
    },
  ],
  [
    'audiocodes',
    audiocodesReader,
    'board.ini',
    (body) => `[ TLSContexts ]\nFORMAT Index = Name, TLSVersion;\n${body}\nTLSContexts 0 = "a", 4;\n[ \\TLSContexts ]\n`,
    {
      'commas in a row': (n) => `TLSContexts 1 = ${fill(', ', n)};`,
      'quotes in a row': (n) => `TLSContexts 1 = ${fill('"a", ', n)};`,
      'semicolons in a row': (n) => `TLSContexts 1 = ${fill(';', n)}`,
      'FORMAT with many columns': (n) => `FORMAT Index = ${fill('C, ', n)};`,
      'repeated rows': (n) => fill('TLSContexts 1 = "a", 4;\n', n),
      '$$ fields': (n) => `TLSContexts 1 = ${fill('$$, ', n)};`,
      'section lines': (n) => fill('[ \\x ]\n', n),
    },
  ],
];

describe.each(cases)('%s: hostile text through detect() and the lexer', (_name, reader, path, wrap, own) => {
  test.each(Object.keys({ ...common, ...own }))('%s', async (kind) => {
    const text = sized((n) => wrap({ ...common, ...own }[kind]!(n)));
    await expectLinear((scale) => {
      expect(reader.detect({ path, text: text(scale) })).toBe('entry');
      const out = readConfig(reader, { [path]: text(scale), 'a.cfg': '# nothing\n' }, path);
      expect(out.notes.length).toBeLessThanOrEqual(400);
    });
  });
});
