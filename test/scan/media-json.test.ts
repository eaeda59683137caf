/** Media legs in the JSON report: every value with its provenance, valid against schema/report.schema.json. */
import { asteriskMedia } from '../../src/config/media/asterisk.js';
import { mediaJson } from '../../src/scan/media-json.js';
import { chainReport } from '../helpers/reports.js';
import { assertValidReport } from '../helpers/run.js';
import { readMedia } from '../helpers/sbc.js';

const PJSIP = '[tls]\ntype=transport\nprotocol=tls\n\n[genesys]\ntype=endpoint\ntransport=tls\nmedia_encryption=sdes\nsrtp_tag_32=yes\n';

test('a leg read from pjsip.conf is reported with its values, lines and defaults', async () => {
  const leg = { ...readMedia(asteriskMedia, { 'pjsip.conf': PJSIP }, 'pjsip.conf').media[0]!, id: 'media[0]' };
  const json = mediaJson(leg);
  expect(json).toMatchObject({
    id: 'media[0]',
    file: 'pjsip.conf',
    line: 5,
    format: 'asterisk',
    offer: { value: 'sdes', written: 'sdes', from: { kind: 'file', file: 'pjsip.conf', line: 8, key: 'media_encryption' } },
    strictness: { value: 'mandatory', from: { kind: 'default' } },
    suites: { value: ['AES_CM_128_HMAC_SHA1_32'], written: 'yes', from: { kind: 'file', line: 9, key: 'srtp_tag_32' } },
    rejectedSuites: null,
    unresolved: [],
  });
  const report = await chainReport();
  expect(() => assertValidReport({ ...report, media: [json] })).not.toThrow();
  expect(() => assertValidReport({ ...report, media: [{ ...json, id: 'endpoint[0]' }] })).toThrow(/media\/0\/id/);
});
