/**
 * Finds the files of a configuration repository: directories are walked (never into .git or
 * node_modules, never through symbolic links), every read is capped, and the whole walk is bounded.
 */
import { closeSync, lstatSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { InputError } from '../errors.js';
import { printable } from '../util/text.js';

/** Configuration and certificate files are small; larger files are listed as skipped, not read. */
export const MAX_FILE_BYTES = 1024 * 1024;
export const MAX_FILES = 20_000;
const SKIP_DIRS = new Set(['.git', 'node_modules', '.hg', '.svn']);

export interface WalkedFile {
  /** Relative to the scan root, `/` separators. */
  path: string;
  bytes: Buffer;
}

export interface Walk {
  files: WalkedFile[];
  /** Files passed over, and why (too large, unreadable). */
  skipped: Array<{ path: string; why: string }>;
}

function readCapped(file: string): Buffer | string {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const buf = Buffer.alloc(MAX_FILE_BYTES + 1);
    let size = 0;
    for (let n = 1; n > 0 && size <= MAX_FILE_BYTES; size += n) n = readSync(fd, buf, size, buf.length - size, null);
    return size > MAX_FILE_BYTES ? `larger than ${MAX_FILE_BYTES / 1024} KiB` : buf.subarray(0, size);
  } catch (error) {
    return `cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export function posixRelative(root: string, file: string): string {
  return relative(root, file).split(sep).join('/');
}

/** Walks `targets` (files or directories, relative to or under `root`). */
export function walk(root: string, targets: string[]): Walk {
  const out: Walk = { files: [], skipped: [] };
  const seen = new Set<string>();
  const add = (file: string) => {
    const path = posixRelative(root, file);
    if (seen.has(path)) return;
    seen.add(path);
    if (out.files.length >= MAX_FILES) throw new InputError(`more than ${MAX_FILES} files under ${printable(root)}; scan the configuration folder instead`);
    const bytes = readCapped(file);
    if (typeof bytes === 'string') out.skipped.push({ path, why: bytes });
    else out.files.push({ path, bytes });
  };
  const visit = (dir: string) => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch (error) {
      out.skipped.push({ path: posixRelative(root, dir), why: `cannot list it (${(error as NodeJS.ErrnoException).code})` });
      return;
    }
    for (const name of names) {
      const full = join(dir, name);
      const info = lstatSync(full, { throwIfNoEntry: false });
      if (!info || info.isSymbolicLink()) continue;
      if (info.isDirectory()) {
        if (!SKIP_DIRS.has(name)) visit(full);
      } else if (info.isFile()) add(full);
    }
  };
  for (const target of targets) {
    const full = join(root, target);
    const info = statSync(full, { throwIfNoEntry: false });
    if (!info) throw new InputError(`${printable(target)}: no such file or directory`);
    if (info.isDirectory()) visit(full);
    else if (info.isFile()) add(full);
    else throw new InputError(`${printable(target)}: not a file or directory`);
  }
  return out;
}
