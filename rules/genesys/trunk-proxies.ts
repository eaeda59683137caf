/**
 * > "BYOC validates by host name — an IP address is not acceptable" (BYOC Cloud TLS trunk
 * > specification, Subject name validation); SIP over TLS uses port 5061 (RFC 3261 section 19.1.2);
 * > `trunk_transport_serverProxyList`: "SIP Servers or Proxies", a required list of unique strings.
 */
import { defineGenesysRule } from '../../src/engine/define-rule.js';
import type { Finding } from '../../src/engine/types.js';
import { locationOf, noTrunk, notApplicable, notTls, trunkTarget, unknownValue } from '../../src/genesys/describe.js';
import { isIPv4, isIPv6 } from '../../src/util/ip.js';

const HOST_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*\.?$/i;
const SIPS_PORT = 5061;

export default defineGenesysRule({
  meta: {
    id: 'trunk-proxies',
    area: 'genesys',
    scope: 'genesys',
    title: "The trunk's SIP servers are host names on port 5061, each once",
    severity: 'error',
    citations: [
      { source: 'BYOC_TLS_SPEC', section: 'Subject name validation' },
      { source: 'BYOC_TRUNK_SETTINGS', section: 'SIP Servers or Proxies' },
      { source: 'RFC3261', section: '19.1.2 (port 5061 for SIP over TLS)' },
    ],
    remediation:
      "List the SBC's DNS names (the names its certificate carries) in the trunk's SIP Servers or Proxies, each once, with port 5061 or no port.",
    docs: {
      what: 'For each TLS trunk, checks every entry of properties.trunk_transport_serverProxyList: a host name (not an IPv4 or IPv6 address), a port of 5061 when one is given, no entry twice; an empty list fails.',
      why: "Genesys dials these entries and validates the SBC certificate against the name dialled: an IP address fails subject-name validation, another port misses the SBC's TLS listener, and a trunk with no SIP server cannot place calls.",
    },
  },
  check({ trunks }) {
    if (trunks.length === 0) return noTrunk();
    const findings: Finding[] = [];
    for (const t of trunks) {
      const target = trunkTarget(t);
      if (notTls(t)) {
        findings.push(notApplicable(t, 'the SIP server check'));
        continue;
      }
      const list = t.sipServers;
      if (!list) {
        findings.push(unknownValue(t, 'trunk_transport_serverProxyList', 'its SIP servers'));
        continue;
      }
      if (list.entries.length === 0) {
        findings.push({
          status: 'fail',
          target,
          evidence: { trunk: t.id, source: list.source },
          location: locationOf(t, list.source),
          message: `Trunk "${t.name}" lists no SIP server: Genesys has nowhere to send calls (${list.source}).`,
        });
        continue;
      }
      const seen = new Map<string, number>();
      list.entries.forEach((e, i) => {
        const base = {
          target: `${target}.sipServer[${i}]`,
          evidence: { trunk: t.id, entry: e.raw, host: e.host, port: e.port ?? null, source: e.source },
          location: locationOf(t, e.source),
        };
        const key = `${e.host.replace(/\.$/, '')}:${e.port ?? SIPS_PORT}`;
        const first = seen.get(key);
        if (first === undefined) seen.set(key, i);
        const problems: string[] = [];
        if (isIPv4(e.host) || isIPv6(e.host))
          problems.push(`"${e.raw}" is an IP address, not a host name: the SBC certificate cannot be validated against it`);
        else if (!HOST_NAME.test(e.host)) problems.push(`"${e.raw}" is not a host name (read "${e.host}")`);
        if (e.port !== undefined && e.port !== SIPS_PORT) problems.push(`port ${e.port} is not ${SIPS_PORT}, the SIP over TLS port`);
        if (first !== undefined) problems.push(`it repeats sipServer[${first}] (${list.entries[first]!.raw})`);
        findings.push(
          problems.length
            ? { ...base, status: 'fail', message: `Trunk "${t.name}": ${problems.join('; ')} (${e.source}).` }
            : {
                ...base,
                status: 'pass',
                message: `Trunk "${t.name}" dials ${e.host} on port ${e.port ?? `${SIPS_PORT} (no port given)`} (${e.source}).`,
              },
        );
      });
    }
    return findings;
  },
});
