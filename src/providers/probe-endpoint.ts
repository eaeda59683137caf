/**
 * The live probe as a provider: what the SBC's TLS listener accepted on the wire becomes one
 * server-role endpoint (format `probe`, id `probe`), every value marked as observed, so the same
 * tls-* and mtls rules judge it as they judge a configuration file.
 */
import { sourced, type ProductSyntax, type Provenance, type TlsEndpointSettings } from '../model/endpoint.js';
import type { ProbeFacts, ProbeVersion } from '../model/probe.js';
import type { TlsEndpointFacts, TlsVersion } from '../model/tls.js';

const VERSIONS: Array<[ProbeVersion, TlsVersion]> = [
  ['TLSv1', '1.0'],
  ['TLSv1.1', '1.1'],
  ['TLSv1.2', '1.2'],
  ['TLSv1.3', '1.3'],
];

/** The probe knows no product: fixes name the setting in words and OpenSSL syntax, which most SBCs use. */
export const probeSyntax: ProductSyntax = {
  ciphers: (value) => `the SBC's TLS cipher list to include "${value}" (OpenSSL syntax)`,
  allowTls12: () => "the SBC's TLS listener to allow TLS 1.2 (and turn TLS 1.0/1.1 off)",
  curves: (value) => `the SBC's ECDHE group list to "${value}"`,
  noClientCertificate: () => "the SBC's TLS listener not to request a client certificate (verify_client / require_certificate off)",
  verifyPeer: () => 'the SBC to verify the server certificate',
  caList: (path) => `the SBC to trust ${path}`,
};

/**
 * One server-role endpoint from the probe's observations; undefined when no TLS server answered.
 * `opensslNames` maps the BYOC suites' IANA names to OpenSSL names (data from the rules' table).
 */
export function probeEndpoint(facts: ProbeFacts, opensslNames: ReadonlyMap<string, string>): TlsEndpointFacts | undefined {
  if (facts.fault) return undefined;
  const where = `${facts.target.host.includes(':') ? `[${facts.target.host}]` : facts.target.host}:${facts.target.port}`;
  const seen = (text: string): Provenance => ({ kind: 'probe', text: `${text} at ${where}` });
  const accepted = Object.entries(facts.suites)
    .filter(([, ok]) => ok)
    .map(([iana]) => iana);
  for (const [iana, ok] of Object.entries(facts.suitesWithOtherGroups ?? {})) if (ok && !accepted.includes(iana)) accepted.push(iana);
  // The suite the server picked from BYOC Cloud's full offer comes first: that is its preference.
  const first = facts.negotiated?.suite;
  const enabledSuites = first && accepted.includes(first) ? [first, ...accepted.filter((s) => s !== first)] : accepted;
  const groups = Object.entries(facts.groups)
    .filter(([, ok]) => ok)
    .map(([g]) => g);
  const versions = VERSIONS.filter(([name]) => facts.versions[name]).map(([, v]) => v);
  const endpoint: TlsEndpointSettings = {
    id: 'probe',
    format: 'probe',
    name: `TLS listener ${where}`,
    role: 'server',
    listen: sourced({ host: facts.target.address, port: facts.target.port }, seen('TCP connection')),
    versions: sourced(
      versions,
      seen('each TLS version offered alone'),
      versions.length ? versions.map((v) => `TLS ${v}`).join(', ') : 'none accepted',
    ),
    // Suites and groups are observed in TLS 1.2 offers: without TLS 1.2 there is nothing to judge them by
    // (tls-version says why), and without a key exchange the groups are unknown (tls-reachable says why).
    ...(facts.versions['TLSv1.2']
      ? {
          ciphers: sourced(
            enabledSuites.map((s) => opensslNames.get(s) ?? s).join(':'),
            seen('each BYOC suite offered alone'),
            enabledSuites.length ? undefined : 'no BYOC suite accepted',
          ),
        }
      : {}),
    ...(facts.versions['TLSv1.2'] && !facts.keyExchangeUnseen
      ? {
          curves: sourced(
            groups.join(':'),
            seen('each group offered alone with the ECDHE suites'),
            groups.length ? undefined : 'no group accepted',
          ),
        }
      : {}),
    ...(facts.sni ? { serverName: sourced(facts.sni, seen('SNI sent')) } : {}),
    syntax: probeSyntax,
  };
  if (facts.clientCertificate !== 'unknown') {
    const from = seen('TLS 1.2 handshake without a client certificate');
    endpoint.requestClientCert = sourced(facts.clientCertificate !== 'none', from);
    endpoint.requireClientCert = sourced(facts.clientCertificate === 'required', from);
  }
  return { ...endpoint, enabledSuites, groups };
}
