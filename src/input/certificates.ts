/**
 * The one certificate loader: the chain, --ca bundles, `hash` and files an SBC configuration
 * points to all come through here, with the same size cap (input/read.ts), the same formats
 * (PEM, DER, PKCS#7, PKCS#12) and the same one-line errors.
 */
import { createHash } from 'node:crypto';
import { InputError } from '../errors.js';
import type { CertificateFacts } from '../model/certificate.js';
import { MAX_CERTIFICATES, parseChainInput, type ChainInput } from '../parsers/chain-input.js';
import { CertificateDecodeError, decodeCertificate } from '../x509/certificate.js';
import { readCapped, readStreamCapped } from './read.js';

export interface LoadOptions {
  /** How messages name the input: "chain file", "--ca file", "file". */
  what: string;
  /** Reads standard input when the path is "-". */
  stdin?: () => Promise<Buffer>;
  /** Chains stop at MAX_CERTIFICATES; CA bundles pass Infinity. */
  maxCertificates?: number;
  /** PKCS#12 password (BYOC_CHECK_P12_PASSWORD). */
  p12Password?: string;
}

export interface LoadedCertificates {
  /** The path, or "<stdin>". */
  name: string;
  bytes: Buffer;
  input: ChainInput;
  certificates: CertificateFacts[];
}

/** Bytes of a path or of standard input ("-"), capped. */
export async function readInput(path: string, what: string, stdin?: () => Promise<Buffer>): Promise<Buffer> {
  if (path !== '-') return readCapped(path, what);
  if (!stdin) throw new InputError(`${what} "-" (standard input) cannot be read here`);
  return stdin();
}

/** Standard input of this process, capped like any file. */
export function readProcessStdin(): Promise<Buffer> {
  return readStreamCapped(process.stdin, '<stdin>');
}

/**
 * Decodes each certificate. With `decoded`, a certificate met before (by its SHA-256) is decoded
 * once: a repository scan reads the same intermediate in every trunk's chain file, and sharing the
 * facts also shares their signature checks (x509/chain.ts signedBy).
 */
export function decodeAll(ders: Buffer[], name: string, decoded?: Map<string, CertificateFacts>): CertificateFacts[] {
  return ders.map((der, i) => {
    try {
      if (!decoded) return decodeCertificate(der);
      const key = createHash('sha256').update(der).digest('hex');
      let facts = decoded.get(key);
      if (!facts) decoded.set(key, (facts = decodeCertificate(der)));
      return facts;
    } catch (error) {
      if (error instanceof CertificateDecodeError) throw new InputError(`${name}: certificate #${i + 1} cannot be used: ${error.message}`);
      throw error;
    }
  });
}

export async function loadCertificates(path: string, options: LoadOptions): Promise<LoadedCertificates> {
  const name = path === '-' ? '<stdin>' : path;
  const bytes = await readInput(path, options.what, options.stdin);
  const input = await parseChainInput(bytes, name, options.maxCertificates ?? MAX_CERTIFICATES, { p12Password: options.p12Password });
  return { name, bytes, input, certificates: decodeAll(input.certificates, name) };
}
