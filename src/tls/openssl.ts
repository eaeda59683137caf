/**
 * What Node's OpenSSL makes of a cipher string or a group list, read from the ClientHello it
 * writes. The TLS client runs over an in-memory stream: no socket, no network; OpenSSL itself
 * resolves keywords, exclusions, ordering and @SECLEVEL, so the result is exact.
 */
import { Duplex } from 'node:stream';
import { connect } from 'node:tls';

export class OpenSslSettingError extends Error {}

export interface ClientHelloFacts {
  /** Offered cipher suite code points, in preference order (signalling values removed). */
  suites: number[];
  /** supported_groups code points, in order; empty when the extension is absent. */
  groups: number[];
}

const SCSV = new Set([0x00ff, 0x5600]);

function parseClientHello(buf: Buffer): ClientHelloFacts | undefined {
  if (buf.length < 5) return undefined;
  const recordLength = buf.readUInt16BE(3);
  if (buf.length < 5 + recordLength || buf[0] !== 0x16 || buf[5] !== 0x01)
    return buf.length >= 5 + recordLength ? { suites: [], groups: [] } : undefined;
  let pos = 5 + 4 + 2 + 32;
  pos += 1 + buf[pos]!;
  const suitesLength = buf.readUInt16BE(pos);
  pos += 2;
  const suites: number[] = [];
  for (let i = 0; i < suitesLength; i += 2) {
    const code = buf.readUInt16BE(pos + i);
    if (!SCSV.has(code)) suites.push(code);
  }
  pos += suitesLength;
  pos += 1 + buf[pos]!;
  const groups: number[] = [];
  if (pos + 2 <= 5 + recordLength) {
    const end = pos + 2 + buf.readUInt16BE(pos);
    pos += 2;
    while (pos + 4 <= end) {
      const type = buf.readUInt16BE(pos);
      const length = buf.readUInt16BE(pos + 2);
      if (type === 0x000a) {
        const listLength = buf.readUInt16BE(pos + 4);
        for (let i = 0; i < listLength; i += 2) groups.push(buf.readUInt16BE(pos + 6 + i));
      }
      pos += 4 + length;
    }
  }
  return { suites, groups };
}

export interface HelloOptions {
  ciphers?: string;
  groups?: string;
}

/** The ClientHello OpenSSL writes for TLS 1.2 with these settings. */
export function tls12ClientHello(options: HelloOptions): Promise<ClientHelloFacts> {
  return new Promise((resolve, reject) => {
    let received = Buffer.alloc(0);
    let settled = false;
    const finish = (error: Error | null, facts?: ClientHelloFacts) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket?.destroy();
      if (error) reject(error);
      else resolve(facts!);
    };
    const wire = new Duplex({
      read() {},
      write(chunk: Buffer, _encoding, callback) {
        received = Buffer.concat([received, chunk]);
        const facts = parseClientHello(received);
        if (facts) finish(null, facts);
        callback();
      },
    });
    const timer = setTimeout(() => finish(new OpenSslSettingError('OpenSSL wrote no ClientHello')), 2000);
    let socket: ReturnType<typeof connect> | undefined;
    try {
      socket = connect({
        socket: wire,
        minVersion: 'TLSv1.2',
        maxVersion: 'TLSv1.2',
        rejectUnauthorized: false,
        ...(options.ciphers !== undefined ? { ciphers: options.ciphers } : {}),
        ...(options.groups !== undefined ? { ecdhCurve: options.groups } : {}),
      });
      socket.on('error', (error) => finish(new OpenSslSettingError(error.message)));
    } catch (error) {
      finish(new OpenSslSettingError((error as Error).message));
    }
  });
}

/** OpenSSL names and NIST aliases of TLS named groups, by code point (RFC 8422, RFC 7919, RFC 8446). */
export const GROUP_NAMES: Record<number, string> = {
  0x0017: 'secp256r1',
  0x0018: 'secp384r1',
  0x0019: 'secp521r1',
  0x001d: 'x25519',
  0x001e: 'x448',
  0x001a: 'brainpoolP256r1',
  0x001b: 'brainpoolP384r1',
  0x001c: 'brainpoolP512r1',
  0x001f: 'brainpoolP256r1tls13',
  0x0020: 'brainpoolP384r1tls13',
  0x0021: 'brainpoolP512r1tls13',
  0x0100: 'ffdhe2048',
  0x0101: 'ffdhe3072',
  0x0102: 'ffdhe4096',
  0x0103: 'ffdhe6144',
  0x0104: 'ffdhe8192',
  0x0015: 'secp224r1',
  0x0016: 'secp256k1',
};
