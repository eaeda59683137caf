/**
 * The contract between `scan` and the SBC configuration readers. A reader is one file under
 * src/config/readers/, registered in src/config/readers/index.ts; it turns configuration text into
 * TLS endpoints whose every value carries its file:line and key as written (or the product default
 * it fell back to, with the source that documents it). Readers are pure: the gatherer hands them the
 * repository's files and resolves paths; they never touch the file system themselves.
 */
import type { SourceLocation } from '../engine/types.js';
import type { ConfigProblem, SbcFormat, TlsEndpointSettings } from '../model/endpoint.js';

/** A text file of the scanned repository; `path` is relative to the scan root, with `/` separators. */
export interface ConfigFile {
  path: string;
  text: string;
}

export interface ReaderInput {
  /** The file the reading starts at (an `entry` the reader detected). */
  file: ConfigFile;
  /**
   * Opens another file a configuration names (a tls.cfg named by kamailio.cfg, vars.xml beside a sofia
   * profile, an `#include`). `written` is the path as written in `from`; the gatherer tries it as
   * written, relative to `from`'s folder, relative to the scan root and through the path map.
   * `tried` lists what it tried, for a note when nothing was found.
   */
  open(written: string, from: ConfigFile): { file?: ConfigFile; tried: string[] };
  /** Every file of the scan (paths), e.g. to find vars.xml two folders up or list a certificate folder. */
  paths: readonly string[];
}

export interface FileNote {
  location: SourceLocation;
  level: 'info' | 'warn';
  /** What the reader could not understand or did not read, and why; never a guess. */
  message: string;
}

export interface ReaderOutput {
  /** Endpoints with `id` left empty (''): the gatherer numbers them. */
  endpoints: TlsEndpointSettings[];
  /** Files read through this one (tls.cfg through kamailio.cfg), so they are not read again alone. */
  consumed: string[];
  notes: FileNote[];
  /** What the SBC would refuse to load. */
  problems: ConfigProblem[];
  /**
   * Settings the SBC takes from somewhere the files do not show (OpenSIPS TLS domains in a database):
   * the area stays unchecked for the trunk, so its verdict never says READY for it.
   */
  unseen?: Array<{ area: 'tls' | 'cert'; reason: string; hint: string; location: SourceLocation }>;
  /**
   * Parts the configuration names that the scan does not hold (a tls.cfg under its deployment path): a
   * part beside it that nothing read may be one of them under another name, so it is still read alone.
   */
  unfound?: string[];
  /** The product never loads this file (why): it is noted as not loaded, and makes no trunk. */
  ignored?: string;
  /**
   * Files this configuration names that the product does not load as it stands (an include inside a
   * switched-off `#!ifdef`), or may load under a name it computes when it starts: not main files of
   * their own, so none of them makes a trunk unless another configuration loads it.
   */
  /** `why` is the note the scan shows on the file (`not loaded: ...`). */
  passedOver?: Array<{ path: string; why: string }>;
}

export interface SbcReader {
  format: Exclude<SbcFormat, 'flags' | 'probe'>;
  /** One line for `--help` and the README: the product and the files it reads. */
  describe: string;
  /**
   * Recognises a file by its content (the name is only a hint): `entry` starts a reading; `part` is
   * normally read through an entry (tls.cfg, vars.xml) and is read alone only when no entry consumed it.
   */
  detect(file: ConfigFile): 'entry' | 'part' | false;
  /**
   * The product loads every entry of a folder together (FreeSWITCH every sip_profiles/*.xml), so one entry
   * without a TLS listener is not the SBC without one when another entry there has it. Kamailio and
   * OpenSIPS run one main file.
   */
  loadsFolder?: boolean;
  read(input: ReaderInput): ReaderOutput;
}
