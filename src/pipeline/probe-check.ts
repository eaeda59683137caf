/**
 * `byoc-check probe`: the live probe as one more provider of facts. The chain the SBC sends feeds
 * the chain, trust, validity, key, usage and name rules; what its TLS listener accepts becomes a
 * server-role endpoint for the tls-* rules; then the same rules run as for files. No argv here.
 */
import { createHash, X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';
import { acceptedCas } from '../../rules/data/accepted-cas.js';
import { BYOC_GROUP, byocSuites } from '../../rules/data/byoc-suites.js';
import { suiteNames } from '../../rules/data/cipher-names.js';
import { trunkRules } from '../../rules/index.js';
import { decodeAll } from '../input/certificates.js';
import { finishReport } from './finish-report.js';
import { loadCaFile } from './inputs.js';
import { runRules } from '../engine/runner.js';
import type { CheckContext } from '../engine/types.js';
import type { CertificateFacts } from '../model/certificate.js';
import type { ChainFacts } from '../model/chain.js';
import { isInputError } from '../errors.js';
import { printable } from '../util/text.js';
import type { CrlFacts } from '../model/crl.js';
import { probe, type ProbeSuite } from '../providers/live/handshakes.js';
import { probeEndpoint } from '../providers/probe-endpoint.js';
import type { Report } from '../report/types.js';
import { gatherSipFacts } from '../sip/facts.js';
import { byocAnchors, customAnchors } from '../trust/anchors.js';
import { buildChain, emptyChain } from '../x509/chain.js';

export interface ProbeCheckOptions {
  host: string;
  port: number;
  /** The name Genesys dials (HOST[:PORT] as in the trunk's SIP Servers or Proxies). */
  sbc?: string;
  uris?: string[];
  region?: string;
  caFile?: string;
  at?: Date;
  warnDays?: number;
  timeoutSeconds: number;
  sipWaitSeconds?: number;
  offline?: boolean;
  cacheDir?: string;
  concurrency?: number;
  version?: string;
  /** Recorded in the report's options. */
  strict?: boolean;
  format?: string;
}

/**
 * BYOC Cloud's offer, strongest first and the deprecated suites last (Genesys ranks them last;
 * its exact order is not published, and servers that honour their own order ignore it).
 */
export function byocOffer(): ProbeSuite[] {
  const rank = (s: (typeof byocSuites)[number]) => (s.status === 'deprecated' ? 2 : 0) + (s.keyExchange === 'ECDHE' ? 0 : 1);
  return [...byocSuites]
    .sort(
      (a, b) =>
        rank(a) - rank(b) ||
        (b.openssl.includes('GCM') ? 1 : 0) - (a.openssl.includes('GCM') ? 1 : 0) ||
        b.openssl.localeCompare(a.openssl),
    )
    .map((s) => ({ ...s }));
}

/**
 * "sbc1.example.com:5061" -> { name, entry }. A name without a port is what Genesys dials on 5061, its
 * default for TLS trunks: the port the probe connects to is where this machine reaches the SBC (NAT,
 * a lab port), not what Genesys dials.
 */
function splitSbc(sbc: string): { name: string; entry: string } {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(sbc);
  if (bracketed) return { name: bracketed[1]!, entry: bracketed[2] ? sbc : `${sbc}:${GENESYS_TLS_PORT}` };
  const m = /^([^:]+):(\d+)$/.exec(sbc);
  if (m) return { name: m[1]!, entry: sbc };
  return { name: sbc, entry: isIP(sbc) === 6 ? `[${sbc}]:${GENESYS_TLS_PORT}` : `${sbc}:${GENESYS_TLS_PORT}` };
}

/** The port Genesys dials for a TLS trunk when the SIP server entry names none. */
const GENESYS_TLS_PORT = 5061;

export async function probeCheck(options: ProbeCheckOptions): Promise<Report> {
  const now = options.at ?? new Date();
  const offline = options.offline ?? false;
  const sbc = options.sbc ? splitSbc(options.sbc) : !isIP(options.host) ? splitSbc(options.host) : undefined;
  // Flags are validated before anything touches the network.
  const sip = gatherSipFacts(options.uris ?? [], sbc ? [sbc.entry] : [], options.region);
  const anchors = options.caFile ? customAnchors(await loadCaFile(options.caFile)) : byocAnchors(acceptedCas);

  const observed = await probe({
    host: options.host,
    port: options.port,
    ...(sbc && !isIP(sbc.name) ? { sbcName: sbc.name } : {}),
    timeoutS: options.timeoutSeconds,
    ...(options.sipWaitSeconds !== undefined ? { sipWaitS: options.sipWaitSeconds } : {}),
    suites: byocOffer(),
    group: BYOC_GROUP.name,
    suiteNames: new Map(suiteNames.map((s) => [s.code, s.iana])),
    ...(options.concurrency ? { concurrency: options.concurrency } : {}),
    userAgent: `byoc-check/${options.version ?? '0.0.0'}`,
  });
  const facts = observed.facts;
  const name = `probe ${facts.target.host}:${facts.target.port}`;
  // A certificate OpenSSL cannot parse is the SBC's fault (a finding), one only this tool cannot decode is not.
  const certificates: CertificateFacts[] = [];
  let undecoded: string | undefined;
  observed.chainDer.forEach((der, i) => {
    const where = `certificate ${i + 1} of the Certificate message`;
    try {
      certificates.push(...decodeAll([der], `${name} (${where})`));
    } catch (error) {
      if (!isInputError(error)) throw error;
      let opensslError: string | undefined;
      try {
        new X509Certificate(der);
      } catch (e) {
        opensslError = (e as Error).message;
      }
      if (opensslError) facts.chainSent[i] = { ...facts.chainSent[i]!, unparseable: printable(opensslError).slice(0, 200) };
      else undecoded ??= `byoc-check could not decode ${where} (OpenSSL parses it): ${printable((error as Error).message).slice(0, 200)}`;
    }
  });
  const unparseable = facts.chainSent.some((c) => c.unparseable);
  const chain: ChainFacts =
    certificates.length && !unparseable && !undecoded ? buildChain(certificates, anchors) : emptyChain(anchors.mode);

  const endpoint = probeEndpoint(facts, new Map(byocSuites.map((s) => [s.iana, s.openssl])));
  const timeoutSeconds = options.timeoutSeconds;
  let crl: CrlFacts = { attempted: false, certificates: [], timeoutSeconds };
  if (!offline && certificates.length) {
    const { gatherCrlFacts } = await import('../providers/crl.js');
    crl = await gatherCrlFacts(chain, { now, timeoutSeconds, cacheDir: options.cacheDir });
  }

  const ctx: CheckContext = {
    now,
    warnDays: options.warnDays ?? 30,
    offline,
    input: { name, format: 'tls', sha256: createHash('sha256').update(Buffer.concat(observed.chainDer)).digest('hex'), privateKeys: [] },
    chain,
    acceptedCas,
    sip,
    tls: { endpoints: endpoint ? [endpoint] : [] },
    crl,
    probe: facts,
    pkiProfile: 'default',
    // Without a certificate from the SBC, the rules about the chain have nothing to judge.
    ...(certificates.length && !unparseable && !undecoded
      ? {}
      : {
          chainMissing: unparseable
            ? 'the SBC sent a certificate OpenSSL cannot parse (see tls-reachable).'
            : undecoded
              ? `${undecoded}.`
              : facts.fault
                ? `no TLS server answered (${facts.fault.kind}).`
                : 'the SBC sent no certificate in a TLS 1.2 handshake.',
        }),
  };
  const results = runRules(trunkRules, ctx);
  return finishReport(ctx, results, options);
}
