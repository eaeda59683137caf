/** SRTP on FreeSWITCH's outbound leg to the Genesys gateway: variables, where they are set, and FreeSWITCH's defaults. */
import { freeswitchMedia } from '../../../src/config/media/freeswitch.js';
import { briefMedia, readMedia } from '../../helpers/sbc.js';

const CORE = 'switch_core_media.c switch_core_session_parse_crypto_prefs';
const VARS = `<include>
  <X-PRE-PROCESS cmd="set" data="domain=$\${local_ip_v4}"/>
  <X-PRE-PROCESS cmd="set" data="external_sip_port=5080"/>
</include>
`;
const PROFILE = `<profile name="external">
  <gateways>
    <X-PRE-PROCESS cmd="include" data="external/*.xml"/>
  </gateways>
  <settings>
    <param name="context" value="public"/>
    <param name="sip-port" value="$\${external_sip_port}"/>
    <param name="tls" value="true"/>
    <param name="tls-sip-port" value="5061"/>
  </settings>
</profile>
`;
const gateway = (variables = '') => `<include>
  <gateway name="genesys">
    <param name="proxy" value="lb01.byoc.usw2.pure.cloud:5061"/>
    <param name="register" value="false"/>
    <param name="register-transport" value="tls"/>${variables ? `\n    <variables>\n${variables}    </variables>` : ''}
  </gateway>
</include>
`;
const dialplan = (actions: string) => `<include>
  <context name="public">
    <extension name="to_genesys">
      <condition field="destination_number" expression="^(\\+\\d+)$">
${actions}        <action application="bridge" data="sofia/gateway/genesys/$1"/>
      </condition>
    </extension>
  </context>
</include>
`;
const read = (files: Record<string, string>) =>
  readMedia(
    freeswitchMedia,
    { 'conf/vars.xml': VARS, 'conf/sip_profiles/external.xml': PROFILE, ...files },
    'conf/sip_profiles/external.xml',
  );
/** The bridge line when the fixture adds no action before it. */
const NAME = 'gateway genesys, bridge in extension to_genesys (conf/dialplan/public.xml:5)';

test('trap: an outbound leg without any variable is forbidden, plain RTP', () => {
  const out = read({ 'conf/sip_profiles/external/genesys.xml': gateway(), 'conf/dialplan/public.xml': dialplan('') });
  expect(out.media.map(briefMedia)).toEqual([
    {
      name: NAME,
      offer: `none @ default: FreeSWITCH default on an outbound channel without rtp_secure_media(_outbound): forbidden, plain RTP (${CORE}).`,
    },
  ]);
  expect(out.media[0]!.syntax.offerSdes()).toBe(
    `<variable name="rtp_secure_media_outbound" value="mandatory" direction="outbound"/> in gateway genesys's <variables>`,
  );
  expect(out.files).toEqual(['conf/vars.xml', 'conf/sip_profiles/external/genesys.xml', 'conf/dialplan/public.xml']);
});

test('trap: a set without export stays on the inbound leg; export reaches the outbound leg', () => {
  const set = read({
    'conf/sip_profiles/external/genesys.xml': gateway(),
    'conf/dialplan/public.xml': dialplan('        <action application="set" data="rtp_secure_media=mandatory"/>\n'),
  });
  expect(set.media.map(briefMedia)).toEqual([
    {
      name: 'gateway genesys, bridge in extension to_genesys (conf/dialplan/public.xml:6)',
      offer: `none @ default: FreeSWITCH default on an outbound channel without rtp_secure_media(_outbound): forbidden, plain RTP (${CORE}). The set at action set in extension to_genesys (conf/dialplan/public.xml:5) applies to the inbound leg only (export reaches the outbound leg).`,
    },
  ]);
  const exported = read({
    'conf/sip_profiles/external/genesys.xml': gateway(),
    'conf/dialplan/public.xml': dialplan('        <action application="export" data="rtp_secure_media=mandatory"/>\n'),
  });
  expect(exported.media.map(briefMedia)).toEqual([
    {
      name: 'gateway genesys, bridge in extension to_genesys (conf/dialplan/public.xml:6)',
      offer: 'sdes @ conf/dialplan/public.xml:5 rtp_secure_media',
      strictness: 'mandatory @ conf/dialplan/public.xml:5 rtp_secure_media',
      suites: `AEAD_AES_256_GCM_8,AEAD_AES_256_GCM,AEAD_AES_128_GCM_8,AEAD_AES_128_GCM,AES_256_CM_HMAC_SHA1_80,AES_192_CM_HMAC_SHA1_80,AES_CM_128_HMAC_SHA1_80,AES_256_CM_HMAC_SHA1_32,AES_192_CM_HMAC_SHA1_32,AES_CM_128_HMAC_SHA1_32,AES_CM_128_NULL_AUTH @ default: FreeSWITCH offers every suite it knows when rtp_secure_media_suites is not set (${CORE})`,
    },
  ]);
});

test('trap: the old AES_CM_256 spelling is rejected by the suite parser; the directional gateway variable wins', () => {
  const out = read({
    'conf/sip_profiles/external/genesys.xml': gateway(
      '      <variable name="rtp_secure_media" value="optional"/>\n      <variable name="rtp_secure_media_outbound" value="mandatory:AES_CM_256_HMAC_SHA1_80:AES_CM_128_HMAC_SHA1_80" direction="outbound"/>\n',
    ),
    'conf/dialplan/public.xml': dialplan(''),
  });
  expect(out.media.map(briefMedia)).toEqual([
    {
      name: NAME,
      offer: 'sdes @ conf/sip_profiles/external/genesys.xml:8 rtp_secure_media_outbound',
      strictness: 'mandatory @ conf/sip_profiles/external/genesys.xml:8 rtp_secure_media_outbound',
      suites: 'AES_CM_128_HMAC_SHA1_80 @ conf/sip_profiles/external/genesys.xml:8 rtp_secure_media_outbound',
      rejectedSuites: 'AES_CM_256_HMAC_SHA1_80 @ conf/sip_profiles/external/genesys.xml:8 rtp_secure_media_outbound',
    },
  ]);
  expect(out.problems).toEqual([
    {
      code: 'invalid-value',
      message: `gateway genesys's <variables>: AES_CM_256_HMAC_SHA1_80 is not a suite name FreeSWITCH knows; it logs "INVALID SUITE SUPPLIED" and leaves it out of the offer`,
      location: { file: 'conf/sip_profiles/external/genesys.xml', line: 8, key: 'rtp_secure_media_outbound' },
      fix: 'rtp_secure_media_outbound=mandatory:AES_256_CM_HMAC_SHA1_80:AES_CM_128_HMAC_SHA1_80',
    },
  ]);
});

test('a dial string {…} beats the gateway (said when they differ); inbound-only gateway variables do not count', () => {
  const out = read({
    'conf/sip_profiles/external/genesys.xml': gateway(
      '      <variable name="rtp_secure_media" value="mandatory" direction="inbound"/>\n      <variable name="rtp_secure_media_suites" value="AES_CM_128_HMAC_SHA1_32"/>\n',
    ),
    'conf/dialplan/public.xml': dialplan('').replace(
      'data="sofia/gateway/genesys/$1"',
      'data="{rtp_secure_media=optional,rtp_secure_media_suites=AES_CM_128_HMAC_SHA1_80}sofia/gateway/genesys/$1"',
    ),
  });
  expect(out.media.map(briefMedia)).toEqual([
    {
      name: NAME,
      offer: 'sdes @ conf/dialplan/public.xml:5 rtp_secure_media',
      strictness: 'optional @ conf/dialplan/public.xml:5 rtp_secure_media',
      suites: 'AES_CM_128_HMAC_SHA1_80 @ conf/dialplan/public.xml:5 rtp_secure_media_suites',
      unresolved:
        "rtp_secure_media_suites is AES_CM_128_HMAC_SHA1_80 in the dial string's {…} (conf/dialplan/public.xml:5) and AES_CM_128_HMAC_SHA1_32 in gateway genesys's <variables>: check which one the outbound channel keeps",
    },
  ]);
});

test('a vars.xml global applies to every channel; an export in another extension and a missing bridge are what to check', () => {
  const out = read({
    'conf/vars.xml': VARS.replace('</include>', '  <X-PRE-PROCESS cmd="set" data="rtp_secure_media_outbound=true"/>\n</include>'),
    'conf/sip_profiles/external/genesys.xml': gateway(),
    'conf/dialplan/default.xml': `<include><context name="default">
  <extension name="secure" continue="true">
    <condition field="\${rtp_has_crypto}" expression="^AES">
      <action application="export" data="rtp_secure_media_suites=AES_CM_128_HMAC_SHA1_32"/>
    </condition>
  </extension>
</context></include>
`,
  });
  expect(out.media.map(briefMedia)).toEqual([
    {
      name: 'gateway genesys',
      offer: 'sdes @ conf/vars.xml:4 rtp_secure_media_outbound',
      strictness: 'mandatory @ conf/vars.xml:4 rtp_secure_media_outbound',
      suites: expect.stringContaining('AES_CM_128_HMAC_SHA1_80') as unknown as string,
      unresolved:
        'no bridge to sofia/gateway/genesys in the scanned dialplans: a dial string or export there may set rtp_secure_media | action export in extension secure (conf/dialplan/default.xml:4) exports rtp_secure_media_suites=AES_CM_128_HMAC_SHA1_32: it reaches this leg only when that extension runs before the bridge (continue="true")',
    },
  ]);
});

test('a profile without a TLS gateway to Genesys gives a note, no media', () => {
  const out = read({ 'conf/sip_profiles/external/carrier.xml': gateway().replace(/<param name="(proxy|register-transport)"[^>]*>/g, '') });
  expect([out.media, out.notes.map((n) => n.message.slice(0, 27))]).toEqual([[], ['no sofia gateway to Genesys']]);
});

test('without a gateway, a bridge that dials Genesys through the profile is the leg; its [..] variables count, other bridges do not', () => {
  const out = read({
    'conf/dialplan/public.xml': dialplan('').replace(
      '<action application="bridge" data="sofia/gateway/genesys/$1"/>',
      '<action application="bridge" data="sofia/external/sip:1000@10.0.0.5"/>\n        <action application="bridge" data="[rtp_secure_media=mandatory:AES_CM_128_HMAC_SHA1_80]sofia/external/sip:$1@lb01.voice.use1.pure.cloud:5061;transport=tls"/>',
    ),
  });
  expect(out.media.map(briefMedia)).toEqual([
    {
      name: 'profile external, bridge in extension to_genesys (conf/dialplan/public.xml:6)',
      offer: 'sdes @ conf/dialplan/public.xml:6 rtp_secure_media',
      strictness: 'mandatory @ conf/dialplan/public.xml:6 rtp_secure_media',
      suites: 'AES_CM_128_HMAC_SHA1_80 @ conf/dialplan/public.xml:6 rtp_secure_media',
    },
  ]);
  expect(out.media[0]!.syntax.offerSdes()).toBe(
    '<action application="export" data="nolocal:rtp_secure_media_outbound=mandatory"/> before the bridge to Genesys',
  );
});

test('an export in an <anti-action> runs only when its condition fails: said, not applied', () => {
  const out = read({
    'conf/sip_profiles/external/genesys.xml': gateway(),
    'conf/dialplan/public.xml': dialplan('        <anti-action application="export" data="rtp_secure_media=mandatory"/>\n'),
  });
  expect(out.media.map(briefMedia)).toEqual([
    {
      name: 'gateway genesys, bridge in extension to_genesys (conf/dialplan/public.xml:6)',
      offer: `none @ default: FreeSWITCH default on an outbound channel without rtp_secure_media(_outbound): forbidden, plain RTP (${CORE}).`,
      unresolved:
        'anti-action export in extension to_genesys (conf/dialplan/public.xml:5) exports rtp_secure_media=mandatory only when its condition does not match: check whether it does for calls to Genesys',
    },
  ]);
});

test("two FreeSWITCH trees in one repository: a profile reads its own tree's dialplan, never the other SBC's", () => {
  const tree = (root: string, actions: string) => ({
    [`${root}/vars.xml`]: VARS,
    [`${root}/sip_profiles/external.xml`]: PROFILE,
    [`${root}/sip_profiles/external/genesys.xml`]: gateway(),
    [`${root}/dialplan/public.xml`]: dialplan(actions),
  });
  const files = { ...tree('a', ''), ...tree('b', '        <action application="export" data="rtp_secure_media=mandatory"/>\n') };
  const a = readMedia(freeswitchMedia, files, 'a/sip_profiles/external.xml');
  expect(a.media.map(briefMedia)).toEqual([
    {
      name: 'gateway genesys, bridge in extension to_genesys (a/dialplan/public.xml:5)',
      offer: `none @ default: FreeSWITCH default on an outbound channel without rtp_secure_media(_outbound): forbidden, plain RTP (${CORE}).`,
    },
  ]);
  const b = readMedia(freeswitchMedia, files, 'b/sip_profiles/external.xml');
  expect(b.media.map(briefMedia)).toEqual([
    expect.objectContaining({
      name: 'gateway genesys, bridge in extension to_genesys (b/dialplan/public.xml:6)',
      offer: 'sdes @ b/dialplan/public.xml:5 rtp_secure_media',
    }),
  ]);
});
