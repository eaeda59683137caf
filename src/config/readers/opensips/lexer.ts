/**
 * OpenSIPS' own reading of opensips.cfg, as its source does it (OpenSIPS/opensips 8f4f1e1b40):
 * - cfg_pp.c `__flatten_opensips_cfg()` first replaces every `include_file "x"` / `import_file 'x'` line
 *   by the file it names, line by line, before any comment or string is seen (an include inside a
 *   `/* *\/` block is still opened, and its text lands inside the comment). `mk_included_file_path()`:
 *   the keyword is case-sensitive and starts the line (after blanks), the path is enclosed in `"` or
 *   `'` with no escapes, a path shorter than 2 characters is refused, and a relative path is tried from
 *   OpenSIPS' working directory, then from the including file's folder. A file it cannot open stops
 *   OpenSIPS. There is no cycle check: recursion stops at 50 levels, and the lexer's file stack
 *   (cfg_pp.h CFG_MAX_INCLUDE_DEPTH 20, `cfg_push()`) refuses a 21st nested file.
 * - then, when started with `-p CMD` (m4, cpp ...), the flattened text goes through that preprocessor:
 *   its output is not in the repository.
 * - then cfg.lex: `#` comments to the end of the line, `/* *\/` comments that nest (`comment_nest`),
 *   no `//` comments; `"..."` strings with the escapes \n \r \a \t \" \\ \xHH \ooo and an escaped line
 *   break removed (any other backslash stays as written), `'...'` strings with no escapes; both may span
 *   lines. cfg.y: `modparam(STRING, STRING, STRING | folded_string | snumber)`, where adjacent strings
 *   fold into one; `loadmodule STRING`; keywords are lower case.
 */
import { MAX_INCLUDED_BYTES, MAX_INCLUDED_FILES } from '../../limits.js';
import type { Collector } from '../../collector.js';
import type { ConfigFile, ReaderInput } from '../../types.js';

/** cfg_pp.h CFG_MAX_INCLUDE_DEPTH (20 files on the lexer's stack): the main file and 19 nested includes. */
export const OPENSIPS_MAX_INCLUDE_DEPTH = 19;
const SRC = 'OpenSIPS cfg_pp.c';

export interface SourceLine {
  file: string;
  line: number;
  text: string;
}

/** The include a line asks for (cfg_pp.c mk_included_file_path()), 'malformed' when OpenSIPS cannot read it, or undefined. */
export function includeOf(line: string): { keyword: string; path: string } | 'malformed' | undefined {
  let k = 0;
  while (k < line.length && (line[k] === ' ' || line[k] === '\t' || line[k] === '\r' || line[k] === '\n')) k++;
  const keyword = line.startsWith('include_file', k) ? 'include_file' : line.startsWith('import_file', k) ? 'import_file' : undefined;
  if (!keyword) return undefined;
  k += keyword.length;
  // line_len > keyword length: a bare keyword at the end of the file is not an include
  if (k >= line.length) return undefined;
  while (k < line.length && /\s/.test(line[k]!)) k++;
  const quote = line[k];
  if (quote !== '"' && quote !== "'") return 'malformed';
  const end = line.indexOf(quote, k + 1);
  if (end < 0 || end - (k + 1) < 2) return 'malformed';
  return { keyword, path: line.slice(k + 1, end) };
}

/**
 * The script as OpenSIPS' lexer sees it: every include replaced by its file's lines, each line with the
 * file and line it came from. Depth and count are capped (the product's depth, our count), with a
 * problem or a note when hit.
 */
export function flatten(input: ReaderInput, out: Collector): SourceLine[] {
  const lines: SourceLine[] = [];
  let files = 0;
  let bytes = 0;
  let capNoted = false;
  const visit = (file: ConfigFile, stack: string[]) => {
    const raw = file.text.split('\n');
    // getline(): a final line break does not start another line
    if (raw.length > 1 && raw[raw.length - 1] === '') raw.pop();
    for (let n = 0; n < raw.length; n++) {
      const text = raw[n]!.endsWith('\r') ? raw[n]!.slice(0, -1) : raw[n]!;
      const inc = includeOf(text);
      if (inc === undefined) {
        lines.push({ file: file.path, line: n + 1, text });
        continue;
      }
      if (inc === 'malformed') {
        out.problem({
          code: 'syntax',
          message: `\`${text.trim().slice(0, 80)}\` is not an include OpenSIPS can read (the path must be quoted with " or ' and at least 2 characters long); the line reaches the parser as it is and OpenSIPS refuses to start (${SRC} mk_included_file_path())`,
          location: { file: file.path, line: n + 1 },
        });
        lines.push({ file: file.path, line: n + 1, text: '' });
        continue;
      }
      const found = input.open(inc.path, file);
      if (!found.file) {
        out.note(
          file.path,
          n + 1,
          `${inc.keyword} "${inc.path}" was not found in the scanned files (tried ${found.tried.join(', ') || 'nothing'}); what it sets is not read, and OpenSIPS refuses to start if it cannot open it either (${SRC} "failed to open")`,
        );
        continue;
      }
      const target = found.file;
      if (stack.includes(target.path)) {
        out.problem({
          code: 'syntax',
          message: `${inc.keyword} "${inc.path}" includes ${target.path}, which is already being included (${[...stack, target.path].join(' -> ')}): OpenSIPS has no cycle check and refuses to start ("max nested includes reached!", ${SRC} cfg_push())`,
          location: { file: file.path, line: n + 1, key: inc.keyword },
        });
        continue;
      }
      if (stack.length > OPENSIPS_MAX_INCLUDE_DEPTH) {
        out.problem({
          code: 'syntax',
          message: `${inc.keyword} "${inc.path}" nests files deeper than OpenSIPS allows (${OPENSIPS_MAX_INCLUDE_DEPTH + 1} files, cfg_pp.h CFG_MAX_INCLUDE_DEPTH): OpenSIPS refuses to start ("max nested includes reached!"); ${target.path} is not read`,
          location: { file: file.path, line: n + 1, key: inc.keyword },
        });
        continue;
      }
      if (files >= MAX_INCLUDED_FILES || bytes + target.text.length > MAX_INCLUDED_BYTES) {
        if (!capNoted)
          out.note(
            file.path,
            n + 1,
            `more than ${MAX_INCLUDED_FILES} included files or ${MAX_INCLUDED_BYTES / 1024 / 1024} MiB of included text: ${inc.keyword} "${inc.path}" and the includes after it are not read, so the settings they hold are unknown`,
          );
        capNoted = true;
        continue;
      }
      files++;
      bytes += target.text.length;
      out.consumed.add(target.path);
      visit(target, [...stack, target.path]);
    }
  };
  visit(input.file, [input.file.path]);
  return lines;
}

export interface Statement {
  file: string;
  line: number;
  /** Code with comments removed (strings kept as written, quotes included), joined across the lines a string or a `(` spans. */
  text: string;
}

/** Lines joined into one statement while a string or a modparam's `(` stays open, at most this many. */
const MAX_JOIN = 200;

/** Statements with cfg.lex's comments and strings; linear in the size of the text. */
export function statements(lines: SourceLine[]): Statement[] {
  const out: Statement[] = [];
  let mode: 'code' | 'dq' | 'sq' | 'comment' = 'code';
  let nest = 0;
  let pending: (Statement & { joined: number; depth: number; inString: boolean }) | undefined;
  for (const src of lines) {
    const raw = src.text;
    let code = '';
    let depth = pending?.depth ?? 0;
    for (let i = 0; i < raw.length; i++) {
      const c = raw[i]!;
      if (mode === 'comment') {
        if (c === '/' && raw[i + 1] === '*') {
          nest++;
          i++;
        } else if (c === '*' && raw[i + 1] === '/') {
          i++;
          if (--nest === 0) mode = 'code';
        }
        continue;
      }
      if (mode === 'dq') {
        code += c;
        if (c === '\\' && i + 1 < raw.length) code += raw[++i];
        else if (c === '"') mode = 'code';
        continue;
      }
      if (mode === 'sq') {
        code += c;
        if (c === "'") mode = 'code';
        continue;
      }
      if (c === '#') break;
      if (c === '/' && raw[i + 1] === '*') {
        mode = 'comment';
        nest = 1;
        i++;
        continue;
      }
      if (c === '"') mode = 'dq';
      else if (c === "'") mode = 'sq';
      else if (c === '(') depth++;
      else if (c === ')') depth--;
      code += c;
    }
    const inString = mode === 'dq' || mode === 'sq';
    if (pending) {
      // a string spanning lines keeps its line break (cfg.lex adds {CR} to the string); code is joined by a space
      pending.text += pending.inString ? `\n${code}` : code.trim() ? ` ${code.trim()}` : '';
      pending.joined++;
      pending.depth = depth;
      pending.inString = inString;
      if ((!inString && depth <= 0) || pending.joined >= MAX_JOIN) {
        out.push({ file: pending.file, line: pending.line, text: pending.text.trim() });
        pending = undefined;
        if (inString) mode = 'code';
      }
      continue;
    }
    const text = inString ? code.trimStart() : code.trim();
    if (!text) continue;
    if (inString || (/^(modparam|loadmodule)\b/.test(text) && depth > 0)) {
      pending = { file: src.file, line: src.line, text, joined: 0, depth, inString };
      continue;
    }
    out.push({ file: src.file, line: src.line, text });
  }
  if (pending) out.push({ file: pending.file, line: pending.line, text: pending.text.trim() });
  return out;
}

type Token = { kind: 'string'; value: string; raw: string } | { kind: 'word' | 'number' | 'punct'; raw: string };

/** cfg.lex STRING1: the escapes it decodes; any other backslash stays. */
function unescapeDq(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c !== '\\' || i + 1 >= s.length) {
      out += c;
      continue;
    }
    const d = s[i + 1]!;
    const simple: Record<string, string> = { n: '\n', r: '\r', a: '\x07', t: '\t', '"': '"', '\\': '\\', '\n': '' };
    if (d in simple) {
      out += simple[d];
      i++;
      continue;
    }
    const hex = /^x([0-9a-fA-F]{1,2})/.exec(s.slice(i + 1, i + 4));
    if (hex) {
      out += String.fromCharCode(parseInt(hex[1]!, 16));
      i += hex[0].length;
      continue;
    }
    const oct = /^[0-7]{2,3}/.exec(s.slice(i + 1, i + 4));
    if (oct) {
      out += String.fromCharCode(parseInt(oct[0], 8) & 0xff);
      i += oct[0].length;
      continue;
    }
    out += c;
  }
  return out;
}

/** The tokens of one statement; undefined when a string is not closed. */
export function tokens(text: string): Token[] | undefined {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n' || c === '\b') {
      i++;
    } else if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      if (j >= text.length) return undefined;
      const body = text.slice(i + 1, j);
      out.push({ kind: 'string', value: unescapeDq(body), raw: text.slice(i, j + 1) });
      i = j + 1;
    } else if (c === "'") {
      const j = text.indexOf("'", i + 1);
      if (j < 0) return undefined;
      out.push({ kind: 'string', value: text.slice(i + 1, j), raw: text.slice(i, j + 1) });
      i = j + 1;
    } else if (/[-+0-9]/.test(c)) {
      let j = i + 1;
      while (j < text.length && /[0-9]/.test(text[j]!)) j++;
      out.push({ kind: 'number', raw: text.slice(i, j) });
      i = j;
    } else if (/[A-Za-z_]/.test(c)) {
      let j = i + 1;
      while (j < text.length && /\w/.test(text[j]!)) j++;
      out.push({ kind: 'word', raw: text.slice(i, j) });
      i = j;
    } else {
      out.push({ kind: 'punct', raw: c });
      i++;
    }
  }
  return out;
}

export interface OpensipsModparam {
  module: string;
  name: string;
  value: string;
  /** The value as written (quotes included; several strings for a folded string). */
  raw: string;
  quoted: boolean;
}

/** cfg.y module_stm: `modparam(STRING, STRING, STRING | folded_string | snumber)` with an optional `;`. */
export function modparamOf(text: string): OpensipsModparam | undefined {
  if (!text.startsWith('modparam')) return undefined;
  const t = tokens(text);
  if (!t || t[0]?.raw !== 'modparam' || t[1]?.raw !== '(') return undefined;
  const [m, c1, n, c2] = [t[2], t[3], t[4], t[5]];
  if (m?.kind !== 'string' || c1?.raw !== ',' || n?.kind !== 'string' || c2?.raw !== ',') return undefined;
  let k = 6;
  let value = '';
  const raws: string[] = [];
  let quoted = false;
  while (t[k]?.kind === 'string') {
    const s = t[k] as Extract<Token, { kind: 'string' }>;
    value += s.value;
    raws.push(s.raw);
    quoted = true;
    k++;
  }
  if (!quoted) {
    const num = t[k];
    if (num?.kind !== 'number' || !/^[-+]?\d+$/.test(num.raw)) return undefined;
    value = num.raw;
    raws.push(num.raw);
    k++;
  }
  if (t[k]?.raw !== ')') return undefined;
  k++;
  if (t[k]?.raw === ';') k++;
  if (k !== t.length) return undefined;
  return { module: m.value, name: n.value, value, raw: raws.join(' '), quoted };
}

/** cfg.y `loadmodule STRING`: the module's base name (`tls_mgm` for "/usr/lib/opensips/modules/tls_mgm.so"). */
export function loadmoduleOf(text: string): string | undefined {
  if (!text.startsWith('loadmodule')) return undefined;
  const t = tokens(text);
  if (!t || t[0]?.raw !== 'loadmodule' || t[1]?.kind !== 'string') return undefined;
  return (t[1].value.split('/').pop() ?? '').replace(/\.so$/i, '');
}
