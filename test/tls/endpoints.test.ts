/** TLS settings as endpoints: the flags provider, the OpenSSL resolver, fixes in the flags' syntax. */
import { flagEndpoints } from '../../src/providers/flags.js';
import { resolveEndpoints } from '../../src/tls/facts.js';
import { fixtures } from '../helpers/fixtures.js';
import { NOW } from '../helpers/pki.js';
import { cli, results, runCheck } from '../helpers/run.js';

test('flags describe both roles, each value naming its flag', () => {
  const [server, client] = flagEndpoints({ ciphers: 'HIGH', tlsMin: '1.2' });
  expect([server!.id, client!.id]).toEqual(['settings.server', 'settings.client']);
  expect(server!.ciphers).toEqual({ value: 'HIGH', from: { kind: 'flag', flag: '--ciphers' } });
  expect(server!.versions).toMatchObject({ value: ['1.2', '1.3'], from: { kind: 'flag', flag: '--tls-min 1.2' } });
});

test('a repeated cipher string is resolved once and gives the same facts', async () => {
  const settings = flagEndpoints({ ciphers: 'HIGH:!kRSA', curves: 'secp384r1' });
  const [a, b] = await resolveEndpoints(settings);
  expect(a!.enabledSuites).toEqual(b!.enabledSuites);
  expect(a!.groups).toEqual(['secp384r1']);
});

test('a cipher string that selects nothing gets a well-formed fix in the flag syntax', async () => {
  const { files } = await fixtures();
  const report = await runCheck({ chain: files['good.pem']!, caFile: files['root.pem'], at: NOW, ciphers: '3DES' });
  const [server] = results(report, 'tls-ciphers');
  expect(server!.status).toBe('fail');
  expect(server!.remediation).toMatch(/^Use --ciphers 'ECDHE-RSA-AES256-GCM-SHA384' \(checked with OpenSSL \d/);
});

test('through the CLI a cipher string OpenSSL rejects exits 1 (a finding), not 2', async () => {
  const { files } = await fixtures();
  const run = cli([
    files['good.pem']!,
    '--ca',
    files['root.pem']!,
    '--offline',
    '--ciphers',
    'RC4:EXP',
    '--curves',
    'secp384r1,prime256v1',
  ]);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(1);
  expect(run.stdout).toMatch(/tls-ciphers .*OpenSSL selects no cipher from "RC4:EXP"/);
  expect(run.stdout).toMatch(/tls-curves .*OpenSSL separates groups with ":" only/);
});
