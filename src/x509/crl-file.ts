/**
 * CRLs the user gives with --crl (PEM or DER), judged as OpenSSL's CRL checks do
 * (crypto/x509/x509_vfy.c check_crl, x_crl.c crl_cb): the CRL must name the certificate's issuer,
 * be signed by the issuer's key, the issuer must have cRLSign when it has a keyUsage, no critical
 * CRL or entry extension OpenSSL does not handle, and current at the check time.
 * A DER walk keeps pkijs out of the offline check.
 */
import { createPublicKey, verify } from 'node:crypto';
import { InputError } from '../errors.js';
import type { CertificateFacts } from '../model/certificate.js';
import type { ChainFacts } from '../model/chain.js';
import type { CrlFacts, CrlFetch } from '../model/crl.js';
import { children, oidToString, readTlv, type Tlv } from './der.js';
import { parseName } from './name.js';
import { CRL_REASONS } from '../model/crl.js';

export interface ParsedCrl {
  file: string;
  issuerCanon: string;
  issuer: string;
  thisUpdate: Date;
  nextUpdate?: Date;
  revoked: Map<string, { date: Date; reason?: string }>;
  /** Critical CRL or entry extensions OpenSSL does not process. */
  unhandledCritical: string[];
  hasCrlNumber: boolean;
  signatureOid: string;
  tbs: Buffer;
  signature: Buffer;
}

/** Critical CRL extensions OpenSSL handles: issuingDistributionPoint, authorityKeyIdentifier, deltaCRLIndicator. */
const HANDLED_CRITICAL = new Set(['2.5.29.28', '2.5.29.35', '2.5.29.27']);
/** The one critical entry extension it handles: certificateIssuer. */
const HANDLED_ENTRY_CRITICAL = new Set(['2.5.29.29']);
const HASHES: Record<string, string | null> = {
  '1.2.840.113549.1.1.5': 'sha1',
  '1.2.840.113549.1.1.11': 'sha256',
  '1.2.840.113549.1.1.12': 'sha384',
  '1.2.840.113549.1.1.13': 'sha512',
  '1.2.840.113549.1.1.14': 'sha224',
  '1.2.840.10045.4.1': 'sha1',
  '1.2.840.10045.4.3.1': 'sha224',
  '1.2.840.10045.4.3.2': 'sha256',
  '1.2.840.10045.4.3.3': 'sha384',
  '1.2.840.10045.4.3.4': 'sha512',
  '1.3.101.112': null,
  '1.3.101.113': null,
};

function time(buf: Buffer, t: Tlv): Date {
  const text = buf.subarray(t.start, t.end).toString('latin1');
  const m =
    t.tag === 0x17
      ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text)
      : /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (!m) throw new Error(`malformed time "${text}"`);
  let year = Number(m[1]);
  if (t.tag === 0x17) year += year >= 50 ? 1900 : 2000;
  const d = new Date(Date.UTC(2000, 0, 1, Number(m[4]), Number(m[5]), Number(m[6])));
  d.setUTCFullYear(year, Number(m[2]) - 1, Number(m[3]));
  return d;
}

function extensions(buf: Buffer, list: Tlv | undefined): Array<{ oid: string; critical: boolean; value: Tlv }> {
  if (!list) return [];
  return children(buf, list).map((ext) => {
    const parts = children(buf, ext);
    const critical = parts.length === 3 && parts[1]!.tag === 0x01 && buf[parts[1]!.start] !== 0;
    return { oid: oidToString(buf.subarray(parts[0]!.start, parts[0]!.end)), critical, value: parts[parts.length - 1]! };
  });
}

/** Decodes one DER CRL; throws on anything that is not one. */
export function parseCrl(der: Buffer, file: string): ParsedCrl {
  const outer = readTlv(der, 0);
  const [tbsTlv, algTlv, sigTlv] = children(der, outer);
  if (outer.tag !== 0x30 || !tbsTlv || !algTlv || !sigTlv || sigTlv.tag !== 0x03) throw new Error('not a CertificateList');
  const fields = children(der, tbsTlv);
  let i = fields[0]?.tag === 0x02 ? 1 : 0;
  i++; // signature AlgorithmIdentifier
  const issuerTlv = fields[i++]!;
  const thisUpdate = time(der, fields[i++]!);
  let nextUpdate: Date | undefined;
  if (fields[i] && (fields[i]!.tag === 0x17 || fields[i]!.tag === 0x18)) nextUpdate = time(der, fields[i++]!);
  const revoked = new Map<string, { date: Date; reason?: string }>();
  const unhandledCritical: string[] = [];
  if (fields[i]?.tag === 0x30) {
    for (const entry of children(der, fields[i++]!)) {
      const [serial, date, exts] = children(der, entry);
      const serialHex = der
        .subarray(serial!.start, serial!.end)
        .toString('hex')
        .toUpperCase()
        .replace(/^(00)+(?=.)/, '');
      let reason: string | undefined;
      for (const ext of extensions(der, exts)) {
        if (ext.critical && !HANDLED_ENTRY_CRITICAL.has(ext.oid)) unhandledCritical.push(`${ext.oid} (entry)`);
        if (ext.oid === '2.5.29.21') {
          const inner = readTlv(der, ext.value.start, ext.value.end);
          reason = CRL_REASONS[der[inner.start] ?? 0] || `code ${der[inner.start]}`;
        }
      }
      revoked.set(serialHex, { date: time(der, date!), ...(reason ? { reason } : {}) });
    }
  }
  const extsTlv = fields.slice(i).find((f) => f.tag === 0xa0);
  const crlExtensions = extsTlv ? extensions(der, children(der, extsTlv)[0]) : [];
  for (const ext of crlExtensions) if (ext.critical && !HANDLED_CRITICAL.has(ext.oid)) unhandledCritical.push(ext.oid);
  const issuer = parseName(der.subarray(issuerTlv.offset, issuerTlv.end));
  const algOid = children(der, algTlv)[0]!;
  return {
    file,
    issuerCanon: issuer.canon,
    issuer: issuer.text,
    thisUpdate,
    ...(nextUpdate ? { nextUpdate } : {}),
    revoked,
    unhandledCritical,
    hasCrlNumber: crlExtensions.some((e) => e.oid === '2.5.29.20'),
    signatureOid: oidToString(der.subarray(algOid.start, algOid.end)),
    tbs: der.subarray(tbsTlv.offset, tbsTlv.end),
    signature: der.subarray(sigTlv.start + 1, sigTlv.end),
  };
}

/** All CRLs in a file: PEM blocks, or one DER CRL. Throws InputError naming the file. */
export function readCrlFile(buf: Buffer, file: string): ParsedCrl[] {
  const text = buf.toString('latin1');
  try {
    if (text.includes('-----BEGIN')) {
      const blocks = [...text.matchAll(/-----BEGIN X509 CRL-----([\s\S]*?)-----END X509 CRL-----/g)];
      if (!blocks.length) throw new Error('a PEM file without an X509 CRL block');
      return blocks.map((m) => parseCrl(Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64'), file));
    }
    return [parseCrl(buf, file)];
  } catch (error) {
    throw new InputError(`--crl file ${file} is not a CRL (${(error as Error).message})`);
  }
}

/** OpenSSL's verdict on a CRL for certificates of `issuer`: why it is refused, or undefined. */
export function crlProblem(crl: ParsedCrl, issuer: CertificateFacts, now: Date): string | undefined {
  if (issuer.keyUsage && !issuer.keyUsage.includes('cRLSign'))
    return `its issuer "${issuer.subject}" has a keyUsage without cRLSign, so it may not sign CRLs (OpenSSL: "key usage does not include CRL signing")`;
  if (crl.unhandledCritical.length)
    return `it has critical extensions OpenSSL does not handle (${crl.unhandledCritical.join(', ')}): "unhandled critical CRL extension"`;
  const hash = HASHES[crl.signatureOid];
  let valid = false;
  try {
    if (hash !== undefined)
      valid = verify(hash, crl.tbs, createPublicKey({ key: issuer.publicKey.spki, format: 'der', type: 'spki' }), crl.signature);
  } catch {
    valid = false;
  }
  if (hash === undefined) return `its signature algorithm ${crl.signatureOid} is not checked by byoc-check`;
  if (!valid) return `its signature does not verify with the key of "${issuer.subject}"`;
  if (crl.thisUpdate > now) return `it is not valid yet (thisUpdate ${crl.thisUpdate.toISOString()})`;
  if (crl.nextUpdate && crl.nextUpdate < now) return `it expired (nextUpdate ${crl.nextUpdate.toISOString()})`;
  return undefined;
}

/**
 * Adds the --crl files to the CRL facts: each CRL counts for the path certificates whose issuer it
 * names (a CRL of another issuer is ignored, as OpenSSL ignores it); a file CRL is marked `file`.
 */
export function addCrlFiles(crl: CrlFacts, chain: ChainFacts, files: Array<{ path: string; der: Buffer }>, now: Date): CrlFacts {
  const crls = files.flatMap((f) => readCrlFile(f.der, f.path));
  const certificates = chain.path.map(
    (_, pathIndex) =>
      crl.certificates.find((c) => c.pathIndex === pathIndex) ?? {
        pathIndex,
        urls: chain.path[pathIndex]!.cert.crlDistributionPoints,
        fetches: [] as CrlFetch[],
      },
  );
  chain.path.forEach((entry, pathIndex) => {
    if (entry.role === 'root') return;
    const issuer = chain.path[pathIndex + 1]?.cert;
    for (const c of crls.filter((x) => x.issuerCanon === entry.cert.issuerCanon)) {
      const base = {
        url: c.file,
        file: c.file,
        contacted: [],
        elapsedMs: 0,
        thisUpdate: c.thisUpdate.toISOString(),
        ...(c.nextUpdate ? { nextUpdate: c.nextUpdate.toISOString() } : {}),
        ...(c.hasCrlNumber ? {} : { missingCrlNumber: true }),
      };
      if (!issuer) {
        certificates[pathIndex]!.fetches.push({
          ...base,
          outcome: 'no-issuer',
          detail: 'the issuer certificate is not available, so the CRL signature could not be checked',
        });
        continue;
      }
      const problem = crlProblem(c, issuer, now);
      if (problem) {
        certificates[pathIndex]!.fetches.push({ ...base, outcome: 'rejected', detail: problem });
        continue;
      }
      const hit = c.revoked.get(entry.cert.serialNumber);
      certificates[pathIndex]!.fetches.push({
        ...base,
        outcome: 'ok',
        detail: '',
        ...(hit
          ? { revoked: { serial: entry.cert.serialNumber, date: hit.date.toISOString(), ...(hit.reason ? { reason: hit.reason } : {}) } }
          : {}),
      });
    }
  });
  return { ...crl, certificates, files: files.map((f) => f.path) };
}
