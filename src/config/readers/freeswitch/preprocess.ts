/**
 * FreeSWITCH's XML pre-processor, as src/switch_xml.c (signalwire/freeswitch cc93a683ca) runs it before
 * any XML is parsed. `preprocess()` reads a file line by line (switch_fp_read_dline) and for each line:
 * 1. expand_vars(): every `$${name}` is replaced by the global variable's value, or by nothing when it is
 *    not set; the name ends at the matching `}` (switch_find_end_paren, so braces nest); the value put in
 *    is not expanded again; an unterminated `$${` stays as written. This runs on every line, comments,
 *    attribute names and X-PRE-PROCESS data included.
 * 2. a line holding `<include>`, `</include>` or `<?` (in the text as written) is dropped whole.
 * 3. inside a multi-line `<!--#` comment, lines are dropped up to the one holding `-->`.
 * 4. a line holding `X-pre-process` (any case) is a directive line and never reaches the XML: the first
 *    directive is run, the rest of the line is dropped; `X-pre-process` not right after `<` drops the line
 *    without running anything. The directive's `cmd` is found first, then `data` after it (data written
 *    before cmd is not seen), each value in double quotes. An ordinary `<!-- -->` comment does not stop it.
 * 5. `<!--#cmd arg-->` is the other directive form (set, exec-set, stun-set, include, exec; no env-set):
 *    the text around it stays; without `-->` on the line the lines after it are skipped up to `-->`.
 * `set name=value`: the name ends at the first `=` with trailing spaces removed, the value starts after
 * the spaces that follow `=` (tabs and other spaces stay). `include` globs its pattern relative to the
 * including file's folder (the configuration folder for freeswitch.xml), in sorted order; no match is
 * not an error; recursion stops at 100 levels. `exec-set`, `stun-set`, `env-set` and `exec` run at start.
 */
import { posix } from 'node:path';
import { MAX_EXPANDED_VALUE, MAX_INCLUDED_BYTES, MAX_INCLUDED_FILES } from '../../limits.js';
import type { ConfigFile, FileNote, ReaderInput } from '../../types.js';
import { literalFolderOf, pathsUnder } from '../../paths.js';

const SRC = 'switch_xml.c';
/** preprocess(): `if (rlevel > 100) return -1`. */
export const FREESWITCH_MAX_INCLUDE_DEPTH = 100;

/** Variables switch_core.c sets before the configuration is read (their values are the machine's). */
export const CORE_VARIABLES = new Set(
  (
    'base_dir cache_dir certs_dir conf_dir core_uuid data_dir db_dir fonts_dir grammar_dir hostname htdocs_dir images_dir ' +
    'local_ip_v4 local_ip_v6 local_mask_v4 localstate_dir log_dir mod_dir recordings_dir run_dir script_dir sound_prefix ' +
    'sounds_dir storage_dir temp_dir switch_serial nat_public_addr nat_private_addr nat_type'
  ).split(' '),
);

export interface Variable {
  value?: string;
  file: string;
  line: number;
  /** Why the value is unknown (runtime command, unresolved reference). */
  unknown?: string;
  /** Set on a line inside an XML comment (the pre-processor applies it anyway). */
  commented?: boolean;
}

export interface PreLine {
  /** The line as the XML parser receives it ('' when the pre-processor drops it). */
  text: string;
  /** The line as written. */
  raw: string;
  /** Variables expanded on this line, by name. */
  used: ReadonlyMap<string, Variable>;
  /** Names expanded to nothing, or to an unknown value, on this line. */
  missing: readonly string[];
  /** An expansion would pass the cap: the line is left as written. */
  tooLong?: boolean;
}

/** switch_find_end_paren() from the `{` at `open`: the index of its matching `}`, or -1. */
function endParen(text: string, open: number): number {
  let depth = 0;
  for (let k = open; k < text.length; k++) {
    if (text[k] === '{') depth++;
    else if (text[k] === '}' && --depth === 0) return k;
  }
  return -1;
}

/** Every blank line (its text is dropped or kept the same: blank). */
const BLANK: PreLine = Object.freeze({ raw: '', text: '', used: new Map<string, Variable>(), missing: [] as string[] });

/** Shared by the lines that expand nothing (most of them); never modified. */
const NONE_USED: ReadonlyMap<string, Variable> = new Map();
const NONE_MISSING: readonly string[] = [];

/** The `$${name}` references of a text, as expand_vars() delimits them. */
export function references(text: string): string[] {
  const names: string[] = [];
  for (let k = text.indexOf('$${'); k >= 0; k = text.indexOf('$${', k)) {
    const end = endParen(text, k + 2);
    if (end < 0) break;
    names.push(text.slice(k + 3, end));
    k = end + 1;
  }
  return names;
}

/** expand_vars() on one line: unset names expand to nothing (reported in `missing`), values are not expanded again. */
export function expandLine(
  text: string,
  vars: Map<string, Variable>,
): { text: string; used: ReadonlyMap<string, Variable>; missing: readonly string[]; tooLong?: boolean } {
  if (!text.includes('$${')) return { text, used: NONE_USED, missing: NONE_MISSING };
  const used = new Map<string, Variable>();
  const missing: string[] = [];
  let out = '';
  let k = 0;
  for (;;) {
    const at = text.indexOf('$${', k);
    if (at < 0) break;
    const end = endParen(text, at + 2);
    if (end < 0) break;
    const name = text.slice(at + 3, end);
    out += text.slice(k, at);
    const v = vars.get(name);
    if (v?.value !== undefined) {
      out += v.value;
      used.set(name, v);
    } else missing.push(name);
    if (out.length > MAX_EXPANDED_VALUE) return { text, used, missing, tooLong: true };
    k = end + 1;
  }
  return { text: out + text.slice(k), used, missing };
}

/** The first case-insensitive occurrence of `needle` (lower case) in `text` from `from`. */
function stristr(text: string, needle: string, from = 0): number {
  return text.toLowerCase().indexOf(needle, from);
}

/** A directive line's `cmd` and `data` as preprocess() finds them, or undefined when it finds none. */
export function directiveOf(line: string): { cmd: string; data: string } | 'dropped' | undefined {
  if (!/x-pre-process/i.test(line)) return undefined;
  const at = stristr(line, 'x-pre-process');
  if (at < 0) return undefined;
  if (at === 0 || line[at - 1] !== '<') return 'dropped';
  const cmdAt = stristr(line, 'cmd', at);
  if (cmdAt < 0) return 'dropped';
  const eq = line.indexOf('=', cmdAt);
  if (eq < 0) return 'dropped';
  const q = line.indexOf('"', eq);
  if (q < 0) return 'dropped';
  const qEnd = line.indexOf('"', q + 1);
  if (qEnd < 0) return 'dropped';
  const cmd = line.slice(q + 1, qEnd);
  const dataAt = stristr(line, 'data', qEnd + 1);
  if (dataAt < 0) return 'dropped';
  const eq2 = line.indexOf('=', dataAt);
  if (eq2 < 0) return 'dropped';
  const q2 = line.indexOf('"', eq2);
  if (q2 < 0) return 'dropped';
  const q2End = line.indexOf('"', q2 + 1);
  return { cmd, data: q2End < 0 ? line.slice(q2 + 1) : line.slice(q2 + 1, q2End) };
}

/** `set`'s name and value: the name ends at the first `=` (trailing spaces removed), the value starts after the spaces after it. */
export function splitSet(data: string): { name: string; value: string } | undefined {
  const eq = data.indexOf('=');
  if (eq < 0) return undefined;
  return { name: data.slice(0, eq).replace(/ +$/, ''), value: data.slice(eq + 1).replace(/^ +/, '') };
}

export interface PreContext {
  input: ReaderInput;
  notes: FileNote[];
  /** Called when a file is about to be read (root walks record the variables each file starts with). */
  onFile?: (file: ConfigFile, vars: Map<string, Variable>, depth: number) => void;
  /** Files and bytes read through includes so far (capped), shared by one walk. */
  count: { files: number; bytes: number; capNoted: boolean };
  /** Follow `include` (false when a file is read on its own, its includes only noted). */
  follow: boolean;
  /**
   * The walk started at freeswitch.xml, so a name no line set is really unset (FreeSWITCH expands it to
   * nothing); otherwise another file may set it, and a value using it is unknown.
   */
  rooted?: boolean;
}

/** The folder an `include` pattern is relative to: the including file's. */
function globIn(input: ReaderInput, from: ConfigFile, pattern: string): string[] {
  const full = pattern.startsWith('/') ? pattern : posix.normalize(posix.join(posix.dirname(from.path), pattern));
  if (!/[*?[]/.test(full)) {
    const found = input.open(pattern, from).file;
    return found ? [found.path] : [];
  }
  if (full.startsWith('/') || full.startsWith('../')) return [];
  const re = new RegExp(
    `^${full
      .split('')
      .map((c) => (c === '*' ? '[^/]*' : c === '?' ? '[^/]' : /[\\^$.|+(){}[\]]/.test(c) ? `\\${c}` : c))
      .join('')}$`,
  );
  return pathsUnder(input.paths, literalFolderOf(full))
    .filter((p) => re.test(p))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Runs preprocess() over `file`, updating `vars` as FreeSWITCH would, and returns the file's own lines as
 * the XML parser receives them (included files' text is not inserted: their directives run, in place).
 */
export function preprocessFile(file: ConfigFile, vars: Map<string, Variable>, ctx: PreContext, depth = 0): PreLine[] {
  ctx.onFile?.(file, vars, depth);
  const out: PreLine[] = [];
  const lines = file.text.split('\n');
  let multiline = false;
  let inComment = false;
  /** The line being run would pass the expansion cap (read by run()). */
  let tooLong = false;
  const at = (line: number, commented: boolean) => ({ file: file.path, line, ...(commented ? { commented: true } : {}) });
  const note = (line: number, message: string, level: 'info' | 'warn' = 'warn') =>
    ctx.notes.length < 200 && ctx.notes.push({ location: { file: file.path, line }, level, message });
  for (let n = 0; n < lines.length; n++) {
    const raw = lines[n]!.endsWith('\r') ? lines[n]!.slice(0, -1) : lines[n]!;
    if (!raw.trim()) {
      // nothing to expand or run; inside a <!--# block it stays dropped
      out.push(BLANK);
      continue;
    }
    const commented = inComment;
    // an ordinary <!-- --> comment open at the end of this line (directives inside it still run)
    const open = raw.lastIndexOf('<!--');
    const close = raw.lastIndexOf('-->');
    if (open > close) inComment = true;
    else if (close >= 0) inComment = false;
    const expanded = expandLine(raw, vars);
    const line: PreLine = { raw, text: '', used: expanded.used, missing: expanded.missing };
    if (expanded.tooLong) line.tooLong = true;
    out.push(line);
    if (expanded.tooLong)
      note(
        n + 1,
        `this line would be longer than ${MAX_EXPANDED_VALUE / 1024} KiB once its $\${...} variables are expanded; it is not expanded, and values on it are not judged`,
      );
    tooLong = !!expanded.tooLong;
    let bp = tooLong ? raw : expanded.text;
    if (raw.includes('<include>') || raw.includes('</include>') || raw.includes('<?')) continue;
    if (multiline) {
      const e = bp.indexOf('-->');
      if (e < 0) continue;
      multiline = false;
      bp = bp.slice(e + 3);
    }
    const directive = directiveOf(bp);
    if (directive === 'dropped') {
      if (!commented && !raw.trim().startsWith('<!--'))
        note(
          n + 1,
          `FreeSWITCH drops this line: it holds "X-PRE-PROCESS" but not as a directive it can read (${SRC} preprocess() needs <X-PRE-PROCESS, then cmd="...", then data="...")`,
          'info',
        );
      continue;
    }
    if (directive) {
      if (/<X-PRE-PROCESS[\s\S]*<X-PRE-PROCESS/i.test(bp) || /\/>\s*\S/.test(bp.slice(bp.toLowerCase().indexOf('x-pre-process'))))
        note(
          n + 1,
          `FreeSWITCH runs only the first X-PRE-PROCESS of a line and drops the rest of the line (${SRC} preprocess()); what follows it here is not read`,
        );
      const pos = stristr(raw, 'x-pre-process');
      const o = pos < 0 ? -1 : raw.lastIndexOf('<!--', pos);
      const c = o < 0 ? -1 : raw.indexOf('-->', o);
      const rawDirective = directiveOf(raw);
      const missing =
        typeof rawDirective === 'object' ? references(rawDirective.data).filter((m) => expanded.missing.includes(m)) : expanded.missing;
      run(directive.cmd, directive.data, n + 1, commented || (o >= 0 && (c < 0 || c > pos)), missing);
      continue;
    }
    const hash = bp.indexOf('<!--#');
    if (hash >= 0) {
      let rest = bp.slice(hash + 5);
      const e = rest.indexOf('-->');
      let after = '';
      if (e >= 0) {
        after = rest.slice(e + 3);
        rest = rest.slice(0, e);
      } else multiline = true;
      line.text = bp.slice(0, hash) + after;
      const sp = rest.indexOf(' ');
      if (sp >= 0) {
        let arg = rest.slice(sp + 1);
        const q = arg.indexOf('"');
        const qq = q >= 0 ? arg.indexOf('"', q + 1) : -1;
        if (qq >= 0) arg = arg.slice(q + 1, qq);
        const cmd = rest.slice(0, sp);
        // the names this directive's own text uses: those of the raw line's first <!--# ... up to -->
        const rawHash = raw.indexOf('<!--#');
        const rawRest = rawHash < 0 ? raw : raw.slice(rawHash + 5);
        const rawEnd = rawRest.indexOf('-->');
        const missing = references(rawEnd < 0 ? rawRest : rawRest.slice(0, rawEnd)).filter((m) => expanded.missing.includes(m));
        if (cmd.toLowerCase() !== 'env-set') run(cmd, arg, n + 1, commented, missing);
      }
      continue;
    }
    line.text = bp;
  }
  return out;

  function run(cmdWritten: string, data: string, lineNo: number, commented: boolean, missing: readonly string[]): void {
    const cmd = cmdWritten.toLowerCase();
    if (cmd === 'set') {
      const s = splitSet(data);
      if (!s) return;
      if (tooLong) {
        vars.set(s.name, {
          ...at(lineNo, commented),
          unknown: `its value would be longer than ${MAX_EXPANDED_VALUE / 1024} KiB once its $\${...} variables are expanded, so it is not expanded`,
        });
        return;
      }
      const unknown = missing.filter((m) => vars.get(m)?.unknown || CORE_VARIABLES.has(m) || !ctx.rooted);
      if (unknown.length)
        vars.set(s.name, {
          ...at(lineNo, commented),
          unknown: `it uses ${unknown.map((v) => `$\${${v}}`).join(', ')}, which ${unknown.length > 1 ? 'are' : 'is'} ${unknown.every((m) => CORE_VARIABLES.has(m)) ? "set by FreeSWITCH's core from the machine it runs on" : 'not set here'}`,
        });
      else vars.set(s.name, { ...at(lineNo, commented), value: s.value });
    } else if (cmd === 'exec-set' || cmd === 'stun-set' || cmd === 'env-set') {
      const s = cmd === 'env-set' ? (data.includes('=') ? { name: data.slice(0, data.indexOf('=')) } : undefined) : splitSet(data);
      if (s) vars.set(s.name, { ...at(lineNo, commented), unknown: `${cmd} computes it when FreeSWITCH starts` });
    } else if (cmd === 'exec') {
      note(lineNo, `exec "${data}": FreeSWITCH puts the command's output here when it starts; that text is not read`);
    } else if (cmd === 'include') {
      include(data, lineNo);
    }
  }

  function include(pattern: string, lineNo: number): void {
    if (!ctx.follow) {
      note(
        lineNo,
        `include "${pattern}": not followed, since this file is read on its own (no freeswitch.xml in the scan includes it); variables set by the included files are not known here`,
        'info',
      );
      return;
    }
    const matches = globIn(ctx.input, file, pattern);
    if (!matches.length) {
      note(
        lineNo,
        `include "${pattern}" matches no scanned file (FreeSWITCH logs "No files to include" and goes on); what it would set is not read`,
        'info',
      );
      return;
    }
    for (const path of matches) {
      if (depth + 1 > FREESWITCH_MAX_INCLUDE_DEPTH) {
        note(
          lineNo,
          `include "${pattern}" nests deeper than FreeSWITCH's ${FREESWITCH_MAX_INCLUDE_DEPTH} levels (an include cycle?): FreeSWITCH logs "Maximum recursion limit reached" and skips ${path}; so does this reader`,
        );
        return;
      }
      const target = ctx.input.open(path, file).file;
      if (!target) continue;
      if (ctx.count.files >= MAX_INCLUDED_FILES || ctx.count.bytes + target.text.length > MAX_INCLUDED_BYTES) {
        if (!ctx.count.capNoted)
          note(
            lineNo,
            `more than ${MAX_INCLUDED_FILES} included files or ${MAX_INCLUDED_BYTES / 1024 / 1024} MiB of included text: ${path} and the includes after it are not read, so the variables they set are unknown`,
          );
        ctx.count.capNoted = true;
        return;
      }
      ctx.count.files++;
      ctx.count.bytes += target.text.length;
      preprocessFile(target, vars, ctx, depth + 1);
    }
  }
}
