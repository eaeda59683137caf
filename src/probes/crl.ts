/**
 * CRL probe: downloads each certificate's http(s) CRL distribution points concurrently, with a
 * deadline per distribution point (redirects included), a body cap and at most five redirects,
 * then parses (pkijs) and verifies the CRL with the issuer's key. Never hangs: every socket has a
 * timer. CRL bytes stay here; only facts leave.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { get as httpGet, type IncomingMessage } from 'node:http';
import { get as httpsGet } from 'node:https';
import { join } from 'node:path';
import * as asn1js from 'asn1js';
import { Certificate, CertificateRevocationList } from 'pkijs';
import type { ChainFacts } from '../model/chain.js';
import type { CrlCertificateFacts, CrlFacts, CrlFetch } from '../model/crl.js';
import type { CertificateFacts } from '../model/certificate.js';

export const MAX_CRL_BYTES = 20 * 1024 * 1024;
export const MAX_REDIRECTS = 5;

const REASONS = ['unspecified', 'keyCompromise', 'cACompromise', 'affiliationChanged', 'superseded', 'cessationOfOperation', 'certificateHold', 'unused', 'removeFromCRL', 'privilegeWithdrawn', 'aACompromise'];

export interface CrlProbeOptions {
  now: Date;
  timeoutSeconds: number;
  cacheDir?: string;
  maxBytes?: number;
  progress?: (message: string | null) => void;
}

class FetchFailure extends Error {
  constructor(readonly outcome: CrlFetch['outcome'], message: string, readonly httpStatus?: number) {
    super(message);
  }
}

interface Download {
  body: Buffer;
  contacted: string[];
}

function request(url: URL, deadline: number, maxBytes: number): Promise<{ status: number; location?: string; body?: Buffer }> {
  return new Promise((resolve, reject) => {
    const remaining = deadline - Date.now();
    if (remaining <= 0) return reject(new FetchFailure('timeout', 'no answer in time'));
    const get = url.protocol === 'https:' ? httpsGet : httpGet;
    let settled = false;
    const done = (error: Error | null, value?: { status: number; location?: string; body?: Buffer }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) {
        req.destroy();
        reject(error);
      } else resolve(value!);
    };
    const req = get(url, { headers: { 'user-agent': 'byoc-check (CRL check)', accept: 'application/pkix-crl, application/x-pkcs7-crl, */*' }, agent: false }, (res: IncomingMessage) => {
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400 && res.headers.location) {
        res.resume();
        return done(null, { status, location: res.headers.location });
      }
      if (status !== 200) {
        res.resume();
        return done(new FetchFailure('http-error', `HTTP ${status}${res.statusMessage ? ` ${res.statusMessage}` : ''}`, status));
      }
      const declared = Number(res.headers['content-length'] ?? 0);
      if (declared > maxBytes) return done(new FetchFailure('too-large', `the server announces ${declared} bytes, over the ${maxBytes >> 20} MiB limit`));
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) return done(new FetchFailure('too-large', `the body passed ${maxBytes >> 20} MiB; download aborted`));
        chunks.push(chunk);
      });
      res.on('end', () => done(null, { status, body: Buffer.concat(chunks) }));
      res.on('error', (error) => done(new FetchFailure('network-error', error.message)));
    });
    const timer = setTimeout(() => done(new FetchFailure('timeout', `no complete answer within ${Math.round(remaining / 100) / 10} s`)), remaining);
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNREFUSED') done(new FetchFailure('refused', `connection refused by ${url.host}`));
      else if (error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN') done(new FetchFailure('network-error', `cannot resolve ${url.hostname}`));
      else done(new FetchFailure('network-error', error.message));
    });
  });
}

async function download(start: string, deadline: number, maxBytes: number): Promise<Download> {
  const contacted: string[] = [];
  let url = new URL(start);
  for (let hop = 0; ; hop++) {
    contacted.push(url.href);
    const answer = await request(url, deadline, maxBytes).catch((error: unknown) => {
      if (error instanceof FetchFailure) throw Object.assign(error, { contacted });
      throw error;
    });
    if (answer.body) return { body: answer.body, contacted };
    if (hop >= MAX_REDIRECTS) throw Object.assign(new FetchFailure('redirect-error', `more than ${MAX_REDIRECTS} redirects`), { contacted });
    const next = new URL(answer.location!, url);
    if (next.protocol !== 'http:' && next.protocol !== 'https:') {
      throw Object.assign(new FetchFailure('redirect-error', `redirected to ${next.protocol} (only http and https are followed)`), { contacted });
    }
    url = next;
  }
}

function crlDer(body: Buffer): Buffer {
  const text = body.subarray(0, 64).toString('latin1');
  if (text.includes('-----BEGIN')) {
    const m = /-----BEGIN X509 CRL-----([\s\S]*?)-----END X509 CRL-----/.exec(body.toString('latin1'));
    if (!m) throw new FetchFailure('garbage', 'a PEM file without an X509 CRL block');
    return Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64');
  }
  return body;
}

function hexSerial(view: Uint8Array): string {
  return Buffer.from(view).toString('hex').toUpperCase().replace(/^(00)+(?=.)/, '');
}

async function evaluate(body: Buffer, cert: CertificateFacts, issuer: CertificateFacts | undefined): Promise<Omit<CrlFetch, 'url' | 'contacted' | 'elapsedMs'>> {
  let crl: CertificateRevocationList;
  try {
    const der = crlDer(body);
    const asn = asn1js.fromBER(new Uint8Array(der));
    if (asn.offset === -1) throw new Error('not DER');
    crl = new CertificateRevocationList({ schema: asn.result });
  } catch (error) {
    if (error instanceof FetchFailure) throw error;
    throw new FetchFailure('garbage', `the answer is not a CRL (${body.length} bytes that parse as neither DER nor PEM CRL)`);
  }
  const base = {
    outcome: 'ok' as CrlFetch['outcome'],
    detail: '',
    bytes: body.length,
    thisUpdate: crl.thisUpdate.value.toISOString(),
    ...(crl.nextUpdate ? { nextUpdate: crl.nextUpdate.value.toISOString() } : {}),
  };
  if (!issuer) return { ...base, outcome: 'no-issuer', detail: 'the issuer certificate is not available, so the CRL signature could not be checked' };
  const issuerAsn = asn1js.fromBER(new Uint8Array(issuer.der));
  let valid = false;
  try {
    valid = await crl.verify({ issuerCertificate: new Certificate({ schema: issuerAsn.result }) });
  } catch {
    valid = false;
  }
  if (!valid) return { ...base, outcome: 'bad-signature', detail: `the CRL is not signed by "${issuer.subject}"` };
  const entry = (crl.revokedCertificates ?? []).find((rc) => hexSerial(rc.userCertificate.valueBlock.valueHexView) === cert.serialNumber);
  if (entry) {
    const reasonExt = entry.crlEntryExtensions?.extensions.find((e) => e.extnID === '2.5.29.21');
    const code = reasonExt ? Number((reasonExt.parsedValue as asn1js.Enumerated | undefined)?.valueBlock.valueDec ?? NaN) : NaN;
    return { ...base, revoked: { serial: cert.serialNumber, date: entry.revocationDate.value.toISOString(), ...(Number.isNaN(code) ? {} : { reason: REASONS[code] ?? `code ${code}` }) } };
  }
  return base;
}

async function cached(cacheDir: string | undefined, url: string, now: Date): Promise<Buffer | undefined> {
  if (!cacheDir) return undefined;
  const key = createHash('sha256').update(url).digest('hex');
  try {
    const meta = JSON.parse(await readFile(join(cacheDir, `${key}.json`), 'utf8')) as { nextUpdate?: string };
    if (!meta.nextUpdate || new Date(meta.nextUpdate) <= now) return undefined;
    return await readFile(join(cacheDir, `${key}.crl`));
  } catch {
    return undefined;
  }
}

async function store(cacheDir: string | undefined, url: string, body: Buffer, nextUpdate: string | undefined): Promise<void> {
  if (!cacheDir || !nextUpdate) return;
  const key = createHash('sha256').update(url).digest('hex');
  try {
    await mkdir(cacheDir, { recursive: true });
    await writeFile(join(cacheDir, `${key}.crl`), body);
    await writeFile(join(cacheDir, `${key}.json`), JSON.stringify({ url, nextUpdate }));
  } catch {
    // A cache that cannot be written only costs a download next time.
  }
}

async function checkPoint(url: string, cert: CertificateFacts, issuer: CertificateFacts | undefined, options: CrlProbeOptions): Promise<CrlFetch> {
  const started = Date.now();
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') {
    return { url, outcome: 'unsupported-scheme', detail: `${scheme ?? 'this'}: distribution points are not fetched (only http and https)`, contacted: [], elapsedMs: 0 };
  }
  const fromCache = await cached(options.cacheDir, url, options.now);
  try {
    const deadline = started + options.timeoutSeconds * 1000;
    const got = fromCache ? { body: fromCache, contacted: [] } : await download(url, deadline, options.maxBytes ?? MAX_CRL_BYTES);
    const facts = await evaluate(got.body, cert, issuer);
    if (!fromCache && facts.outcome === 'ok') await store(options.cacheDir, url, got.body, facts.nextUpdate);
    return { url, ...facts, contacted: got.contacted, elapsedMs: Date.now() - started, ...(fromCache ? { fromCache: true } : {}) };
  } catch (error) {
    const contacted = (error as { contacted?: string[] }).contacted ?? [url];
    if (error instanceof FetchFailure) {
      return { url, outcome: error.outcome, detail: error.message, ...(error.httpStatus ? { httpStatus: error.httpStatus } : {}), contacted, elapsedMs: Date.now() - started };
    }
    return { url, outcome: 'network-error', detail: (error as Error).message, contacted, elapsedMs: Date.now() - started };
  }
}

export async function gatherCrlFacts(chain: ChainFacts, options: CrlProbeOptions): Promise<CrlFacts> {
  const jobs: Array<Promise<void>> = [];
  const certificates: CrlCertificateFacts[] = chain.path.map((entry, pathIndex) => ({ pathIndex, urls: entry.cert.crlDistributionPoints, fetches: [] }));
  let pending = 0;
  const started = Date.now();
  const ticker = options.progress ? setInterval(() => {
    if (pending > 0 && Date.now() - started > 1000) options.progress!(`fetching ${pending} CRL(s)... ${Math.round((Date.now() - started) / 1000)} s`);
  }, 250) : undefined;
  chain.path.forEach((entry, pathIndex) => {
    // Trust anchors are not revocation-checked (RFC 5280 6.1).
    if (entry.role === 'root') return;
    const issuer = chain.path[pathIndex + 1]?.cert;
    for (const url of entry.cert.crlDistributionPoints) {
      pending++;
      jobs.push(checkPoint(url, entry.cert, issuer, options).then((fetch) => {
        certificates[pathIndex]!.fetches.push(fetch);
        pending--;
      }));
    }
  });
  await Promise.all(jobs);
  if (ticker) clearInterval(ticker);
  options.progress?.(null);
  for (const c of certificates) c.fetches.sort((a, b) => c.urls.indexOf(a.url) - c.urls.indexOf(b.url));
  return { attempted: true, certificates, timeoutSeconds: options.timeoutSeconds };
}
