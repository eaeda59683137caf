/**
 * The one PEM scanner (RFC 7468) for every input: chain files, --ca bundles, `hash`, the machine's
 * root stores and files an SBC configuration points to. One pass over the text: offsets only move
 * forward, so 50,000 blocks cost what one long block does. Line numbers are counted only for the
 * block a message names.
 */
import { InputError } from '../errors.js';

export interface PemBlock {
  label: string;
  /** The text between the BEGIN and END lines (base64, maybe encapsulated headers). */
  body: string;
  /** 1-based line of the BEGIN line (counted when asked: only error messages need it). */
  readonly line: number;
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

class Block implements PemBlock {
  constructor(
    private readonly text: string,
    private readonly offset: number,
    readonly label: string,
    readonly body: string,
  ) {}
  get line(): number {
    return lineOf(this.text, this.offset);
  }
}

const BEGIN = '-----BEGIN ';
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * The PEM blocks of `text`, in order; text around them is ignored. Throws an InputError naming
 * `name` and the line for a malformed header or a block without its END line.
 */
export function* pemBlocks(text: string, name: string): Generator<PemBlock> {
  let pos = 0;
  for (;;) {
    const begin = text.indexOf(BEGIN, pos);
    if (begin === -1) return;
    const eol = text.indexOf('\n', begin);
    const lineEnd = eol === -1 ? text.length : eol;
    const labelEnd = text.indexOf('-----', begin + BEGIN.length);
    if (labelEnd === -1 || labelEnd > lineEnd) throw new InputError(`${name}: malformed PEM header at line ${lineOf(text, begin)}`);
    const label = text.slice(begin + BEGIN.length, labelEnd).trim();
    const endMarker = `-----END ${label}-----`;
    const end = text.indexOf(endMarker, labelEnd + 5);
    if (end === -1)
      throw new InputError(`${name}: the PEM block "${label}" at line ${lineOf(text, begin)} has no END line (truncated file?)`);
    yield new Block(text, begin, label, text.slice(labelEnd + 5, end));
    pos = end + endMarker.length;
  }
}

/** The DER bytes of a block; InputError when the body is not base64. */
export function pemBody(block: PemBlock, name: string): Buffer {
  // Encapsulated headers (Proc-Type, DEK-Info) end at a blank line; certificates have none.
  const body = block.body.includes(':') ? block.body.replace(/^[\s\S]*?\r?\n\r?\n/, '') : block.body;
  const compact = body.replace(/\s+/g, '');
  if (!compact || compact.length % 4 !== 0 || !BASE64.test(compact)) {
    throw new InputError(`${name}: the "${block.label}" block at line ${block.line} is not valid base64`);
  }
  return Buffer.from(compact, 'base64');
}

/**
 * Lenient reading of a trusted bundle (the machine's root stores): CERTIFICATE blocks only, found by
 * their markers and decoded by Buffer's base64 reader, which skips line breaks. A damaged block gives
 * bytes that do not decode as a certificate, which the store skips. Run on every check that uses the
 * BYOC list, so it is kept to one pass over the text (the line parser cost about 8 ms here).
 */
export function pemCertificates(text: string): Buffer[] {
  const BEGIN = '-----BEGIN CERTIFICATE-----';
  const END = '-----END CERTIFICATE-----';
  const out: Buffer[] = [];
  for (let at = text.indexOf(BEGIN); at !== -1;) {
    const end = text.indexOf(END, at + BEGIN.length);
    if (end === -1) break;
    const der = Buffer.from(text.slice(at + BEGIN.length, end), 'base64');
    if (der.length) out.push(der);
    at = text.indexOf(BEGIN, end + END.length);
  }
  return out;
}
