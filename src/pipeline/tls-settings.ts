/** Shared run step: resolve the TLS settings of endpoints (cipher strings and groups, as OpenSSL reads them). */
import type { TlsEndpointSettings } from '../model/endpoint.js';
import type { TlsEndpointFacts } from '../model/tls.js';
import type { TlsMemo } from '../tls/facts.js';

/**
 * Endpoints with a cipher string or group list are resolved by OpenSSL (that module loads on first use);
 * the rest pass through. `memo` (an empty object to start) keeps resolved strings across calls.
 */
export async function resolveTls(endpoints: TlsEndpointSettings[], memo: { tls?: TlsMemo } = {}): Promise<TlsEndpointFacts[]> {
  if (!endpoints.some((e) => e.ciphers || e.curves)) return endpoints;
  const { resolveEndpoints, tlsMemo } = await import('../tls/facts.js');
  return resolveEndpoints(endpoints, (memo.tls ??= tlsMemo()));
}
