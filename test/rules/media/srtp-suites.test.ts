import rule from '../../../rules/media/srtp-suites.js';
import type { SrtpOffer } from '../../../src/model/media.js';
import { fileValue, mediaLeg, ruleTester } from '../../helpers/rule-tester.js';

const sdes = fileValue<SrtpOffer>('sdes', 'pjsip.conf', 12, 'media_encryption');
const suites = (...names: string[]) => fileValue(names, 'vars.xml', 4, 'rtp_secure_media_suites');
const leg = (extra: Parameters<typeof mediaLeg>[0]) => ({ media: { endpoints: [mediaLeg({ offer: sdes, ...extra })] } });

ruleTester(rule, {
  skip: [
    { name: 'no media facts', ctx: {}, message: /Not applicable/ },
    {
      name: 'no leg offers SDES',
      ctx: { media: { endpoints: [mediaLeg({ offer: fileValue<SrtpOffer>('none', 'pjsip.conf', 12, 'media_encryption') })] } },
    },
  ],
  pass: [
    {
      name: 'the Genesys default suite',
      ctx: leg({ suites: suites('AES_CM_128_HMAC_SHA1_80') }),
      message: /includes AES_CM_128_HMAC_SHA1_80/,
    },
    {
      name: "spellings normalised: Genesys' AES_CM_256 is the SBC's AES_256_CM",
      ctx: {
        media: {
          endpoints: [mediaLeg({ offer: sdes, suites: suites('AES_256_CM_HMAC_SHA1_80') })],
          genesys: { suites: fileValue(['AES_CM_256_HMAC_SHA1_80'], 'trunk.yaml', 3, 'srtpSuites') },
        },
      },
      message: /includes AES_256_CM_HMAC_SHA1_80/,
    },
    { name: 'AudioCodes dashes', ctx: leg({ suites: suites('AES-CM-128-HMAC-SHA1-80') }) },
    {
      name: 'sdes+dtls offers are judged too',
      ctx: leg({ offer: fileValue<SrtpOffer>('sdes+dtls', 'k.cfg', 3, 'rtpengine_offer'), suites: suites('AES_CM_128_HMAC_SHA1_80') }),
    },
  ],
  fail: [
    {
      name: 'trap: srtp_tag_32=yes against the default trunk',
      ctx: leg({ suites: fileValue(['AES_CM_128_HMAC_SHA1_32'], 'pjsip.conf', 14, 'srtp_tag_32') }),
      message: /shares no SRTP suite with Genesys/,
      fix: /srtp_tag_32=no/,
    },
    {
      name: 'trap: old suite spelling rejected by FreeSWITCH, nothing left',
      ctx: leg({ suites: suites(), rejectedSuites: suites('AES_CM_256_HMAC_SHA1_80') }),
      message: /INVALID SUITE SUPPLIED.*no a=crypto at all/,
    },
    {
      name: 'a rejected spelling fails even when another suite remains',
      ctx: leg({ suites: suites('AES_CM_128_HMAC_SHA1_80'), rejectedSuites: suites('AES_CM_256_HMAC_SHA1_80') }),
      message: /rejects/,
    },
    {
      name: "the org's trunk accepts only the 256-bit suite",
      ctx: {
        media: {
          endpoints: [mediaLeg({ offer: sdes, suites: suites('AES_CM_128_HMAC_SHA1_80') })],
          genesys: { suites: fileValue(['AES_CM_256_HMAC_SHA1_80'], 'trunk.yaml', 3, 'srtpSuites') },
        },
      },
      message: /trunk.yaml:3/,
    },
  ],
  warn: [{ name: 'suites not known', ctx: leg({}), message: /not known/ }],
});
