/**
 * Stage 6 of `scan`, a batch of trunks at a time just before they are judged: each endpoint's TLS
 * settings resolved with this OpenSSL (strings met before are not resolved again: `memo`), its CA list
 * read, and how its certificate file loads.
 */
import { resolveTls } from '../pipeline/tls-settings.js';
import type { TlsEndpointSettings } from '../model/endpoint.js';
import type { TlsEndpointFacts } from '../model/tls.js';
import { certificateLoad } from './chains.js';
import type { References, Resolved, ScanRun, TrunkPlan } from './run.js';

export async function resolveSettings(
  run: ScanRun,
  batch: readonly TrunkPlan[],
  { caFiles, resolvedCert, keyPaths }: References,
  memo: Parameters<typeof resolveTls>[1],
): Promise<Resolved> {
  const { byPath } = run;
  // The batch's TLS strings at once: repeated strings are resolved once.
  const allSettings = [...new Set(batch.flatMap((p) => [...p.endpoints, ...p.loadedOnly]))];
  const resolved = new Map<TlsEndpointSettings, TlsEndpointFacts>();
  const facts = await resolveTls(allSettings, memo);
  allSettings.forEach((s, i) => resolved.set(s, facts[i]!));
  for (const e of allSettings) {
    const found = caFiles.get(e);
    const f = resolved.get(e)!;
    if (!found) continue;
    if (!found.path) f.caListTried = found.tried;
    else {
      const loaded = await run.chains.load(found.path, 'CA list');
      if (loaded.certificates)
        f.caCertificates = {
          value: loaded.certificates.map((c) => ({ subject: c.subject, subjectHash: c.subjectHash, sha256: c.sha256 })),
          from: e.caList!.from,
          raw: found.path,
        };
      else f.caListTried = [`${found.path} (${loaded.error})`];
    }
  }

  // How the SBC's OpenSSL loads each endpoint's certificate and key files (first PEM block, key match, key sizes).
  for (const e of allSettings) {
    const cert = resolvedCert.get(e);
    const facts = resolved.get(e)!;
    if (!cert || !('path' in cert) || e.format === 'flags' || e.format === 'probe' || e.format === 'audiocodes') continue;
    const loaded = await run.chains.load(cert.path, cert.how);
    if (!loaded.certificates?.length) continue;
    const keyPath = keyPaths.get(e);
    facts.certificateLoad = certificateLoad(loaded.path, loaded.certificates, keyPath ? byPath.get(keyPath) : undefined);
  }
  return resolved;
}
