/** Stage 1 of `scan`: the repository the paths belong to, walked once, with its profile and the org's Genesys trunks. */
import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, posix, relative, resolve, sep } from 'node:path';
import { rules } from '../../rules/index.js';
import { ConfigRepo } from '../config/repo.js';
import { InputError } from '../errors.js';
import type { ScanFile } from '../report/types.js';
import { printable } from '../util/text.js';
import { ChainLoader, isText } from './chains.js';
import { HeapKeeper } from './heap.js';
import { linkProfile, type GenesysScan } from './genesys.js';
import { parseProfile, type Profile } from './profile.js';
import { PROFILE_NAMES, type ScanOptions, type ScanRun } from './run.js';
import { changedFileSelector, foldersOf } from './select.js';
import { walk, type Walk } from './walk.js';

interface Walked {
  root: string;
  given: string[];
  walked: Walk;
  /** The folders walked when the repository is over the file or byte cap. */
  narrowed?: string[];
  /** Why only `narrowed` was walked: the repository's own size (`more than 20000 files`). */
  narrowedBecause?: string;
}

/** The root, the given paths relative to it, and the files: the whole repository, or only the folders given when it is too large. */
function walkRepository(options: ScanOptions): Walked {
  const paths = options.paths.length ? options.paths : ['.'];
  // The repository the paths belong to: a trunk's configuration and certificates may sit anywhere in it.
  const lone = paths.length === 1 && statSync(resolve(options.cwd, paths[0]!), { throwIfNoEntry: false })?.isDirectory();
  const root = repositoryRoot(lone ? resolve(options.cwd, paths[0]!) : options.cwd);
  const given = paths.map((p) => {
    const rel = relative(root, resolve(options.cwd, p)).split(sep).join('/');
    if (rel.startsWith('..') || isAbsolute(rel))
      throw new InputError(`${printable(p)} is outside the repository being scanned (${printable(root)}); scan its own folder`);
    return rel || '.';
  });
  // The trunk profile --profile names, else the one at the root: it may be larger than other files.
  const profileNames = options.profile ? [posix.normalize(options.profile.split('\\').join('/'))] : PROFILE_NAMES;
  let walked = walk(root, ['.'], undefined, profileNames);
  // A monorepo: the file cap applies to what is scanned. Walk only the folders given (of the files a
  // changed-file run names), and the profile at the root; say so, since files elsewhere are not found.
  let narrowed: string[] | undefined;
  let narrowedBecause: string | undefined;
  if (walked.truncated) {
    narrowedBecause = walked.truncated;
    const tooMany = `${narrowedBecause} under ${printable(root)}`;
    narrowed = [...new Set(given.map((p) => (walkedIsDirectory(root, p) ? p : posix.dirname(p))))];
    if (narrowed.includes('.')) throw new InputError(`${tooMany}; scan the configuration folder instead`);
    const profiles = PROFILE_NAMES.filter((n) => existsSync(resolve(root, n)));
    walked = walk(root, [...narrowed, ...profiles], undefined, profileNames);
    if (walked.truncated)
      throw new InputError(`${tooMany}, and ${walked.truncated} in ${narrowed.map((n) => printable(n)).join(', ')}; scan a smaller folder`);
  }
  return { root, given, walked, ...(narrowed ? { narrowed, narrowedBecause } : {}) };
}

export async function openRepository(options: ScanOptions): Promise<ScanRun> {
  const { root, given, walked, narrowed, narrowedBecause } = walkRepository(options);
  const byPath = new Map(walked.files.map((f) => [f.path, f]));
  let walkedFolders: Set<string> | undefined;
  const skippedPaths = new Set(walked.skipped.map((s) => s.path));
  for (const p of given)
    if (p !== '.' && !byPath.has(p) && !skippedPaths.has(p) && !(walkedFolders ??= foldersOf(byPath.keys())).has(p))
      throw new InputError(`${printable(p)}: no such file or directory under ${printable(root)}`);
  const selectAll = given.every((p) => p === '.');
  const selected = changedFileSelector(given);

  const files = new Map<string, ScanFile>();
  const fileInfo = (path: string, kind: ScanFile['kind'], format?: string) => {
    let entry = files.get(path);
    if (!entry) files.set(path, (entry = { path, kind, ...(format ? { format } : {}), notes: [] }));
    return entry;
  };
  // What could not be read is said in every format (a warning note), never only in JSON.
  if (narrowed)
    fileInfo('.', 'skipped').notes.push({
      level: 'warn',
      message: `the repository holds ${narrowedBecause}: only ${narrowed.join(', ')} ${narrowed.length === 1 ? 'was' : 'were'} walked (and the trunk profile); a file a configuration names outside ${narrowed.length === 1 ? 'it' : 'them'} is reported as not in the repository`,
    });
  for (const s of walked.skipped)
    fileInfo(s.path, 'skipped').notes.push({
      level: 'warn',
      message: `not read: ${s.why}${s.key ? '; it holds private key material' : ''}`,
    });

  // The trunk profile.
  let profile: Profile | undefined;
  const profilePath = options.profile
    ? posix.normalize(options.profile.split('\\').join('/'))
    : PROFILE_NAMES.find((n) => byPath.has(n) || skippedPaths.has(n));
  // A profile that could not be read must stop the scan: ignoring it would drop its trunks and suppressions.
  const unreadableProfile = profilePath ? walked.skipped.find((s) => s.path === profilePath) : undefined;
  if (unreadableProfile)
    throw new InputError(
      `${printable(unreadableProfile.path)}: cannot use the trunk profile: it is ${unreadableProfile.why.replace(/^cannot read it/, 'unreadable')}`,
    );
  if (profilePath) {
    const file = byPath.get(profilePath);
    if (!file) throw new InputError(`--profile ${printable(profilePath)}: no such file under ${printable(root)}`);
    profile = parseProfile(
      file.bytes.toString('utf8'),
      profilePath,
      rules.map((r) => r.meta.id),
    );
    fileInfo(profilePath, 'profile');
  }
  // The Genesys half: loaded before any file is judged, so a bad answer stops the scan as an input error.
  let genesys: GenesysScan | undefined;
  if (options.genesys) {
    const { loadGenesysTrunks } = await import('../genesys/check.js');
    genesys = linkProfile(profile, await loadGenesysTrunks(options.genesys, '--genesys'));
  }
  const pathMap = [...(options.pathMap ?? []), ...(profile?.pathMap ?? [])];
  // The profile's parse (a YAML tree of every trunk) is garbage now.
  const heap = new HeapKeeper();
  heap.checkNow();
  const texts = new Map<string, string>();
  for (const f of walked.files) if (isText(f.bytes)) texts.set(f.path, f.bytes.toString('utf8'));
  const repo = new ConfigRepo(texts, pathMap);
  const locateAny = (written: string, from: string) => repo.locate(written, from, (p) => byPath.has(p));
  return {
    options,
    root,
    given,
    selectAll,
    selected,
    walked,
    byPath,
    files,
    fileInfo,
    ...(profile ? { profile } : {}),
    ...(profilePath ? { profilePath } : {}),
    ...(genesys ? { genesys } : {}),
    texts,
    repo,
    locateAny,
    chains: new ChainLoader(byPath),
    heap,
  };
}

function walkedIsDirectory(root: string, rel: string): boolean {
  return statSync(resolve(root, rel), { throwIfNoEntry: false })?.isDirectory() === true;
}

/** The nearest folder holding .git or byoc-check.yaml, from `start` upwards; else `start` itself. */
function repositoryRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(resolve(dir, '.git')) || PROFILE_NAMES.some((n) => existsSync(resolve(dir, n)))) return dir;
    if (dirname(dir) === dir) return start;
  }
}
