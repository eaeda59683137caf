/**
 * `scan --genesys`: each trunk of byoc-check.yaml that names its Genesys trunk (`genesys: NAME|ID`)
 * names one the org has, and the profile's `sbc:` list, when given, is the trunk's "SIP Servers or
 * Proxies" (trunk_transport_serverProxyList): Genesys dials those names, not the profile's. An org
 * trunk no profile trunk names is listed, so a forgotten trunk is visible.
 */
import { defineGenesysRule } from '../../src/engine/define-rule.js';
import type { Finding } from '../../src/engine/types.js';
import { trunkTarget } from '../../src/genesys/describe.js';
import type { GenesysTrunk, TrunkLink } from '../../src/model/genesys.js';

/** host:port as Genesys dials it: case-insensitive host, 5061 when no port is given. */
const dialed = (host: string, port?: number) => `${host.toLowerCase().replace(/\.$/, '')}:${port ?? 5061}`;

function hostPort(raw: string): string {
  const text = raw
    .trim()
    .replace(/^sips?:/i, '')
    .split(';')[0]!;
  const v6 = /^\[([^\]]+)\](?::(\d+))?$/.exec(text);
  if (v6) return dialed(v6[1]!, v6[2] ? Number(v6[2]) : undefined);
  const m = /^([^:]+):(\d{1,5})$/.exec(text);
  return m ? dialed(m[1]!, Number(m[2])) : dialed(text);
}

function judge(link: TrunkLink, all: readonly GenesysTrunk[]): Finding {
  const target = `trunk[${link.profileTrunk}]`;
  const at = `${link.file}:${link.line}`;
  const location = { file: link.file, line: link.line, key: 'genesys' };
  const t = link.trunk;
  if (!t) {
    const names = all.slice(0, 10).map((x) => `"${x.name}"`);
    return {
      status: 'fail',
      target,
      location,
      evidence: { profileTrunk: link.profileTrunk, wanted: link.wanted },
      message: `Trunk "${link.profileTrunk}" names Genesys trunk "${link.wanted}" (${at}), but no BYOC Cloud trunk of the org has that name or id (the org has ${all.length}: ${names.join(', ')}${all.length > 10 ? ', ...' : ''}); nothing of it was checked against the org.`,
      remediation: "Write the Genesys trunk's name or id after `genesys:` exactly as Genesys Cloud shows it (Admin > Telephony > Trunks).",
    };
  }
  const servers = t.sipServers?.entries ?? [];
  const base = { target, evidence: { profileTrunk: link.profileTrunk, trunk: t.id, name: t.name, wanted: link.wanted } };
  if (link.profileSbc?.length && t.sipServers) {
    const org = new Map(servers.map((e) => [hostPort(e.raw), e]));
    const mine = new Map(link.profileSbc.map((e) => [hostPort(e.raw), e]));
    const onlyOrg = [...org].filter(([k]) => !mine.has(k)).map(([, e]) => e);
    const onlyMine = [...mine].filter(([k]) => !org.has(k)).map(([, e]) => e);
    if (onlyOrg.length || onlyMine.length) {
      const parts = [
        ...onlyOrg.map((e) => `Genesys dials ${e.raw} (${e.source}), which \`sbc:\` does not list`),
        ...onlyMine.map((e) => `\`sbc:\` lists ${e.raw} (${link.file}:${e.line}), which Genesys never dials`),
      ];
      return {
        ...base,
        status: 'fail',
        location: { file: link.file, line: onlyMine[0]?.line ?? link.profileSbc[0]!.line, key: 'sbc' },
        evidence: { ...base.evidence, orgOnly: onlyOrg.map((e) => e.raw), profileOnly: onlyMine.map((e) => e.raw) },
        message: `Trunk "${link.profileTrunk}" and Genesys trunk "${t.name}" disagree on the SBC names: ${parts.join('; ')}. The checks used Genesys' list.`,
        remediation: `Make the two lists the same: set \`sbc:\` in ${link.file} to the trunk's SIP Servers or Proxies (${servers.map((e) => e.raw).join(', ') || 'none'}), or change the trunk in Genesys Cloud to the names the SBC certificate carries.`,
      };
    }
  }
  const list = t.sipServers
    ? servers.length
      ? `its SIP servers (${servers.map((e) => e.raw).join(', ')}) are the names checked`
      : 'it lists no SIP server (see trunk-proxies)'
    : 'its SIP servers are not in the answer, so the names checked are those of `sbc:`';
  return {
    ...base,
    status: 'pass',
    location,
    message: `Trunk "${link.profileTrunk}" is Genesys trunk "${t.name}" (${t.id}): ${list}${link.profileSbc?.length && t.sipServers ? ', as `sbc:` lists them' : ''}.`,
  };
}

export default defineGenesysRule({
  meta: {
    id: 'trunk-link',
    area: 'genesys',
    scope: 'genesys',
    title: 'Each SBC configuration is linked to a Genesys trunk, and they agree on the names Genesys dials',
    severity: 'error',
    citations: [
      { source: 'GENESYS_TRUNKBASE_API', section: 'trunk_transport_serverProxyList' },
      { source: 'BYOC_TLS_SPEC', section: 'SIP Servers or Proxies' },
    ],
    remediation:
      "Name each trunk's Genesys trunk with `genesys:` in byoc-check.yaml, and keep its `sbc:` list equal to the trunk's SIP Servers or Proxies.",
    docs: {
      what: "With scan --genesys: each byoc-check.yaml trunk's `genesys:` names a BYOC Cloud trunk of the org; its `sbc:` list, when given, equals the trunk's SIP Servers or Proxies (host and port, 5061 when none); every org trunk is named by some profile trunk (a warning lists those that are not).",
      why: 'Genesys dials the names in the trunk settings and checks the SBC certificate against them: a profile that lists other names checks a trunk Genesys never uses, and a trunk no configuration is linked to is checked by nobody.',
    },
  },
  check({ trunks, links }) {
    if (!links)
      return [
        {
          status: 'skip',
          target: 'genesys',
          evidence: { reason: 'not-applicable' },
          message: 'Not applicable: run `byoc-check scan --genesys` to check each trunk against its SBC configuration.',
        },
      ];
    const findings = links.map((l) => judge(l, trunks));
    const named = new Set(links.flatMap((l) => (l.trunk ? [l.trunk.id] : [])));
    for (const t of trunks)
      if (!named.has(t.id))
        findings.push({
          status: 'warn',
          target: trunkTarget(t),
          evidence: { trunk: t.id },
          message: `Genesys trunk "${t.name}" (${t.id}) is not linked to any SBC configuration: no trunk of byoc-check.yaml names it with \`genesys:\`, so nothing checked its SBC.`,
          remediation: `Add \`genesys: ${t.name}\` to the byoc-check.yaml trunk of the SBC that serves it, or remove the trunk from the org if it is no longer used.`,
        });
    return findings;
  },
});
