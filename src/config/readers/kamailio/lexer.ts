/**
 * Kamailio's own reading of kamailio.cfg, as core/cfg.lex (Kamailio 5.6.3) does it; each rule below was
 * also checked with `kamailio -c` from Debian:
 * - `#` and `//` comment to the end of the line; `/* *\/` comments nest. A block left open at the end
 *   of the file is logged ("unexpected EOF: N comments open") and Kamailio still starts.
 * - `"..."` strings decode \n \r \a \t \" \\ \xHH \ooo and drop an escaped line break; any other
 *   backslash stays as written. Adjacent `"..."` strings fold into one across blanks and line breaks,
 *   but not across a comment. `'...'` strings have no escapes and do not fold. Both may span lines; one
 *   left open at the end of the file is a syntax error ("unexpected EOF in unclosed string").
 * - Pre-processor directives start a line with `#!` or `!!` and are lower case: `#!DEFINE X` is a
 *   comment. A directive continues on the next line after a trailing backslash. A `#!define` value is
 *   the rest of its line as written, a trailing `# comment` included (it comments out what follows the
 *   name where the name is used).
 * - `include_file` / `import_file`, bare or as a directive, take the next run of non-blank characters as
 *   the file name, before any define is expanded; cfg.lex `sr_push_yy_state()` wants it in double quotes.
 * - `$(...)` (a pseudo-variable with transformations) is one token up to its matching `)`: quotes in it
 *   open no string.
 * - Statements end at a line break outside strings and parentheses, or at a `;` outside parentheses.
 * Linear in the size of the text; never throws.
 */
import type { CfgStatement } from '../../sercfg.js';

export interface KamailioStatement extends CfgStatement {
  /** `include_file NAME` / `import_file NAME`, NAME exactly as written (quotes included). */
  include?: { keyword: 'include_file' | 'import_file'; name: string };
  /** Offsets in `text` where a line break was joined into a space (a statement kept open by `(`). */
  joins?: number[];
}

export interface LexFinding {
  line: number;
  message: string;
}

export interface KamailioLexed {
  statements: KamailioStatement[];
  /** What makes Kamailio refuse the file (a syntax error). */
  errors: LexFinding[];
  /** What Kamailio reads differently from how it looks (a directive in capitals, an unclosed comment). */
  notes: LexFinding[];
}

/** The directives cfg.lex knows (lower case only). */
const DIRECTIVES = new Set([
  'define',
  'redefine',
  'trydef',
  'undef',
  'ifdef',
  'ifndef',
  'ifexp',
  'else',
  'endif',
  'include_file',
  'import_file',
  'subst',
  'substdef',
  'substdefs',
  'defenv',
  'defenvs',
  'trydefenv',
  'trydefenvs',
  'defexp',
  'defexps',
]);

/** Directives whose value is the rest of the line as written, comments included (cfg.lex DEFINE_DATA). */
const DEFINES = new Set(['define', 'redefine', 'trydef']);

/** A statement joined across lines while a `(` stays open, or a directive continued by `\`, at most this many lines. */
const MAX_JOIN = 200;

const UNCLOSED_STRING = 'the string opened here is not closed ("unexpected EOF in unclosed string"): Kamailio refuses to start';

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', r: '\r', a: '\x07', t: '\t', '"': '"', '\\': '\\' };

/** A decoded string written back in the one form the statement parsers read: `"..."` escaping only `\` and `"`. */
function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function isBlank(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\r' || c === '\n';
}

/** Where a `#` or `//` comment starts outside `"..."` and `'...'` strings, or -1. */
export function commentStart(text: string): number {
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' || (c === '/' && text[i + 1] === '/')) return i;
  }
  return -1;
}

/** A directive's text without its trailing `#` or `//` comment. */
function directiveCode(text: string): string {
  const at = commentStart(text);
  return (at < 0 ? text : text.slice(0, at)).trim();
}

export function kamailioStatements(text: string): KamailioLexed {
  const statements: KamailioStatement[] = [];
  const errors: LexFinding[] = [];
  const notes: LexFinding[] = [];
  const n = text.length;
  let i = 0;
  let line = 1;
  let cur = '';
  /** Whether `cur` holds more than blanks (kept, not recomputed: trimming per character was quadratic). */
  let started = false;
  let curLine = 1;
  let depth = 0;
  let joined = 0;
  let joins: number[] = [];
  let lineStart = true;

  const flush = () => {
    const t = cur.trim();
    if (t) {
      const lead = cur.length - cur.trimStart().length;
      const at = joins.map((j) => j - lead).filter((j) => j > 0 && j < t.length);
      statements.push({ line: curLine, text: t, ...(at.length ? { joins: at } : {}) });
    }
    cur = '';
    started = false;
    depth = 0;
    joined = 0;
    joins = [];
  };
  const add = (s: string, at: number) => {
    if (!started) {
      curLine = at;
      started = true;
    }
    cur += s;
  };
  /** Index of the end of the current line (the line break itself, or n). */
  const eol = (from: number) => {
    let j = from;
    while (j < n && text[j] !== '\n' && text[j] !== '\r') j++;
    return j;
  };
  /** Consumes one line break at i (\r\n, \n or \r). */
  const newline = () => {
    if (text[i] === '\r' && text[i + 1] === '\n') i++;
    i++;
    line++;
  };

  const directive = () => {
    const at = line;
    let body = '';
    let lines = 0;
    for (;;) {
      const end = eol(i);
      const part = text.slice(i, end);
      i = end;
      if (part.endsWith('\\') && i < n && lines < MAX_JOIN) {
        body += part.slice(0, -1);
        newline();
        lines++;
        continue;
      }
      body += part;
      break;
    }
    const word = /^([A-Za-z_]+)\s*([\s\S]*)$/.exec(body.slice(2));
    if (!word) return;
    const name = word[1]!;
    if (!DIRECTIVES.has(name)) {
      if (DIRECTIVES.has(name.toLowerCase()))
        notes.push({
          line: at,
          message: `${body.slice(0, 2)}${name} is a comment to Kamailio (its directives are lower case: ${body.slice(0, 2)}${name.toLowerCase()}); it has no effect`,
        });
      return;
    }
    flush();
    if (name === 'include_file' || name === 'import_file') {
      statements.push({ line: at, text: body.slice(2).trim(), directive: true, include: { keyword: name, name: nameToken(word[2]!) } });
      return;
    }
    const arg = DEFINES.has(name) ? word[2]!.trim() : directiveCode(word[2]!);
    statements.push({ line: at, text: `${name} ${arg}`.trim(), directive: true });
  };

  /** cfg.lex INCLF: the first run of non-blank characters. */
  const nameToken = (s: string) => /^[ \t]*([^ \t\r\n]*)/.exec(s)![1]!;

  const blockComment = () => {
    const at = line;
    let nest = 1;
    i += 2;
    while (i < n && nest > 0) {
      const c = text[i];
      if (c === '\n' || c === '\r') newline();
      else if (c === '/' && text[i + 1] === '*') {
        nest++;
        i += 2;
      } else if (c === '*' && text[i + 1] === '/') {
        nest--;
        i += 2;
      } else i++;
    }
    if (nest > 0)
      notes.push({ line: at, message: `the /* comment opened here is not closed: Kamailio reads the rest of the file as a comment` });
  };

  /** One `"..."` string and the ones folded onto it; undefined when one is left open. */
  const doubleQuoted = (): string | undefined => {
    let value = '';
    for (;;) {
      i++;
      for (;;) {
        if (i >= n) return undefined;
        const c = text[i]!;
        if (c === '"') {
          i++;
          break;
        }
        if (c === '\n' || c === '\r') {
          const start = i;
          newline();
          value += text.slice(start, i);
          continue;
        }
        if (c !== '\\' || i + 1 >= n) {
          value += c;
          i++;
          continue;
        }
        const d = text[i + 1]!;
        if (d in SIMPLE_ESCAPES) {
          value += SIMPLE_ESCAPES[d];
          i += 2;
        } else if (d === '\n' || d === '\r') {
          i++;
          newline();
        } else if (d === 'x' && /[0-9a-fA-F]/.test(text[i + 2] ?? '')) {
          const hex = /^[0-9a-fA-F]{1,2}/.exec(text.slice(i + 2, i + 4))![0];
          value += String.fromCharCode(parseInt(hex, 16));
          i += 2 + hex.length;
        } else if (/[0-7]/.test(d) && /^[0-7]{2,3}/.test(text.slice(i + 1, i + 4))) {
          const oct = /^[0-7]{2,3}/.exec(text.slice(i + 1, i + 4))![0];
          value += String.fromCharCode(parseInt(oct, 8) & 0xff);
          i += 1 + oct.length;
        } else {
          value += c;
          i++;
        }
      }
      // folding: blanks and line breaks, then another "
      let j = i;
      let breaks = 0;
      while (j < n && isBlank(text[j])) {
        if (text[j] === '\n' || (text[j] === '\r' && text[j + 1] !== '\n')) breaks++;
        j++;
      }
      if (text[j] !== '"') return value;
      i = j;
      line += breaks;
    }
  };

  let unmatchedPvarUntil = 0;
  while (i < n) {
    const c = text[i]!;
    if (c === '\n' || c === '\r') {
      newline();
      lineStart = true;
      if (depth > 0 && joined < MAX_JOIN) {
        joins.push(cur.length);
        cur += ' ';
        joined++;
      } else flush();
      continue;
    }
    if (c === ' ' || c === '\t') {
      cur += c;
      i++;
      continue;
    }
    if (lineStart && (text.startsWith('#!', i) || text.startsWith('!!', i))) {
      directive();
      continue;
    }
    lineStart = false;
    if (c === '#' || (c === '/' && text[i + 1] === '/')) {
      i = eol(i);
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      blockComment();
      cur += ' ';
      continue;
    }
    // cfg.lex PVARID: `$(` up to its matching `)` on the line is one token, quotes inside are plain
    // characters ($(var(x){s.replace,\','})). A line without the `)` is scanned once, not from every `$(`.
    if (c === '$' && text[i + 1] === '(' && i >= unmatchedPvarUntil) {
      let j = i + 2;
      let nest = 1;
      for (; j < n && nest > 0 && text[j] !== '\n' && text[j] !== '\r'; j++) {
        if (text[j] === '(') nest++;
        else if (text[j] === ')') nest--;
      }
      if (nest === 0) {
        add(text.slice(i, j), line);
        i = j;
        continue;
      }
      unmatchedPvarUntil = j;
    }
    if (c === '"') {
      const at = line;
      const value = doubleQuoted();
      if (value === undefined) {
        errors.push({
          line: at,
          message: UNCLOSED_STRING,
        });
        break;
      }
      add(quote(value), at);
      continue;
    }
    if (c === "'") {
      const at = line;
      const end = text.indexOf("'", i + 1);
      if (end < 0) {
        errors.push({
          line: at,
          message: UNCLOSED_STRING,
        });
        break;
      }
      const value = text.slice(i + 1, end);
      for (const ch of value) if (ch === '\n') line++;
      add(quote(value), at);
      i = end + 1;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      let j = i + 1;
      while (j < n && /[A-Za-z0-9_]/.test(text[j]!)) j++;
      const word = text.slice(i, j);
      if ((word === 'include_file' || word === 'import_file') && (j >= n || isBlank(text[j]))) {
        flush();
        const end = eol(j);
        const name = nameToken(text.slice(j, end));
        statements.push({ line, text: `${word} ${name}`, include: { keyword: word, name } });
        i = text.indexOf(name, j) + name.length;
        continue;
      }
      add(word, line);
      i = j;
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')') depth--;
    add(c, line);
    i++;
    if (c === ';' && depth <= 0) flush();
  }
  flush();
  return { statements, errors, notes };
}
