/**
 * Part of stage 2 of `scan`: which files the SBC really loads. A part beside its product's entry that
 * the entry never names, an entry the product never loads (external.xml.noload), an entry another
 * configuration includes only when switched off, and an SBC with no TLS listener in one file but one in
 * another file the product loads with it.
 */
import { posix } from 'node:path';
import { noTlsProblem } from '../model/endpoint.js';
import type { ConfigFile, SbcReader } from '../config/types.js';
import type { ReadConfig, ScanRun } from './run.js';

interface Detected {
  file: ConfigFile;
  reader: SbcReader;
}

const within = (folder: string, path: string) => folder === '.' || path.startsWith(`${folder}/`);

/** The entries by product and folder (`kamailio kamailio/trunk1`), in reading order, for loadedBy. */
export type EntryIndex = Map<string, Array<{ path: string; config: ReadConfig; at: number }>>;

export function indexEntries(outputs: ReadonlyMap<string, ReadConfig>): EntryIndex {
  const index: EntryIndex = new Map();
  let at = 0;
  for (const [path, config] of outputs) {
    const key = `${config.reader.format} ${posix.dirname(path)}`;
    const list = index.get(key);
    if (list) list.push({ path, config, at: at++ });
    else index.set(key, [{ path, config, at: at++ }]);
  }
  return index;
}

/**
 * The entry of the part's product in its folder (or above it, the root only for a part at the root)
 * that does not read it: that SBC does not load the part. None when an entry there names a part the
 * scan lacks: this one may be it, committed under another name. Looks up each folder upwards, so a
 * scan of many trunks does not compare every part with every entry.
 */
export function loadedBy(part: Detected, entries: EntryIndex): string | undefined {
  const near: Array<{ path: string; config: ReadConfig; at: number }> = [];
  const own = posix.dirname(part.file.path);
  for (let folder = own; ; folder = posix.dirname(folder)) {
    if (folder !== '.' || own === '.') near.push(...(entries.get(`${part.reader.format} ${folder}`) ?? []));
    if (folder === '.' || folder === '/' || folder === '') break;
  }
  if (!near.length || near.some((e) => e.config.output.unfound?.length)) return undefined;
  return near.sort((x, y) => x.at - y.at)[0]!.path;
}

export function notLoaded(part: Detected, entry: string, { fileInfo }: ScanRun): void {
  fileInfo(part.file.path, 'config', part.reader.format).notes.push({
    level: 'info',
    message: `not loaded: ${entry} does not read it (and no other configuration in the scan does), so the SBC never uses this file; its settings are not judged`,
  });
}

/** A part read alone that serves no TLS, in a tree whose every entry the product never loads (FusionPBX's .noload). */
export function noLoadedEntry(part: Detected, alone: ReadConfig, ignored: ReadonlyArray<{ path: string; format: string }>): void {
  const folder = posix.dirname(part.file.path);
  const off = ignored.filter((x) => x.format === part.reader.format && within(folder, x.path));
  if (!off.length || alone.output.endpoints.some((e) => e.role === 'server')) return;
  const named = `${off
    .slice(0, 4)
    .map((x) => x.path)
    .join(', ')}${off.length > 4 ? ', ...' : ''}`;
  alone.output.problems.push(
    noTlsProblem(
      `no ${part.reader.format} configuration of ${folder === '.' ? 'the repository' : folder} is loaded (${named} ${off.length === 1 ? 'is' : 'are'} named so that it never loads)`,
      { file: part.file.path },
      `rename ${off[0]!.path} to ${off[0]!.path.replace(/(\.xml)\.[^./]+$/i, '$1')} (or the profile Genesys uses)`,
    ),
  );
}

/**
 * A configuration that opens no TLS listener fails only when its SBC has none at all. FreeSWITCH loads
 * every profile of sip_profiles/ (internal.xml for phones, external.xml for the carrier): when another
 * entry of a product that loads its folder together serves TLS there, the finding becomes a note on the
 * file. Kamailio and OpenSIPS run one main file, so a folder of several is several SBCs.
 */
export function noTlsBesideTls(outputs: ReadonlyMap<string, ReadConfig>, { fileInfo }: ScanRun): void {
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
        message: `no TLS listener here (${p.why ?? p.message}); ${other} beside it listens for TLS, so this file is not the SBC's TLS side`,
        ...(p.location.line ? { line: p.location.line } : {}),
      });
    c.output.problems = c.output.problems.filter((x) => x.code !== 'no-tls');
  }
}

/**
 * An entry another configuration names only in an include it switches off (Kazoo's role files, each under
 * #!ifdef X_ROLE in default.cfg), or may load under a name it computes when it starts, is not a main file
 * of its own: noted as not loaded, and no trunk. Starting from the entries nobody passes over, so two
 * files that only name each other stay entries.
 */
export function passedOverEntries(
  outputs: Map<string, ReadConfig>,
  consumedBy: ReadonlyMap<string, string>,
  { fileInfo }: ScanRun,
): Map<string, string> {
  const passedOver = new Set(
    [...outputs].flatMap(([entry, c]) => (c.output.passedOver ?? []).map((p) => p.path).filter((p) => p !== entry)),
  );
  const queue = [...outputs.keys()].filter((path) => !passedOver.has(path));
  const dropped = new Map<string, string>();
  for (let next = 0; next < queue.length; next++) {
    const entry = queue[next]!;
    for (const { path, why } of outputs.get(entry)?.output.passedOver ?? []) {
      const config = outputs.get(path);
      if (!config || dropped.has(path) || consumedBy.has(path) || path === entry) continue;
      dropped.set(path, why);
      queue.push(path);
      const info = fileInfo(path, 'config', config.reader.format);
      // what the file would say as a main file does not apply: it is not one
      info.notes.splice(0, info.notes.length, { level: 'info', message: `${why}; its settings are not judged` });
    }
  }
  for (const path of dropped.keys()) outputs.delete(path);
  return dropped;
}
