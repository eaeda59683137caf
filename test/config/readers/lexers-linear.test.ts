/**
 * Linear time through each lexer, not only through detect(): linear-time.test.ts feeds raw hostile text,
 * which most readers decline early. Here the same 1 MiB fillers, and each lexer's own special characters,
 * sit inside a file the reader claims (a sofia profile, an opensips.cfg with tls_mgm, an INI with a
 * TLSContexts table), so the pre-processor, the include flattener and the table parser all run over them.
 * Idle, each case takes well under 0.5 s; the budget is 2 s so a loaded CI machine cannot miss it.
 */
import { audiocodesReader } from '../../../src/config/readers/audiocodes.js';
import { freeswitchReader } from '../../../src/config/readers/freeswitch.js';
import { kamailio } from '../../../src/config/readers/kamailio.js';
import { opensips } from '../../../src/config/readers/opensips.js';
import type { SbcReader } from '../../../src/config/types.js';
import { readConfig } from '../../helpers/sbc.js';

const MiB = 1024 * 1024;
const BUDGET_MS = 2000;
const fill = (unit: string, size = MiB) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
const common: Record<string, string> = {
  newlines: fill('\n'),
  crlf: fill('\r\n'),
  spaces: fill(' '),
  'double quotes': fill('"'),
  'single quotes': fill("'"),
  backslashes: fill('\\'),
};

const cases: Array<[string, SbcReader, string, (body: string) => string, Record<string, string>]> = [
  [
    'freeswitch',
    freeswitchReader,
    'sip_profiles/p.xml',
    (body) =>
      `<profile name="p">\n<settings>\n<param name="tls" value="true"/>\n${body}\n<param name="tls-sip-port" value="5061"/>\n</settings>\n</profile>\n`,
    {
      'unterminated $${': fill('$${'),
      'nested braces': `$\${${fill('{', MiB - 10)}`,
      'many variables on one line': fill('$${a}'),
      '<!--# without -->': fill('<!--#set a=b '),
      '<!-- on one line': fill('<!--'),
      'X-PRE-PROCESS on one line': fill('<X-PRE-PROCESS cmd="set" data="a=b"/>'),
      'X-PRE-PROCESS lines': fill('<X-PRE-PROCESS cmd="set" data="a=$${a}$${a}"/>\n'),
      'includes of nothing': fill('<X-PRE-PROCESS cmd="include" data="*/*/*.xml"/>\n'),
    },
  ],
  [
    'kamailio',
    kamailio,
    'kamailio.cfg',
    (body) => `#!KAMAILIO\nenable_tls=yes\nlisten=tls:10.0.0.1:5061\nloadmodule "tls.so"\n${body}\nmodparam("tls", "config", "tls.cfg")\n`,
    {
      'block comment openers': fill('/*'),
      'nested comments on lines': fill('/* /* */\n'),
      'many folded strings': `modparam("tls", "config", ${fill('"x"\n')})\n`,
      'escapes in a string': `modparam("tls", "config", "${fill('\\x4\\10\\\n', MiB - 60)}")\n`,
      'open parentheses': fill('modparam(\n'),
      'continued directives': fill('#!define X a\\\n'),
      'directives in capitals': fill('#!DEFINE X\n'),
      'include lines': fill('include_file "a.cfg"\n'),
      'unquoted include lines': fill('include_file a.cfg\n'),
      'keywords in capitals': fill('LISTEN=x\n'),
    },
  ],
  [
    'opensips',
    opensips,
    'opensips.cfg',
    (body) => `loadmodule "tls_mgm.so"\nmodparam("tls_mgm", "server_domain", "d")\n${body}\nsocket=tls:10.0.0.1:5061\n`,
    {
      'block comment openers': fill('/*'),
      'nested comments on lines': fill('/* /* */\n'),
      'include lines': fill('include_file "a.cfg"\n'),
      'malformed include lines': fill('include_file "\n'),
      'open modparam': `modparam("tls_mgm", "ciphers_list", "[d]${fill(' ', MiB - 60)}`,
      'many folded strings': `modparam("tls_mgm", "ciphers_list", ${fill('"x" ')})\n`,
      'escapes in a string': `modparam("tls_mgm", "ciphers_list", "[d]${fill('\\x4', MiB - 60)}")\n`,
      'open parentheses': fill('modparam(\n'),
    },
  ],
  [
    'audiocodes',
    audiocodesReader,
    'board.ini',
    (body) => `[ TLSContexts ]\nFORMAT Index = Name, TLSVersion;\n${body}\nTLSContexts 0 = "a", 4;\n[ \\TLSContexts ]\n`,
    {
      'commas in a row': `TLSContexts 1 = ${fill(', ')};`,
      'quotes in a row': `TLSContexts 1 = ${fill('"a", ')};`,
      'semicolons in a row': `TLSContexts 1 = ${fill(';')}`,
      'FORMAT with many columns': `FORMAT Index = ${fill('C, ')};`,
      'repeated rows': fill('TLSContexts 1 = "a", 4;\n'),
      '$$ fields': `TLSContexts 1 = ${fill('$$, ')};`,
      'section lines': fill('[ \\x ]\n'),
    },
  ],
];

describe.each(cases)('%s: 1 MiB through detect() and the lexer', (_name, reader, path, wrap, own) => {
  test.each(Object.keys({ ...common, ...own }))('%s', (kind) => {
    const body = { ...common, ...own }[kind]!;
    const text = wrap(body);
    const started = performance.now();
    expect(reader.detect({ path, text })).toBe('entry');
    const out = readConfig(reader, { [path]: text, 'a.cfg': '# nothing\n' }, path);
    expect(performance.now() - started).toBeLessThan(BUDGET_MS);
    expect(out.notes.length).toBeLessThanOrEqual(400);
  });
});
