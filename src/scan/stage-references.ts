/** Stage 4 of `scan`: the certificate, key and CA files each endpoint names, found in the repository (or what was tried). */
import type { TlsEndpointSettings } from '../model/endpoint.js';
import type { References, ScanRun, TrunkPlan } from './run.js';

export function resolveReferences(run: ScanRun, plans: readonly TrunkPlan[]): References {
  const { locateAny, profile } = run;
  const referenced = new Set<string>();
  const resolvedCert = new Map<TlsEndpointSettings, { path: string; how: string } | { tried: string[]; written: string }>();
  const caFiles = new Map<TlsEndpointSettings, { path?: string; tried: string[] }>();
  const keyPaths = new Map<TlsEndpointSettings, string>();
  for (const plan of plans) {
    if (plan.chainFile && 'path' in plan.chainFile) {
      referenced.add(plan.chainFile.path);
      plan.involves.add(plan.chainFile.path);
    }
    for (const e of [...plan.endpoints, ...plan.loadedOnly]) {
      const from = e.declared?.file ?? plan.configFiles[0] ?? profile?.file ?? '.';
      if (e.certificate) {
        let found = locateAny(e.certificate.value, from);
        for (const alt of e.certificateFallbacks ?? [])
          if (!found.path) found = { ...locateAny(alt, from), tried: [...found.tried, ...locateAny(alt, from).tried] };
        if (found.path) {
          referenced.add(found.path);
          plan.involves.add(found.path);
          resolvedCert.set(e, { path: found.path, how: found.how! });
        } else resolvedCert.set(e, { tried: found.tried, written: e.certificate.value });
      }
      if (e.privateKey) {
        const found = locateAny(e.privateKey.value, from);
        if (found.path) {
          referenced.add(found.path);
          plan.involves.add(found.path);
          keyPaths.set(e, found.path);
        }
      }
      if (e.caList) {
        const found = locateAny(e.caList.value, from);
        caFiles.set(e, found);
        if (found.path) {
          referenced.add(found.path);
          plan.involves.add(found.path);
        }
      }
    }
  }
  return { referenced, resolvedCert, caFiles, keyPaths };
}
