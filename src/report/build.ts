import type { ChainFacts } from '../model/chain.js';
import type { Area, CheckContext, RuleResult } from '../engine/types.js';
import type { CertificateFacts } from '../model/certificate.js';
import type { CertificateSummary, Report, ReportOptions, UncheckedArea } from './types.js';
import { reportHead, summaryOf } from './head.js';

/** What the verdict line calls each area. */
const AREA_NAMES: Record<Area, string> = {
  cert: 'certificate chain',
  trust: 'trust',
  sip: 'SIP names',
  tls: 'TLS settings',
  crl: 'CRLs',
  config: 'SBC configuration',
  media: 'SRTP media',
  da: 'data actions',
  genesys: 'Genesys trunk settings',
  'from-sbc': 'Genesys proxies as the SBC sees them',
};
export const AREA_ORDER: Area[] = ['cert', 'trust', 'sip', 'tls', 'crl', 'config', 'media'];

/** The rule catalog as the report needs it: which area each rule id belongs to. */
export type RuleAreas = ReadonlyArray<{ meta: { id: string; area: Area } }>;

const list = (items: string[], last = 'or') =>
  items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} ${last} ${items.at(-1)}`;

/** Why an area was not checked and what to give next time, from the facts (not from rule wording). */
function explain(area: Area, ctx: CheckContext, skipped: RuleResult[]): { reason: string; hint: string; short: string } {
  // A live probe that got no TLS answer observed nothing: the cause is the connection, not a missing flag.
  const fault = ctx.probe?.fault;
  if (fault && area !== 'sip') {
    return {
      reason: `the probe got no TLS answer (${fault.kind}): ${fault.message}`,
      hint: 'check that the SBC listens for TLS on this host and port and that no firewall drops the probe',
      short: `no TLS answer: ${fault.kind}`,
    };
  }
  if (area === 'sip') {
    const missing = [...(ctx.sip.sbcs.some((s) => s.origin === 'sbc') ? [] : ['--sbc']), ...(ctx.sip.uris.length ? [] : ['--uri'])];
    if (missing.length) {
      const how: Record<string, string> = {
        '--sbc': '--sbc HOST:5061 (the trunk\'s "SIP Servers or Proxies" entry)',
        '--uri':
          '--uri (the Request-URI the SBC sends to Genesys, e.g. sip:+NUMBER;tgrp=LABEL;trunk-context=NAMESPACE@lb01.voice.REGION.pure.cloud:5061;transport=tls)',
      };
      return {
        reason: `no ${list(missing)} given`,
        hint: `give ${list(
          missing.map((m) => how[m]!),
          'and',
        )}`,
        short: `give ${missing.join('/')}`,
      };
    }
  }
  if (area === 'tls') {
    const given = (key: 'ciphers' | 'curves' | 'versions') => ctx.tls.endpoints.some((e) => e[key]);
    const missing = [
      ...(given('ciphers') ? [] : ['--ciphers']),
      ...(given('curves') ? [] : ['--curves']),
      ...(given('versions') ? [] : ['--tls-min']),
    ];
    if (missing.length) {
      return {
        reason: `no ${list(missing.map((m) => (m === '--tls-min' ? '--tls-min/--tls-max' : m)))} given`,
        hint: `give the SBC's own TLS settings: ${missing.map((m) => ({ '--ciphers': "--ciphers 'CIPHER:LIST'", '--curves': "--curves 'secp384r1:...'", '--tls-min': '--tls-min 1.2 [--tls-max 1.3]' })[m]).join(' ')}`,
        short: `give ${missing.join('/')}`,
      };
    }
  }
  if (area === 'crl') {
    if (ctx.offline)
      return {
        reason: '--offline: no CRL was downloaded',
        hint: "run without --offline on a machine that reaches the CAs' CRL servers (behind a proxy, set HTTPS_PROXY / HTTP_PROXY)",
        short: '--offline',
      };
    const unreachable = skipped.find((r) => r.evidence?.reason === 'unreachable');
    if (unreachable)
      return {
        reason: unreachable.message,
        hint: 'behind a proxy, set HTTPS_PROXY / HTTP_PROXY (and NO_PROXY); otherwise run where the internet is reachable, or pass --offline to leave CRLs out knowingly',
        short: 'this machine cannot reach the CRL servers; set HTTPS_PROXY/HTTP_PROXY or use --offline',
      };
  }
  const messages = [...new Set(skipped.map((r) => r.message))];
  if (area === 'media')
    return {
      reason: messages.join(' '),
      hint: "state the Genesys leg's media in the trunk profile (srtp: sdes or none, srtpSuites: [...]), or point config: at the file that carries the Genesys leg",
      short: 'no leg to Genesys found; give srtp: in the trunk profile',
    };
  return {
    reason: messages.join(' '),
    hint: `see the skipped results of ${[...new Set(skipped.map((r) => r.rule))].join(', ')}`,
    short: messages[0] ?? 'skipped',
  };
}

/**
 * Areas in which every rule only skipped: nothing there was checked. Derived from the results, so it
 * holds whichever way a rule comes to skip (its own branch or the runner's applicability check).
 */
export function uncheckedAreas(
  ctx: CheckContext,
  results: readonly RuleResult[],
  catalog: RuleAreas,
): Array<UncheckedArea & { short: string }> {
  const areaOf = new Map(catalog.map((r) => [r.meta.id, r.meta.area]));
  const byRule = new Map<string, RuleResult[]>();
  // A rule that does not apply to this kind of input (no SBC configuration read) leaves nothing unchecked.
  for (const r of results) {
    if (r.evidence?.reason === 'not-applicable') continue;
    if (!byRule.has(r.rule)) byRule.set(r.rule, []);
    byRule.get(r.rule)!.push(r);
  }
  const out: Array<UncheckedArea & { short: string }> = [];
  for (const area of AREA_ORDER) {
    // The SBC configuration is only an area when configurations were read (scan).
    if (area === 'config' && !ctx.config) continue;
    // Media is an area only when a configuration or the trunk profile told something about it.
    if (area === 'media' && !ctx.media) continue;
    // A rule left its area unchecked when it only skipped, or when it skipped a target because this
    // machine could not reach what it needed (then its passes elsewhere do not cover that target).
    const rules = [...byRule]
      .filter(
        ([id, rs]) =>
          areaOf.get(id) === area &&
          (rs.every((r) => r.status === 'skip') || rs.some((r) => r.status === 'skip' && r.evidence?.reason === 'unreachable')),
      )
      .map(([id]) => id)
      .sort();
    if (rules.length === 0) continue;
    const skipped = results.filter((r) => rules.includes(r.rule) && r.status === 'skip');
    out.push({ area, rules, ...explain(area, ctx, skipped) });
  }
  return out;
}

/** What the verdict needs of the results (those not suppressed): how many failed and warned, and per area the rules that ran. */
export interface ResultTally {
  fail: number;
  warn: number;
  /** Trunks with a failed result (scan's "N of M trunks would fail"). */
  failingTrunks: Set<string | undefined>;
  ran: Map<Area, Set<string>>;
}

export function emptyTally(): ResultTally {
  return { fail: 0, warn: 0, failingTrunks: new Set(), ran: new Map() };
}

const isTally = (x: readonly RuleResult[] | ResultTally): x is ResultTally => !Array.isArray(x);

const areasOf = new WeakMap<RuleAreas, Map<string, Area>>();

/** Adds results to a tally: a scan adds each trunk's results as they are judged, and then drops them. */
export function tallyResults(tally: ResultTally, results: readonly RuleResult[], catalog: RuleAreas): ResultTally {
  let areaOf = areasOf.get(catalog);
  if (!areaOf) areasOf.set(catalog, (areaOf = new Map(catalog.map((r) => [r.meta.id, r.meta.area]))));
  for (const r of results) {
    if (r.status === 'fail') {
      tally.fail++;
      tally.failingTrunks.add(r.trunk);
    } else if (r.status === 'warn') tally.warn++;
    const area = r.status === 'skip' ? undefined : areaOf.get(r.rule);
    if (!area) continue;
    let ran = tally.ran.get(area);
    if (!ran) tally.ran.set(area, (ran = new Set()));
    ran.add(r.rule);
  }
  return tally;
}

/** The verdict: never "every check passed" while an area went unchecked. */
export function verdictLine(
  results: readonly RuleResult[] | ResultTally,
  unchecked: ReadonlyArray<UncheckedArea & { short: string }>,
  catalog: RuleAreas,
  /** Who refuses what, when something fails: a scan says how many trunks would fail. */
  refusal = 'Genesys will refuse this trunk as it is',
): string {
  const { fail, warn, ran } = isTally(results) ? results : tallyResults(emptyTally(), results, catalog);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const notChecked = unchecked.map((u) => `${AREA_NAMES[u.area]} (${u.short})`).join(', ');
  // An area partly checked names the rules that ran, so it is never both "passed" and "not checked" as a whole.
  const partly = new Set(unchecked.map((u) => u.area));
  const checked = AREA_ORDER.filter((a) => ran.has(a)).map((a) =>
    partly.has(a) ? `${AREA_NAMES[a]} (${[...ran.get(a)!].sort().join(', ')})` : AREA_NAMES[a],
  );
  if (fail) return `NOT READY: ${plural(fail, 'failed check')}; ${refusal}.${notChecked ? ` Not checked: ${notChecked}.` : ''}`;
  if (!notChecked) return warn ? `READY WITH WARNINGS: ${plural(warn, 'warning')} to review.` : 'READY: every check passed.';
  if (checked.length === 0) return `NOTHING CHECKED: not checked: ${notChecked}.`;
  const what = warn ? `${list(checked, 'and')} checked, ${plural(warn, 'warning')} to review` : `${list(checked, 'and')} passed`;
  return `${warn ? 'READY WITH WARNINGS FOR WHAT WAS CHECKED' : 'READY FOR WHAT WAS CHECKED'}: ${what}; not checked: ${notChecked}.`;
}

export function summarize(
  cert: CertificateFacts,
  index: number,
  role: CertificateSummary['role'],
  inputIndex: number | undefined,
  origin: string,
): CertificateSummary {
  return {
    index,
    role,
    presented: inputIndex !== undefined,
    inputIndex: inputIndex ?? null,
    origin,
    subject: cert.subject,
    issuer: cert.issuer,
    serialNumber: cert.serialNumber,
    subjectHash: cert.subjectHash,
    issuerHash: cert.issuerHash,
    sha256: cert.sha256,
    notBefore: cert.notBefore.toISOString(),
    notAfter: cert.notAfter.toISOString(),
    keyType: cert.publicKey.type,
    ...(cert.publicKey.bits ? { keyBits: cert.publicKey.bits } : {}),
    ...(cert.publicKey.curve ? { curve: cert.publicKey.curve } : {}),
    signatureAlgorithm: cert.signatureAlgorithm,
    san: [
      ...cert.san.dns.map((d) => `DNS:${d}`),
      ...cert.san.ip.map((i) => `IP:${i}`),
      ...cert.san.uri.map((u) => `URI:${u}`),
      ...cert.san.email.map((e) => `email:${e}`),
    ],
    crlDistributionPoints: cert.crlDistributionPoints,
  };
}

/** certificates[]: the path first, then presented certificates that are not on it. */
export function summarizeChain(chain: ChainFacts): CertificateSummary[] {
  return [
    ...chain.path.map((p, i) => summarize(p.cert, i, p.role, p.inputIndex, p.inputIndex !== undefined ? 'input' : (p.origin ?? 'input'))),
    ...chain.extras.map((inputIndex, n) => summarize(chain.input[inputIndex]!, chain.path.length + n, 'unused', inputIndex, 'input')),
  ];
}

/** The report is a pure function of the context and the results. */
export function buildReport(
  ctx: CheckContext,
  results: RuleResult[],
  version: string,
  anchors: string,
  catalog: RuleAreas,
  run: { options: ReportOptions; openssl: string },
): Report {
  const { chain } = ctx;
  const certificates = summarizeChain(chain);
  const unchecked = uncheckedAreas(ctx, results, catalog);
  return {
    ...reportHead(version, ctx.now, summaryOf(results)),
    input: { name: ctx.input.name, format: ctx.input.format, sha256: ctx.input.sha256, certificates: chain.input.length },
    trust: { mode: chain.trustMode, anchors },
    certificates,
    results,
    options: run.options,
    openssl: run.openssl,
    unchecked: unchecked.map(({ short: _short, ...u }) => u),
    verdict: verdictLine(results, unchecked, catalog),
    ...(ctx.probe ? { probe: ctx.probe } : {}),
  };
}
