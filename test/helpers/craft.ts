/**
 * Certificates with hand-encoded subject names (BMPString, UniversalString, T61String, multi-valued
 * RDNs ...), which no certificate generator lets a test choose. Signed with node:crypto.
 */
import { createPrivateKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { concat, encodeTlv } from '../../src/x509/der.js';

const enc = (tag: number, ...parts: Uint8Array[]) => encodeTlv(tag, concat(parts));
const oidBytes: Record<string, number[]> = {
  CN: [0x55, 0x04, 0x03],
  C: [0x55, 0x04, 0x06],
  O: [0x55, 0x04, 0x0a],
  OU: [0x55, 0x04, 0x0b],
  serialNumber: [0x55, 0x04, 0x05],
  emailAddress: [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x09, 0x01],
};

export const UTF8 = 0x0c,
  PRINTABLE = 0x13,
  T61 = 0x14,
  IA5 = 0x16,
  BMP = 0x1e,
  UNIVERSAL = 0x1c,
  NUMERIC = 0x12;

export function stringValue(tag: number, text: string | Uint8Array): Uint8Array {
  if (text instanceof Uint8Array) return encodeTlv(tag, text);
  if (tag === BMP) return encodeTlv(tag, Uint8Array.from(Array.from(text).flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff])));
  if (tag === UNIVERSAL)
    return encodeTlv(
      tag,
      Uint8Array.from(
        Array.from(text).flatMap((c) => {
          const cp = c.codePointAt(0)!;
          return [cp >>> 24, (cp >> 16) & 0xff, (cp >> 8) & 0xff, cp & 0xff];
        }),
      ),
    );
  if (tag === UTF8) return encodeTlv(tag, Buffer.from(text, 'utf8'));
  return encodeTlv(tag, Buffer.from(text, 'latin1'));
}

export type Attribute = [keyof typeof oidBytes, Uint8Array];

/** A Name from RDNs; each RDN is a list of attributes (several = multi-valued, kept in the given order). */
export function name(rdns: Attribute[][]): Uint8Array {
  return enc(
    0x30,
    ...rdns.map((rdn) => enc(0x31, ...rdn.map(([type, value]) => enc(0x30, encodeTlv(0x06, Uint8Array.from(oidBytes[type]!)), value)))),
  );
}

let key: { privateKey: KeyObject; spki: Buffer } | undefined;

function signingKey() {
  if (!key) {
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    key = {
      privateKey: createPrivateKey(pair.privateKey.export({ format: 'pem', type: 'pkcs8' })),
      spki: pair.publicKey.export({ format: 'der', type: 'spki' }),
    };
  }
  return key;
}

/** A self-signed v3 certificate whose subject and issuer are exactly `subject` (optionally carrying another SubjectPublicKeyInfo). */
export function selfSigned(subject: Uint8Array, otherSpki?: Uint8Array, validity?: Uint8Array): Buffer {
  const { privateKey } = signingKey();
  const spki = otherSpki ?? signingKey().spki;
  const sha256Rsa = enc(
    0x30,
    encodeTlv(0x06, Uint8Array.from([0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b])),
    Uint8Array.from([0x05, 0x00]),
  );
  const time = (s: string) => encodeTlv(0x17, Buffer.from(s, 'latin1'));
  const tbs = enc(
    0x30,
    enc(0xa0, encodeTlv(0x02, Uint8Array.of(2))),
    encodeTlv(0x02, Uint8Array.of(0x01, 0x23)),
    sha256Rsa,
    subject,
    validity ?? enc(0x30, time('250101000000Z'), time('351231235959Z')),
    subject,
    spki,
  );
  const signature = sign('sha256', tbs, privateKey);
  return Buffer.from(enc(0x30, tbs, sha256Rsa, encodeTlv(0x03, concat([Uint8Array.of(0), signature]))));
}

export function toPem(der: Uint8Array): string {
  return `-----BEGIN CERTIFICATE-----\n${Buffer.from(der)
    .toString('base64')
    .replace(/(.{64})/g, '$1\n')}\n-----END CERTIFICATE-----\n`;
}
