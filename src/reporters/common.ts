/** Small helpers the CI reporters share. */
import { isAbsolute, relative, sep } from 'node:path';
import type { RuleResult, Status } from '../engine/types.js';

export const WORST_FIRST: readonly Status[] = ['fail', 'warn', 'pass', 'skip'];

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
  return text.replace(
    /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    (c) => {
      const code = c.charCodeAt(0);
      return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
    },
  );
}
