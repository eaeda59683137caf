/** A generated repository of N trunks (scripts/scan-repo.mjs) in a fresh temporary folder, and the in-process scan options for it. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateScanRepo } from '../../scripts/scan-repo.mjs';
import type { ScanOptions } from '../../src/scan/scan.js';
import { decodePem } from './context.js';

export type ScanRepo = Awaited<ReturnType<typeof generateScanRepo>>;

export function scanRepo(trunks: number): Promise<ScanRepo> {
  return generateScanRepo(join(mkdtempSync(join(tmpdir(), 'byoc-scan-repo-')), 'repo'), trunks);
}

/** Edits the repository's byoc-check.yaml. */
export function editProfile(repo: ScanRepo, edit: (text: string) => string): void {
  const file = join(repo.dir, 'byoc-check.yaml');
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
}

export function scanOptionsOf(repo: ScanRepo, extra: Partial<ScanOptions> = {}): ScanOptions {
  return {
    cwd: repo.dir,
    paths: [],
    at: new Date(repo.at),
    caCertificates: decodePem(readFileSync(join(repo.dir, repo.ca), 'utf8')),
    caName: repo.ca,
    version: 'test',
    ...extra,
  };
}
