/**
 * Reads a chain file: PEM with one or many blocks (noise around them, CRLF, whitespace inside
 * base64), DER (one or several concatenated certificates), PKCS#7 (.p7b, PEM or DER) or PKCS#12
 * (.pfx/.p12, with a password).
 * Private keys are counted, never kept: their bytes go nowhere.
 */
import { InputError } from '../errors.js';
import { nestsDeeperThan, readTlv } from '../x509/der.js';
import { shellWord } from '../util/text.js';
import { pemBlocks, pemBody } from './pem.js';

export type InputFormat = 'pem' | 'der' | 'pkcs7' | 'pkcs12';

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
const PKCS7_SIGNED_DATA_OID = Buffer.from('06092a864886f70d010702', 'hex');
const PKCS7_DATA_OID = Buffer.from('06092a864886f70d010701', 'hex');
export { MAX_INPUT_BYTES } from '../input/read.js';
/** More than this is a CA bundle or a mistake, not a chain; decoding it all would only cost time. */
export const MAX_CERTIFICATES = 64;

export interface ParseOptions {
  /** Password for a PKCS#12 file (from BYOC_CHECK_P12_PASSWORD); without it a .pfx is refused with the openssl command. */
  p12Password?: string;
}

/** Splits concatenated DER elements; returns undefined if the bytes are not whole DER elements. */
function derElements(buf: Buffer, max = Infinity): Buffer[] | undefined {
  const out: Buffer[] = [];
  let pos = 0;
  // One past the cap is enough to say there are too many.
  while (pos < buf.length && out.length <= max) {
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

/**
 * PFX { version INTEGER (3), authSafe ContentInfo (data or signedData), macData OPTIONAL }
 * (RFC 7292 section 4): recognised by its structure, whatever the file is called.
 */
export function looksLikePkcs12(der: Buffer): boolean {
  try {
    const outer = readTlv(der, 0);
    if (der[0] !== 0x30) return false;
    const version = readTlv(der, outer.start, outer.end);
    if (der[version.offset] !== 0x02 || version.end - version.start !== 1 || der[version.start] !== 3) return false;
    const authSafe = readTlv(der, version.end, outer.end);
    if (der[authSafe.offset] !== 0x30) return false;
    const oid = der.subarray(authSafe.start, authSafe.start + PKCS7_DATA_OID.length);
    return oid.equals(PKCS7_DATA_OID) || oid.equals(PKCS7_SIGNED_DATA_OID);
  } catch {
    // BER with indefinite lengths: look for the same prefix by bytes.
    return der[0] === 0x30 && der.subarray(0, 8).includes(Buffer.from([0x02, 0x01, 0x03, 0x30]));
  }
}

async function pkcs12Input(der: Buffer, name: string, options: ParseOptions): Promise<ChainInput> {
  if (options.p12Password === undefined) {
    throw new InputError(
      `${name} is a PKCS#12 (.pfx/.p12) file, which holds a private key; export the certificates with \`openssl pkcs12 -in ${shellWord(name === '<stdin>' ? 'FILE.pfx' : name)} -nokeys -out chain.pem\` and check chain.pem (or set BYOC_CHECK_P12_PASSWORD to read the certificates here; keys are counted, never shown)`,
    );
  }
  if (nestsDeeperThan(der, 64)) throw new InputError(`${name}: DER nests too deeply to be a PKCS#12 file`);
  const { readPkcs12 } = await import('./pkcs12.js');
  const { certificates, keys } = await readPkcs12(der, options.p12Password, name);
  return { format: 'pkcs12', certificates, privateKeys: Array.from({ length: keys }, () => 'PKCS#12 KEY BAG'), ignoredBlocks: [] };
}

async function pkcs7Certificates(der: Buffer, name: string): Promise<Buffer[]> {
  if (nestsDeeperThan(der, 64)) throw new InputError(`${name}: DER nests too deeply to be a PKCS#7 bundle`);
  const { pkcs7Contents } = await import('./pkcs7.js');
  let contents;
  try {
    contents = pkcs7Contents(der);
  } catch (error) {
    throw new InputError(`${name}: not a readable PKCS#7 bundle (${(error as Error).message})`);
  }
  if (contents.certificates.length === 0) {
    throw new InputError(
      `${name}: the PKCS#7 bundle holds no certificate${contents.crls ? ` (only ${contents.crls === 1 ? 'a CRL' : `${contents.crls} CRLs`})` : ''}; export the certificate chain, not the revocation list`,
    );
  }
  return contents.certificates;
}

function tooMany(name: string, what: string): InputError {
  return new InputError(
    `${name}: holds more than ${MAX_CERTIFICATES} ${what}; an SBC chain has a handful. Is this a CA bundle? Give it with --ca instead`,
  );
}

/** `maxCertificates` guards chain files; CA bundles (--ca, hash) pass Infinity. */
export async function parseChainInput(
  buf: Buffer,
  name: string,
  maxCertificates = MAX_CERTIFICATES,
  options: ParseOptions = {},
): Promise<ChainInput> {
  if (buf.length === 0) throw new InputError(`${name}: the file is empty`);
  const probe = buf.subarray(0, Math.min(buf.length, 1 << 20)).toString('latin1');
  const hasPem = probe.includes('-----BEGIN ') || buf.includes('-----BEGIN ');
  if (!hasPem) {
    if (looksLikePkcs12(buf)) return capped(await pkcs12Input(buf, name, options), name, maxCertificates);
    // PKCS#7 first: Windows exports .p7b in BER with indefinite lengths, which is not DER.
    if (looksLikePkcs7(buf)) {
      return capped(
        { format: 'pkcs7', certificates: await pkcs7Certificates(buf, name), privateKeys: [], ignoredBlocks: [] },
        name,
        maxCertificates,
      );
    }
    const elements = derElements(buf, maxCertificates);
    if (!elements) {
      throw new InputError(`${name}: not a certificate: no PEM block (-----BEGIN CERTIFICATE-----) and not DER`);
    }
    if (elements.length > maxCertificates) throw tooMany(name, 'DER certificates');
    return { format: 'der', certificates: elements, privateKeys: [], ignoredBlocks: [] };
  }
  const text = buf.toString('latin1');
  const result: ChainInput = { format: 'pem', certificates: [], privateKeys: [], ignoredBlocks: [] };
  let csrs = 0;
  for (const block of pemBlocks(text, name)) {
    if (block.label.endsWith('PRIVATE KEY')) {
      result.privateKeys.push(block.label);
    } else if (CERT_LABELS.has(block.label)) {
      const der = pemBody(block, name);
      // Some CAs deliver a PKCS#7 bundle under a CERTIFICATE label.
      if (looksLikePkcs7(der)) {
        result.format = 'pkcs7';
        result.certificates.push(...(await pkcs7Certificates(der, name)));
      } else {
        // TRUSTED CERTIFICATE appends OpenSSL trust settings after the certificate.
        const elements = derElements(der, 1);
        if (!elements) throw new InputError(`${name}: the "${block.label}" block at line ${block.line} does not hold DER (truncated?)`);
        result.certificates.push(elements[0]!);
      }
    } else if (PKCS7_LABELS.has(block.label)) {
      result.format = 'pkcs7';
      result.certificates.push(...(await pkcs7Certificates(pemBody(block, name), name)));
    } else if (CSR_LABELS.has(block.label)) {
      csrs++;
    } else {
      result.ignoredBlocks.push(block.label);
    }
    // Stop at the cap: reading on through a bundle of thousands only costs time.
    if (result.certificates.length > maxCertificates) throw tooMany(name, 'certificates');
  }
  if (result.certificates.length === 0) {
    if (csrs) {
      throw new InputError(
        `${name}: this is a certificate signing request (CSR), not a certificate; use the signed certificate your CA returned`,
      );
    }
    if (result.privateKeys.length) {
      throw new InputError(
        `${name}: holds only a private key (${result.privateKeys[0]}), no certificate; give the certificate chain, and keep the key private`,
      );
    }
    const labels = result.ignoredBlocks.length ? ` (found: ${[...new Set(result.ignoredBlocks)].slice(0, 5).join(', ')})` : '';
    throw new InputError(`${name}: no certificate in the file${labels}`);
  }
  return result;
}

function capped(input: ChainInput, name: string, max: number): ChainInput {
  if (input.certificates.length > max) throw tooMany(name, 'certificates');
  if (input.certificates.length === 0)
    throw new InputError(
      `${name}: no certificate in the file${input.privateKeys.length ? ' (only a private key, which is not shown)' : ''}`,
    );
  return input;
}
