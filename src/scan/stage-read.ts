/** Stage 2 of `scan`: every SBC configuration file read, entries first, then parts no entry read; its media legs with it. */
import { mediaExtractors } from '../config/media/index.js';
import type { MediaOutput } from '../config/media/types.js';
import { readers } from '../config/readers/index.js';
import type { ConfigFile, ReaderOutput, SbcReader } from '../config/types.js';
import type { ReadConfig, ScanRun } from './run.js';
import { indexEntries, loadedBy, noLoadedEntry, notLoaded, noTlsBesideTls, passedOverEntries } from './stage-loaded.js';

export interface Configurations {
  /** Each entry file (and each part no entry read) by path. */
  outputs: Map<string, ReadConfig>;
  /** A part read through an entry: the entry. */
  consumedBy: Map<string, string>;
  /** Entries the SBC does not load as its main file (an include switched off by #!ifdef), and why. */
  passedOver: Map<string, string>;
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
    run.heap.check();
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
  const passedOver = passedOverEntries(outputs, consumedBy, run);
  // Parts no entry read: beside an entry of their product that SBC does not load them; else read alone.
  const entries = indexEntries(outputs);
  const lone = detected.filter((x) => x.kind === 'part' && !consumedBy.has(x.file.path) && !outputs.has(x.file.path));
  for (const d of lone) {
    const loader = loadedBy(d, entries);
    if (loader) notLoaded(d, loader, run);
    else {
      read(d);
      const alone = outputs.get(d.file.path);
      if (alone) noLoadedEntry(d, alone, ignored);
    }
  }
  noTlsBesideTls(outputs, run);
  return { outputs, consumedBy, passedOver };
}
