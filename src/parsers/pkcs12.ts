/**
 * PKCS#12 (.pfx/.p12, RFC 7292) files, read with pkijs when the user gives the password in
 * BYOC_CHECK_P12_PASSWORD; loaded only when such a file is met. Certificates are taken byte for
 * byte; key bags are counted and dropped, never decoded, stored or printed.
 */
import * as asn1js from 'asn1js';
import { CertBag, ContentInfo, PFX } from 'pkijs';
import { InputError } from '../errors.js';
import { shellWord } from '../util/text.js';

const CERT_BAG = '1.2.840.113549.1.12.10.1.3';
const KEY_BAGS = new Set(['1.2.840.113549.1.12.10.1.1', '1.2.840.113549.1.12.10.1.2']);
const X509_CERT = '1.2.840.113549.1.9.22.1';

/** The certificates (DER) and the number of private keys in a PFX. */
export async function readPkcs12(der: Buffer, passwordText: string, name: string): Promise<{ certificates: Buffer[]; keys: number }> {
  const password = new TextEncoder().encode(passwordText).buffer as ArrayBuffer;
  const file = shellWord(name === '<stdin>' ? 'FILE.pfx' : name);
  const exportHint = `export the certificates with \`openssl pkcs12 -in ${file} -nokeys -out chain.pem\``;
  let pfx: PFX;
  try {
    const asn = asn1js.fromBER(new Uint8Array(der));
    if (asn.offset === -1) throw new Error('malformed DER');
    pfx = new PFX({ schema: asn.result });
  } catch (error) {
    throw new InputError(`${name}: not a readable PKCS#12 file (${(error as Error).message})`);
  }
  try {
    await pfx.parseInternalValues({ password, checkIntegrity: true });
  } catch (error) {
    const message = String((error as Error).message ?? error);
    if (/integrity/i.test(message))
      throw new InputError(`${name}: BYOC_CHECK_P12_PASSWORD does not open this PKCS#12 file (integrity check failed: wrong password?)`);
    throw new InputError(`${name}: cannot read this PKCS#12 file (${message}); ${exportHint}`);
  }
  const safe = pfx.parsedValue?.authenticatedSafe;
  if (!safe) throw new InputError(`${name}: the PKCS#12 file has no readable content; ${exportHint}`);
  try {
    await safe.parseInternalValues({
      safeContents: safe.safeContents.map((info) => (info.contentType === ContentInfo.ENCRYPTED_DATA ? { password } : {})),
    });
  } catch (error) {
    const message = String((error as Error).message ?? error);
    const legacy = /1\.2\.840\.113549\.1\.12\.1\.\d/.test(message);
    throw new InputError(
      legacy
        ? `${name}: the PKCS#12 file uses legacy RC2/3DES encryption, which byoc-check does not read; export the certificates with \`openssl pkcs12 -legacy -in ${file} -nokeys -out chain.pem\``
        : `${name}: cannot decrypt the PKCS#12 contents (${message}); ${exportHint}`,
    );
  }
  const certificates: Buffer[] = [];
  let keys = 0;
  for (const contents of safe.parsedValue?.safeContents ?? []) {
    for (const bag of contents.value.safeBags) {
      if (KEY_BAGS.has(bag.bagId)) keys++;
      else if (bag.bagId === CERT_BAG && bag.bagValue instanceof CertBag && bag.bagValue.certId === X509_CERT) {
        const value = bag.bagValue.certValue as asn1js.OctetString;
        certificates.push(Buffer.from(value.valueBlock.valueHexView));
      }
    }
  }
  return { certificates, keys };
}
