/** Small helpers the reporters share. */
import { isAbsolute, relative, sep } from 'node:path';
import type { RuleResult, Status } from '../engine/types.js';
import { printable } from '../util/text.js';

export const WORST_FIRST: readonly Status[] = ['fail', 'warn', 'pass', 'skip'];
export const STATUS_SYMBOL: Readonly<Record<Status, string>> = { fail: '✖', warn: '!', pass: '✔', skip: '-' };

/** A sort comparator: failures first, then warnings, passes and skips. */
export const worstFirst = (a: { status: Status }, b: { status: Status }) => WORST_FIRST.indexOf(a.status) - WORST_FIRST.indexOf(b.status);

/** A file path as the report's reader should see it: relative to `base` when inside it, with forward slashes. */
export function displayPath(file: string, base?: string): string {
  let path = file;
  if (base && isAbsolute(file)) {
    const rel = relative(base, file);
    if (rel && !rel.startsWith('..') && !isAbsolute(rel)) path = rel;
  }
  return sep === '\\' ? path.split(sep).join('/') : path;
}

/** `file:line:column`, as far as it is known; undefined when the result has no location. */
export function locationText(result: RuleResult, base?: string): string | undefined {
  const loc = result.location;
  if (!loc) return undefined;
  return [displayPath(loc.file, base), loc.line, loc.line !== undefined ? loc.column : undefined].filter((p) => p !== undefined).join(':');
}

/** Control characters shown as `\xNN` instead of raw: they break XML and terminals, and may hide text. */
/** For XML and SARIF text: keeps newlines and tabs (valid there), escapes what XML forbids; one-line terminal text uses util/text printable. */
export function visibleControls(text: string): string {
  // the one helper: C0/C1 controls, bidi overrides and lone surrogates, keeping newlines and tabs
  return printable(text.replace(/\r\n?/g, '\n'), { keepLines: true });
}
