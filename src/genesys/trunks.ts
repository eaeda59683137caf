/**
 * Reads saved JSON of GET /api/v2/telephony/providers/edges/trunkbasesettings (a listing page) or of one
 * trunk base, and returns the BYOC Cloud trunks' settings, each value with where it came from. Keys are
 * matched exactly as the API spells them (camelCase after the prefix), never normalised: see
 * ../shared/reference/genesys-platform-api.md. Facts only; rules judge them.
 */
import { InputError } from '../errors.js';

export const MAX_TRUNK_INPUT_BYTES = 8 << 20;
const BYOC_METABASES = ['external_sip_pcv_byoc_carrier.json', 'external_sip_pcv_byoc_pbx.json'];

export type { GenesysTrunk, GenesysValue, SipServerEntry, TrunkLink } from '../model/genesys.js';
import type { GenesysTrunk, SipServerEntry } from '../model/genesys.js';

export interface ParsedTrunks {
  trunks: GenesysTrunk[];
  /** Trunk bases present but not BYOC Cloud (counted, not judged). */
  skipped: number;
  notes: string[];
}

const printable = (s: string, max = 80) => s.replace(/[^\x20-\x7e]/g, '?').slice(0, max);

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `host[:port]`, `[v6]:port`, or a `sip:` URI; anything else keeps its text as the host so rules can say what was found. */
export function parseSipServer(raw: string, source: string): SipServerEntry {
  let text = raw.trim().replace(/^sips?:/i, '');
  text = text.split(';')[0]!;
  const v6 = /^\[([^\]]+)\](?::(\d+))?$/.exec(text);
  if (v6) return { raw, host: v6[1]!, ...(v6[2] ? { port: Number(v6[2]) } : {}), source };
  const m = /^([^:]+):(\d{1,5})$/.exec(text);
  if (m) return { raw, host: m[1]!.toLowerCase(), port: Number(m[2]), source };
  return { raw, host: text.toLowerCase(), source };
}

function instance(props: Record<string, unknown>, key: string): { found: boolean; value?: unknown } {
  const p = props[key];
  if (p === undefined) return { found: false };
  if (!isObject(p) || !isObject(p.value) || !('instance' in p.value)) return { found: true };
  return { found: true, value: p.value.instance };
}

function isByoc(base: Record<string, unknown>): boolean {
  const meta = isObject(base.trunkMetabase) ? base.trunkMetabase.id : undefined;
  if (typeof meta === 'string') return BYOC_METABASES.includes(meta);
  const props = isObject(base.properties) ? base.properties : {};
  const type = instance(props, 'trunk_type').value;
  return typeof type === 'string' && type.startsWith('external.pcv.byoc.');
}

function readTrunk(base: Record<string, unknown>, input: string, index: number): GenesysTrunk {
  const id = typeof base.id === 'string' ? base.id : `entities[${index}]`;
  const name = typeof base.name === 'string' ? base.name : id;
  const at = (key: string) => `genesys: trunk "${printable(name)}" properties.${key}`;
  const props = isObject(base.properties) ? base.properties : {};
  const trunk: GenesysTrunk = { id: printable(id, 100), name: printable(name, 200), input, notes: [] };
  const unknownShape = (key: string, what: string) => trunk.notes.push(`${at(key)} is not ${what}; the value was not read`);

  const protocol = instance(props, 'trunk_transport_protocolVariant');
  if (typeof protocol.value === 'string')
    trunk.protocol = { value: protocol.value.toLowerCase(), source: at('trunk_transport_protocolVariant') };
  else if (protocol.found) unknownShape('trunk_transport_protocolVariant', 'a string');

  const proxies = instance(props, 'trunk_transport_serverProxyList');
  if (Array.isArray(proxies.value)) {
    const entries: SipServerEntry[] = [];
    proxies.value.forEach((e, i) => {
      const key = `trunk_transport_serverProxyList[${i}]`;
      if (typeof e === 'string') entries.push(parseSipServer(printable(e, 300), at(key)));
      else unknownShape(key, 'a string');
    });
    // Entries none of which could be read are an unknown list, not an empty one.
    if (entries.length === 0 && proxies.value.length > 0) unknownShape('trunk_transport_serverProxyList', 'a list holding any string');
    else trunk.sipServers = { entries, source: at('trunk_transport_serverProxyList') };
  } else if (proxies.found) unknownShape('trunk_transport_serverProxyList', 'a list of strings');

  const termination = instance(props, 'trunk_sip_termination_uri');
  if (typeof termination.value === 'string')
    trunk.terminationUri = { value: printable(termination.value, 300), source: at('trunk_sip_termination_uri') };
  else if (termination.found) unknownShape('trunk_sip_termination_uri', 'a string');

  const enabled = instance(props, 'trunk_enabled');
  if (typeof enabled.value === 'boolean') trunk.enabled = { value: enabled.value, source: at('trunk_enabled') };
  else if (enabled.found) unknownShape('trunk_enabled', 'true or false');

  const suites = instance(props, 'trunk_media_srtpCipherSuites');
  if (Array.isArray(suites.value) && suites.value.every((s) => typeof s === 'string'))
    trunk.srtpCipherSuites = { value: suites.value.map((s: string) => printable(s)), source: at('trunk_media_srtpCipherSuites') };
  else if (suites.found) unknownShape('trunk_media_srtpCipherSuites', 'a list of strings');
  return trunk;
}

/** One saved answer: a listing (`entities`) or a single trunk base (`id` and `properties`). */
export function parseTrunkBases(buf: Buffer, input: string): ParsedTrunks {
  if (buf.length > MAX_TRUNK_INPUT_BYTES) throw new InputError(`${input} is larger than ${MAX_TRUNK_INPUT_BYTES >> 20} MiB`);
  let json: unknown;
  try {
    json = JSON.parse(buf.toString('utf8'));
  } catch {
    throw new InputError(`${input} is not JSON (expected the answer of GET /api/v2/telephony/providers/edges/trunkbasesettings)`);
  }
  let bases: unknown[];
  if (isObject(json) && Array.isArray(json.entities)) bases = json.entities;
  else if (isObject(json) && isObject(json.properties)) bases = [json];
  else
    throw new InputError(
      `${input} is neither a trunk base listing ("entities") nor a trunk base ("properties"); save GET /api/v2/telephony/providers/edges/trunkbasesettings`,
    );
  const out: ParsedTrunks = { trunks: [], skipped: 0, notes: [] };
  bases.forEach((b, i) => {
    if (!isObject(b)) out.notes.push(`${input} entities[${i}] is not an object; skipped`);
    else if (isByoc(b)) out.trunks.push(readTrunk(b, input, i));
    else out.skipped++;
  });
  return out;
}
