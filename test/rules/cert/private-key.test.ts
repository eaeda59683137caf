import { readFileSync } from 'node:fs';
import { ruleCases } from '../../helpers/cases.js';
import { fixtures } from '../../helpers/fixtures.js';
import { writeFiles } from '../../helpers/pki.js';
import { cli } from '../../helpers/run.js';

ruleCases('private-key', [
  { name: 'no key in the file', expect: 'pass' },
  { name: 'a PKCS#8 key after the chain', chain: 'with-key.pem', expect: 'warn', message: /holds 1 private key \(PRIVATE KEY\)/ },
]);

describe('private-key (material never echoed)', () => {
  test('warns, continues, and prints no key bytes in text or JSON', async () => {
    const { files } = await fixtures();
    const { execFileSync } = await import('node:child_process');
    const key = execFileSync('openssl', ['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const f = writeFiles({ 'with-key.pem': readFileSync(files['good.pem']!, 'utf8') + key });
    const keyLines = key.split('\n').filter((l) => l && !l.startsWith('-----'));
    for (const format of ['text', 'json']) {
      const run = cli([f['with-key.pem']!, '--ca', files['root.pem']!, '--offline', '--format', format]);
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/holds 1 private key/);
      expect(run.stdout).toMatch(/Do not ship private keys in chain files or attach them to tickets/);
      for (const line of keyLines) {
        expect(run.stdout).not.toContain(line.slice(0, 24));
        expect(run.stderr).not.toContain(line.slice(0, 24));
      }
    }
    const json = JSON.parse(cli([f['with-key.pem']!, '--ca', files['root.pem']!, '--offline', '--format', 'json']).stdout);
    expect(json.results.find((r: { rule: string }) => r.rule === 'private-key').status).toBe('warn');
    expect(json.results.find((r: { rule: string }) => r.rule === 'chain-complete').status).toBe('pass');
  });
});
