/** Stage 2 of `scan`: every SBC configuration file read, entries first, then parts no entry read; its media legs with it. */
import { mediaExtractors } from '../config/media/index.js';
import { posix } from 'node:path';
import type { MediaOutput } from '../config/media/types.js';
import { readers } from '../config/readers/index.js';
import type { ConfigFile, ReaderOutput, SbcReader } from '../config/types.js';
import type { ScanRun } from './run.js';

export interface ReadConfig {
  reader: SbcReader;
  output: ReaderOutput;
  media?: MediaOutput;
}

export interface Configurations {
  /** Each entry file (and each part no entry read) by path. */
  outputs: Map<string, ReadConfig>;
  /** A part read through an entry: the entry. */
  consumedBy: Map<string, string>;
}

/** The first reader that claims a file, in the registry's order. */
function detectAll(run: ScanRun): Array<{ file: ConfigFile; reader: SbcReader; kind: 'entry' | 'part' }> {
  const detected: Array<{ file: ConfigFile; reader: SbcReader; kind: 'entry' | 'part' }> = [];
  for (const [path, text] of run.texts) {
    if (path === run.profilePath) continue;
    for (const reader of readers) {
      let kind: 'entry' | 'part' | false = false;
      try {
        kind = reader.detect({ path, text });
      } catch {
        kind = false;
      }
      if (kind) {
        detected.push({ file: { path, text }, reader, kind });
        break;
      }
    }
  }
  return detected;
}

export function readConfigurations(run: ScanRun): Configurations {
  const { repo, fileInfo } = run;
  const outputs = new Map<string, ReadConfig>();
  const consumedBy = new Map<string, string>();
  const detected = detectAll(run);
  /** Entries the product never loads (external.xml.noload). */
  const ignored: Array<{ path: string; format: string }> = [];
  const read = (d: (typeof detected)[number]) => {
    let output: ReaderOutput;
    try {
      output = d.reader.read(repo.readerInput(d.file));
    } catch (error) {
      output = {
        endpoints: [],
        consumed: [],
        notes: [
          {
            location: { file: d.file.path },
            level: 'warn',
            message: `the ${d.reader.format} reader could not read this file (${(error as Error).message}); nothing from it was checked`,
          },
        ],
        problems: [],
      };
    }
    if (output.ignored) {
      fileInfo(d.file.path, 'config', d.reader.format).notes.push({ level: 'info', message: `not loaded: ${output.ignored}` });
      ignored.push({ path: d.file.path, format: d.reader.format });
      return;
    }
    // The Genesys leg's media, read from the same entry file (parts are read through their entry).
    let media: MediaOutput | undefined;
    const extract = d.kind === 'entry' ? mediaExtractors[d.reader.format] : undefined;
    if (extract) {
      try {
        media = extract(repo.readerInput(d.file));
      } catch (error) {
        media = {
          media: [],
          notes: [
            {
              location: { file: d.file.path },
              level: 'warn',
              message: `its media settings could not be read (${(error as Error).message})`,
            },
          ],
        };
      }
      output.problems.push(...(media.problems ?? []));
      output.notes.push(...media.notes);
    }
    outputs.set(d.file.path, { reader: d.reader, output, ...(media ? { media } : {}) });
    fileInfo(d.file.path, 'config', d.reader.format);
    for (const c of output.consumed) {
      if (c !== d.file.path && !consumedBy.has(c)) consumedBy.set(c, d.file.path);
      fileInfo(c, 'config', d.reader.format);
    }
    for (const note of output.notes)
      fileInfo(note.location.file, 'config', d.reader.format).notes.push({
        level: note.level,
        message: note.message,
        ...(note.location.line ? { line: note.location.line } : {}),
      });
  };
  for (const d of detected.filter((x) => x.kind === 'entry')) read(d);
  // A part no entry read, in the folder of an entry of its product (or below it): that SBC does not load it.
  // Unless an entry there names a part the scan lacks: this one may be it, committed under another name.
  const entries = [...outputs].map(([path, c]) => ({ path, c, folder: posix.dirname(path) }));
  for (const d of detected.filter((x) => x.kind === 'part' && !consumedBy.has(x.file.path) && !outputs.has(x.file.path))) {
    const folder = posix.dirname(d.file.path);
    const near = entries.filter(
      (e) => e.c.reader.format === d.reader.format && (e.folder === folder || (e.folder !== '.' && folder.startsWith(`${e.folder}/`))),
    );
    if (!near.length || near.some((e) => e.c.output.unfound?.length)) {
      read(d);
      const alone = outputs.get(d.file.path);
      const off = ignored.filter((x) => x.format === d.reader.format && (folder === '.' || x.path.startsWith(`${folder}/`)));
      // Read alone, nothing of its own to serve TLS, and every entry of its tree switched off (FusionPBX's .noload).
      if (alone && off.length && !alone.output.endpoints.some((e) => e.role === 'server'))
        alone.output.problems.push({
          code: 'no-tls',
          message: `The SBC does not listen for TLS, so Genesys cannot connect: no ${d.reader.format} configuration of ${folder === '.' ? 'the repository' : folder} is loaded (${off
            .slice(0, 4)
            .map((x) => x.path)
            .join(', ')}${off.length > 4 ? ', ...' : ''} ${off.length === 1 ? 'is' : 'are'} named so that it never loads)`,
          location: { file: d.file.path },
          fix: `rename ${off[0]!.path} to ${off[0]!.path.replace(/(\.xml)\.[^./]+$/i, '$1')} (or the profile Genesys uses)`,
        });
      continue;
    }
    fileInfo(d.file.path, 'config', d.reader.format).notes.push({
      level: 'info',
      message: `not loaded: ${near[0]!.path} does not read it (and no other configuration in the scan does), so the SBC never uses this file; its settings are not judged`,
    });
  }
  noTlsBesideTls(outputs, run);
  return { outputs, consumedBy };
}

/**
 * A configuration that opens no TLS listener fails only when its SBC has none at all. FreeSWITCH loads
 * every profile of sip_profiles/ (internal.xml for phones, external.xml for the carrier): when another
 * entry of a product that loads its folder together serves TLS there, the finding becomes a note on the
 * file. Kamailio and OpenSIPS run one main file, so a folder of several is several SBCs.
 */
function noTlsBesideTls(outputs: Map<string, ReadConfig>, { fileInfo }: ScanRun): void {
  const folder = (path: string, c: ReadConfig) => `${c.reader.format} ${posix.dirname(path)}`;
  // Files that serve TLS by folder; a file with its own no-tls finding serves none, whatever endpoints it lists.
  const serving = new Map<string, string[]>();
  for (const [path, c] of outputs)
    if (!c.output.problems.some((p) => p.code === 'no-tls') && c.output.endpoints.some((e) => e.role === 'server' && !e.unused))
      serving.set(folder(path, c), [...(serving.get(folder(path, c)) ?? []), path]);
  for (const [path, c] of outputs) {
    const other = c.reader.loadsFolder ? serving.get(folder(path, c))?.find((p) => p !== path) : undefined;
    if (!other || !c.output.problems.some((p) => p.code === 'no-tls')) continue;
    for (const p of c.output.problems.filter((x) => x.code === 'no-tls'))
      fileInfo(p.location.file, 'config', c.reader.format).notes.push({
        level: 'info',
        message: `no TLS listener here (${p.message.replace(/^The SBC does not listen for TLS, so Genesys cannot connect: /, '')}); ${other} beside it listens for TLS, so this file is not the SBC's TLS side`,
        ...(p.location.line ? { line: p.location.line } : {}),
      });
    c.output.problems = c.output.problems.filter((x) => x.code !== 'no-tls');
  }
}
