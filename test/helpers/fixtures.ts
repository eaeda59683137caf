/** Chains shared by the rule tests, built once per test file and written to a temp folder. */
import { webcrypto as crypto } from 'node:crypto';
import { days, issue, standardPki, writeFiles, x509, type Pki } from './pki.js';

let cached: Promise<Fixtures> | undefined;

export interface Fixtures {
  pki: Pki;
  files: Record<string, string>;
  /** The leaf's private key as PEM, to check that no output echoes it. */
  privateKeyPem: string;
}

export function fixtures(): Promise<Fixtures> {
  cached ??= build();
  return cached;
}

async function build(): Promise<Fixtures> {
  const pki = await standardPki();
  const { root, intermediate, leaf } = pki;
  const other = await issue({ subject: 'CN=Unrelated CA,O=Elsewhere', ca: true, keySlot: 9 });
  const ecdsa = await issue({
    subject: 'CN=sbc1.example.com',
    issuer: intermediate,
    key: 'p256',
    keySlot: 20,
    dns: ['sbc1.example.com'],
    keyUsage: x509.KeyUsageFlags.digitalSignature,
  });
  const ed25519 = await issue({
    subject: 'CN=sbc1.example.com',
    issuer: intermediate,
    key: 'ed25519',
    keySlot: 21,
    dns: ['sbc1.example.com'],
    keyUsage: x509.KeyUsageFlags.digitalSignature,
  });
  const rsa1024 = await issue({
    subject: 'CN=sbc1.example.com',
    issuer: intermediate,
    key: 'rsa1024',
    keySlot: 22,
    dns: ['sbc1.example.com'],
  });
  const clientOnly = await issue({
    subject: 'CN=sbc1.example.com',
    issuer: intermediate,
    keySlot: 3,
    dns: ['sbc1.example.com'],
    eku: ['1.3.6.1.5.5.7.3.2'],
  });
  const noEku = await issue({ subject: 'CN=sbc1.example.com', issuer: intermediate, keySlot: 3, dns: ['sbc1.example.com'], eku: null });
  const caLeaf = await issue({ subject: 'CN=sbc1.example.com', issuer: intermediate, keySlot: 3, dns: ['sbc1.example.com'], ca: true });
  const onlySignature = await issue({
    subject: 'CN=sbc1.example.com',
    issuer: intermediate,
    keySlot: 3,
    dns: ['sbc1.example.com'],
    keyUsage: x509.KeyUsageFlags.digitalSignature,
  });
  const onlyEncipherment = await issue({
    subject: 'CN=sbc1.example.com',
    issuer: intermediate,
    keySlot: 3,
    dns: ['sbc1.example.com'],
    keyUsage: x509.KeyUsageFlags.keyEncipherment,
  });
  const neitherUsage = await issue({
    subject: 'CN=sbc1.example.com',
    issuer: intermediate,
    keySlot: 3,
    dns: ['sbc1.example.com'],
    keyUsage: x509.KeyUsageFlags.dataEncipherment,
  });
  const expired = await issue({
    subject: 'CN=sbc1.example.com',
    issuer: intermediate,
    keySlot: 3,
    dns: ['sbc1.example.com'],
    notBefore: days(-400),
    notAfter: days(-3),
  });
  const notYet = await issue({
    subject: 'CN=sbc1.example.com',
    issuer: intermediate,
    keySlot: 3,
    dns: ['sbc1.example.com'],
    notBefore: days(10),
    notAfter: days(300),
  });
  const expiring = await issue({
    subject: 'CN=sbc1.example.com',
    issuer: intermediate,
    keySlot: 3,
    dns: ['sbc1.example.com'],
    notAfter: days(12),
  });
  const wildcard = await issue({ subject: 'CN=*.example.com', issuer: intermediate, keySlot: 3, dns: ['*.example.com'] });
  const partialWildcard = await issue({ subject: 'CN=sbc*.example.com', issuer: intermediate, keySlot: 3, dns: ['sbc*.example.com'] });
  const cnOnly = await issue({ subject: 'CN=sbc1.example.com', issuer: intermediate, keySlot: 3 });
  const cnNotSan = await issue({ subject: 'CN=sbc9.example.com', issuer: intermediate, keySlot: 3, dns: ['sbc1.example.com'] });
  const idn = await issue({
    subject: 'CN=xn--bcher-kva.example',
    issuer: intermediate,
    keySlot: 3,
    dns: ['xn--bcher-kva.example', 'SBC3.Example.COM'],
  });
  const sipSan = await issue({ subject: 'CN=Carrier SBC', issuer: intermediate, keySlot: 3, uris: ['sip:sbc4.example.com'] });
  const ipSan = await issue({
    subject: 'CN=sbc1.example.com',
    issuer: intermediate,
    keySlot: 3,
    dns: ['sbc1.example.com'],
    ips: ['192.0.2.10', '2001:db8::10'],
  });
  // Same issuer name, different key: a verifier finds no issuer (the key identifiers differ).
  const impostor = await issue({ subject: 'CN=Test Lab Issuing CA,O=Test Lab,C=US', issuer: root, ca: true, keySlot: 30 });
  const forged = await issue({ subject: 'CN=sbc1.example.com', issuer: impostor, keySlot: 3, dns: ['sbc1.example.com'] });
  const weakIntermediate = await issue({ subject: 'CN=Weak Issuing CA', issuer: root, ca: true, key: 'rsa1024', keySlot: 31 });
  const underWeak = await issue({ subject: 'CN=sbc1.example.com', issuer: weakIntermediate, keySlot: 3, dns: ['sbc1.example.com'] });
  const notCa = await issue({
    subject: 'CN=Not A CA',
    issuer: root,
    ca: false,
    keySlot: 32,
    keyUsage: x509.KeyUsageFlags.digitalSignature,
  });
  const underNotCa = await issue({ subject: 'CN=sbc1.example.com', issuer: notCa, keySlot: 3, dns: ['sbc1.example.com'] });
  const noCertSign = await issue({
    subject: 'CN=No CertSign CA',
    issuer: root,
    ca: true,
    keySlot: 33,
    keyUsage: x509.KeyUsageFlags.cRLSign,
  });
  const underNoCertSign = await issue({ subject: 'CN=sbc1.example.com', issuer: noCertSign, keySlot: 3, dns: ['sbc1.example.com'] });
  const subCa = await issue({ subject: 'CN=Test Lab Sub CA', issuer: intermediate, ca: true, keySlot: 34 });
  const underSubCa = await issue({ subject: 'CN=sbc1.example.com', issuer: subCa, keySlot: 3, dns: ['sbc1.example.com'] });
  const tamperedDer = new Uint8Array(leaf.cert.rawData.slice(0));
  tamperedDer[tamperedDer.length - 5]! ^= 0xff;
  const tampered = new x509.X509Certificate(tamperedDer).toString('pem') + '\n';
  const pkcs8 = Buffer.from(await crypto.subtle.exportKey('pkcs8', leaf.keys.privateKey))
    .toString('base64')
    .replace(/(.{64})/g, '$1\n');
  const privateKeyPem = `-----BEGIN PRIVATE KEY-----\n${pkcs8}\n-----END PRIVATE KEY-----\n`;
  const files = writeFiles({
    'tampered.pem': tampered + intermediate.pem,
    'with-key.pem': leaf.pem + intermediate.pem + privateKeyPem,
    'root.pem': root.pem,
    'other-root.pem': other.pem,
    'good.pem': leaf.pem + intermediate.pem,
    'leaf-only.pem': leaf.pem,
    'reversed.pem': intermediate.pem + leaf.pem,
    'duplicate.pem': leaf.pem + intermediate.pem + intermediate.pem,
    'with-root.pem': leaf.pem + intermediate.pem + root.pem,
    'extra.pem': leaf.pem + intermediate.pem + other.pem,
    'self-signed.pem': other.pem,
    'ecdsa.pem': ecdsa.pem + intermediate.pem,
    'ed25519.pem': ed25519.pem + intermediate.pem,
    'rsa1024.pem': rsa1024.pem + intermediate.pem,
    'client-only.pem': clientOnly.pem + intermediate.pem,
    'no-eku.pem': noEku.pem + intermediate.pem,
    'ca-leaf.pem': caLeaf.pem + intermediate.pem,
    'only-signature.pem': onlySignature.pem + intermediate.pem,
    'only-encipherment.pem': onlyEncipherment.pem + intermediate.pem,
    'neither-usage.pem': neitherUsage.pem + intermediate.pem,
    'expired.pem': expired.pem + intermediate.pem,
    'not-yet.pem': notYet.pem + intermediate.pem,
    'expiring.pem': expiring.pem + intermediate.pem,
    'wildcard.pem': wildcard.pem + intermediate.pem,
    'partial-wildcard.pem': partialWildcard.pem + intermediate.pem,
    'cn-only.pem': cnOnly.pem + intermediate.pem,
    'cn-not-san.pem': cnNotSan.pem + intermediate.pem,
    'idn.pem': idn.pem + intermediate.pem,
    'sip-san.pem': sipSan.pem + intermediate.pem,
    'ip-san.pem': ipSan.pem + intermediate.pem,
    'forged.pem': forged.pem + intermediate.pem,
    'weak-intermediate.pem': underWeak.pem + weakIntermediate.pem,
    'not-ca.pem': underNotCa.pem + notCa.pem,
    'no-certsign.pem': underNoCertSign.pem + noCertSign.pem,
    'pathlen.pem': underSubCa.pem + subCa.pem + intermediate.pem,
  });
  return { pki, files, privateKeyPem };
}
