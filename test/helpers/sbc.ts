/** Reads configuration fixtures the way `scan` does, and flattens endpoints for readable expectations. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ConfigRepo, type PathMapping } from '../../src/config/repo.js';
import type { ReaderInput, ReaderOutput, SbcReader } from '../../src/config/types.js';
import type { MediaOutput } from '../../src/config/media/types.js';
import type { MediaSettings } from '../../src/model/media.js';
import type { Sourced, TlsEndpointSettings } from '../../src/model/endpoint.js';
import { ROOT } from './run.js';

/** Runs `reader` on `entry` within an in-memory repository of `files` (path -> text). */
export function readConfig(reader: SbcReader, files: Record<string, string>, entry: string, pathMap: PathMapping[] = []): ReaderOutput {
  const repo = new ConfigRepo(new Map(Object.entries(files)), pathMap);
  const file = repo.file(entry);
  if (!file) throw new Error(`no fixture ${entry}`);
  return reader.read(repo.readerInput(file));
}

/** Runs a media extractor on `entry` within an in-memory repository of `files`, as scan would. */
export function readMedia(extract: (input: ReaderInput) => MediaOutput, files: Record<string, string>, entry: string): MediaOutput {
  const repo = new ConfigRepo(new Map(Object.entries(files)));
  const file = repo.file(entry);
  if (!file) throw new Error(`no fixture ${entry}`);
  return extract(repo.readerInput(file));
}

/** A media leg's facts as plain strings (absent values left out), for expectations. */
export function briefMedia(m: MediaSettings): Record<string, string> {
  const out: Record<string, string> = { name: m.name };
  for (const key of ['offer', 'strictness', 'suites', 'rejectedSuites'] as const) {
    const s = show(m[key]);
    if (s !== undefined) out[key] = s;
  }
  if (m.unresolved?.length) out.unresolved = m.unresolved.join(' | ');
  return out;
}

/** All files under test/fixtures/sbc/<dir>, by path relative to that folder. */
export function fixtureFiles(dir: string): Record<string, string> {
  const base = join(ROOT, 'test', 'fixtures', 'sbc', dir);
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(base, p).split('\\').join('/')] = readFileSync(p, 'utf8');
    }
  };
  walk(base);
  return out;
}

/** "value @ file:line key" / "value @ default: text": one string per value, for toEqual tables. */
export function show(value: Sourced<unknown> | undefined): string | undefined {
  if (!value) return undefined;
  const v = Array.isArray(value.value)
    ? value.value.join(',')
    : typeof value.value === 'object'
      ? JSON.stringify(value.value)
      : String(value.value);
  const f = value.from;
  const where =
    f.kind === 'file'
      ? `${f.file}:${f.line} ${f.key}`
      : f.kind === 'default'
        ? `default: ${f.text}`
        : f.kind === 'flag'
          ? f.flag
          : `probe: ${f.text}`;
  return `${v} @ ${where}`;
}

/** The endpoint's facts as plain strings (absent values left out), for expectations. */
export function brief(e: TlsEndpointSettings): Record<string, string> {
  const out: Record<string, string> = { name: e.name, role: e.role };
  for (const key of [
    'listen',
    'certificate',
    'privateKey',
    'caList',
    'caPath',
    'versions',
    'ciphers',
    'tls13Suites',
    'curves',
    'requireClientCert',
    'requestClientCert',
    'verifyPeer',
    'serverName',
  ] as const) {
    const s = show(e[key] as Sourced<unknown> | undefined);
    if (s !== undefined) out[key] = s;
  }
  return out;
}
