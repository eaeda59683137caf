/**
 * CRL probe: downloads each certificate's http(s) CRL distribution points concurrently, with a
 * deadline per distribution point (redirects included), a body cap and at most five redirects,
 * then parses (pkijs) and verifies the CRL with the issuer's key. Never hangs: every request is
 * aborted at its deadline. Downloads use undici, through HTTPS_PROXY / HTTP_PROXY unless NO_PROXY
 * says otherwise, and a failure says whether this machine's network (DNS, route, proxy) or the CRL
 * server failed. CRL bytes stay here; only facts leave.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as asn1js from 'asn1js';
import { Certificate, CertificateRevocationList } from 'pkijs';
import { Agent, ProxyAgent, request as undiciRequest, type Dispatcher } from 'undici';
import type { ChainFacts } from '../model/chain.js';
import type { CrlCertificateFacts, CrlFacts, CrlFetch } from '../model/crl.js';
import type { CertificateFacts } from '../model/certificate.js';
import { displayProxy, proxyFor, proxySettings, type ProxySettings } from './proxy.js';
import { CRL_REASONS } from '../model/crl.js';

export const MAX_CRL_BYTES = 20 * 1024 * 1024;
export const MAX_REDIRECTS = 5;

export interface CrlProbeOptions {
  now: Date;
  timeoutSeconds: number;
  cacheDir?: string;
  maxBytes?: number;
  progress?: (message: string | null) => void;
  /** Environment variables: HTTPS_PROXY, HTTP_PROXY, NO_PROXY (and lower-case). None: direct. */
  env?: Record<string, string | undefined>;
}

class FetchFailure extends Error {
  constructor(
    readonly outcome: CrlFetch['outcome'],
    message: string,
    readonly httpStatus?: number,
  ) {
    super(message);
  }
}

interface Download {
  body: Buffer;
  contacted: string[];
  via?: string;
}

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NODATA', 'EAI_NONAME']);
const ROUTE_CODES = new Set(['ENETUNREACH', 'EHOSTUNREACH', 'ENETDOWN', 'EHOSTDOWN', 'EADDRNOTAVAIL']);

/** The Node error code behind an undici error (undici wraps some in `cause`). */
function errorCode(error: unknown): string | undefined {
  let e = error as { code?: string; cause?: unknown } | undefined;
  for (let i = 0; e && i < 4; i++, e = e.cause as typeof e) {
    if (e.code && !e.code.startsWith('UND_ERR')) return e.code;
  }
  return (error as { code?: string } | undefined)?.code;
}

/** One dispatcher per proxy (or direct) per run, closed at the end of the run. */
class Dispatchers {
  private readonly pool = new Map<string, Dispatcher>();
  constructor(
    private readonly settings: ProxySettings,
    private readonly connectTimeoutMs: number,
  ) {}

  for(url: URL): { dispatcher: Dispatcher; proxy?: string } {
    const proxy = proxyFor(url, this.settings);
    const key = proxy ?? '';
    let dispatcher = this.pool.get(key);
    if (!dispatcher) {
      const common = { connectTimeout: this.connectTimeoutMs, connections: 4, pipelining: 0 };
      // Plain-http CRLs go to the proxy as absolute-URI requests (no CONNECT), as curl does.
      dispatcher = proxy ? new ProxyAgent({ ...common, uri: proxy, proxyTunnel: false }) : new Agent(common);
      this.pool.set(key, dispatcher);
    }
    return { dispatcher, ...(proxy ? { proxy } : {}) };
  }

  async destroy(): Promise<void> {
    await Promise.all([...this.pool.values()].map((d) => d.destroy().catch(() => undefined)));
  }
}

/** Names the failure by where it happened: this machine (DNS, route, proxy) or the CRL server. */
function classify(error: unknown, url: URL, proxy: string | undefined): FetchFailure {
  if (error instanceof FetchFailure) return error;
  const code = errorCode(error);
  const message = (error as Error).message ?? String(error);
  if (proxy) {
    const via = displayProxy(proxy);
    const status = /Proxy response \((\d+)\)/.exec(message)?.[1];
    if (status === '407' || /Proxy Authentication Required/i.test(message)) {
      return new FetchFailure(
        'proxy-error',
        `the proxy ${via} asks for credentials (HTTP 407); put them in the proxy URL (http://user:password@host:port)`,
        407,
      );
    }
    if (status && !['502', '503', '504'].includes(status))
      return new FetchFailure('proxy-error', `the proxy ${via} refused to connect to ${url.host} (HTTP ${status})`, Number(status));
    if (status) return new FetchFailure('network-error', `the proxy ${via} could not reach ${url.host} (HTTP ${status})`, Number(status));
    const proxyHost = (() => {
      try {
        return new URL(proxy).hostname;
      } catch {
        return undefined;
      }
    })();
    const failedHost = (error as { hostname?: string }).hostname ?? (error as { cause?: { hostname?: string } }).cause?.hostname;
    if (code === 'ECONNREFUSED') return new FetchFailure('proxy-error', `connection refused by the proxy ${via}`);
    if (code && DNS_CODES.has(code) && (!failedHost || failedHost === proxyHost))
      return new FetchFailure('proxy-error', `cannot resolve the proxy ${via}`);
    if (code && ROUTE_CODES.has(code)) return new FetchFailure('proxy-error', `no network route to the proxy ${via} (${code})`);
    if (code === 'UND_ERR_CONNECT_TIMEOUT') return new FetchFailure('proxy-error', `the proxy ${via} did not accept a connection in time`);
  }
  if (code && DNS_CODES.has(code)) return new FetchFailure('dns-error', `cannot resolve ${url.hostname} (${code})`);
  if (code && ROUTE_CODES.has(code)) return new FetchFailure('no-route', `no network route to ${url.host} (${code})`);
  if (code === 'ECONNREFUSED') return new FetchFailure('refused', `connection refused by ${url.host}`);
  if (code === 'UND_ERR_CONNECT_TIMEOUT') return new FetchFailure('timeout', `${url.host} did not accept a connection in time`);
  return new FetchFailure('network-error', message);
}

async function request(
  url: URL,
  deadline: number,
  maxBytes: number,
  dispatchers: Dispatchers,
): Promise<{ status: number; location?: string; body?: Buffer; via?: string }> {
  const remaining = deadline - Date.now();
  if (remaining <= 0) throw new FetchFailure('timeout', 'no answer in time');
  const { dispatcher, proxy } = dispatchers.for(url);
  const timedOut = new FetchFailure(
    'timeout',
    `no complete answer within ${Math.round(remaining / 100) / 10} s${proxy ? ` (through the proxy ${displayProxy(proxy)})` : ''}`,
  );
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(timedOut), remaining);
  try {
    const res = await undiciRequest(url, {
      dispatcher,
      method: 'GET',
      signal: abort.signal,
      headersTimeout: remaining,
      bodyTimeout: remaining,
      headers: { 'user-agent': 'byoc-check (CRL check)', accept: 'application/pkix-crl, application/x-pkcs7-crl, */*' },
    });
    const status = res.statusCode;
    const location = res.headers.location;
    const via = proxy ? displayProxy(proxy) : undefined;
    if (status >= 300 && status < 400 && location) {
      res.body.resume();
      return { status, location: Array.isArray(location) ? location[0]! : location, ...(via ? { via } : {}) };
    }
    if (status === 407) {
      res.body.resume();
      throw proxy
        ? new FetchFailure(
            'proxy-error',
            `the proxy ${via} asks for credentials (HTTP 407); put them in the proxy URL (http://user:password@host:port)`,
            407,
          )
        : new FetchFailure(
            'proxy-error',
            `${url.host} answered HTTP 407 Proxy Authentication Required: this network only lets traffic out through a proxy; set HTTP_PROXY / HTTPS_PROXY`,
            407,
          );
    }
    if (status !== 200) {
      res.body.resume();
      const through = via ? ` (through the proxy ${via})` : '';
      throw new FetchFailure('http-error', `HTTP ${status}${res.statusText ? ` ${res.statusText}` : ''}${through}`, status);
    }
    const declared = Number(res.headers['content-length'] ?? 0);
    if (declared > maxBytes) {
      res.body.destroy();
      throw new FetchFailure('too-large', `the server announces ${declared} bytes, over the ${maxBytes >> 20} MiB limit`);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of res.body) {
      size += (chunk as Buffer).length;
      if (size > maxBytes) {
        res.body.destroy();
        throw new FetchFailure('too-large', `the body passed ${maxBytes >> 20} MiB; download aborted`);
      }
      chunks.push(chunk as Buffer);
    }
    return { status, body: Buffer.concat(chunks), ...(via ? { via } : {}) };
  } catch (error) {
    if (abort.signal.aborted) throw timedOut;
    throw classify(error, url, proxy);
  } finally {
    clearTimeout(timer);
  }
}

async function download(start: string, deadline: number, maxBytes: number, dispatchers: Dispatchers): Promise<Download> {
  const contacted: string[] = [];
  let url = new URL(start);
  for (let hop = 0; ; hop++) {
    contacted.push(url.href);
    const answer = await request(url, deadline, maxBytes, dispatchers).catch((error: unknown) => {
      if (error instanceof FetchFailure) throw Object.assign(error, { contacted });
      throw error;
    });
    if (answer.body) return { body: answer.body, contacted, ...(answer.via ? { via: answer.via } : {}) };
    if (hop >= MAX_REDIRECTS)
      throw Object.assign(new FetchFailure('redirect-error', `more than ${MAX_REDIRECTS} redirects`), { contacted });
    const next = new URL(answer.location!, url);
    if (next.protocol !== 'http:' && next.protocol !== 'https:') {
      throw Object.assign(new FetchFailure('redirect-error', `redirected to ${next.protocol} (only http and https are followed)`), {
        contacted,
      });
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
  return Buffer.from(view)
    .toString('hex')
    .toUpperCase()
    .replace(/^(00)+(?=.)/, '');
}

async function evaluate(
  body: Buffer,
  cert: CertificateFacts,
  issuer: CertificateFacts | undefined,
): Promise<Omit<CrlFetch, 'url' | 'contacted' | 'elapsedMs'>> {
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
  if (!issuer)
    return { ...base, outcome: 'no-issuer', detail: 'the issuer certificate is not available, so the CRL signature could not be checked' };
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
    return {
      ...base,
      revoked: {
        serial: cert.serialNumber,
        date: entry.revocationDate.value.toISOString(),
        ...(Number.isNaN(code) ? {} : { reason: CRL_REASONS[code] || `code ${code}` }),
      },
    };
  }
  return base;
}

interface CacheEntry {
  body: Buffer;
  /** When the CRL was downloaded (absent in cache files written before byoc-check recorded it). */
  fetchedAt?: string;
}

async function cached(cacheDir: string | undefined, url: string, now: Date): Promise<CacheEntry | undefined> {
  if (!cacheDir) return undefined;
  const key = createHash('sha256').update(url).digest('hex');
  try {
    const meta = JSON.parse(await readFile(join(cacheDir, `${key}.json`), 'utf8')) as { nextUpdate?: string; fetchedAt?: string };
    if (!meta.nextUpdate || new Date(meta.nextUpdate) <= now) return undefined;
    const body = await readFile(join(cacheDir, `${key}.crl`));
    return {
      body,
      ...(typeof meta.fetchedAt === 'string' && !Number.isNaN(Date.parse(meta.fetchedAt)) ? { fetchedAt: meta.fetchedAt } : {}),
    };
  } catch {
    return undefined;
  }
}

async function store(
  cacheDir: string | undefined,
  url: string,
  body: Buffer,
  nextUpdate: string | undefined,
  fetchedAt: string,
): Promise<void> {
  if (!cacheDir || !nextUpdate) return;
  const key = createHash('sha256').update(url).digest('hex');
  try {
    await mkdir(cacheDir, { recursive: true });
    await writeFile(join(cacheDir, `${key}.crl`), body);
    await writeFile(join(cacheDir, `${key}.json`), JSON.stringify({ url, nextUpdate, fetchedAt }));
  } catch {
    // A cache that cannot be written only costs a download next time.
  }
}

async function checkPoint(
  url: string,
  cert: CertificateFacts,
  issuer: CertificateFacts | undefined,
  options: CrlProbeOptions,
  dispatchers: Dispatchers,
): Promise<CrlFetch> {
  const started = Date.now();
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') {
    return {
      url,
      outcome: 'unsupported-scheme',
      detail: `${scheme ?? 'this'}: distribution points are not fetched (only http and https)`,
      contacted: [],
      elapsedMs: 0,
    };
  }
  const fromCache = await cached(options.cacheDir, url, options.now);
  try {
    const deadline = started + options.timeoutSeconds * 1000;
    const got: Download = fromCache
      ? { body: fromCache.body, contacted: [] }
      : await download(url, deadline, options.maxBytes ?? MAX_CRL_BYTES, dispatchers);
    // The wall-clock time of the download (not --at): a cached CRL is reported with it.
    const fetchedAt = new Date().toISOString();
    const facts = await evaluate(got.body, cert, issuer);
    if (!fromCache && facts.outcome === 'ok') await store(options.cacheDir, url, got.body, facts.nextUpdate, fetchedAt);
    const provenance = fromCache
      ? { fromCache: true, ...(fromCache.fetchedAt ? { fetchedAt: fromCache.fetchedAt } : {}) }
      : { fetchedAt, ...(got.via ? { via: got.via } : {}) };
    return { url, ...facts, contacted: got.contacted, elapsedMs: Date.now() - started, ...provenance };
  } catch (error) {
    const contacted = (error as { contacted?: string[] }).contacted ?? [url];
    if (error instanceof FetchFailure) {
      return {
        url,
        outcome: error.outcome,
        detail: error.message,
        ...(error.httpStatus ? { httpStatus: error.httpStatus } : {}),
        contacted,
        elapsedMs: Date.now() - started,
      };
    }
    return { url, outcome: 'network-error', detail: (error as Error).message, contacted, elapsedMs: Date.now() - started };
  }
}

export async function gatherCrlFacts(chain: ChainFacts, options: CrlProbeOptions): Promise<CrlFacts> {
  const jobs: Array<Promise<void>> = [];
  const certificates: CrlCertificateFacts[] = chain.path.map((entry, pathIndex) => ({
    pathIndex,
    urls: entry.cert.crlDistributionPoints,
    fetches: [],
  }));
  const settings = proxySettings(options.env ?? {});
  const dispatchers = new Dispatchers(settings, options.timeoutSeconds * 1000);
  let pending = 0;
  const started = Date.now();
  const ticker = options.progress
    ? setInterval(() => {
        if (pending > 0 && Date.now() - started > 1000)
          options.progress!(`fetching ${pending} CRL(s)... ${Math.round((Date.now() - started) / 1000)} s`);
      }, 250)
    : undefined;
  chain.path.forEach((entry, pathIndex) => {
    // Trust anchors are not revocation-checked (RFC 5280 6.1).
    if (entry.role === 'root') return;
    const issuer = chain.path[pathIndex + 1]?.cert;
    for (const url of entry.cert.crlDistributionPoints) {
      pending++;
      jobs.push(
        checkPoint(url, entry.cert, issuer, options, dispatchers).then((fetch) => {
          certificates[pathIndex]!.fetches.push(fetch);
          pending--;
        }),
      );
    }
  });
  try {
    await Promise.all(jobs);
  } finally {
    if (ticker) clearInterval(ticker);
    await dispatchers.destroy();
  }
  options.progress?.(null);
  for (const c of certificates) c.fetches.sort((a, b) => c.urls.indexOf(a.url) - c.urls.indexOf(b.url));
  const proxy = {
    ...(settings.httpsProxy ? { https: displayProxy(settings.httpsProxy) } : {}),
    ...(settings.httpProxy ? { http: displayProxy(settings.httpProxy) } : {}),
    ...(settings.noProxy ? { noProxy: settings.noProxy } : {}),
  };
  return { attempted: true, certificates, timeoutSeconds: options.timeoutSeconds, ...(Object.keys(proxy).length ? { proxy } : {}) };
}
