/** Suite names across spellings (srtp-facts.md: Genesys AES_CM_256_..., RFC 6188 AES_256_CM_..., AudioCodes dashes). */
import { canonicalSuite, GENESYS_DEFAULT_SUITES, sharedSuites } from '../../src/model/media.js';

describe('canonicalSuite', () => {
  it('maps the Genesys/old-draft 256 and 192 spellings to the RFC 6188 names', () => {
    expect(canonicalSuite('AES_CM_256_HMAC_SHA1_80')).toBe('AES_256_CM_HMAC_SHA1_80');
    expect(canonicalSuite('AES_CM_192_HMAC_SHA1_32')).toBe('AES_192_CM_HMAC_SHA1_32');
    expect(canonicalSuite('AES_256_CM_HMAC_SHA1_80')).toBe('AES_256_CM_HMAC_SHA1_80');
  });
  it('reads the AudioCodes dash spelling and rejects non-suites', () => {
    expect(canonicalSuite('AES-CM-128-HMAC-SHA1-80')).toBe('AES_CM_128_HMAC_SHA1_80');
    expect(canonicalSuite('AES_CM_512_HMAC_SHA1_80')).toBeUndefined();
    expect(canonicalSuite('mandatory')).toBeUndefined();
  });
});

describe('sharedSuites', () => {
  it('finds no overlap for an Asterisk srtp_tag_32 offer against the Genesys default', () => {
    expect(sharedSuites(['AES_CM_128_HMAC_SHA1_32'], GENESYS_DEFAULT_SUITES)).toEqual([]);
    expect(sharedSuites(['AES_256_CM_HMAC_SHA1_80', 'AES_CM_128_HMAC_SHA1_80'], GENESYS_DEFAULT_SUITES)).toEqual([
      'AES_CM_128_HMAC_SHA1_80',
    ]);
  });
  it('matches a trunk that lists the 256-bit suite in Genesys spelling', () => {
    expect(sharedSuites(['AES_256_CM_HMAC_SHA1_80'], ['AES_CM_256_HMAC_SHA1_80'])).toEqual(['AES_256_CM_HMAC_SHA1_80']);
  });
});
