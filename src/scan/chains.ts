/**
 * The certificate side of a scan: which files hold private keys (where, never what), which look like
 * certificates, and each chain file loaded once (certificates decoded once by their hash), with what
 * OpenSSL's certificate-file loaders make of it.
 */
import { createHash, createPrivateKey, createPublicKey } from 'node:crypto';
import { decodeAll } from '../input/certificates.js';
import { isInputError } from '../errors.js';
import type { InputFacts } from '../engine/types.js';
import type { CertificateFacts } from '../model/certificate.js';
import type { CertificateLoadFacts } from '../model/tls.js';
import { parseChainInput } from '../parsers/chain-input.js';
import { looksLikePkcs12, type WalkedFile } from './walk.js';

/** A chain file as read: its certificates, or why it could not be used. */
export interface LoadedChain {
  path: string;
  how: string;
  certificates?: CertificateFacts[];
  input?: InputFacts;
  error?: string;
}

const CERT_EXTENSIONS = /\.(pem|crt|cer|der|p7b|p7c|p12|pfx|key|cert)$/i;
const PKCS12 = /\.(p12|pfx)$/i;

export function isText(bytes: Buffer): boolean {
  return !bytes.subarray(0, 8192).includes(0);
}

export function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** One file's keys reported one by one up to this many; a file of thousands of key blocks is one leak, not a report of megabytes. */
const MAX_KEYS_PER_FILE = 10;

/** PEM private-key blocks and PKCS#12 files: where they are, never what they hold. */
export function privateKeysIn(file: WalkedFile): Array<{ line: number; label: string }> {
  if (PKCS12.test(file.path) || (!isText(file.bytes) && looksLikePkcs12(file.bytes))) return [{ line: 1, label: 'PKCS#12' }];
  if (!isText(file.bytes)) return [];
  const text = file.bytes.toString('latin1');
  const out: Array<{ line: number; label: string }> = [];
  const re = /-----BEGIN ([A-Z0-9 ]*PRIVATE KEY)-----/g;
  // lines counted on from the last key, so a file of many key blocks stays linear
  let line = 1;
  let counted = 0;
  for (let m = re.exec(text); m && out.length < MAX_KEYS_PER_FILE; m = re.exec(text)) {
    for (let i = text.indexOf('\n', counted); i !== -1 && i < m.index; i = text.indexOf('\n', i + 1)) line++;
    counted = m.index;
    out.push({ line, label: m[1]! });
  }
  return out;
}

export function looksLikeCertificateFile(file: WalkedFile): boolean {
  if (isText(file.bytes))
    return (
      file.bytes.includes('-----BEGIN ') &&
      /-----BEGIN (TRUSTED |X509 )?CERTIFICATE-----|-----BEGIN PKCS7-----/.test(file.bytes.toString('latin1'))
    );
  return CERT_EXTENSIONS.test(file.path) && file.bytes[0] === 0x30;
}

async function loadChainFile(file: WalkedFile, decoded: Map<string, CertificateFacts>): Promise<Omit<LoadedChain, 'how'>> {
  try {
    const input = await parseChainInput(file.bytes, file.path, Infinity);
    const certificates = decodeAll(input.certificates, file.path, decoded);
    return {
      path: file.path,
      certificates,
      input: {
        name: file.path,
        format: input.format,
        sha256: createHash('sha256').update(file.bytes).digest('hex'),
        privateKeys: input.privateKeys,
      },
    };
  } catch (error) {
    if (!isInputError(error)) throw error;
    return { path: file.path, error: (error as Error).message.replace(`${file.path}: `, '') };
  }
}

/**
 * What OpenSSL's certificate-file loaders (SSL_CTX_use_certificate_chain_file, SSL_CTX_use_certificate_file)
 * do with the file: its first PEM block is the SBC's certificate, the key must belong to it
 * (SSL_CTX_check_private_key), and every key sent must meet the security level. Key material is read
 * only to derive its public key; nothing of it is kept or shown.
 */
export function certificateLoad(path: string, certificates: CertificateFacts[], keyFile: WalkedFile | undefined): CertificateLoadFacts {
  const [first, ...rest] = certificates;
  const load: CertificateLoadFacts = {
    certificateFile: path,
    first: {
      subject: first!.subject,
      ca: first!.basicConstraints?.ca === true,
      keyType: first!.publicKey.type,
      ...(first!.publicKey.bits ? { keyBits: first!.publicKey.bits } : {}),
      securityBits: first!.publicKey.securityBits,
    },
  };
  const leafAt = rest.findIndex((c) => c.basicConstraints?.ca !== true);
  if (load.first.ca && leafAt >= 0) load.leafLater = { index: leafAt + 1, subject: rest[leafAt]!.subject };
  for (const c of rest)
    if (c.publicKey.securityBits && (!load.weakestCa || c.publicKey.securityBits < load.weakestCa.securityBits))
      load.weakestCa = { subject: c.subject, securityBits: c.publicKey.securityBits };
  if (keyFile && isText(keyFile.bytes)) {
    const text = keyFile.bytes.toString('latin1');
    const block = /-----BEGIN ((?:RSA |EC )?PRIVATE KEY)-----[A-Za-z0-9+/=\r\n]{1,65536}-----END \1-----/.exec(text);
    if (block) {
      try {
        const spki = createPublicKey(createPrivateKey(block[0])).export({ type: 'spki', format: 'der' });
        load.keyFile = keyFile.path;
        load.keyMatches = spki.equals(first!.publicKey.spki);
      } catch {
        // an encrypted or unreadable key: the match stays unknown
      }
    }
  }
  return load;
}

/**
 * Each chain file loaded once while its trunks are judged, whoever names it (with the caller's own
 * account of how it was found); CA certificates, which recur across trunks, are decoded once per scan.
 */
export class ChainLoader {
  private readonly cache = new Map<string, Promise<Omit<LoadedChain, 'how'>>>();
  private readonly decoded = new Map<string, CertificateFacts>();
  constructor(private readonly byPath: ReadonlyMap<string, WalkedFile>) {}

  async load(path: string, how: string): Promise<LoadedChain> {
    let loaded = this.cache.get(path);
    if (!loaded) this.cache.set(path, (loaded = loadChainFile(this.byPath.get(path)!, this.decoded)));
    return { ...(await loaded), how };
  }

  /** Forgets the chain files loaded and the end-entity certificates decoded so far: a later load reads them again. */
  release(): void {
    this.cache.clear();
    for (const [key, facts] of this.decoded) if (facts.basicConstraints?.ca !== true) this.decoded.delete(key);
  }
}
