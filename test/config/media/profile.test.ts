/** Media facts stated in the trunk profile, for what the readers cannot see. */
import { mergeProfileMedia, profileMedia } from '../../../src/config/media/profile.js';
import { parseProfile } from '../../../src/scan/profile.js';
import { briefMedia } from '../../helpers/sbc.js';
import { mediaLeg } from '../../helpers/rule-tester.js';

const profile = (extra: string) =>
  parseProfile(`version: 1\ntrunks:\n  - name: genesys\n    config: kamailio.cfg\n${extra}`, 'byoc-check.yaml', []);

test('srtp and srtpSuites cite their profile lines; an unknown suite name is what to check', () => {
  const p = profile('    srtp: sdes\n    srtpSuites: [AES_CM_128_HMAC_SHA1_80, AES_CM_999]\n');
  expect(briefMedia(profileMedia(p.trunks[0]!, p.file)!)).toEqual({
    name: 'trunk genesys',
    offer: 'sdes @ byoc-check.yaml:5 srtp',
    strictness: 'mandatory @ byoc-check.yaml:5 srtp',
    suites: 'AES_CM_128_HMAC_SHA1_80,AES_CM_999 @ byoc-check.yaml:6 srtpSuites',
    unresolved: 'srtpSuites names AES_CM_999, which is no SRTP suite byoc-check knows; check the spelling',
  });
  const none = profile('    srtp: none\n');
  expect(briefMedia(profileMedia(none.trunks[0]!, none.file)!)).toEqual({ name: 'trunk genesys', offer: 'none @ byoc-check.yaml:5 srtp' });
  const silent = profile('');
  expect(profileMedia(silent.trunks[0]!, silent.file)).toBeUndefined();
});

test('the schema refuses other values', () => {
  expect(() => profile('    srtp: dtls\n')).toThrow(/byoc-check.yaml:5: trunks.0.srtp: must be one of sdes, none/);
  expect(() => profile('    srtpSuites: []\n')).toThrow(/srtpSuites/);
});

test('the profile replaces only the legs a reader left open', () => {
  const stated = profileMedia(profile('    srtp: sdes\n').trunks[0]!, 'byoc-check.yaml')!;
  const settled = mediaLeg({
    id: 'a',
    offer: { value: 'none', from: { kind: 'file', file: 'pjsip.conf', line: 3, key: 'media_encryption' } },
  });
  const open = mediaLeg({ id: 'b', offer: { value: 'unchanged', from: { kind: 'default', text: 'x' } } });
  const unsure = mediaLeg({ id: 'c', offer: { value: 'sdes', from: { kind: 'default', text: 'x' } }, unresolved: ['check'] });
  expect(mergeProfileMedia([settled, open, unsure], stated).map((m) => m.id || m.name)).toEqual(['trunk genesys', 'a']);
  expect(mergeProfileMedia([open], undefined)).toEqual([open]);
});
