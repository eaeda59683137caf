/**
 * Stage 5 of `scan`: the files no configuration names. Private keys are found wherever they are
 * (committed secrets); certificate files become trunks of their own (CA-only files are noted).
 */
import { looksLikeCertificateFile, privateKeysIn } from './chains.js';
import type { KeyFiles, References, ScanRun, TrunkPlan } from './run.js';
import type { Configurations } from './stage-read.js';

export async function loneFiles(
  run: ScanRun,
  plans: TrunkPlan[],
  { outputs, consumedBy }: Configurations,
  { referenced }: References,
): Promise<{ keyFiles: KeyFiles; orphanKeys: string[] }> {
  const { walked, fileInfo, profilePath } = run;
  const keyFiles = new Map() as KeyFiles;
  for (const f of walked.files) {
    const keys = privateKeysIn(f);
    if (keys.length) {
      keyFiles.set(f.path, keys);
      fileInfo(f.path, 'key');
    }
  }
  // A key in a file too large to read, or under a name that is not UTF-8, is still a committed key.
  for (const s of walked.skipped) if (s.key) keyFiles.set(s.path, [s.key]);
  for (const f of walked.files) {
    // A PKCS#12 key store is a committed key (private-key), not a chain anyone can read without its password.
    if (
      referenced.has(f.path) ||
      outputs.has(f.path) ||
      consumedBy.has(f.path) ||
      f.path === profilePath ||
      !looksLikeCertificateFile(f) ||
      keyFiles.get(f.path)?.some((k) => k.label === 'PKCS#12')
    )
      continue;
    const loaded = await run.chains.load(f.path, 'found by scan');
    const info = fileInfo(f.path, 'certificate');
    if (loaded.certificates && loaded.certificates.every((c) => c.basicConstraints?.ca)) {
      info.notes.push({
        level: 'info',
        message: `${loaded.certificates.length} CA certificate${loaded.certificates.length === 1 ? '' : 's'} only: a CA list, not a chain an SBC sends; not checked as a chain`,
      });
      continue;
    }
    plans.push({
      name: f.path,
      origin: { kind: 'certificate', file: f.path },
      configFiles: [],
      endpoints: [],
      loadedOnly: [],
      media: [],
      mediaJudged: false,
      chainFile: { path: f.path, how: 'found by scan (no configuration names it)' },
      problems: [],
      involves: new Set([f.path]),
      keyFiles: [],
    });
  }
  for (const plan of plans) for (const k of keyFiles.keys()) if (plan.involves.has(k)) plan.keyFiles.push(k);
  const orphanKeys = [...keyFiles.keys()].filter((k) => !plans.some((p) => p.keyFiles.includes(k)));
  return { keyFiles, orphanKeys };
}
