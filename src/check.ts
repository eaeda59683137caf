/**
 * One check from options to report: gather facts (parsers, trust stores, probes), run the pure
 * rules, build the report. No argv, no process exit codes here.
 */
import { createHash } from 'node:crypto';
import { acceptedCas } from '../rules/data/accepted-cas.js';
import { rules } from '../rules/index.js';
import { runRules } from './engine/runner.js';
import type { CheckContext } from './engine/types.js';
import type { CertificateFacts } from './model/certificate.js';
import type { CrlFacts } from './model/crl.js';
import type { TlsFacts } from './model/tls.js';
import { loadCertificates } from './input/certificates.js';
import { buildReport } from './report/build.js';
import type { Report } from './report/types.js';
import { gatherSipFacts } from './sip/facts.js';
import { byocAnchors, customAnchors } from './trust/anchors.js';
import { buildChain } from './x509/chain.js';

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
  /** Called for slow network steps (CRL downloads), for a progress line. */
  progress?: (message: string | null) => void;
  version?: string;
  /** Opens PKCS#12 inputs (BYOC_CHECK_P12_PASSWORD); never printed. */
  p12Password?: string;
}

/** The certificate loader lives in input/certificates.ts. */
export { decodeAll } from './input/certificates.js';

async function loadCaFile(path: string, p12Password?: string): Promise<CertificateFacts[]> {
  return (await loadCertificates(path, { what: '--ca file', maxCertificates: Infinity, p12Password })).certificates;
}

export async function check(options: CheckOptions): Promise<Report> {
  const { name, bytes: buf, input, certificates } = await loadCertificates(options.chain, { what: 'chain file', stdin: options.stdin, p12Password: options.p12Password });
  const anchors = options.caFile ? customAnchors(await loadCaFile(options.caFile, options.p12Password)) : byocAnchors(acceptedCas);
  const chain = buildChain(certificates, anchors);
  const now = options.at ?? new Date();
  const offline = options.offline ?? false;
  const sip = gatherSipFacts(options.uris ?? [], options.sbcs ?? [], options.region);

  let tls: TlsFacts = { ciphersGiven: false, curvesGiven: false, versionsGiven: false, roles: [] };
  if (options.ciphers !== undefined || options.curves !== undefined || options.tlsMin || options.tlsMax) {
    const { gatherTlsFacts } = await import('./tls/facts.js');
    tls = await gatherTlsFacts({ ciphers: options.ciphers, curves: options.curves, tlsMin: options.tlsMin, tlsMax: options.tlsMax });
  }

  const timeoutSeconds = options.timeoutSeconds ?? 10;
  let crl: CrlFacts = { attempted: false, certificates: [], timeoutSeconds };
  if (!offline) {
    const { gatherCrlFacts } = await import('./probes/crl.js');
    crl = await gatherCrlFacts(chain, { now, timeoutSeconds, cacheDir: options.cacheDir, progress: options.progress });
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
  };
  const results = runRules(rules, ctx);
  return buildReport(ctx, results, options.version ?? '0.0.0', options.caFile ? `--ca ${options.caFile}` : 'BYOC Cloud accepted-CA list');
}
