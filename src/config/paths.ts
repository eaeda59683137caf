/**
 * Lookups over the scanned repository's paths, indexed once per scan. A repository of many SBC trees
 * (one per trunk) must not cost every reader a pass over every path: that made reading quadratic in
 * the number of trunks. Results keep the repository's own order (the walk's), as a pass would.
 */
import { posix } from 'node:path';

interface PathIndex {
  /** Paths sorted by string order, with their position in the repository's order. */
  sorted: Array<{ path: string; at: number }>;
  byName: Map<string, string[]>;
  byFolderName: Map<string, string[]>;
}

const indexes = new WeakMap<readonly string[], PathIndex>();

function indexOf(paths: readonly string[]): PathIndex {
  let index = indexes.get(paths);
  if (index) return index;
  const byName = new Map<string, string[]>();
  const byFolderName = new Map<string, string[]>();
  const push = (map: Map<string, string[]>, key: string, path: string) => {
    const list = map.get(key);
    if (list) list.push(path);
    else map.set(key, [path]);
  };
  for (const p of paths) {
    push(byName, posix.basename(p), p);
    push(byFolderName, posix.basename(posix.dirname(p)), p);
  }
  const sorted = paths.map((path, at) => ({ path, at })).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  index = { sorted, byName, byFolderName };
  indexes.set(paths, index);
  return index;
}

/** The paths inside folder `dir` ('.' or '' for all), in repository order. */
export function pathsUnder(paths: readonly string[], dir: string): readonly string[] {
  const clean = posix.normalize(dir || '.').replace(/\/+$/, '');
  if (clean === '.' || clean === '') return paths;
  const prefix = `${clean}/`;
  const { sorted } = indexOf(paths);
  // Every path starting with the prefix sits in one run of the sorted list, from its lower bound.
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]!.path < prefix) lo = mid + 1;
    else hi = mid;
  }
  const run: Array<{ path: string; at: number }> = [];
  for (let i = lo; i < sorted.length && sorted[i]!.path.startsWith(prefix); i++) run.push(sorted[i]!);
  return run.sort((a, b) => a.at - b.at).map((e) => e.path);
}

/** The paths whose file name is `name`, in repository order. */
export function pathsNamed(paths: readonly string[], name: string): readonly string[] {
  return indexOf(paths).byName.get(name) ?? [];
}

/** The paths whose folder is named `name` (`pjsip.d` for any `.../pjsip.d/x.conf`), in repository order. */
export function pathsInFolderNamed(paths: readonly string[], name: string): readonly string[] {
  return indexOf(paths).byFolderName.get(name) ?? [];
}

/** How many folders, from the root, the files `a` and `b` have in common: how near one is to the other. */
export function sharedFolders(a: string, b: string): number {
  const x = posix.dirname(a).split('/');
  const y = posix.dirname(b).split('/');
  let k = 0;
  while (k < x.length && k < y.length && x[k] === y[k]) k++;
  return k;
}

/** The folder a glob's wildcards start in: `conf/sip_profiles/external` for `conf/sip_profiles/external/*.xml`. */
export function literalFolderOf(glob: string): string {
  const parts = glob.split('/');
  const first = parts.findIndex((p) => /[*?[]/.test(p));
  return (first === -1 ? parts.slice(0, -1) : parts.slice(0, first)).join('/') || '.';
}
