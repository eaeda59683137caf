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

/** The file's bytes, sized by its lstat size (a 1 MiB buffer per file made a 1,000-trunk scan allocate gigabytes). */
function readCapped(file: string, size: number): Buffer | string {
  const tooLarge = `larger than ${MAX_FILE_BYTES / 1024} KiB`;
  if (size > MAX_FILE_BYTES) return tooLarge;
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    // One byte more than expected: a file that grew since lstat is read on, up to the cap.
    let buf = Buffer.allocUnsafe(size + 1);
    let length = 0;
    for (;;) {
      if (length === buf.length) {
        if (buf.length > MAX_FILE_BYTES) return tooLarge;
        const bigger = Buffer.allocUnsafe(Math.min(buf.length * 2, MAX_FILE_BYTES + 1));
        buf.copy(bigger, 0, 0, length);
        buf = bigger;
      }
      const n = readSync(fd, buf, length, buf.length - length, null);
      if (n === 0) break;
      length += n;
    }
    return length > MAX_FILE_BYTES ? tooLarge : buf.subarray(0, length);
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
  const add = (file: string, size: number) => {
    const path = posixRelative(root, file);
    if (seen.has(path)) return;
    seen.add(path);
    if (out.files.length >= MAX_FILES)
      throw new InputError(`more than ${MAX_FILES} files under ${printable(root)}; scan the configuration folder instead`);
    const bytes = readCapped(file, size);
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
      } else if (info.isFile()) add(full, info.size);
    }
  };
  for (const target of targets) {
    const full = join(root, target);
    const info = statSync(full, { throwIfNoEntry: false });
    if (!info) throw new InputError(`${printable(target)}: no such file or directory`);
    if (info.isDirectory()) visit(full);
    else if (info.isFile()) add(full, info.size);
    else throw new InputError(`${printable(target)}: not a file or directory`);
  }
  return out;
}
