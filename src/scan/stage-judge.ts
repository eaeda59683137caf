/**
 * Stage 7 of `scan`: each chosen trunk judged by the trunk rules, once per certificate chain its
 * endpoints send (a unit); committed keys no trunk involves by private-key alone; the org's trunks by
 * the genesys rules. Results carry their trunk, endpoint and location.
 */
import { acceptedCas } from '../../rules/data/accepted-cas.js';
import { rules, trunkRules } from '../../rules/index.js';
import { runRules } from '../engine/runner.js';
import type { CheckContext, InputFacts, RuleResult, SourceLocation } from '../engine/types.js';
import { InputError, isInputError } from '../errors.js';
import type { CrlFacts } from '../model/crl.js';
import type { MediaFacts } from '../model/media.js';
import type { TlsEndpointFacts } from '../model/tls.js';
import { summarizeChain } from '../report/build.js';
import type { CertificateSummary, EndpointJson, ScanTrunk } from '../report/types.js';
import { gatherSipFacts } from '../sip/facts.js';
import { byocAnchors, customAnchors } from '../trust/anchors.js';
import { buildChain, emptyChain, type Anchors } from '../x509/chain.js';
import { genesysLocation, judgeGenesys, ORG_TRUNK, trunkSip } from './genesys.js';
import type { Profile } from './profile.js';
import { endpointJson } from './endpoint-json.js';
import { JsonArrayLog, ResultLog } from './results-log.js';
import type { KeyFiles, References, Resolved, ScanOptions, ScanRun, TrunkPlan, Unit } from './run.js';
import { resolveSettings } from './stage-settings.js';
import { applySuppressions } from './stage-suppress.js';
import { UncheckedAcross } from './unchecked.js';

export interface Judged {
  log: ResultLog;
  endpoints: JsonArrayLog<EndpointJson>;
  unchecked: UncheckedAcross;
  certificates: CertificateSummary[];
  trunks: ScanTrunk[];
}

/** A trunk's units: its server endpoints grouped by the chain file they send; client endpoints go with the first. */
async function unitsOf(run: ScanRun, plan: TrunkPlan, resolved: Resolved, { resolvedCert }: References): Promise<Unit[]> {
  const { fileInfo } = run;
  const units: Unit[] = [];
  const endpoints = plan.endpoints.map((e) => resolved.get(e)!);
  const servers = endpoints.filter((e) => e.role === 'server');
  const groups = new Map<string, TlsEndpointFacts[]>();
  if (plan.chainFile) groups.set('path' in plan.chainFile ? plan.chainFile.path : `missing:${plan.chainFile.missing}`, servers);
  else
    for (const e of servers) {
      const r = resolvedCert.get(plan.endpoints[endpoints.indexOf(e)]!);
      const key = !r ? 'none:' : 'path' in r ? r.path : `missing:${r.written}`;
      groups.set(key, [...(groups.get(key) ?? []), e]);
    }
  if (groups.size === 0) groups.set('none:', []);
  let first = true;
  for (const [key, members] of groups) {
    const unit: Unit = { trunk: plan, endpoints: first ? [...members, ...endpoints.filter((e) => e.role === 'client')] : members, first };
    if (key === 'none:')
      unit.chainMissing = plan.endpoints.length
        ? 'no endpoint of this trunk names a certificate file (give `chain:` for the trunk in byoc-check.yaml)'
        : 'nothing names a certificate';
    else if (key.startsWith('missing:')) {
      const tried =
        plan.chainFile && 'tried' in plan.chainFile
          ? plan.chainFile.tried
          : ([...resolvedCert.values()].find((r) => 'written' in r && r.written === key.slice(8)) as { tried: string[] } | undefined);
      const triedList = Array.isArray(tried) ? tried : (tried?.tried ?? []);
      unit.chainMissing = `the certificate file ${key.slice(8)} is not in the repository (tried ${triedList.join(', ') || 'nothing'}); map deployment paths with --path-map FROM=TO or pathMap in byoc-check.yaml`;
    } else {
      const how =
        plan.chainFile && 'path' in plan.chainFile
          ? plan.chainFile.how
          : (() => {
              const r = resolvedCert.get(plan.endpoints[endpoints.indexOf(members[0]!)]!) as { how: string } | undefined;
              return r?.how ?? 'found by scan';
            })();
      unit.chain = await run.chains.load(key, how);
      fileInfo(key, 'certificate');
      if (!unit.chain.certificates)
        unit.chainMissing = unit.chain.error!.startsWith(key) ? unit.chain.error! : `${key}: ${unit.chain.error}`;
    }
    units.push(unit);
    first = false;
  }
  return units;
}

/** What the trunk entry of the report says: its files, endpoints, chains, names, and what it left unchecked. */
function trunkEntry(plan: TrunkPlan, unitSummaries: ScanTrunk['chains'], options: ScanOptions): ScanTrunk {
  const trunkName = `trunk[${plan.name}]`;
  const sipOf = trunkSip(plan.profile, plan.genesys);
  const noSbc = !sipOf.sbc.length;
  const noUris = !plan.profile?.uris?.length;
  const noRegion = !(plan.profile?.region ?? options.region);
  const gaps = [
    noSbc ? 'the SBC names Genesys dials (subject-name, sip-port, host-not-ip)' : '',
    noUris ? 'the Request-URIs (uri-transport, uri-params, byoc-host)' : '',
    noRegion ? "the region's Genesys roots (trusts-genesys checks every region's)" : '',
  ].filter(Boolean);
  const add = [noSbc ? '`sbc:`' : '', noUris ? '`uris:`' : '', noRegion ? '`region:`' : ''].filter(Boolean);
  const missing = gaps;
  return {
    name: plan.name,
    target: trunkName,
    origin: plan.origin,
    configFiles: plan.configFiles,
    endpoints: plan.endpoints.map((e) => e.id),
    ...(plan.media.length ? { media: plan.media.map((m) => m.id) } : {}),
    chains: unitSummaries,
    ...((plan.profile?.region ?? options.region) ? { region: plan.profile?.region ?? options.region } : {}),
    sbc: sipOf.sbc.map((s) => (typeof s === 'string' ? s : s.raw)),
    uris: plan.profile?.uris ?? [],
    ...(plan.genesys
      ? {
          genesys: {
            wanted: plan.genesys.wanted,
            ...(plan.genesys.trunk ? { id: plan.genesys.trunk.id, name: plan.genesys.trunk.name } : {}),
          },
        }
      : {}),
    ...(missing.length ? { notChecked: `${missing.join('; ')}: add ${add.join(', ')} for this trunk in byoc-check.yaml` } : {}),
  };
}

/** Trunks resolved and judged this many at a time: their chain files are decoded again if a later batch names them. */
const BATCH_SIZE = 64;

export async function judgeTrunks(
  run: ScanRun,
  chosen: readonly TrunkPlan[],
  refs: References,
  { keyFiles, keysChosen }: { keyFiles: KeyFiles; keysChosen: string[] },
): Promise<Judged> {
  const { options, profile, genesys } = run;
  const spill = options.spillResults === true;
  const judged: Judged = {
    log: new ResultLog(spill),
    endpoints: new JsonArrayLog<EndpointJson>(spill),
    unchecked: new UncheckedAcross(options),
    certificates: [],
    trunks: [],
  };
  const context: ContextOptions = {
    now: options.at ?? new Date(),
    warnDays: options.warnDays ?? 30,
    online: options.online === true,
    timeoutSeconds: options.timeoutSeconds ?? 10,
    cacheDir: options.cacheDir,
    anchors: options.caCertificates ? customAnchors(options.caCertificates) : byocAnchors(acceptedCas),
    region: options.region,
    keyFiles,
    profile,
    pkiProfile: options.pkiProfile ?? 'default',
    loaded: new Map(),
    // A value the product defaulted has no line of its own: its endpoint's declaration stands in.
    declaredAt: new Map(chosen.flatMap((p) => p.endpoints.filter((e) => e.declared?.file).map((e) => [e.id, e.declared!] as const))),
  };
  const memo = {};
  const size = Math.max(1, options.batchSize ?? BATCH_SIZE);
  for (let start = 0; start < chosen.length; start += size) {
    const batch = chosen.slice(start, start + size);
    const resolved = await resolveSettings(run, batch, refs, memo);
    context.loaded = new Map(batch.map((p) => [p, [...p.endpoints, ...p.loadedOnly].map((e) => resolved.get(e)!)] as const));
    for (const plan of batch) {
      await judgeTrunk(run, plan, resolved, refs, context, judged);
      judged.endpoints.add(context.loaded.get(plan)!.map(endpointJson));
    }
    // Each batch's facts and chains are dropped with it: memory stays flat in the number of trunks.
    run.chains.release();
    run.heap.checkNow();
  }
  if (keysChosen.length)
    judged.log.add(await judgeOrphanKeys(keysChosen, { ...context, online: false, pkiProfile: 'default' }, judged.trunks));
  if (genesys) {
    const own = judgeGenesys(genesys, new Set(chosen.map((p) => p.name)));
    const named = new Set(own.map((r) => r.trunk));
    for (const plan of chosen) if (named.has(plan.name)) applySuppressions(plan, own);
    judged.log.add(own);
    if (own.some((r) => r.trunk === ORG_TRUNK)) judged.trunks.push(orgTrunkEntry());
  }
  return judged;
}

/** One trunk, once per chain it sends; its results are suppressed, counted and handed on, and not kept here. */
async function judgeTrunk(run: ScanRun, plan: TrunkPlan, resolved: Resolved, refs: References, context: ContextOptions, judged: Judged) {
  const { certificates } = judged;
  const results: RuleResult[] = [];
  const unitSummaries: ScanTrunk['chains'] = [];
  for (const unit of await unitsOf(run, plan, resolved, refs)) {
    const offset = certificates.length;
    const ctx = await contextFor(unit, plan, context);
    const unitResults = runRules(trunkRules, ctx);
    const summaries = summarizeChain(ctx.chain);
    if (unit.chain?.certificates) {
      for (const c of summaries) certificates.push({ ...c, index: offset + c.index, file: unit.chain.path });
      unitSummaries.push({ file: unit.chain.path, how: unit.chain.how, certificates: summaries.map((c) => offset + c.index) });
    } else if (unit.chainMissing) unitSummaries.push({ missing: unit.chainMissing });
    for (const r of unitResults) {
      if (!unit.first && !EVERY_UNIT.has(areaOf(r.rule)) && r.rule !== 'subject-name') continue;
      const target = r.target.replace(/^certificate\[(\d+)\]/, (_, k: string) => `certificate[${offset + Number(k)}]`);
      const endpoint = /^endpoint\[\d+\]$/.test(target) ? target : undefined;
      const location =
        r.location ?? (endpoint ? context.declaredAt.get(endpoint) : undefined) ?? defaultLocation(r, unit, plan) ?? originLocation(plan);
      results.push({ ...r, target, trunk: plan.name, ...(endpoint ? { endpoint } : {}), ...(location ? { location } : {}) });
    }
  }
  judged.trunks.push(trunkEntry(plan, unitSummaries, run.options));
  applySuppressions(plan, results);
  judged.unchecked.add(
    plan,
    results.filter((r) => !r.suppressed),
    plan.endpoints.map((e) => resolved.get(e)!),
  );
  judged.log.add(results);
}

/** The areas judged for every chain a trunk sends; the rest once per trunk, with its first chain. */
const EVERY_UNIT = new Set(['cert', 'trust', 'crl', 'tls']);

/** Keys no trunk involves are still committed secrets: judged by the private-key rule alone. */
async function judgeOrphanKeys(keysChosen: string[], context: ContextOptions, trunks: ScanTrunk[]): Promise<RuleResult[]> {
  const results: RuleResult[] = [];
  const plan: TrunkPlan = {
    name: '(repository)',
    origin: { kind: 'config', file: '.' },
    configFiles: [],
    endpoints: [],
    loadedOnly: [],
    media: [],
    mediaJudged: false,
    problems: [],
    involves: new Set(keysChosen),
    keyFiles: keysChosen,
  };
  const ctx = await contextFor({ trunk: plan, endpoints: [], first: true, chainMissing: 'not a trunk' }, plan, context);
  for (const r of runRules(
    trunkRules.filter((x) => x.meta.id === 'private-key'),
    ctx,
  ))
    results.push({ ...r, trunk: plan.name, ...(r.location ? {} : { location: { file: r.target } }) });
  trunks.push({
    name: plan.name,
    target: `trunk[${plan.name}]`,
    origin: { kind: 'repository' },
    configFiles: [],
    endpoints: [],
    chains: [],
    sbc: [],
    uris: [],
    notChecked: 'files no trunk involves: only committed private keys are reported',
  });
  return results;
}

/** The pseudo-trunk of org trunks no profile trunk names. */
function orgTrunkEntry(): ScanTrunk {
  return {
    name: ORG_TRUNK,
    target: `trunk[${ORG_TRUNK}]`,
    origin: { kind: 'genesys' },
    configFiles: [],
    endpoints: [],
    chains: [],
    sbc: [],
    uris: [],
    notChecked: 'org trunks no byoc-check.yaml trunk names with `genesys:`: their SBCs were not checked',
  };
}

/** Where a trunk is declared: its profile entry, its configuration, or its lone certificate file. */
function originLocation(plan: TrunkPlan): SourceLocation | undefined {
  const o = plan.origin;
  return o.kind === 'profile'
    ? { file: o.file, line: o.line }
    : o.kind === 'repository' || o.kind === 'genesys'
      ? undefined
      : { file: o.file };
}

const areas = new Map<string, string>(rules.map((r) => [r.meta.id, r.meta.area]));
function areaOf(ruleId: string): string {
  return areas.get(ruleId) ?? 'cert';
}

/** Results about a chain point at its file; trunk-level results at the profile's trunk entry. */
function defaultLocation(r: RuleResult, unit: Unit, plan: TrunkPlan): SourceLocation | undefined {
  const area = areaOf(r.rule);
  if ((area === 'cert' || area === 'trust' || area === 'crl') && unit.chain) return { file: unit.chain.path };
  if (area === 'sip' && plan.profile && plan.origin.kind === 'profile') {
    const key = r.target.startsWith('uri') ? 'uris' : 'sbc';
    const index = /^(?:uri|sbc)\[(\d+)\]$/.exec(r.target)?.[1];
    // A name read from the org's trunk points at the trunk setting it came from.
    const from = key === 'sbc' && index !== undefined ? trunkSip(plan.profile, plan.genesys).sbc[Number(index)] : undefined;
    if (from && typeof from !== 'string' && plan.genesys) return genesysLocation(plan.genesys, from.source);
    const lines = plan.profile.lines;
    return {
      file: plan.origin.file,
      line: (index !== undefined ? lines[`${key}.${index}`] : undefined) ?? lines[key] ?? plan.profile.line,
      key,
    };
  }
  return undefined;
}

interface ContextOptions {
  now: Date;
  warnDays: number;
  online: boolean;
  timeoutSeconds: number;
  cacheDir?: string;
  anchors: Anchors;
  region?: string;
  keyFiles: Map<string, Array<{ line: number; label: string }>>;
  profile?: Profile;
  pkiProfile: 'default' | 'strict';
  /** Every context each trunk's SBC loads (config-valid), resolved: the batch's trunks. */
  loaded: Map<TrunkPlan, TlsEndpointFacts[]>;
  declaredAt: Map<string, SourceLocation>;
}

/** The trunk's media legs, and the suites the org trunk accepts when the org was read. */
function mediaFactsOf(plan: TrunkPlan): MediaFacts {
  const suites = trunkSip(plan.profile, plan.genesys).srtpSuites;
  return { endpoints: plan.media, ...(suites ? { genesys: { suites } } : {}) };
}

async function contextFor(unit: Unit, plan: TrunkPlan, o: ContextOptions): Promise<CheckContext> {
  const certificates = unit.chain?.certificates;
  const chain = certificates?.length ? buildChain(certificates, o.anchors) : emptyChain(o.anchors.mode);
  const region = plan.profile?.region ?? o.region;
  let sip;
  try {
    const { sbc, tgrp } = trunkSip(plan.profile, plan.genesys);
    sip = gatherSipFacts(plan.profile?.uris ?? [], sbc, region, tgrp);
  } catch (error) {
    if (isInputError(error))
      throw new InputError(
        `${plan.origin.kind === 'profile' ? `${plan.origin.file}:${plan.origin.line}` : plan.name}: trunk "${plan.name}": ${(error as Error).message}`,
      );
    throw error;
  }
  let crl: CrlFacts = { attempted: false, certificates: [], timeoutSeconds: o.timeoutSeconds };
  if (o.online && chain.path.length) {
    const { gatherCrlFacts } = await import('../providers/crl.js');
    crl = await gatherCrlFacts(chain, { now: o.now, timeoutSeconds: o.timeoutSeconds, cacheDir: o.cacheDir });
  }
  const committed = unit.first ? plan.keyFiles.flatMap((file) => o.keyFiles.get(file)!.map((k) => ({ file, ...k }))) : [];
  const input: InputFacts = unit.chain?.input ?? { name: plan.name, format: 'pem', sha256: '0'.repeat(64), privateKeys: [] };
  return {
    now: o.now,
    warnDays: o.warnDays,
    offline: !o.online,
    input: { ...input, ...(unit.first ? { committedKeys: committed } : {}) },
    chain,
    pkiProfile: o.pkiProfile,
    acceptedCas,
    sip,
    tls: { endpoints: unit.endpoints },
    crl,
    ...(unit.chainMissing !== undefined ? { chainMissing: unit.chainMissing } : {}),
    ...(unit.first && plan.configFiles.length
      ? { config: { files: plan.configFiles, problems: plan.problems, endpoints: o.loaded.get(plan) ?? [] } }
      : {}),
    ...(unit.first && plan.mediaJudged ? { media: mediaFactsOf(plan) } : {}),
  };
}
