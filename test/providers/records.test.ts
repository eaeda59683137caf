/**
 * The wire formats the probe writes and reads: ClientHellos that a real TLS server (node:tls,
 * OpenSSL) answers as intended, a flight reader that never throws on hostile bytes, and SIP.
 */
import fc from 'fast-check';
import { connect as netConnect } from 'node:net';
import { createServer } from 'node:tls';
import type { AddressInfo } from 'node:net';
import { clientHello, readServerFlight } from '../../src/providers/live/records.js';
import { optionsRequest, parseSipResponse } from '../../src/providers/live/session.js';
import { standardPki } from '../helpers/pki.js';
import { webcrypto } from 'node:crypto';

test('OpenSSL parses each ClientHello and selects the one suite offered', async () => {
  const { leaf } = await standardPki();
  const key = `-----BEGIN PRIVATE KEY-----\n${Buffer.from(await webcrypto.subtle.exportKey('pkcs8', leaf.keys.privateKey)).toString('base64')}\n-----END PRIVATE KEY-----\n`;
  const server = createServer({ cert: leaf.pem, key, minVersion: 'TLSv1.2', maxVersion: 'TLSv1.2', ecdhCurve: 'secp384r1:X25519' });
  server.on('tlsClientError', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const send = (hello: Buffer) =>
    new Promise<ReturnType<typeof readServerFlight>>((resolve) => {
      let got = Buffer.alloc(0);
      const s = netConnect({ host: '127.0.0.1', port }, () => s.write(hello));
      s.on('data', (chunk: Buffer) => {
        got = Buffer.concat([got, chunk]);
        const flight = readServerFlight(got);
        if (flight.complete) {
          s.destroy();
          resolve(flight);
        }
      });
      s.on('error', () => resolve(readServerFlight(got)));
    });
  try {
    const ecdhe = await send(clientHello({ version: 'TLSv1.2', suites: [0xc030], groups: [0x0018], sni: 'sbc1.example.com' }));
    expect(ecdhe).toMatchObject({ version: 'TLSv1.2', suite: 0xc030, group: 0x0018 });
    expect(ecdhe.certificateRequest).toBeUndefined();
    expect(ecdhe.certificates).toHaveLength(1);
    const rsa = await send(clientHello({ version: 'TLSv1.2', suites: [0x009c], groups: [0x0018] }));
    expect(rsa).toMatchObject({ version: 'TLSv1.2', suite: 0x009c });
    expect(rsa.group).toBeUndefined();
    const wrongGroup = await send(clientHello({ version: 'TLSv1.2', suites: [0xc030], groups: [0x0017] }));
    expect(wrongGroup.alert).toEqual({ level: 2, description: 40 });
    const old = await send(clientHello({ version: 'TLSv1.1', suites: [0xc014, 0x0035], groups: [0x0018] }));
    expect(old.alert?.description).toBe(70);
  } finally {
    server.close();
  }
});

test('the flight reader never throws, whatever the peer sends', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 300 }), fc.constantFrom(0x15, 0x16, 0x14, 0x17, 0x41), (bytes, type) => {
      const framed = Buffer.concat([Buffer.from([type, 3, 3, bytes.length >> 8, bytes.length & 0xff]), bytes]);
      expect(() => readServerFlight(framed)).not.toThrow();
      expect(() => readServerFlight(Buffer.from(bytes))).not.toThrow();
    }),
    { numRuns: 500 },
  );
  expect(readServerFlight(Buffer.from('SSH-2.0-OpenSSH_9.2\r\n')).notTls).toBe('SSH-2.0-OpenSSH_9.2');
  expect(readServerFlight(Buffer.from('HTTP/1.1 400 Bad Request\r\n\x1b[31m')).notTls).toBe('HTTP/1.1 400 Bad Request [31m');
});

test('OPTIONS follows RFC 3261: Via with rport and a magic-cookie branch, Max-Forwards, tags, Content-Length: 0', () => {
  const text = optionsRequest({ host: 'sbc1.example.com', port: 5061 }, { address: '192.0.2.1', port: 40000 }, 'byoc-check/1.0');
  const lines = text.split('\r\n');
  expect(lines[0]).toBe('OPTIONS sip:sbc1.example.com:5061;transport=tls SIP/2.0');
  expect(text).toMatch(/\r\nVia: SIP\/2\.0\/TLS 192\.0\.2\.1:40000;rport;branch=z9hG4bK[0-9a-f]{16}\r\n/);
  expect(text).toMatch(/\r\nMax-Forwards: 70\r\n/);
  expect(text).toMatch(/\r\nFrom: <sip:byoc-check@192\.0\.2\.1>;tag=[0-9a-f]+\r\n/);
  expect(text).toMatch(/\r\nTo: <sip:sbc1\.example\.com:5061;transport=tls>\r\n/);
  expect(text).toMatch(/\r\nCall-ID: [0-9a-f]+@byoc-check\r\nCSeq: 1 OPTIONS\r\n/);
  expect(text.endsWith('\r\nContent-Length: 0\r\n\r\n')).toBe(true);
  expect(optionsRequest({ host: '2001:db8::1', port: 5061 }, { address: '::1', port: 1 }, 'x')).toMatch(
    /^OPTIONS sip:\[2001:db8::1\]:5061;transport=tls SIP\/2\.0\r\nVia: SIP\/2\.0\/TLS \[::1\]:1;/,
  );
});

test('SIP responses: status line, Server or User-Agent, partial input and non-SIP answers', () => {
  expect(parseSipResponse('SIP/2.0 200 OK\r\nVia: x\r\nServer: kamailio (5.6.3 (x86_64/linux))\r\nContent-Length: 0\r\n\r\n')).toEqual({
    status: 200,
    reason: 'OK',
    server: 'kamailio (5.6.3 (x86_64/linux))',
    statusLine: 'SIP/2.0 200 OK',
  });
  expect(parseSipResponse('SIP/2.0 404 Not Found\r\nuser-agent : Asterisk PBX 20\r\n\r\n')).toMatchObject({
    status: 404,
    server: 'Asterisk PBX 20',
  });
  expect(parseSipResponse('SIP/2.0 200 OK\r\nVia: x')).toBeUndefined();
  expect(parseSipResponse('SIP/')).toBeUndefined();
  expect(parseSipResponse('HTTP/1.1 400 Bad Request\r\n\r\n')).toBe('not-sip');
  expect(parseSipResponse('\x15\x03\x03')).toBe('not-sip');
});

test("Node's OpenSSL offers all eight BYOC suites at its default security level (the full handshake needs no @SECLEVEL)", async () => {
  const { byocSuites } = await import('../../rules/data/byoc-suites.js');
  const { tls12ClientHello } = await import('../../src/tls/openssl.js');
  const hello = await tls12ClientHello({ ciphers: byocSuites.map((s) => s.openssl).join(':') });
  expect([...hello.suites].sort()).toEqual(byocSuites.map((s) => s.code).sort());
});
