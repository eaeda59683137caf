/**
 * Each trap of issue 16, from configuration text to the verdict the media rules give it, with the key the
 * fix names: extractor -> numbered legs -> srtp-offered and srtp-suites.
 */
import srtpOffered from '../../../rules/media/srtp-offered.js';
import srtpSuites from '../../../rules/media/srtp-suites.js';
import { asteriskMedia } from '../../../src/config/media/asterisk.js';
import { audiocodesMedia } from '../../../src/config/media/audiocodes.js';
import { freeswitchMedia } from '../../../src/config/media/freeswitch.js';
import { kamailioMedia } from '../../../src/config/media/kamailio.js';
import type { MediaOutput } from '../../../src/config/media/types.js';
import type { ReaderInput } from '../../../src/config/types.js';
import { runRules } from '../../../src/engine/runner.js';
import { ctx } from '../../helpers/context.js';
import { readMedia } from '../../helpers/sbc.js';

type Extract = (input: ReaderInput) => MediaOutput;

const PJSIP = (endpoint: string) =>
  `[transport-tls]\ntype=transport\nprotocol=tls\nbind=0.0.0.0:5061\n\n[genesys]\ntype=endpoint\ntransport=transport-tls\n${endpoint}`;
const SOFIA = {
  'conf/sip_profiles/external.xml':
    '<profile name="external"><gateways><X-PRE-PROCESS cmd="include" data="external/*.xml"/></gateways><settings><param name="tls" value="true"/></settings></profile>\n',
  'conf/sip_profiles/external/genesys.xml':
    '<include><gateway name="genesys"><param name="proxy" value="lb01.byoc.usw2.pure.cloud:5061;transport=tls"/></gateway></include>\n',
};
const dialplan = (actions: string) => ({
  ...SOFIA,
  'conf/dialplan/public.xml': `<include><context name="public"><extension name="out"><condition field="destination_number" expression="^(\\d+)$">\n${actions}<action application="bridge" data="sofia/gateway/genesys/$1"/>\n</condition></extension></context></include>\n`,
});
const KAM = (call: string) => `loadmodule "rtpengine.so"\nroute[TO_GENESYS] {\n  ${call}\n  t_relay();\n}\n`;
const MEDIANT = (params: string, mode: string) => `[SIP Params]
${params}
[ ProxySet ]
FORMAT Index = ProxyName;
ProxySet 1 = "Genesys";
[ \\ProxySet ]
[ ProxyIp ]
FORMAT Index = ProxySetId, IpAddress, TransportType;
ProxyIp 0 = "1", "lb01.byoc.usw2.pure.cloud:5061", 2;
[ \\ProxyIp ]
[ IpProfile ]
FORMAT Index = ProfileName, SBCMediaSecurityBehaviour;
IpProfile 1 = "Genesys", ${mode};
[ \\IpProfile ]
[ IPGroup ]
FORMAT Index = Name, ProxySetName, IPProfileName;
IPGroup 1 = "Genesys", "Genesys", "Genesys";
[ \\IPGroup ]
`;

const cases: Array<[string, Extract, Record<string, string>, string, [string, string], RegExp]> = [
  [
    'Asterisk default (media_encryption unset)',
    asteriskMedia,
    { 'pjsip.conf': PJSIP('') },
    'pjsip.conf',
    ['fail', 'skip'],
    /media_encryption=sdes/,
  ],
  ['Asterisk sdes', asteriskMedia, { 'pjsip.conf': PJSIP('media_encryption=sdes\n') }, 'pjsip.conf', ['pass', 'pass'], /./],
  [
    'Asterisk srtp_tag_32',
    asteriskMedia,
    { 'pjsip.conf': PJSIP('media_encryption=sdes\nsrtp_tag_32=yes\n') },
    'pjsip.conf',
    ['pass', 'fail'],
    /srtp_tag_32=no/,
  ],
  [
    'Asterisk optimistic',
    asteriskMedia,
    { 'pjsip.conf': PJSIP('media_encryption=sdes\nmedia_encryption_optimistic=yes\n') },
    'pjsip.conf',
    ['warn', 'pass'],
    /media_encryption_optimistic=no/,
  ],
  [
    'FreeSWITCH default outbound',
    freeswitchMedia,
    dialplan(''),
    'conf/sip_profiles/external.xml',
    ['fail', 'skip'],
    /rtp_secure_media_outbound/,
  ],
  [
    'FreeSWITCH set without export',
    freeswitchMedia,
    dialplan('<action application="set" data="rtp_secure_media=mandatory"/>\n'),
    'conf/sip_profiles/external.xml',
    ['fail', 'skip'],
    /rtp_secure_media_outbound" value="mandatory"/,
  ],
  [
    'FreeSWITCH export with the old AES_CM_256 spelling',
    freeswitchMedia,
    dialplan('<action application="export" data="rtp_secure_media=mandatory:AES_CM_256_HMAC_SHA1_80"/>\n'),
    'conf/sip_profiles/external.xml',
    ['pass', 'fail'],
    /rtp_secure_media_suites" value="AES_CM_128_HMAC_SHA1_80"/,
  ],
  [
    'rtpengine without DTLS=off',
    kamailioMedia,
    { 'kamailio.cfg': KAM('rtpengine_offer("RTP/SAVP");') },
    'kamailio.cfg',
    ['warn', 'pass'],
    /DTLS=off/,
  ],
  [
    'rtpengine RTP/SAVP DTLS=off',
    kamailioMedia,
    { 'kamailio.cfg': KAM('rtpengine_offer("RTP/SAVP DTLS=off");') },
    'kamailio.cfg',
    ['pass', 'pass'],
    /./,
  ],
  [
    'rtpengine RTP/AVP',
    kamailioMedia,
    { 'kamailio.cfg': KAM('rtpengine_offer("RTP/AVP");') },
    'kamailio.cfg',
    ['fail', 'skip'],
    /RTP\/SAVP DTLS=off/,
  ],
  [
    'AudioCodes SRTP mode without EnableMediaSecurity',
    audiocodesMedia,
    { 'm.ini': MEDIANT('', '1') },
    'm.ini',
    ['fail', 'skip'],
    /EnableMediaSecurity = 1/,
  ],
  ['AudioCodes SRTP mode, enabled', audiocodesMedia, { 'm.ini': MEDIANT('EnableMediaSecurity = 1', '1') }, 'm.ini', ['pass', 'pass'], /./],
];

test.each(cases)('%s', (_name, extract, files, entry, [offered, suites], fix) => {
  const out = readMedia(extract, files, entry);
  const endpoints = out.media.map((m, k) => ({ ...m, id: `media[${k}]` }));
  expect(endpoints.length).toBeGreaterThan(0);
  const results = runRules([srtpOffered, srtpSuites], ctx([], { media: { endpoints } }));
  const worst = (rule: string) => {
    const statuses = results.filter((r) => r.rule === rule).map((r) => r.status);
    return ['fail', 'warn', 'pass', 'skip'].find((s) => statuses.includes(s as never));
  };
  expect([worst('srtp-offered'), worst('srtp-suites')]).toEqual([offered, suites]);
  const failing = results.filter((r) => r.status === 'fail' || r.status === 'warn');
  if (failing.length) expect(failing.map((r) => r.remediation).join('\n')).toMatch(fix);
});
