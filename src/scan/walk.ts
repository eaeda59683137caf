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
/**
 * The trunk profile may be larger: an MSP's byoc-check.yaml declares every trunk (about 250 bytes
 * each, so 5,000 trunks take 1.3 MB). Its YAML parse is linear, about 1 s per MB on a slow core.
 */
export const MAX_PROFILE_BYTES = 2 * 1024 * 1024;
export const MAX_FILES = 20_000;
/** What one walk keeps in all: about 2.5 bytes of memory per byte read, so a tree of large files stays bounded. */
export const MAX_WALK_BYTES = 128 * 1024 * 1024;
const SKIP_DIRS = new Set(['.git', 'node_modules', '.hg', '.svn']);

export interface WalkedFile {
  /** Relative to the scan root, `/` separators. */
  path: string;
  bytes: Buffer;
}

export interface Walk {
  /** Why the walk stopped early (`more than 20000 files`): the tree holds more than one walk may read. */
  truncated?: string;
  files: WalkedFile[];
  /** Files passed over, and why (too large, unreadable, a name that is not UTF-8). */
  skipped: Array<{ path: string; why: string; key?: { line: number; label: string } }>;
}

/** How far a file passed over is still searched for key material (a 1 GiB file is read in about a second). */
const KEY_SCAN_BYTES = 256 * 1024 * 1024;
/** What one walk may read in all to search passed-over files, so a tree of huge files stays bounded. */
const KEY_SCAN_TOTAL = 1024 * 1024 * 1024;
const KEY_MARK = Buffer.from('PRIVATE KEY-----');
const PKCS12_OID = Buffer.from('06092a864886f70d010701', 'hex');

/** A PKCS#12 store (a DER SEQUENCE whose first bytes name PKCS#7 data), whatever the file is called. */
export function looksLikePkcs12(head: Buffer): boolean {
  return head[0] === 0x30 && head.subarray(0, 64).includes(PKCS12_OID);
}

/**
 * A file the scan does not read may still hold a private key: its bytes are searched, chunk by chunk
 * (memory stays at one chunk), for a PEM key block or a PKCS#12 structure. Nothing of it is kept.
 */
function keyIn(file: string | Buffer, budget: { bytes: number }): { line: number; label: string } | undefined {
  if (budget.bytes <= 0) return undefined;
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const chunk = Buffer.allocUnsafe(1024 * 1024);
    let offset = 0;
    let lines = 1;
    let carry = Buffer.alloc(0);
    while (offset < KEY_SCAN_BYTES && budget.bytes > 0) {
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) return undefined;
      budget.bytes -= n;
      const window = Buffer.concat([carry, chunk.subarray(0, n)]);
      if (offset === 0 && looksLikePkcs12(window)) return { line: 1, label: 'PKCS#12' };
      const at = window.indexOf(KEY_MARK);
      if (at >= 0) {
        for (let i = window.indexOf(10); i !== -1 && i < at; i = window.indexOf(10, i + 1)) lines++;
        return { line: lines, label: 'PRIVATE KEY' };
      }
      for (let i = window.indexOf(10, carry.length); i !== -1; i = window.indexOf(10, i + 1)) lines++;
      carry = Buffer.from(window.subarray(Math.max(carry.length, window.length - KEY_MARK.length)));
      offset += n;
    }
    return undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The file's bytes, sized by its lstat size (a 1 MiB buffer per file made a 1,000-trunk scan allocate gigabytes). */
function readCapped(file: string, size: number, cap: number): Buffer | string {
  const tooLarge = `larger than ${cap / 1024} KiB`;
  if (size > cap) return tooLarge;
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    // One byte more than expected: a file that grew since lstat is read on, up to the cap.
    let buf = Buffer.allocUnsafe(size + 1);
    let length = 0;
    for (;;) {
      if (length === buf.length) {
        if (buf.length > cap) return tooLarge;
        const bigger = Buffer.allocUnsafe(Math.min(buf.length * 2, cap + 1));
        buf.copy(bigger, 0, 0, length);
        buf = bigger;
      }
      const n = readSync(fd, buf, length, buf.length - length, null);
      if (n === 0) break;
      length += n;
    }
    return length > cap ? tooLarge : buf.subarray(0, length);
  } catch (error) {
    return `cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export function posixRelative(root: string, file: string): string {
  return relative(root, file).split(sep).join('/');
}

/** A path too long to show whole: its start and end, so a report line stays a line. */
function shortened(path: string, max = 240): string {
  return path.length <= max ? path : `${path.slice(0, max / 2)}...${path.slice(-max / 2 + 3)}`;
}

/**
 * Walks `targets` (files or directories, relative to or under `root`); `maxBytes` is lowered by tests.
 * `profiles`: the paths that may be the trunk profile, read up to MAX_PROFILE_BYTES.
 */
export function walk(root: string, targets: string[], maxBytes = MAX_WALK_BYTES, profiles: readonly string[] = []): Walk {
  const out: Walk = { files: [], skipped: [] };
  const budget = { bytes: KEY_SCAN_TOTAL };
  let kept = 0;
  const seen = new Set<string>();
  const add = (file: string, size: number) => {
    const path = posixRelative(root, file);
    if (seen.has(path)) return;
    seen.add(path);
    if (out.files.length >= MAX_FILES) {
      out.truncated = `more than ${MAX_FILES} files`;
      return;
    }
    // A name with control characters or bidi overrides could forge report lines wherever it is quoted:
    // it is listed (escaped) and searched for keys, not read as configuration.
    if (printable(path) !== path) {
      const key = keyIn(file, budget);
      out.skipped.push({
        path: printable(path),
        why: 'its name holds control or bidi characters (shown escaped); it is not read',
        ...(key ? { key } : {}),
      });
      return;
    }
    const cap = profiles.includes(path) ? MAX_PROFILE_BYTES : MAX_FILE_BYTES;
    if (size <= cap && kept + size > maxBytes) {
      out.truncated = `more than ${maxBytes / (1024 * 1024)} MiB of files`;
      return;
    }
    const bytes = readCapped(file, size, cap);
    if (typeof bytes === 'string') {
      const key = keyIn(file, budget);
      out.skipped.push({ path, why: bytes, ...(key ? { key } : {}) });
    } else {
      kept += bytes.length;
      out.files.push({ path, bytes });
    }
  };
  const visit = (dir: string) => {
    let raw: Buffer[];
    try {
      raw = readdirSync(dir, { encoding: 'buffer' }).sort(Buffer.compare);
    } catch (error) {
      out.skipped.push({ path: posixRelative(root, dir), why: `cannot list it (${(error as NodeJS.ErrnoException).code})` });
      return;
    }
    for (const bytes of raw) {
      if (out.truncated) return;
      const name = bytes.toString('utf8');
      if (!Buffer.from(name, 'utf8').equals(bytes)) {
        // A name that is not UTF-8 cannot be named in a report as it is: listed, and still searched for keys.
        const full = Buffer.concat([Buffer.from(`${dir}${sep}`), bytes]);
        const info = lstatSync(full, { throwIfNoEntry: false });
        if (!info?.isFile()) continue;
        const key = keyIn(full, budget);
        out.skipped.push({
          path: posixRelative(root, join(dir, name)),
          why: `its name is not valid UTF-8 (bytes ${bytes.toString('hex').slice(0, 64)}); it is not read`,
          ...(key ? { key } : {}),
        });
        continue;
      }
      const full = join(dir, name);
      let info: ReturnType<typeof lstatSync>;
      try {
        info = lstatSync(full, { throwIfNoEntry: false });
      } catch (error) {
        // Deeper than the system's PATH_MAX (ENAMETOOLONG) or otherwise unreachable: said, never a crash.
        const code = (error as NodeJS.ErrnoException).code;
        out.skipped.push({
          path: shortened(posixRelative(root, full)),
          why: code === 'ENAMETOOLONG' ? 'its path is longer than the system allows (PATH_MAX)' : `cannot read it (${code})`,
        });
        continue;
      }
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
