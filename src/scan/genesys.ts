/**
 * `scan --genesys`: the Genesys half of each trunk. A profile trunk that names its org trunk
 * (`genesys: NAME|ID`) takes the names Genesys dials from the trunk's SIP Servers or Proxies, the tgrp
 * the SBC must send from its Inbound SIP Termination Identifier, and the SRTP suites Genesys accepts;
 * the genesys rules judge the linked org trunks (and list the org trunks no profile trunk names).
 */
import { orgTrunkRules, trunkLinkRules } from '../../rules/index.js';
import { runRules } from '../engine/runner.js';
import type { RuleResult, SourceLocation } from '../engine/types.js';
import { notTls } from '../genesys/describe.js';
import type { LoadedTrunks } from '../genesys/check.js';
import type { GenesysTrunk, TrunkLink } from '../genesys/trunks.js';
import type { Sourced } from '../model/endpoint.js';
import type { ExpectedTgrp, SbcInput } from '../model/sip.js';
import { parseHostPort } from '../sip/uri.js';
import type { ScanGenesys } from '../report/types.js';
import type { Profile, ProfileTrunk } from './profile.js';

/** Where a scan's Genesys trunks came from, and what linking them found; the report's `scan.genesys`. */
export interface GenesysScan {
  org: LoadedTrunks;
  /** By profile trunk name. */
  links: Map<string, TrunkLink>;
}

/** The org trunk a `genesys:` value names: its id exactly, else its name ignoring case. */
function find(trunks: readonly GenesysTrunk[], wanted: string): GenesysTrunk | undefined {
  return trunks.find((t) => t.id === wanted) ?? trunks.find((t) => t.name.toLowerCase() === wanted.trim().toLowerCase());
}

export function linkProfile(profile: Profile | undefined, org: LoadedTrunks): GenesysScan {
  const links = new Map<string, TrunkLink>();
  for (const t of profile?.trunks ?? []) {
    if (!t.genesys) continue;
    const trunk = find(org.trunks, t.genesys);
    links.set(t.name, {
      profileTrunk: t.name,
      wanted: t.genesys,
      file: profile!.file,
      line: t.lines.genesys ?? t.line,
      ...(trunk ? { trunk } : {}),
      ...(t.sbc?.length ? { profileSbc: t.sbc.map((raw, i) => ({ raw, line: t.lines[`sbc.${i}`] ?? t.lines.sbc ?? t.line })) } : {}),
    });
  }
  return { org, links };
}

/** What one trunk's SIP checks judge: Genesys' values where the trunk is linked, else the profile's. */
export interface TrunkSip {
  sbc: SbcInput[];
  tgrp?: ExpectedTgrp;
  /** trunk_media_srtpCipherSuites, when the org trunk sets it. */
  srtpSuites?: Sourced<string[]>;
}

const parses = (raw: string) => {
  try {
    parseHostPort(raw.replace(/^sips?:/i, '').split(';')[0]!);
    return true;
  } catch {
    return false;
  }
};

export function trunkSip(profile: ProfileTrunk | undefined, link: TrunkLink | undefined): TrunkSip {
  const t = link?.trunk;
  if (!t) return { sbc: profile?.sbc ?? [] };
  // An entry the SIP grammar cannot read is judged by trunk-proxies, not turned into an input error.
  const entries = t.sipServers?.entries.filter((e) => parses(e.raw));
  const sbc: SbcInput[] = entries?.length ? entries.map((e) => ({ raw: e.raw, source: e.source })) : (profile?.sbc ?? []);
  const id = t.terminationUri?.value.trim();
  return {
    sbc,
    ...(id && !notTls(t) ? { tgrp: { value: id, trunk: t.name, source: t.terminationUri!.source } } : {}),
    ...(t.srtpCipherSuites
      ? { srtpSuites: { value: t.srtpCipherSuites.value, from: { kind: 'api', text: t.srtpCipherSuites.source } } }
      : {}),
  };
}

/** A finding about an org value: the saved file and the property, or the profile's `genesys:` line when fetched. */
export function genesysLocation(link: TrunkLink, source: string): SourceLocation {
  const t = link.trunk;
  if (t && !/^https?:\/\//.test(t.input)) return { file: t.input, key: source.replace(/^genesys: trunk ".*" /, '') };
  return { file: link.file, line: link.line, key: 'genesys' };
}

/** The pseudo-trunk org trunks no profile trunk names are reported under. */
export const ORG_TRUNK = '(genesys org)';

/**
 * The genesys rules over the linked org trunks, each result under the profile trunk that names it;
 * trunk-link's word on org trunks no profile trunk names goes under ORG_TRUNK.
 */
export function judgeGenesys(g: GenesysScan, chosen: ReadonlySet<string>): RuleResult[] {
  const links = [...g.links.values()].filter((l) => chosen.has(l.profileTrunk));
  const linked = links.flatMap((l) => (l.trunk ? [l.trunk] : []));
  // One org trunk may be served by several SBCs (profile trunks): each gets its results.
  const owners = new Map<string, string[]>();
  for (const l of links) if (l.trunk) owners.set(l.trunk.id, [...(owners.get(l.trunk.id) ?? []), l.profileTrunk]);
  const out: RuleResult[] = [];
  for (const r of runRules(orgTrunkRules, { trunks: [...new Set(linked)] })) {
    const id = r.evidence?.trunk;
    for (const owner of typeof id === 'string' ? (owners.get(id) ?? []) : []) out.push({ ...r, trunk: owner });
  }
  for (const r of runRules(trunkLinkRules, { trunks: g.org.trunks, links: [...g.links.values()] })) {
    const own = r.evidence?.profileTrunk;
    if (typeof own === 'string') {
      if (chosen.has(own)) out.push({ ...r, trunk: own });
    } else if (r.status === 'warn') out.push({ ...r, trunk: ORG_TRUNK });
  }
  return out;
}

export function genesysJson(g: GenesysScan): ScanGenesys {
  const linkedTo = (id: string) => [...g.links.values()].filter((l) => l.trunk?.id === id).map((l) => l.profileTrunk);
  return {
    source: g.org.source,
    trunks: g.org.trunks.map((t) => ({ id: t.id, name: t.name, linkedTo: linkedTo(t.id) })),
    skipped: g.org.skipped,
    notes: g.org.notes,
  };
}
