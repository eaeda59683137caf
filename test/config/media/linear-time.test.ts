/**
 * The media extractors on hostile text: like the readers (test/config/readers/linear-time.test.ts), each
 * must stay linear in the size of its input. Inputs aim at their own patterns too: rtpengine calls and
 * `$var` assignments with long runs of spaces, route headers, a dial string of brackets.
 */
import { asteriskMedia } from '../../../src/config/media/asterisk.js';
import { audiocodesMedia } from '../../../src/config/media/audiocodes.js';
import { freeswitchMedia } from '../../../src/config/media/freeswitch.js';
import { kamailioMedia, rtpengineFlags } from '../../../src/config/media/kamailio.js';
import type { MediaOutput } from '../../../src/config/media/types.js';
import type { ConfigFile, ReaderInput } from '../../../src/config/types.js';

const MiB = 1024 * 1024;
const BUDGET_MS = 10_000;
const fill = (unit: string, size = MiB) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

const hostile: Record<string, string> = {
  newlines: fill('\n'),
  spaces: fill(' '),
  quotes: fill('"'),
  backslashes: fill('\\'),
  brackets: fill('[\n'),
  'semicolon comments': fill(';\n'),
  'rtpengine call with spaces': `route[X] {\n rtpengine_offer(${fill(' ', MiB - 40)}\n}\n`,
  'rtpengine calls': fill('rtpengine_offer("RTP/SAVP"); '),
  'var assignment with spaces': `$var(f) =${fill(' ', MiB - 20)}"x"\n`,
  'var assignments': fill('$var(f) = $var(f) = '),
  'route header with spaces': `route[${fill(' ', MiB - 10)}\n`,
  'pjsip endpoints': `[t]\ntype=transport\nprotocol=tls\n${fill('[e](t)\ntype=endpoint\ntransport=t\n')}`,
  'sofia dial string of brackets': `<include><gateway name="g"><param name="register-transport" value="tls"/></gateway><extension name="e"><condition><action application="bridge" data="${fill('[', MiB - 200)}sofia/gateway/g/1"/></condition></extension></include>`,
  'ini IP groups': `[ IPGroup ]\nFORMAT Index = Name, ProxySetName, IPProfileName;\n${fill('IPGroup 1 = "g", "p", "x";\n')}[ \\IPGroup ]\n`,
};

const extractors: Array<[string, (input: ReaderInput) => MediaOutput, string]> = [
  ['asterisk', asteriskMedia, 'pjsip.conf'],
  ['freeswitch', freeswitchMedia, 'sip_profiles/external.xml'],
  ['kamailio', kamailioMedia, 'kamailio.cfg'],
  ['audiocodes', audiocodesMedia, 'board.ini'],
];

const input = (file: ConfigFile): ReaderInput => ({
  file,
  open: (p) => (p === file.path ? { file, tried: [p] } : { tried: [p] }),
  paths: [file.path],
});

describe.each(extractors)('%s media extractor on 1 MiB hostile text', (_name, extract, path) => {
  test.each(Object.keys(hostile))('%s: finishes within the budget', (kind) => {
    const started = performance.now();
    extract(input({ path, text: hostile[kind]! }));
    expect(performance.now() - started).toBeLessThan(BUDGET_MS);
  });
});

test.each(Object.keys(hostile))('rtpengineFlags on %s finishes within the budget', (kind) => {
  const started = performance.now();
  rtpengineFlags(hostile[kind]!);
  expect(performance.now() - started).toBeLessThan(BUDGET_MS);
});
