import { describe, expect, it } from '@jest/globals';
import { InputError } from '../../src/errors.js';
import { parseSipServer, parseTrunkBases } from '../../src/genesys/trunks.js';

const prop = (instance: unknown) => ({ value: { instance } });
const listing = {
  entities: [
    {
      id: 'b1',
      name: 'BYOC TLS',
      trunkMetabase: { id: 'external_sip_pcv_byoc_carrier.json' },
      properties: {
        trunk_transport_protocolVariant: prop('TLS'),
        trunk_transport_serverProxyList: prop(['sbc1.example.com', 'sbc2.example.com:5061', '192.0.2.7:5060']),
        trunk_sip_termination_uri: prop('acme-tls'),
        trunk_enabled: prop(false),
        trunk_max_dial_timeout: prop('snake case, ignored'),
      },
    },
    { id: 'b2', name: 'PureCloud Voice - AWS', trunkMetabase: { id: 'pcv_aws.json' }, properties: {} },
    { id: 'b3', name: 'by type', properties: { trunk_type: prop('external.pcv.byoc.pbx'), trunk_transport_serverProxyList: prop('x') } },
  ],
  pageSize: 100,
  pageNumber: 1,
};

describe('parseTrunkBases', () => {
  const parsed = parseTrunkBases(Buffer.from(JSON.stringify(listing)), 'org.json');

  it('selects BYOC Cloud trunks by metabase id, falling back to trunk_type', () => {
    expect(parsed.trunks.map((t) => t.id)).toEqual(['b1', 'b3']);
    expect(parsed.skipped).toBe(1);
  });

  it('reads every value with provenance naming the trunk and the key as the API spells it', () => {
    const t = parsed.trunks[0]!;
    expect(t.protocol).toEqual({ value: 'tls', source: 'genesys: trunk "BYOC TLS" properties.trunk_transport_protocolVariant' });
    expect(t.sipServers!.entries.map((e) => [e.host, e.port])).toEqual([
      ['sbc1.example.com', undefined],
      ['sbc2.example.com', 5061],
      ['192.0.2.7', 5060],
    ]);
    expect(t.sipServers!.entries[1]!.source).toBe('genesys: trunk "BYOC TLS" properties.trunk_transport_serverProxyList[1]');
    expect(t.terminationUri!.value).toBe('acme-tls');
    expect(t.enabled!.value).toBe(false);
    expect(t.srtpCipherSuites).toBeUndefined();
  });

  it('an unknown shape is a note, and a value never set stays unknown', () => {
    const t = parsed.trunks[1]!;
    expect(t.sipServers).toBeUndefined();
    expect(t.enabled).toBeUndefined();
    expect(t.notes).toEqual([
      'genesys: trunk "by type" properties.trunk_transport_serverProxyList is not a list of strings; the value was not read',
    ]);
  });

  it('a list none of whose entries is a string is unknown, not empty', () => {
    const base = { ...listing.entities[0], properties: { trunk_transport_serverProxyList: prop([1, null]) } };
    const t = parseTrunkBases(Buffer.from(JSON.stringify(base)), 'one.json').trunks[0]!;
    expect(t.sipServers).toBeUndefined();
    expect(t.notes.at(-1)).toMatch(/properties\.trunk_transport_serverProxyList is not a list holding any string/);
    const empty = parseTrunkBases(
      Buffer.from(JSON.stringify({ ...base, properties: { trunk_transport_serverProxyList: prop([]) } })),
      'one.json',
    );
    expect(empty.trunks[0]!.sipServers).toEqual({
      entries: [],
      source: 'genesys: trunk "BYOC TLS" properties.trunk_transport_serverProxyList',
    });
  });

  it('reads a single trunk base', () => {
    const one = parseTrunkBases(Buffer.from(JSON.stringify(listing.entities[0])), 'one.json');
    expect(one.trunks).toHaveLength(1);
  });

  it('bad input is an InputError with one clear line', () => {
    expect(() => parseTrunkBases(Buffer.from('{not json'), 'x.json')).toThrow(InputError);
    expect(() => parseTrunkBases(Buffer.from('[]'), 'x.json')).toThrow(/neither a trunk base listing/);
    expect(() => parseTrunkBases(Buffer.alloc(9 << 20, 32), 'big.json')).toThrow(/larger than/);
  });

  it('parses SIP server entries defensively', () => {
    expect(parseSipServer('sip:SBC.example.com:5061;transport=tls', 's')).toMatchObject({ host: 'sbc.example.com', port: 5061 });
    expect(parseSipServer('[2001:db8::1]:5061', 's')).toMatchObject({ host: '2001:db8::1', port: 5061 });
  });
});
