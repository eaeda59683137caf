/** PKCS#7 / CMS SignedData certificate bundles (.p7b), via pkijs; loaded only when needed. */
import * as asn1js from 'asn1js';
import { ContentInfo, SignedData } from 'pkijs';

/** The certificates of a SignedData bundle, as their original DER bytes, and how many CRLs it carries. */
export function pkcs7Contents(der: Buffer): { certificates: Buffer[]; crls: number } {
  const asn = asn1js.fromBER(new Uint8Array(der));
  if (asn.offset === -1) throw new Error('malformed DER');
  const info = new ContentInfo({ schema: asn.result });
  if (info.contentType !== ContentInfo.SIGNED_DATA) throw new Error(`content type ${info.contentType} is not SignedData`);
  // Validates the SignedData structure; the certificates are then taken byte for byte.
  new SignedData({ schema: info.content });
  const fields = (info.content as asn1js.Sequence).valueBlock.value;
  const tagged = (n: number) => fields.find((f) => f.idBlock.tagClass === 3 && f.idBlock.tagNumber === n) as asn1js.Constructed | undefined;
  const certificates = (tagged(0)?.valueBlock.value ?? [])
    .filter((c) => c.idBlock.tagClass === 1 && c.idBlock.tagNumber === 16)
    .map((c) => Buffer.from(c.valueBeforeDecodeView));
  return { certificates, crls: tagged(1)?.valueBlock.value.length ?? 0 };
}
