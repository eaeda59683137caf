/**
 * Text written once and read back once, outside the heap: an unlinked temporary file, so nothing is
 * left behind whatever ends the process. A scan of thousands of trunks keeps its results here as the
 * JSON report's text instead of as objects.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { InputError } from '../errors.js';
import { printable } from '../util/text.js';

const READ_PIECE = 64 * 1024;

export class TextSpill {
  private bytes = 0;
  private constructor(
    private fd: number | undefined,
    private readonly dir: string,
  ) {}

  /** A spill in the temporary folder, or undefined when none can be made (the caller keeps its text in memory). */
  static open(dir = tmpdir()): TextSpill | undefined {
    const path = join(dir, `byoc-check-${process.pid}-${randomBytes(6).toString('hex')}.spill`);
    let fd: number;
    try {
      // wx: never an existing file or a planted link; 0600: the runner's own
      fd = openSync(path, 'wx+', 0o600);
    } catch {
      return undefined;
    }
    try {
      unlinkSync(path);
    } catch {
      closeSync(fd);
      return undefined;
    }
    return new TextSpill(fd, dir);
  }

  append(text: string): void {
    if (this.fd === undefined) throw new Error('spill already read');
    try {
      // a string is encoded straight into the file (half the time of Buffer.from and a write)
      const length = Buffer.byteLength(text, 'utf8');
      const written = writeSync(this.fd, text, this.bytes, 'utf8');
      if (written !== length) {
        const rest = Buffer.from(text, 'utf8');
        for (let done = written; done < length;) done += writeSync(this.fd, rest, done, length - done, this.bytes + done);
      }
      this.bytes += length;
    } catch (error) {
      // a full or failing temporary folder: one line, and where to point TMPDIR
      throw new InputError(
        `cannot write the report's temporary file in ${printable(this.dir)} (${(error as NodeJS.ErrnoException).code ?? 'write error'}); set TMPDIR to a folder with free space`,
      );
    }
  }

  /** The text appended, in pieces of 64 KiB, once; the file is closed when the last piece is read (or the reader stops). */
  *read(): Generator<string> {
    const fd = this.fd;
    if (fd === undefined) throw new Error('spill already read');
    this.fd = undefined;
    // one buffer read into again and again: what leaves is a string (a buffer per piece piled up outside the heap, +20 MiB)
    const decoder = new StringDecoder('utf8');
    const buffer = Buffer.allocUnsafe(READ_PIECE);
    try {
      for (let at = 0; at < this.bytes;) {
        const n = readSync(fd, buffer, 0, Math.min(READ_PIECE, this.bytes - at), at);
        if (n === 0) throw new Error('spill file ended early');
        at += n;
        const text = decoder.write(buffer.subarray(0, n));
        if (text) yield text;
      }
      const rest = decoder.end();
      if (rest) yield rest;
    } finally {
      closeSync(fd);
    }
  }
}
