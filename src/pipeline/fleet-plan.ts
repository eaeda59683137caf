/**
 * `probe --genesys`: which SIP servers of the org's BYOC Cloud trunks are probed, and why the others are
 * not. Every TLS trunk's entries become targets under the name Genesys dials (host[:port], 5061 when no
 * port); an entry two trunks share is probed once and reported under both. Trunks that are not TLS, are
 * disabled or list no SIP server are kept with the reason. Facts only: the genesys rules judge the settings.
 */
import { isIP } from 'node:net';
import type { FleetGenesys, FleetTrunk } from '../report/fleet.js';
import type { FleetTarget } from './fleet-probe.js';
import type { GenesysTrunk, SipServerEntry } from '../genesys/trunks.js';

const GENESYS_TLS_PORT = 5061;
const HOST_NAME = /^(?=.{1,253}$)[a-z0-9_]([a-z0-9_-]{0,62})(\.[a-z0-9_]([a-z0-9_-]{0,62}))*\.?$/i;

export interface GenesysPlan {
  targets: FleetTarget[];
  trunks: FleetGenesys['trunks'];
  notes: string[];
}

/** The name Genesys dials for an entry: host, host:port, [v6]:port; undefined when the entry names no host. */
function dialled(e: SipServerEntry): { text: string; host: string; port: number } | undefined {
  const host = e.host.replace(/\.$/, '');
  if (!isIP(host) && !HOST_NAME.test(host)) return undefined;
  const port = e.port ?? GENESYS_TLS_PORT;
  if (!(port >= 1 && port <= 65535)) return undefined;
  const shown = isIP(host) === 6 ? `[${host}]` : host;
  return { text: e.port === undefined ? shown : `${shown}:${port}`, host, port };
}

export function planGenesysFleet(trunks: readonly GenesysTrunk[]): GenesysPlan {
  const byKey = new Map<string, FleetTarget>();
  const out: GenesysPlan['trunks'] = [];
  const notes: string[] = [];
  for (const t of trunks) {
    const row: GenesysPlan['trunks'][number] = {
      id: t.id,
      name: t.name,
      protocol: t.protocol?.value ?? null,
      enabled: t.enabled?.value ?? null,
      terminationUri: t.terminationUri?.value ?? null,
      probed: [],
      notProbed: [],
    };
    out.push(row);
    const protocol = t.protocol?.value;
    if (protocol && protocol !== 'tls') {
      row.notProbed.push(`${protocol.toUpperCase()}, not TLS: Genesys does not dial its SIP servers over TLS (${t.protocol!.source})`);
      continue;
    }
    if (t.enabled?.value === false) {
      row.notProbed.push(`disabled: Genesys places no call on it (${t.enabled.source})`);
      continue;
    }
    if (!t.sipServers) {
      row.notProbed.push('its SIP servers are unknown (no trunk_transport_serverProxyList in the answer)');
      continue;
    }
    if (t.sipServers.entries.length === 0) {
      row.notProbed.push(`no SIP server is listed (${t.sipServers.source})`);
      continue;
    }
    if (!protocol)
      notes.push(
        `trunk "${t.name}": its protocol is unknown (no trunk_transport_protocolVariant in the answer); its SIP servers are probed as for TLS`,
      );
    for (const e of t.sipServers.entries) {
      const d = dialled(e);
      if (!d) {
        row.notProbed.push(`"${e.raw}" is not a host name or address with a TCP port Genesys could dial (${e.source})`);
        continue;
      }
      const trunk: FleetTrunk = { id: t.id, name: t.name, source: e.source };
      const key = `${d.host.toLowerCase()}:${d.port}`;
      const known = byKey.get(key);
      if (known) {
        // the same SIP server in two trunks (or twice in one): probed once, reported under each
        known.trunks!.push(trunk);
      } else {
        byKey.set(key, {
          text: d.text,
          host: d.host,
          port: d.port,
          trunks: [trunk],
          ...(isIP(d.host)
            ? {
                note: `an IP address: probed at that address, but it is no name Genesys can validate a certificate against (trunk-proxies fails it)`,
              }
            : {}),
        });
      }
      if (!row.probed.includes(d.text)) row.probed.push(d.text);
    }
  }
  return { targets: [...byKey.values()], trunks: out, notes };
}
