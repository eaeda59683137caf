/** PKCS#7 / CMS SignedData certificate bundles (.p7b), via pkijs; loaded only when needed. */
import * as asn1js from 'asn1js';
import { ContentInfo, SignedData } from 'pkijs';

/** The certificates of a SignedData bundle, as their original DER bytes. */
export function certificatesFromPkcs7(der: Buffer): Buffer[] {
  const asn = asn1js.fromBER(new Uint8Array(der));
  if (asn.offset === -1) throw new Error('malformed DER');
  const info = new ContentInfo({ schema: asn.result });
  if (info.contentType !== ContentInfo.SIGNED_DATA) throw new Error(`content type ${info.contentType} is not SignedData`);
  // Validates the SignedData structure; the certificates are then taken byte for byte.
  new SignedData({ schema: info.content });
  const fields = (info.content as asn1js.Sequence).valueBlock.value;
  const set = fields.find((f) => f.idBlock.tagClass === 3 && f.idBlock.tagNumber === 0) as asn1js.Constructed | undefined;
  return (set?.valueBlock.value ?? [])
    .filter((c) => c.idBlock.tagClass === 1 && c.idBlock.tagNumber === 16)
    .map((c) => Buffer.from(c.valueBeforeDecodeView));
}
