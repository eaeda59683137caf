/**
 * Reads a chain file: PEM with one or many blocks (noise around them, CRLF, whitespace inside
 * base64), DER (one or several concatenated certificates) or PKCS#7 (.p7b, PEM or DER).
 * Private keys are counted, never kept: their bytes go nowhere.
 */
import { InputError } from '../errors.js';
import { nestsDeeperThan, readTlv } from '../x509/der.js';

export type InputFormat = 'pem' | 'der' | 'pkcs7';

export interface ChainInput {
  format: InputFormat;
  certificates: Buffer[];
  /** Kinds of private key blocks found (e.g. "RSA PRIVATE KEY"); the material itself is dropped. */
  privateKeys: string[];
  /** Other PEM blocks that were ignored, by label. */
  ignoredBlocks: string[];
}

const CERT_LABELS = new Set(['CERTIFICATE', 'X509 CERTIFICATE', 'TRUSTED CERTIFICATE']);
const PKCS7_LABELS = new Set(['PKCS7', 'PKCS #7 SIGNED DATA', 'CMS']);
const CSR_LABELS = new Set(['CERTIFICATE REQUEST', 'NEW CERTIFICATE REQUEST']);
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const PKCS7_SIGNED_DATA_OID = Buffer.from('06092a864886f70d010702', 'hex');
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;
/** More than this is a CA bundle or a mistake, not a chain; decoding it all would only cost time. */
export const MAX_CERTIFICATES = 64;

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

interface PemBlock { label: string; body: string; line: number }

function pemBlocks(text: string, name: string): PemBlock[] {
  const blocks: PemBlock[] = [];
  let pos = 0;
  for (;;) {
    const begin = text.indexOf('-----BEGIN ', pos);
    if (begin === -1) break;
    const labelEnd = text.indexOf('-----', begin + 11);
    const eol = text.indexOf('\n', begin);
    if (labelEnd === -1 || (eol !== -1 && labelEnd > eol)) {
      throw new InputError(`${name}: malformed PEM header at line ${lineOf(text, begin)}`);
    }
    const label = text.slice(begin + 11, labelEnd).trim();
    const endMarker = `-----END ${label}-----`;
    const end = text.indexOf(endMarker, labelEnd + 5);
    if (end === -1) {
      throw new InputError(`${name}: the PEM block "${label}" at line ${lineOf(text, begin)} has no END line (truncated file?)`);
    }
    blocks.push({ label, body: text.slice(labelEnd + 5, end), line: lineOf(text, begin) });
    pos = end + endMarker.length;
  }
  return blocks;
}

function base64Body(block: PemBlock, name: string): Buffer {
  // Encapsulated headers (Proc-Type, DEK-Info) end at a blank line; certificates have none.
  const body = block.body.includes(':') ? block.body.replace(/^[\s\S]*?\r?\n\r?\n/, '') : block.body;
  const compact = body.replace(/\s+/g, '');
  if (!compact || compact.length % 4 !== 0 || !BASE64.test(compact)) {
    throw new InputError(`${name}: the "${block.label}" block at line ${block.line} is not valid base64`);
  }
  return Buffer.from(compact, 'base64');
}

/** Splits concatenated DER elements; returns undefined if the bytes are not whole DER elements. */
function derElements(buf: Buffer): Buffer[] | undefined {
  const out: Buffer[] = [];
  let pos = 0;
  while (pos < buf.length) {
    if (buf[pos] !== 0x30) return undefined;
    try {
      const tlv = readTlv(buf, pos);
      out.push(buf.subarray(pos, tlv.end));
      pos = tlv.end;
    } catch {
      return undefined;
    }
    // Trailing whitespace after a DER file is common when it was copied around.
    if (buf.subarray(pos).every((b) => b === 0x0a || b === 0x0d || b === 0x20)) break;
  }
  return out.length ? out : undefined;
}

/** ContentInfo { contentType signedData, ... }: the OID sits right after the outer SEQUENCE header. */
function looksLikePkcs7(der: Buffer): boolean {
  if (der[0] !== 0x30) return false;
  const at = der.subarray(0, 16).indexOf(PKCS7_SIGNED_DATA_OID);
  return at >= 2 && at <= 6;
}

async function pkcs7Certificates(der: Buffer, name: string): Promise<Buffer[]> {
  if (nestsDeeperThan(der, 64)) throw new InputError(`${name}: DER nests too deeply to be a PKCS#7 bundle`);
  const { certificatesFromPkcs7 } = await import('./pkcs7.js');
  try {
    return certificatesFromPkcs7(der);
  } catch (error) {
    throw new InputError(`${name}: not a readable PKCS#7 bundle (${(error as Error).message})`);
  }
}

/** `maxCertificates` guards chain files; CA bundles (--ca, hash) pass Infinity. */
export async function parseChainInput(buf: Buffer, name: string, maxCertificates = MAX_CERTIFICATES): Promise<ChainInput> {
  if (buf.length === 0) throw new InputError(`${name}: the file is empty`);
  const probe = buf.subarray(0, Math.min(buf.length, 1 << 20)).toString('latin1');
  const hasPem = probe.includes('-----BEGIN ') || buf.includes('-----BEGIN ');
  if (!hasPem) {
    // PKCS#7 first: Windows exports .p7b in BER with indefinite lengths, which is not DER.
    if (looksLikePkcs7(buf)) {
      return { format: 'pkcs7', certificates: await pkcs7Certificates(buf, name), privateKeys: [], ignoredBlocks: [] };
    }
    const elements = derElements(buf);
    if (!elements) {
      throw new InputError(`${name}: not a certificate: no PEM block (-----BEGIN CERTIFICATE-----) and not DER`);
    }
    if (elements.length > maxCertificates) throw new InputError(`${name}: holds ${elements.length} DER certificates; an SBC chain has a handful (limit ${MAX_CERTIFICATES})`);
    return { format: 'der', certificates: elements, privateKeys: [], ignoredBlocks: [] };
  }
  const text = buf.toString('latin1');
  const result: ChainInput = { format: 'pem', certificates: [], privateKeys: [], ignoredBlocks: [] };
  const csrs: number[] = [];
  for (const block of pemBlocks(text, name)) {
    if (block.label.endsWith('PRIVATE KEY')) {
      result.privateKeys.push(block.label);
    } else if (CERT_LABELS.has(block.label)) {
      const der = base64Body(block, name);
      // Some CAs deliver a PKCS#7 bundle under a CERTIFICATE label.
      if (looksLikePkcs7(der)) {
        result.format = 'pkcs7';
        result.certificates.push(...(await pkcs7Certificates(der, name)));
        continue;
      }
      // TRUSTED CERTIFICATE appends OpenSSL trust settings after the certificate.
      const elements = derElements(der);
      if (!elements) throw new InputError(`${name}: the "${block.label}" block at line ${block.line} does not hold DER (truncated?)`);
      result.certificates.push(elements[0]!);
    } else if (PKCS7_LABELS.has(block.label)) {
      result.format = 'pkcs7';
      result.certificates.push(...(await pkcs7Certificates(base64Body(block, name), name)));
    } else if (CSR_LABELS.has(block.label)) {
      csrs.push(block.line);
    } else {
      result.ignoredBlocks.push(block.label);
    }
  }
  if (result.certificates.length > maxCertificates) {
    throw new InputError(`${name}: holds ${result.certificates.length} certificates; an SBC chain has a handful (limit ${MAX_CERTIFICATES}). Is this a CA bundle? Give it with --ca instead`);
  }
  if (result.certificates.length === 0) {
    if (csrs.length) {
      throw new InputError(`${name}: this is a certificate signing request (CSR), not a certificate; use the signed certificate your CA returned`);
    }
    if (result.privateKeys.length) {
      throw new InputError(`${name}: holds only a private key (${result.privateKeys[0]}), no certificate; give the certificate chain, and keep the key private`);
    }
    const labels = result.ignoredBlocks.length ? ` (found: ${[...new Set(result.ignoredBlocks)].join(', ')})` : '';
    throw new InputError(`${name}: no certificate in the file${labels}`);
  }
  return result;
}
