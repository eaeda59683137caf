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
  // A file named on the command line that nothing reads must not pass as "nothing to check" in silence.
  const named = new Set(run.given);
  for (const f of walked.files)
    if (named.has(f.path) && !referenced.has(f.path) && !outputs.has(f.path) && !consumedBy.has(f.path) && f.path !== profilePath)
      if (!keyFiles.has(f.path) && !looksLikeCertificateFile(f))
        fileInfo(f.path, 'skipped').notes.push({ level: 'warn', message: notReadable(f.bytes) });
  for (const plan of plans) for (const k of keyFiles.keys()) if (plan.involves.has(k)) plan.keyFiles.push(k);
  const orphanKeys = [...keyFiles.keys()].filter((k) => !plans.some((p) => p.keyFiles.includes(k)));
  return { keyFiles, orphanKeys };
}

/** SBC products whose configurations byoc-check does not read, by a keyword their TLS settings use. */
const UNREAD_PRODUCTS: Array<[RegExp, string]> = [
  [/^[ \t]*tls-profile\b|\bsip-interface\b/m, 'an Oracle (Acme Packet) SBC configuration'],
  [/\btlsProfile\b/, 'a Ribbon SBC Core configuration'],
];

function notReadable(bytes: Buffer): string {
  const head = bytes.subarray(0, 1024 * 1024).toString('latin1');
  const product = UNREAD_PRODUCTS.find(([re]) => re.test(head))?.[1];
  return `${product ? `${product}, which byoc-check does not read` : 'named, but byoc-check recognises nothing in it'} (it reads Kamailio, OpenSIPS, Asterisk, FreeSWITCH and AudioCodes configurations, certificate and key files, and byoc-check.yaml): nothing in it was checked; give the trunk's TLS settings in byoc-check.yaml (tls:) to check them`;
}
