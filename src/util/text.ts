/**
 * Text that reaches a terminal or a one-line message. Everything printed to a person goes through
 * `printable`, so a newline in an argument or an escape sequence in a PEM label or a certificate
 * name cannot break the one-line error rule or drive the terminal.
 */

// C0 and C1 controls, DEL, and the invisible direction and line-separator characters that can
// make text display differently from what it is (Trojan Source, CVE-2021-42574).
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Unpaired surrogates (and U+FFFE/U+FFFF), which XML forbids and terminals show as garbage. */
const LONE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|[\ufffe\uffff]/g;

const escape = (c: string) => {
  const code = c.charCodeAt(0);
  return NAMED[c] ?? (code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
};

/**
 * `text` with every control character written as a visible escape (\n, \x1b, \u202e). `keepLines`
 * keeps newlines and tabs as they are, for multi-line text in XML, SARIF and Markdown.
 */
export function printable(text: string, options: { keepLines?: boolean } = {}): string {
  const out = text.replace(UNSAFE, (c) => (options.keepLines && (c === '\n' || c === '\t') ? c : escape(c)));
  return out.replace(LONE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** "1 day", "2 days"; `many` for irregular plurals. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${Math.abs(count) === 1 ? one : many}`;
}

/** Optimal string alignment distance (Levenshtein with adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/** The candidate closest to `input` (case-insensitive), if it is close enough to be a typo. */
export function closest(input: string, candidates: readonly string[]): string | undefined {
  const wanted = input.toLowerCase().slice(0, 64);
  let best: { name: string; distance: number } | undefined;
  for (const name of candidates) {
    const distance = editDistance(wanted, name.toLowerCase());
    if (!best || distance < best.distance) best = { name, distance };
  }
  if (!best) return undefined;
  const allowed = Math.max(1, Math.floor(Math.max(wanted.length, best.name.length) / 3));
  // A prefix of a longer name counts too ("--cipher" for "--ciphers", "expl" for "explain").
  return best.distance <= allowed || (wanted.length >= 3 && best.name.toLowerCase().startsWith(wanted)) ? best.name : undefined;
}

/** "; did you mean X?" or nothing. */
export function didYouMean(input: string, candidates: readonly string[], show: (name: string) => string = (n) => `"${n}"`): string {
  const match = closest(input, candidates);
  return match ? `; did you mean ${show(match)}?` : '';
}

/** A path as it can be pasted into a POSIX shell command. */
export function shellWord(path: string): string {
  return /^[\w@%+=:,./-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}
