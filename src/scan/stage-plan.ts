/** Stage 3 of `scan`: the trunks, from the profile, then every configuration no profile trunk claimed. */
import { mergeProfileMedia, profileMedia } from '../config/media/profile.js';
import { readers } from '../config/readers/index.js';
import { InputError } from '../errors.js';
import type { Sourced, TlsEndpointSettings } from '../model/endpoint.js';
import type { TlsVersion } from '../model/tls.js';
import { flagSyntax } from '../providers/flags.js';
import { printable } from '../util/text.js';
import type { ProfileTrunk } from './profile.js';
import type { TrunkPlan, ScanRun } from './run.js';
import type { Configurations } from './stage-read.js';

export function planTrunks(run: ScanRun, { outputs, consumedBy, passedOver }: Configurations): TrunkPlan[] {
  const { profile, genesys, locateAny } = run;
  // Trunks: from the profile, then every configuration no profile trunk claimed.
  const plans: TrunkPlan[] = [];
  const claimed = new Set<string>();
  const entryOf = (config: string) => (outputs.has(config) ? config : consumedBy.get(config));
  const configFilesOf = (entry: string) => [entry, ...outputs.get(entry)!.output.consumed.filter((c) => c !== entry)];
  for (const t of profile?.trunks ?? []) {
    const plan: TrunkPlan = {
      name: t.name,
      origin: { kind: 'profile', file: profile!.file, line: t.line },
      profile: t,
      configFiles: [],
      endpoints: [],
      loadedOnly: [],
      media: [],
      mediaJudged: false,
      problems: [],
      involves: new Set([profile!.file]),
      keyFiles: [],
      ...(genesys?.links.get(t.name) ? { genesys: genesys.links.get(t.name)! } : {}),
    };
    if (t.config) {
      const found = locateAny(t.config, profile!.file);
      const entryPath = found.path ? entryOf(found.path) : undefined;
      const entry = entryPath ? outputs.get(entryPath) : undefined;
      if (!found.path)
        throw new InputError(
          `${profile!.file}:${t.lines.config ?? t.line}: trunk "${t.name}": config ${printable(t.config)} is not in the repository (tried ${found.tried.join(', ')})`,
        );
      if (!entry && passedOver.has(found.path))
        throw new InputError(
          `${profile!.file}:${t.lines.config ?? t.line}: trunk "${t.name}": config ${found.path} is not the SBC's main file (${passedOver.get(found.path)}); name the main file in config:`,
        );
      if (!entryPath || !entry)
        throw new InputError(
          `${profile!.file}:${t.lines.config ?? t.line}: trunk "${t.name}": ${found.path} is not an SBC configuration byoc-check can read (${readers.map((r) => r.format).join(', ')})`,
        );
      claimed.add(entryPath);
      plan.configFiles = configFilesOf(entryPath);
      for (const p of entry.output.passedOver ?? []) plan.involves.add(p.path);
      let endpoints = entry.output.endpoints.filter((e) => !e.unused);
      if (entryPath !== found.path) endpoints = endpoints.filter((e) => e.declared?.file === found.path || !e.declared);
      plan.loadedOnly = entry.output.endpoints.filter((e) => e.unused).map((e) => ({ ...e }));
      if (t.endpoints) {
        const names = new Set(endpoints.map((e) => e.name));
        const unknown = t.endpoints.filter((n) => !names.has(n));
        if (unknown.length)
          throw new InputError(
            `${profile!.file}:${t.lines.endpoints ?? t.line}: trunk "${t.name}": no endpoint ${unknown.map((n) => `"${printable(n)}"`).join(', ')} in ${found.path} (it has ${[...names].map((n) => `"${n}"`).join(', ') || 'none'})`,
          );
        endpoints = endpoints.filter((e) => t.endpoints!.includes(e.name));
      }
      plan.endpoints = endpoints.map((e) => ({ ...e }));
      // the files the media extractor read belong to the trunk too, and so do the problems found in them
      plan.configFiles.push(...(entry.media?.files ?? []).filter((f) => !plan.configFiles.includes(f)));
      plan.problems = entry.output.problems.filter((p) => plan.configFiles.includes(p.location.file));
      if (entry.output.unseen) plan.unseen = entry.output.unseen;
      plan.media = (entry.media?.media ?? []).map((m) => ({ ...m }));
      plan.mediaJudged = true;
    }
    if (t.tls) plan.endpoints.push(...profileEndpoints(t, profile!.file));
    const stated = profileMedia(t, profile!.file);
    if (stated) {
      plan.media = mergeProfileMedia(plan.media, stated);
      plan.mediaJudged = true;
    }
    if (t.chain) {
      const found = locateAny(t.chain, profile!.file);
      plan.chainFile = found.path
        ? { path: found.path, how: `trunk profile ${profile!.file}:${t.lines.chain ?? t.line}` }
        : { missing: t.chain, tried: found.tried };
    }
    plans.push(plan);
  }
  for (const [entry, { output, media }] of outputs) {
    if (claimed.has(entry) || consumedBy.has(entry)) continue;
    plans.push({
      name: entry,
      origin: { kind: 'config', file: entry },
      configFiles: [...new Set([...configFilesOf(entry), ...(media?.files ?? [])])],
      endpoints: output.endpoints.filter((e) => !e.unused).map((e) => ({ ...e })),
      loadedOnly: output.endpoints.filter((e) => e.unused).map((e) => ({ ...e })),
      ...(output.unseen ? { unseen: output.unseen } : {}),
      media: (media?.media ?? []).map((m) => ({ ...m })),
      mediaJudged: true,
      problems: output.problems,
      // a file it passes over (an include switched off by #!ifdef) can change what it says: a changed-file run re-judges it
      involves: new Set((output.passedOver ?? []).map((p) => p.path)),
      keyFiles: [],
    });
  }

  numberAll(plans);
  return plans;
}

/** Endpoint and media ids, once, report-wide. */
function numberAll(plans: TrunkPlan[]): void {
  let endpointCount = 0;
  for (const plan of plans) for (const e of [...plan.endpoints, ...plan.loadedOnly]) e.id = `endpoint[${endpointCount++}]`;
  let mediaCount = 0;
  for (const plan of plans) for (const m of plan.media) m.id = `media[${mediaCount++}]`;
  for (const plan of plans) for (const f of plan.configFiles) plan.involves.add(f);
}

/** The trunk profile's `tls:` settings as endpoints (both roles), each value naming its profile line. */
function profileEndpoints(t: ProfileTrunk, file: string): TlsEndpointSettings[] {
  const at = <T>(value: T, key: string, raw?: string): Sourced<T> => ({
    value,
    from: { kind: 'file', file, line: t.lines[`tls.${key}`] ?? t.line, key: `tls.${key}` },
    ...(raw ? { raw } : {}),
  });
  const tls = t.tls!;
  const order: TlsVersion[] = ['1.0', '1.1', '1.2', '1.3'];
  const versions =
    tls.tlsMin || tls.tlsMax ? order.slice(order.indexOf(tls.tlsMin ?? '1.0'), order.indexOf(tls.tlsMax ?? '1.3') + 1) : undefined;
  const syntax = {
    ...flagSyntax,
    ciphers: (v: string) => `tls.ciphers: "${v}" in ${file}`,
    allowTls12: () => `tls.tlsMin: "1.2" in ${file}`,
    curves: (v: string) => `tls.curves: "${v}" in ${file}`,
  };
  return (['server', 'client'] as const).map((role) => ({
    id: '',
    format: 'flags' as const,
    name: `${t.name} ${role} (trunk profile)`,
    declared: { file, line: t.lines.tls ?? t.line },
    role,
    syntax,
    ...(tls.ciphers ? { ciphers: at(tls.ciphers, 'ciphers') } : {}),
    ...(tls.curves ? { curves: at(tls.curves, 'curves') } : {}),
    ...(versions ? { versions: at(versions, tls.tlsMin ? 'tlsMin' : 'tlsMax', `${tls.tlsMin ?? 'any'}..${tls.tlsMax ?? 'any'}`) } : {}),
  }));
}
