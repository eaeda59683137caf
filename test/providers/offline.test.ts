/** --offline must not open any connection: the CRL server counts connections, and the test proves it can see one. */
import { issue, standardPki, writeFiles } from '../helpers/pki.js';
import { startCrlServer } from '../helpers/crl-server.js';

test('--offline opens no connection; without it the same check does', async () => {
  const server = await startCrlServer({ '/x.crl': (_, res) => res.end('not a crl') });
  try {
    const pki = await standardPki();
    const leaf = await issue({
      subject: 'CN=sbc1.example.com',
      issuer: pki.intermediate,
      keySlot: 3,
      dns: ['sbc1.example.com'],
      crl: [server.url('/x.crl')],
    });
    const f = writeFiles({ 'chain.pem': leaf.pem + pki.intermediate.pem, 'root.pem': pki.root.pem });
    const { spawn } = await import('node:child_process');
    const run = (extra: string[]) =>
      new Promise<number>((resolve) => {
        const child = spawn(
          process.execPath,
          [`${process.cwd()}/dist/bin.cjs`, f['chain.pem']!, '--ca', f['root.pem']!, '--format', 'json', '--timeout', '3', ...extra],
          { stdio: 'ignore' },
        );
        child.on('exit', (code) => resolve(code ?? -1));
      });
    expect(await run(['--offline'])).toBe(0);
    expect(server.connections).toBe(0);
    expect(await run([])).toBe(1);
    expect(server.connections).toBeGreaterThan(0);
  } finally {
    await server.close();
  }
});
