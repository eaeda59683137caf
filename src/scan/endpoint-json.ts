/** An endpoint as the JSON report shows it: each value with its provenance (`default` when the product default applied). */
import type { Provenance, Sourced } from '../model/endpoint.js';
import type { TlsEndpointFacts } from '../model/tls.js';
import type { EndpointJson, ValueJson } from '../report/types.js';

function provenanceJson(from: Provenance): ValueJson['from'] {
  switch (from.kind) {
    case 'file':
      return { kind: 'file', file: from.file, line: from.line, key: from.key };
    case 'default':
      return { kind: 'default', text: from.text };
    case 'flag':
      return { kind: 'flag', flag: from.flag };
    case 'probe':
      return { kind: 'probe', text: from.text };
    case 'api':
      return { kind: 'api', text: from.text };
  }
}

/** A value with its provenance, as every value of the report shows it. */
export function value<T>(s: Sourced<T> | undefined, map: (v: T) => ValueJson['value'] = (v) => v as ValueJson['value']): ValueJson | null {
  return s ? { value: map(s.value), ...(s.raw !== undefined ? { written: s.raw } : {}), from: provenanceJson(s.from) } : null;
}

export function endpointJson(e: TlsEndpointFacts): EndpointJson {
  const versions = e.versions?.value ?? [];
  return {
    id: e.id,
    file: e.declared?.file ?? null,
    line: e.declared?.line ?? null,
    format: e.format,
    name: e.name,
    role: e.role,
    port: value(e.listen, (l) => l.port),
    certificate: value(e.certificate),
    privateKey: value(e.privateKey),
    caList: value(e.caList),
    tlsMin: e.versions && versions.length ? value(e.versions, (v) => v[0] ?? null) : null,
    tlsMax: e.versions && versions.length ? value(e.versions, (v) => v[v.length - 1] ?? null) : null,
    versions: value(e.versions),
    ciphers: value(e.ciphers),
    tls13Suites: value(e.tls13Suites),
    curves: value(e.curves),
    requireClientCert: value(e.requireClientCert),
    requestClientCert: value(e.requestClientCert),
    verifyPeer: value(e.verifyPeer),
    serverName: value(e.serverName),
    ...(e.unused ? { unused: e.unused } : {}),
    ...(e.enabledSuites ? { enabledSuites: e.enabledSuites } : {}),
    ...(e.groups ? { groups: e.groups } : {}),
  };
}
