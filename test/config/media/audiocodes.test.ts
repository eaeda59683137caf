/** SRTP on the Genesys leg of an AudioCodes Mediant .ini: the Genesys IP Group's IP Profile and the global switches. */
import { audiocodesMedia } from '../../../src/config/media/audiocodes.js';
import { briefMedia, readMedia } from '../../helpers/sbc.js';

const MANUAL = "AudioCodes Mediant SBC User's Manual";
const ini = (params: string, profileColumns: string, profileRow: string) => `;Board: Mediant 800B
[SIP Params]
${params}
[ ProxySet ]
FORMAT Index = ProxyName, EnableProxyKeepAlive, SBCIPv4SIPInterfaceName, TLSContextName;
ProxySet 0 = "ITSP", 1, "SIPInterface_0", "default";
ProxySet 1 = "Genesys", 1, "SIPInterface_1", "genesys";
[ \\ProxySet ]

[ ProxyIp ]
FORMAT Index = ProxySetId, ProxyIpIndex, IpAddress, TransportType;
ProxyIp 0 = "0", 0, "10.1.1.1:5060", 0;
ProxyIp 1 = "1", 0, "lb01.byoc.usw2.pure.cloud:5061", 2;
[ \\ProxyIp ]

[ IpProfile ]
FORMAT Index = ProfileName${profileColumns};
IpProfile 0 = "ITSP"${profileRow.replace(/[^,]+/g, '0')};
IpProfile 1 = "Genesys"${profileRow};
[ \\IpProfile ]

[ IPGroup ]
FORMAT Index = Type, Name, ProxySetName, IPProfileName;
IPGroup 0 = 0, "ITSP", "ITSP", "ITSP";
IPGroup 1 = 0, "Genesys", "Genesys", "Genesys";
[ \\IPGroup ]
`;
const read = (text: string) => readMedia(audiocodesMedia, { 'mediant.ini': text }, 'mediant.ini');
const NAME = 'IP Group Genesys (IP Profile "Genesys")';

test('SRTP mode with the enable flag: SDES mandatory, the offered suite as configured', () => {
  const out = read(ini('EnableMediaSecurity = 1\nSRTPofferedSuites = 1\n', ', SBCMediaSecurityBehaviour', ', 1'));
  expect(out.media.map(briefMedia)).toEqual([
    {
      name: NAME,
      offer: 'sdes @ mediant.ini:21 SBCMediaSecurityBehaviour',
      strictness: 'mandatory @ mediant.ini:21 SBCMediaSecurityBehaviour',
      suites: 'AES-CM-128-HMAC-SHA1-80 @ mediant.ini:4 SRTPofferedSuites',
    },
  ]);
  expect(out.media[0]!.syntax.offerSdes()).toBe(
    'EnableMediaSecurity = 1 and, in IP Profile "Genesys", SBCMediaSecurityBehaviour = 1 (SRTP)',
  );
});

test('trap: the SRTP mode without EnableMediaSecurity is discarded: plain RTP', () => {
  const out = read(ini('', ', SBCMediaSecurityBehaviour', ', 1'));
  expect(out.media.map(briefMedia)).toEqual([
    {
      name: NAME,
      offer: `none @ default: AudioCodes default EnableMediaSecurity = 0: no SRTP at all (${MANUAL}); the SRTP mode (SBCMediaSecurityBehaviour = 1, mediant.ini:19) is discarded without it`,
    },
  ]);
});

test('defaults: the mode is "as is" (unchanged); "both" is optional with every suite offered', () => {
  const asIs = read(ini('EnableMediaSecurity = 1\n', '', ''));
  expect(asIs.media.map(briefMedia)).toEqual([
    {
      name: NAME,
      offer: `unchanged @ default: AudioCodes default IpProfile_SBCMediaSecurityBehaviour = 0, as is: the SBC passes the media security it received (${MANUAL})`,
    },
  ]);
  const both = read(ini('EnableMediaSecurity = 1\n', ', IpProfile_SBCMediaSecurityBehaviour', ', 3'));
  expect(both.media.map(briefMedia)).toEqual([
    {
      name: NAME,
      offer: 'sdes @ mediant.ini:20 IpProfile_SBCMediaSecurityBehaviour',
      strictness: 'optional @ mediant.ini:20 IpProfile_SBCMediaSecurityBehaviour',
      suites: `AES-CM-128-HMAC-SHA1-80,AES-CM-128-HMAC-SHA1-32 @ default: AudioCodes default SRTPofferedSuites = 0: all suites the device supports (${MANUAL})`,
    },
  ]);
});

test("the Gateway application's MediaSecurityBehaviour is used only where the profile has no SBC mode, and said", () => {
  const out = read(ini('EnableMediaSecurity = 1\nMediaSecurityBehaviour = 1\n', ', MediaSecurityBehaviour', ', -1'));
  expect(out.media.map(briefMedia)).toEqual([
    {
      name: NAME,
      offer: 'sdes @ mediant.ini:4 MediaSecurityBehaviour',
      strictness: 'mandatory @ mediant.ini:4 MediaSecurityBehaviour',
      suites: `AES-CM-128-HMAC-SHA1-80,AES-CM-128-HMAC-SHA1-32 @ default: AudioCodes default SRTPofferedSuites = 0: all suites the device supports (${MANUAL})`,
      unresolved:
        "the mode comes from MediaSecurityBehaviour, the Gateway application's setting; SBC calls follow the IP Profile's SBCMediaSecurityBehaviour (default 0, as is): check which application carries the Genesys trunk",
    },
  ]);
});

test('no IP Group reaches Genesys: a note, no media', () => {
  const out = read(ini('EnableMediaSecurity = 1\n', '', '').replace('"lb01.byoc.usw2.pure.cloud:5061", 2', '"10.2.2.2:5060", 0'));
  expect([out.media, out.notes.map((n) => n.message)]).toEqual([
    [],
    ['no IP Group whose Proxy Set has a TLS (TransportType 2) or pure.cloud address: SRTP on the Genesys leg not read'],
  ]);
});
