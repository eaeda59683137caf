/** SRTP on the Genesys leg of pjsip.conf: endpoints on the TLS transport, with Asterisk's defaults and traps. */
import { asteriskMedia } from '../../../src/config/media/asterisk.js';
import { briefMedia, readMedia } from '../../helpers/sbc.js';

const DOCS = 'https://docs.asterisk.org/Asterisk_22_Documentation/API_Documentation/Module_Configuration/res_pjsip/';
const TRANSPORTS = `[transport-udp]
type=transport
protocol=udp
bind=0.0.0.0

[transport-tls]
type=transport
protocol=tls
bind=0.0.0.0:5061
cert_file=/etc/asterisk/keys/sbc.crt
priv_key_file=/etc/asterisk/keys/sbc.key
method=tlsv1_2
`;
const read = (files: Record<string, string>) => readMedia(asteriskMedia, files, 'pjsip.conf');

test('trap: a TLS transport does not imply SRTP; media_encryption defaults to no', () => {
  const out = read({
    'pjsip.conf': `${TRANSPORTS}\n[genesys]\ntype=endpoint\ntransport=transport-tls\naors=genesys\n\n[phones]\ntype=endpoint\ntransport=transport-udp\n`,
  });
  expect(out.media.map(briefMedia)).toEqual([
    {
      name: 'endpoint [genesys] (transport transport-tls)',
      offer: `none @ default: Asterisk default when media_encryption is not set: no, plain RTP even on a TLS transport (${DOCS})`,
    },
  ]);
  expect(out.media[0]!.syntax.offerSdes()).toBe(
    'media_encryption=sdes (with media_encryption_optimistic=no and webrtc=no) in endpoint [genesys]',
  );
});

test('sdes inherited from a template cites the template line; the default suite is AES_CM_128_HMAC_SHA1_80, mandatory', () => {
  const out = read({
    'pjsip.conf': `${TRANSPORTS}\n[trunk-tpl](!)\ntype=endpoint\nmedia_encryption=sdes\n\n[genesys](trunk-tpl)\ntransport=transport-tls\n`,
  });
  expect(out.media.map(briefMedia)).toEqual([
    {
      name: 'endpoint [genesys] (transport transport-tls)',
      offer: 'sdes @ pjsip.conf:16 media_encryption',
      strictness: `mandatory @ default: Asterisk default media_encryption_optimistic=no: RTP/SAVP, and a failed crypto negotiation ends the call (${DOCS})`,
      suites:
        'AES_CM_128_HMAC_SHA1_80 @ default: Asterisk offers AES_CM_128_HMAC_SHA1_80 only while srtp_tag_32=no, the default (res_srtp.c; 192/256-bit and GCM suites only when compiled in)',
    },
  ]);
});

test('trap: srtp_tag_32=yes offers only the 32-bit tag; optimistic mode puts crypto in RTP/AVP', () => {
  const out = read({
    'pjsip.conf': `${TRANSPORTS}\n[genesys]\ntype=endpoint\ntransport=transport-tls\nmedia_encryption=sdes\nsrtp_tag_32=yes\nmedia_encryption_optimistic=yes\n`,
  });
  expect(out.media.map(briefMedia)).toEqual([
    {
      name: 'endpoint [genesys] (transport transport-tls)',
      offer: 'sdes @ pjsip.conf:17 media_encryption',
      strictness: 'optimistic @ pjsip.conf:19 media_encryption_optimistic',
      suites: 'AES_CM_128_HMAC_SHA1_32 @ pjsip.conf:18 srtp_tag_32',
    },
  ]);
  expect(out.media[0]!.syntax.suites(['AES_CM_128_HMAC_SHA1_80'])).toBe(
    'srtp_tag_32=no in endpoint [genesys] (Asterisk then offers AES_CM_128_HMAC_SHA1_80)',
  );
});

test('webrtc=yes forces DTLS whatever media_encryption says; force_avp reads as optimistic', () => {
  const out = read({
    'pjsip.conf': `${TRANSPORTS}\n[a]\ntype=endpoint\ntransport=transport-tls\nmedia_encryption=sdes\nwebrtc=yes\n\n[b]\ntype=endpoint\ntransport=transport-tls\nmedia_encryption=sdes\nforce_avp=yes\n`,
  });
  expect(out.media.map((m) => [m.name, m.offer?.value, m.strictness?.value])).toEqual([
    ['endpoint [a] (transport transport-tls)', 'dtls', undefined],
    ['endpoint [b] (transport transport-tls)', 'sdes', 'optimistic'],
  ]);
});

test('an endpoint without transport= reaches TLS through a sips: contact (said, not assumed); an invalid value is unknown', () => {
  const out = read({
    'pjsip.conf': `${TRANSPORTS}\n[genesys]\ntype=aor\ncontact=sip:byoc.example.pure.cloud:5061\\;transport=tls\n\n[genesys]\ntype=endpoint\naors=genesys\nmedia_encryption=srtp\n`,
  });
  expect(out.media.map(briefMedia)).toEqual([
    {
      name: 'endpoint [genesys] (transport transport-tls)',
      offer: 'unknown @ pjsip.conf:21 media_encryption',
      unresolved:
        "endpoint [genesys] names no transport; pjsip picks transport-tls only through the AOR contact's TLS URI: check that calls to Genesys leave through it | media_encryption=srtp (pjsip.conf:21) is not no, sdes or dtls; Asterisk refuses the endpoint",
    },
  ]);
  expect(out.problems?.map((p) => `${p.code} ${p.location.file}:${p.location.line} ${p.location.key} => ${p.fix}`)).toEqual([
    'invalid-value pjsip.conf:21 media_encryption => media_encryption=sdes',
  ]);
});

test('res_srtp.so not loaded (modules.conf) is what to check; no TLS endpoint gives a note', () => {
  const out = read({
    'pjsip.conf': `${TRANSPORTS}\n[genesys]\ntype=endpoint\ntransport=transport-tls\nmedia_encryption=sdes\n`,
    'modules.conf': '[modules]\nautoload=yes\nnoload => res_srtp.so\n',
  });
  expect(out.media[0]!.unresolved).toEqual([
    'modules.conf:3 has noload => res_srtp.so: without res_srtp Asterisk offers no SRTP at all; remove that line',
  ]);
  expect(out.files).toEqual(['modules.conf']);
  const none = read({ 'pjsip.conf': `${TRANSPORTS}\n[phones]\ntype=endpoint\ntransport=transport-udp\n` });
  expect([none.media, none.notes.map((n) => n.message)]).toEqual([
    [],
    ['no pjsip endpoint uses the TLS transport transport-tls: the SRTP settings of the Genesys leg are not in this file'],
  ]);
});

test("modules.conf elsewhere in the repository: the nearest one, never another SBC's when two are as near", () => {
  const pjsip = `${TRANSPORTS}\n[genesys]\ntype=endpoint\ntransport=transport-tls\nmedia_encryption=sdes\n`;
  const noload = '[modules]\nautoload=yes\nnoload => res_srtp.so\n';
  const loads = '[modules]\nautoload=yes\n';
  const files = {
    'sbc-a/etc/pjsip.conf': pjsip,
    'sbc-a/modules/modules.conf': noload,
    'sbc-b/etc/pjsip.conf': pjsip,
    'sbc-b/modules/modules.conf': loads,
  };
  const a = readMedia(asteriskMedia, files, 'sbc-a/etc/pjsip.conf');
  expect(a.media[0]!.unresolved).toEqual([
    'sbc-a/modules/modules.conf:3 has noload => res_srtp.so: without res_srtp Asterisk offers no SRTP at all; remove that line',
  ]);
  const b = readMedia(asteriskMedia, files, 'sbc-b/etc/pjsip.conf');
  expect(b.media[0]!.unresolved ?? []).toEqual([]);
  // Two as near (neither shares a folder with the pjsip.conf): which one Asterisk reads is not known, so neither is used.
  const far = readMedia(asteriskMedia, { 'pjsip.conf': pjsip, 'x/modules.conf': noload, 'y/modules.conf': loads }, 'pjsip.conf');
  expect(far.media[0]!.unresolved ?? []).toEqual([]);
  expect(far.files ?? []).toEqual([]);
});
