import rule from '../../../rules/media/srtp-offered.js';
import type { Provenance } from '../../../src/model/endpoint.js';
import type { SrtpOffer, SrtpStrictness } from '../../../src/model/media.js';
import { fileValue, mediaLeg, ruleTester } from '../../helpers/rule-tester.js';

const byDefault = (text: string): Provenance => ({ kind: 'default', text });
const offer = (value: SrtpOffer, line = 12) => fileValue(value, 'pjsip.conf', line, 'media_encryption');
const strictness = (value: SrtpStrictness) => fileValue(value, 'pjsip.conf', 13, 'media_encryption_optimistic');
const media = (...legs: ReturnType<typeof mediaLeg>[]) => ({ media: { endpoints: legs } });

ruleTester(rule, {
  skip: [
    { name: 'no media facts (not a scan)', ctx: {}, message: /Not applicable/ },
    { name: 'a configuration without a leg to Genesys', ctx: media(), message: /No leg to Genesys/ },
  ],
  pass: [
    {
      name: 'SDES, mandatory',
      ctx: media(mediaLeg({ offer: offer('sdes'), strictness: strictness('mandatory') })),
      message: /offers SDES-SRTP/,
    },
    { name: 'SDES with no strictness known', ctx: media(mediaLeg({ offer: offer('sdes') })), message: /media_encryption = "sdes"/ },
  ],
  fail: [
    {
      name: 'trap: the product default is plain RTP',
      ctx: media(mediaLeg({ offer: { value: 'none', from: byDefault('Asterisk default: media_encryption=no') } })),
      message: /plain RTP \(RTP\/AVP, no a=crypto\)/,
      fix: /media_encryption=sdes in endpoint \[genesys\]/,
    },
    { name: 'plain RTP written in the file', ctx: media(mediaLeg({ offer: offer('none') })), message: /pjsip.conf:12/ },
    { name: 'DTLS-SRTP only', ctx: media(mediaLeg({ offer: offer('dtls') })), message: /DTLS-SRTP only/ },
    {
      name: 'one good leg does not hide a plain one',
      ctx: media(mediaLeg({ offer: offer('sdes') }), mediaLeg({ id: 'media[1]', offer: offer('none', 30) })),
      message: /pjsip.conf:30/,
    },
  ],
  warn: [
    {
      name: 'trap: optimistic SRTP',
      ctx: media(mediaLeg({ offer: offer('sdes'), strictness: strictness('optimistic') })),
      message: /optimistic SRTP/,
    },
    {
      name: 'optional SRTP',
      ctx: media(mediaLeg({ offer: offer('sdes'), strictness: strictness('optional') })),
      message: /falls back to plain RTP/,
    },
    { name: 'trap: rtpengine without DTLS=off', ctx: media(mediaLeg({ offer: offer('sdes+dtls') })), message: /DTLS-SRTP beside SDES/ },
    {
      name: 'profile passed on unchanged, with what to check',
      ctx: media(mediaLeg({ offer: offer('unchanged'), unresolved: ['check what the other side offers'] })),
      message: /passes on the media profile.*Check: check what the other side offers/,
    },
    {
      name: 'unknown script logic',
      ctx: media(mediaLeg({ offer: offer('unknown'), unresolved: ['$var(f) is assigned 2 times'] })),
      message: /\$var\(f\)/,
    },
    {
      name: 'a default the unseen dialplan may change',
      ctx: media(mediaLeg({ offer: { value: 'none', from: byDefault('forbidden') }, unresolved: ['no bridge found'] })),
      message: /unless what the files do not show.*no bridge found/,
    },
    {
      name: 'SDES with something unresolved (res_srtp not loaded)',
      ctx: media(mediaLeg({ offer: offer('sdes'), unresolved: ['noload => res_srtp.so'] })),
      message: /res_srtp/,
    },
    { name: 'no offer known', ctx: media(mediaLeg()), message: /not known/ },
  ],
});
