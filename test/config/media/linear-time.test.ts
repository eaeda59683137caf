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
import { expectLinear, fill, sized } from '../../helpers/growth.js';

/** Each hostile text at `n` characters. */
const hostile: Record<string, (n: number) => string> = {
  newlines: (n) => fill('\n', n),
  spaces: (n) => fill(' ', n),
  quotes: (n) => fill('"', n),
  backslashes: (n) => fill('\\', n),
  brackets: (n) => fill('[\n', n),
  'semicolon comments': (n) => fill(';\n', n),
  'rtpengine call with spaces': (n) => `route[X] {\n rtpengine_offer(${fill(' ', n - 40)}\n}\n`,
  'rtpengine calls': (n) => fill('rtpengine_offer("RTP/SAVP"); ', n),
  'var assignment with spaces': (n) => `$var(f) =${fill(' ', n - 20)}"x"\n`,
  'var assignments': (n) => fill('$var(f) = $var(f) = ', n),
  // every block left open: a pre-processor that looks through its open blocks on each line is quadratic
  'unclosed ifdefs': (n) => `#!KAMAILIO\n${fill('#!ifndef OFF\nrtpengine_offer("RTP/SAVP");\n', n)}`,
  'route header with spaces': (n) => `route[${fill(' ', n - 10)}\n`,
  'pjsip endpoints': (n) => `[t]\ntype=transport\nprotocol=tls\n${fill('[e](t)\ntype=endpoint\ntransport=t\n', n)}`,
  'sofia dial string of brackets': (n) =>
    `<include><gateway name="g"><param name="register-transport" value="tls"/></gateway><extension name="e"><condition><action application="bridge" data="${fill('[', n - 200)}sofia/gateway/g/1"/></condition></extension></include>`,
  'ini IP groups': (n) =>
    `[ IPGroup ]\nFORMAT Index = Name, ProxySetName, IPProfileName;\n${fill('IPGroup 1 = "g", "p", "x";\n', n)}[ \\IPGroup ]\n`,
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

describe.each(extractors)('%s media extractor on hostile text', (_name, extract, path) => {
  test.each(Object.keys(hostile))('%s: linear', async (kind) => {
    const text = sized(hostile[kind]!);
    await expectLinear((scale) => extract(input({ path, text: text(scale) })));
  });
});

test.each(Object.keys(hostile))('rtpengineFlags on %s: linear', async (kind) => {
  const text = sized(hostile[kind]!);
  await expectLinear((scale) => rtpengineFlags(text(scale)));
});
