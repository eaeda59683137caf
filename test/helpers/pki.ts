/**
 * Certificates made by the tests with @peculiar/x509 (WebCrypto): roots, intermediates and SBC
 * leaves with exactly the fields a case needs. Keys are cached per key type, since RSA key
 * generation dominates test time.
 */
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

export type KeySpec = 'rsa2048' | 'rsa1024' | 'rsa3072' | 'p256' | 'p384' | 'ed25519';

const ALGORITHMS: Record<KeySpec, RsaHashedKeyGenParams | EcKeyGenParams | Algorithm> = {
  rsa1024: { name: 'RSASSA-PKCS1-v1_5', modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
  rsa2048: { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
  rsa3072: { name: 'RSASSA-PKCS1-v1_5', modulusLength: 3072, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
  p256: { name: 'ECDSA', namedCurve: 'P-256' },
  p384: { name: 'ECDSA', namedCurve: 'P-384' },
  ed25519: { name: 'Ed25519' },
};

const keyPool = new Map<string, Promise<CryptoKeyPair>>();

/** A key pair; the same `slot` gives the same key, so cases can share or separate keys. */
export function keys(spec: KeySpec = 'rsa2048', slot = 0): Promise<CryptoKeyPair> {
  const id = `${spec}/${slot}`;
  if (!keyPool.has(id))
    keyPool.set(
      id,
      webcrypto.subtle.generateKey(ALGORITHMS[spec] as RsaHashedKeyGenParams, true, ['sign', 'verify']) as Promise<CryptoKeyPair>,
    );
  return keyPool.get(id)!;
}

export interface Issued {
  cert: x509.X509Certificate;
  keys: CryptoKeyPair;
  pem: string;
  name: string;
}

export interface CertSpec {
  subject: string;
  issuer?: Issued;
  key?: KeySpec;
  keySlot?: number;
  notBefore?: Date;
  notAfter?: Date;
  serial?: string;
  ca?: boolean;
  pathLength?: number;
  /** Omit basicConstraints entirely. */
  noBasicConstraints?: boolean;
  keyUsage?: x509.KeyUsageFlags | null;
  eku?: string[] | null;
  dns?: string[];
  ips?: string[];
  uris?: string[];
  crl?: string[];
  extraExtensions?: x509.Extension[];
}

const DAY = 86_400_000;
export const NOW = new Date('2026-11-22T12:00:00Z');
export const days = (n: number) => new Date(NOW.getTime() + n * DAY);

function signing(k: CryptoKeyPair): Algorithm {
  const name = k.privateKey.algorithm.name;
  return name === 'ECDSA'
    ? ({ name: 'ECDSA', hash: 'SHA-256' } as EcdsaParams)
    : name === 'Ed25519'
      ? { name: 'Ed25519' }
      : { name: 'RSASSA-PKCS1-v1_5' };
}

let serialCounter = 0x1000;

export async function issue(spec: CertSpec): Promise<Issued> {
  const own = await keys(spec.key ?? 'rsa2048', spec.keySlot ?? serialCounter);
  const issuerKeys = spec.issuer?.keys ?? own;
  const extensions: x509.Extension[] = [];
  if (!spec.noBasicConstraints && (spec.ca !== undefined || spec.issuer === undefined)) {
    extensions.push(new x509.BasicConstraintsExtension(spec.ca ?? true, spec.pathLength, true));
  }
  const usage =
    spec.keyUsage === undefined
      ? (spec.ca ?? !spec.issuer)
        ? x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign
        : x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment
      : spec.keyUsage;
  if (usage !== null) extensions.push(new x509.KeyUsagesExtension(usage, true));
  const eku = spec.eku === undefined ? ((spec.ca ?? !spec.issuer) ? null : ['1.3.6.1.5.5.7.3.1']) : spec.eku;
  if (eku) extensions.push(new x509.ExtendedKeyUsageExtension(eku, false));
  const names = [
    ...(spec.dns ?? []).map((value) => ({ type: 'dns' as const, value })),
    ...(spec.ips ?? []).map((value) => ({ type: 'ip' as const, value })),
    ...(spec.uris ?? []).map((value) => ({ type: 'url' as const, value })),
  ];
  if (names.length) extensions.push(new x509.SubjectAlternativeNameExtension(names, false));
  if (spec.crl?.length) extensions.push(new x509.CRLDistributionPointsExtension(spec.crl, false));
  extensions.push(await x509.SubjectKeyIdentifierExtension.create(own.publicKey));
  if (spec.issuer) extensions.push(await x509.AuthorityKeyIdentifierExtension.create(spec.issuer.keys.publicKey));
  extensions.push(...(spec.extraExtensions ?? []));
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: spec.serial ?? (serialCounter++).toString(16).padStart(4, '0'),
    subject: spec.subject,
    issuer: spec.issuer?.cert.subject ?? spec.subject,
    notBefore: spec.notBefore ?? days(-30),
    notAfter: spec.notAfter ?? days(365),
    publicKey: own.publicKey,
    signingKey: issuerKeys.privateKey,
    signingAlgorithm: signing(issuerKeys),
    extensions,
  });
  return { cert, keys: own, pem: cert.toString('pem') + '\n', name: spec.subject };
}

export interface Pki {
  root: Issued;
  intermediate: Issued;
  leaf: Issued;
}

/** Root -> intermediate -> leaf for sbc1.example.com, all valid around NOW. */
export async function standardPki(
  overrides: { leaf?: Partial<CertSpec>; intermediate?: Partial<CertSpec>; root?: Partial<CertSpec> } = {},
): Promise<Pki> {
  const root = await issue({
    subject: 'CN=Test Lab Root CA,O=Test Lab,C=US',
    ca: true,
    keySlot: 1,
    notBefore: days(-3000),
    notAfter: days(3000),
    ...overrides.root,
  });
  const intermediate = await issue({
    subject: 'CN=Test Lab Issuing CA,O=Test Lab,C=US',
    issuer: root,
    ca: true,
    pathLength: 0,
    keySlot: 2,
    notBefore: days(-1000),
    notAfter: days(1500),
    ...overrides.intermediate,
  });
  const leaf = await issue({
    subject: 'CN=sbc1.example.com,O=Carrier,C=US',
    issuer: intermediate,
    keySlot: 3,
    dns: ['sbc1.example.com', 'sbc2.example.com'],
    ...overrides.leaf,
  });
  return { root, intermediate, leaf };
}

/** Writes files into a fresh temporary folder; returns their paths by name. */
/** A repository in a fresh temp folder: each path (with its folders) written as given; returns the folder. */
export function writeTree(files: Record<string, string | Uint8Array>, prefix = 'byoc-repo-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

export function writeFiles(files: Record<string, string | Uint8Array>): Record<string, string> & { dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'byoc-test-'));
  const out: Record<string, string> = { dir };
  for (const [name, content] of Object.entries(files)) {
    out[name] = join(dir, name);
    writeFileSync(out[name]!, content);
  }
  return out as Record<string, string> & { dir: string };
}

export { x509 };
