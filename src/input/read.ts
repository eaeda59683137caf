/**
 * Reading user input with one size cap for every kind of file: regular files, FIFOs, character
 * devices (/dev/zero never ends), sockets and standard input are read in chunks and given up on
 * as soon as they pass the cap, with one clear error instead of memory growing without bound.
 */
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { InputError } from '../errors.js';

/** The largest input read: far above any chain or CA bundle (the Mozilla store is ~250 KiB). */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;
const CHUNK = 1024 * 1024;

const mib = (n: number) => (n >= 1048576 ? `${Math.round(n / 1048576)} MiB` : `${Math.ceil(n / 1024)} KiB`);

function tooLarge(label: string, limit: number, size?: number): InputError {
  return new InputError(
    `${label} ${size === undefined ? `goes on past ${mib(limit)} (a device or an endless stream?)` : `is ${mib(size)}`}; a certificate chain is a few KiB (limit ${mib(limit)})`,
  );
}

function cannotRead(label: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException).code;
  return new InputError(code === 'ENOENT' ? `${label}: no such file` : `${label}: cannot read it (${code ?? (error as Error).message})`);
}

/**
 * The bytes of `path`, whatever kind of file it is, at most `limit` of them. `what` names the
 * input in messages ("chain file", "--ca file").
 */
export function readCapped(path: string, what: string, limit = MAX_INPUT_BYTES): Buffer {
  const label = `${what} ${path}`;
  let info;
  try {
    info = statSync(path);
  } catch (error) {
    throw cannotRead(label, error);
  }
  if (info.isDirectory()) throw new InputError(`${label} is a directory, not a file`);
  if (info.isFile() && info.size > limit) throw tooLarge(label, limit, info.size);
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw cannotRead(label, error);
  }
  try {
    // A regular file can grow while it is read; devices and pipes report no size at all.
    const regular = fstatSync(fd).isFile();
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(
        regular ? Math.min(Math.max(info.size, 1) + 1, limit + 1 - total) : Math.min(CHUNK, limit + 1 - total),
      );
      let n: number;
      try {
        n = readSync(fd, chunk, 0, chunk.length, null);
      } catch (error) {
        throw cannotRead(label, error);
      }
      if (n === 0) break;
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
      total += n;
      if (total > limit) throw tooLarge(label, limit);
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

/** A stream (standard input) read up to `limit` bytes; stops reading at the cap. */
export async function readStreamCapped(stream: AsyncIterable<Buffer | string>, label: string, limit = MAX_INPUT_BYTES): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const piece of stream) {
    const chunk = typeof piece === 'string' ? Buffer.from(piece) : piece;
    total += chunk.length;
    if (total > limit) throw tooLarge(label, limit);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, total);
}
