/**
 * The TLS verdicts against real handshakes on 127.0.0.1: an SBC-like node:tls server with the
 * user's cipher string and curves, and a client that offers what BYOC Cloud offers (the eight
 * suites, TLS 1.2, secp384r1). A pass must handshake on the first usable suite; a fail must not.
 */
import { connect, createServer, type Server } from 'node:tls';
import type { AddressInfo } from 'node:net';
import { byocSuites } from '../../rules/data/byoc-suites.js';
import { fixtures } from '../helpers/fixtures.js';
import { NOW } from '../helpers/pki.js';
import { results, runCheck } from '../helpers/run.js';

const GENESYS_LIKE = byocSuites.map((s) => s.openssl).join(':');

async function handshake(ciphers: string, curves: string | undefined, cert: string, key: string): Promise<string | Error> {
  const server: Server = createServer(
    { cert, key, ciphers, honorCipherOrder: true, minVersion: 'TLSv1.2', maxVersion: 'TLSv1.2', ...(curves ? { ecdhCurve: curves } : {}) },
    (socket) => socket.end(),
  );
  server.on('tlsClientError', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  try {
    return await new Promise<string | Error>((resolve) => {
      const socket = connect(
        {
          host: '127.0.0.1',
          port,
          ciphers: GENESYS_LIKE,
          ecdhCurve: 'secp384r1',
          minVersion: 'TLSv1.2',
          maxVersion: 'TLSv1.2',
          rejectUnauthorized: false,
          timeout: 5000,
        },
        () => {
          resolve(socket.getCipher().standardName);
          socket.destroy();
        },
      );
      socket.on('error', (error) => resolve(error));
      socket.on('timeout', () => resolve(new Error('timeout')));
    });
  } finally {
    server.close();
  }
}

const CASES: Array<[string, string | undefined]> = [
  ['HIGH:!aNULL:!MD5', undefined],
  ['HIGH:!kRSA', undefined],
  ['HIGH:!kRSA', 'X25519:P-256'],
  ['ECDHE+AESGCM', 'prime256v1'],
  ['ECDHE+AESGCM', 'secp384r1'],
  ['AES256-SHA:AES128-SHA', undefined],
  ['HIGH:!kRSA:!ECDHE', undefined],
  ['AES256-SHA256:ECDHE-RSA-AES256-SHA384', 'secp384r1'],
  ['ECDHE-ECDSA-AES256-GCM-SHA384', undefined],
  ['DEFAULT:@SECLEVEL=2', 'X25519:secp384r1'],
];

describe('tls-ciphers and tls-curves agree with a real handshake', () => {
  test.each(CASES)('ciphers %s, curves %s', async (ciphers, curves) => {
    const { files, pki, privateKeyPem } = await fixtures();
    const report = await runCheck({
      chain: files['good.pem']!,
      caFile: files['root.pem'],
      at: NOW,
      ciphers,
      ...(curves ? { curves } : {}),
    });
    const server = results(report, 'tls-ciphers').find((r) => r.target === 'settings.server')!;
    const curve = results(report, 'tls-curves').find((r) => r.target === 'settings.server');
    const usable = server.evidence!.usable as string[];
    const negotiated = await handshake(ciphers, curves, pki.leaf.pem, privateKeyPem);
    const curveBlocksEcdhe = curve?.status === 'warn' || curve?.status === 'fail';
    if (server.status === 'fail' || curve?.status === 'fail') {
      // Errors come from node:tls's realm, so test the shape, not the class.
      expect(typeof negotiated).not.toBe('string');
    } else {
      // Without secp384r1 the ECDHE suites drop out and the server falls back to TLS_RSA.
      const expected = curveBlocksEcdhe ? usable.find((s) => s.startsWith('TLS_RSA_')) : usable[0];
      expect(negotiated).toBe(expected);
    }
  });
});
