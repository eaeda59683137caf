/**
 * The chain check (`byoc-check CHAIN`) from options to report: gather facts (parsers, trust stores, the
 * CRL provider), run the pure rules, build the report. No argv, no process exit codes here.
 */
import { createHash } from 'node:crypto';
import { acceptedCas } from '../../rules/data/accepted-cas.js';
import { trunkRules } from '../../rules/index.js';
import { runRules } from '../engine/runner.js';
import type { CheckContext } from '../engine/types.js';
import type { CrlFacts } from '../model/crl.js';
import type { TlsFacts } from '../model/tls.js';
import { loadCertificates } from '../input/certificates.js';
import { finishReport } from './finish-report.js';
import { loadCaFile, readInputFile } from './inputs.js';
import { resolveTls } from './tls-settings.js';
import { flagEndpoints } from '../providers/flags.js';
import type { Report } from '../report/types.js';
import { gatherSipFacts } from '../sip/facts.js';
import { byocAnchors, customAnchors } from '../trust/anchors.js';
import { buildChain } from '../x509/chain.js';
import { addCrlFiles } from '../x509/crl-file.js';

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
  /** Opens PKCS#12 inputs (BYOC_CHECK_P12_PASSWORD); never printed. */
  p12Password?: string;
}

export async function check(options: CheckOptions): Promise<Report> {
  const {
    name,
    bytes: buf,
    input,
    certificates,
  } = await loadCertificates(options.chain, { what: 'chain file', stdin: options.stdin, p12Password: options.p12Password });
  const anchors = options.caFile ? customAnchors(await loadCaFile(options.caFile, options.p12Password)) : byocAnchors(acceptedCas);
  const chain = buildChain(certificates, anchors);
  const now = options.at ?? new Date();
  const offline = options.offline ?? false;
  const sip = gatherSipFacts(options.uris ?? [], options.sbcs ?? [], options.region);

  const endpoints = flagEndpoints({ ciphers: options.ciphers, curves: options.curves, tlsMin: options.tlsMin, tlsMax: options.tlsMax });
  const tls: TlsFacts = { endpoints: await resolveTls(endpoints) };

  const timeoutSeconds = options.timeoutSeconds ?? 10;
  let crl: CrlFacts = { attempted: false, certificates: [], timeoutSeconds };
  if (!offline) {
    const { gatherCrlFacts } = await import('../providers/crl.js');
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
  return finishReport(ctx, results, { ...options, timeoutSeconds });
}
