/**
 * One check from options to report: gather facts (parsers, trust stores, probes), run the pure
 * rules, build the report. No argv, no process exit codes here.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { acceptedCas } from '../rules/data/accepted-cas.js';
import { trunkRules } from '../rules/index.js';
import { runRules } from './engine/runner.js';
import type { CheckContext } from './engine/types.js';
import { InputError } from './errors.js';
import type { CertificateFacts } from './model/certificate.js';
import type { CrlFacts } from './model/crl.js';
import type { TlsEndpointSettings } from './model/endpoint.js';
import type { TlsEndpointFacts, TlsFacts, TlsVersion } from './model/tls.js';
import { flagEndpoints } from './providers/flags.js';
import { MAX_INPUT_BYTES, parseChainInput } from './parsers/chain-input.js';
import { buildReport } from './report/build.js';
import type { Report } from './report/types.js';
import { gatherSipFacts } from './sip/facts.js';
import { byocAnchors, customAnchors } from './trust/anchors.js';
import { CertificateDecodeError, decodeCertificate } from './x509/certificate.js';
import { buildChain } from './x509/chain.js';
import { addCrlFiles } from './x509/crl-file.js';

export interface CheckOptions {
  /** A path, or "-" for standard input. */
  chain: string;
  stdin?: () => Promise<Buffer>;
  uris?: string[];
  sbcs?: string[];
  region?: string;
  ciphers?: string;
  curves?: string;
  tlsMin?: string;
  tlsMax?: string;
  at?: Date;
  warnDays?: number;
  caFile?: string;
  offline?: boolean;
  timeoutSeconds?: number;
  cacheDir?: string;
  /** Environment for network probes: HTTPS_PROXY, HTTP_PROXY, NO_PROXY (and lower case). None: direct connections. */
  env?: Record<string, string | undefined>;
  /** --crl: CRL files (PEM or DER) given by the user; they feed not-revoked, also with --offline. */
  crlFiles?: string[];
  /** --max-depth: the SBC's verify depth. */
  maxDepth?: number;
  /** --pki-profile (default 'default'). */
  pkiProfile?: 'default' | 'strict';
  /** Called for slow network steps (CRL downloads), for a progress line. */
  progress?: (message: string | null) => void;
  version?: string;
  /** Recorded in the report: they shape the verdict or the exit code, not the facts. */
  strict?: boolean;
  format?: string;
  profile?: string | null;
}

export async function readInputFile(path: string, what: string): Promise<Buffer> {
  let info;
  try {
    info = statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? `${what} ${path}: no such file` : `${what} ${path}: cannot read it (${code ?? (error as Error).message})`);
  }
  if (info.isDirectory()) throw new InputError(`${what} ${path} is a directory, not a file`);
  if (info.size > MAX_INPUT_BYTES) throw new InputError(`${what} ${path} is ${Math.round(info.size / 1048576)} MiB; a certificate chain is a few KiB (limit ${MAX_INPUT_BYTES / 1048576} MiB)`);
  try {
    return readFileSync(path);
  } catch (error) {
    throw new InputError(`${what} ${path}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}

export function decodeAll(ders: Buffer[], name: string): CertificateFacts[] {
  return ders.map((der, i) => {
    try {
      return decodeCertificate(der);
    } catch (error) {
      if (error instanceof CertificateDecodeError) throw new InputError(`${name}: certificate #${i + 1} cannot be used: ${error.message}`);
      throw error;
    }
  });
}

export async function loadCaFile(path: string): Promise<CertificateFacts[]> {
  const buf = await readInputFile(path, '--ca file');
  const parsed = await parseChainInput(buf, path, Infinity);
  return decodeAll(parsed.certificates, path);
}

/** Endpoints with a cipher string or group list are resolved by OpenSSL (a lazily loaded chunk); the rest pass through. */
export async function resolveTls(endpoints: TlsEndpointSettings[]): Promise<TlsEndpointFacts[]> {
  if (!endpoints.some((e) => e.ciphers || e.curves)) return endpoints;
  const { resolveEndpoints } = await import('./tls/facts.js');
  return resolveEndpoints(endpoints);
}

export async function check(options: CheckOptions): Promise<Report> {
  const name = options.chain === '-' ? '<stdin>' : options.chain;
  const buf = options.chain === '-' ? await options.stdin!() : await readInputFile(options.chain, 'chain file');
  if (options.chain === '-' && buf.length > MAX_INPUT_BYTES) throw new InputError('<stdin> is larger than a certificate chain can be');
  const input = await parseChainInput(buf, name);
  const certificates = decodeAll(input.certificates, name);
  const anchors = options.caFile ? customAnchors(await loadCaFile(options.caFile)) : byocAnchors(acceptedCas);
  const chain = buildChain(certificates, anchors);
  const now = options.at ?? new Date();
  const offline = options.offline ?? false;
  const sip = gatherSipFacts(options.uris ?? [], options.sbcs ?? [], options.region);

  const endpoints = flagEndpoints({ ciphers: options.ciphers, curves: options.curves, tlsMin: options.tlsMin as TlsVersion | undefined, tlsMax: options.tlsMax as TlsVersion | undefined });
  const tls: TlsFacts = { endpoints: await resolveTls(endpoints) };

  const timeoutSeconds = options.timeoutSeconds ?? 10;
  let crl: CrlFacts = { attempted: false, certificates: [], timeoutSeconds };
  if (!offline) {
    const { gatherCrlFacts } = await import('./probes/crl.js');
    crl = await gatherCrlFacts(chain, { now, timeoutSeconds, cacheDir: options.cacheDir, progress: options.progress, env: options.env });
  }
  if (options.crlFiles?.length) {
    const files = await Promise.all(options.crlFiles.map(async (path) => ({ path, der: await readInputFile(path, '--crl file') })));
    crl = addCrlFiles(crl, chain, files, now);
  }

  const ctx: CheckContext = {
    now,
    warnDays: options.warnDays ?? 30,
    offline,
    input: { name, format: input.format, sha256: createHash('sha256').update(buf).digest('hex'), privateKeys: input.privateKeys },
    chain,
    acceptedCas,
    sip,
    tls,
    crl,
    pkiProfile: options.pkiProfile ?? 'default',
    ...(options.maxDepth !== undefined ? { maxDepth: options.maxDepth } : {}),
  };
  const results = runRules(trunkRules, ctx);
  const recorded = {
    at: options.at ? options.at.toISOString() : null,
    offline,
    strict: options.strict ?? false,
    profile: options.profile ?? null,
    format: options.format ?? 'json',
    caFile: options.caFile ?? null,
    warnDays: ctx.warnDays,
    timeoutSeconds,
    region: options.region ?? null,
  };
  return buildReport(ctx, results, options.version ?? '0.0.0', options.caFile ? `--ca ${options.caFile}` : 'BYOC Cloud accepted-CA list', trunkRules, { options: recorded, openssl: process.versions.openssl });
}
