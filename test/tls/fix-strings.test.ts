/** Suggested cipher strings are well formed (no stray ":") and OpenSSL accepts them. */
import { flagEndpoints } from '../../src/providers/flags.js';
import { enabledSuites, resolveEndpoints, smallestFix } from '../../src/tls/facts.js';

const wellFormed = (s: string) => !s.startsWith(':') && !s.endsWith(':') && !s.includes('::') && s.trim() === s && s.length > 0;

describe('smallestFix', () => {
  test('an empty string gets the suite alone, never ":SUITE"', async () => {
    const fix = await smallestFix('');
    expect(fix).toBe('ECDHE-RSA-AES256-GCM-SHA384');
  });

  test.each([
    ['TLS 1.3 names only', 'TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384'],
    ['ECDSA only', 'ECDHE-ECDSA-AES256-GCM-SHA384'],
    ['ECDSA only, IANA name, with spaces and commas', ' TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, CHACHA20 '],
  ])('%s', async (_, ciphers) => {
    const [server] = await resolveEndpoints(flagEndpoints({ ciphers }));
    const fix = server!.suggestedFix;
    expect(fix).toBeDefined();
    expect(wellFormed(fix!)).toBe(true);
    expect((await enabledSuites(fix!)).length).toBeGreaterThan(0);
  });
});
