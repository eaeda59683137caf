/**
 * What the stages of `scan` share: the options, the repository as walked, the file ledger the report
 * lists, the profile and the Genesys trunks, and the plan of each trunk. Each stage is one file of
 * src/scan/ and one job (open, read, plan, references, lone files, settings, judge, suppress, assemble).
 */
import type { ConfigRepo, Located, PathMapping } from '../config/repo.js';
import type { ConfigProblem, TlsEndpointSettings } from '../model/endpoint.js';
import type { CertificateFacts } from '../model/certificate.js';
import type { GenesysOptions } from '../genesys/check.js';
import type { TrunkLink } from '../model/genesys.js';
import type { MediaSettings } from '../model/media.js';
import type { TlsEndpointFacts } from '../model/tls.js';
import type { ReportOptions, ScanFile, ScanTrunk } from '../report/types.js';
import type { ReaderOutput, SbcReader } from '../config/types.js';
import type { MediaOutput } from '../config/media/types.js';
import type { GenesysScan } from './genesys.js';
import type { Profile, ProfileTrunk } from './profile.js';
import type { Walk, WalkedFile } from './walk.js';
import type { ChainLoader, LoadedChain } from './chains.js';
import type { HeapKeeper } from './heap.js';

export interface ScanOptions {
  /** The directory paths are relative to (the repository root in a pre-commit hook). */
  cwd: string;
  /** Files or directories; files select the trunks that involve them. Default: `.`. */
  paths: string[];
  profile?: string;
  pathMap?: PathMapping[];
  region?: string;
  /** Trust anchors instead of the BYOC list (certificates already decoded). */
  caCertificates?: CertificateFacts[];
  caName?: string;
  at?: Date;
  warnDays?: number;
  online?: boolean;
  pkiProfile?: 'default' | 'strict';
  timeoutSeconds?: number;
  cacheDir?: string;
  version?: string;
  /** The options as the report records them. */
  recorded?: Omit<ReportOptions, 'profile' | 'offline'>;
  /** `--genesys FILE...` or `--fetch`: the org's BYOC trunks, for the profile trunks that name theirs. */
  genesys?: Omit<GenesysOptions, 'trunks' | 'at' | 'version'>;
  /**
   * The report is written as JSON: keep the results as its text in a spill file, not as objects (the
   * report's `results` is then empty and `Scanned.resultsText` holds them), so memory stays flat.
   */
  spillResults?: boolean;
  /** Trunks resolved and judged at a time (default 64); a test sets it to check that batches change nothing. */
  batchSize?: number;
}

export const PROFILE_NAMES = ['byoc-check.yaml', 'byoc-check.yml'];

export interface Unit {
  trunk: TrunkPlan;
  chain?: LoadedChain;
  chainMissing?: string;
  endpoints: TlsEndpointFacts[];
  first: boolean;
}

export interface TrunkPlan {
  name: string;
  origin: ScanTrunk['origin'];
  profile?: ProfileTrunk;
  configFiles: string[];
  endpoints: TlsEndpointSettings[];
  /** Contexts the SBC loads but no connection uses: judged only for whether they load. */
  loadedOnly: TlsEndpointSettings[];
  /** Settings the SBC takes from outside the files: those areas stay unchecked for this trunk. */
  unseen?: ReaderOutput['unseen'];
  /** The legs that carry the Genesys trunk's media (SRTP facts), from the readers and the profile. */
  media: MediaSettings[];
  /** Whether the media area applies: a configuration was read or the profile states srtp. */
  mediaJudged: boolean;
  chainFile?: { path: string; how: string } | { missing: string; tried: string[] };
  problems: ConfigProblem[];
  /** Files whose change selects this trunk in a changed-file run. */
  involves: Set<string>;
  keyFiles: string[];
  /** `scan --genesys`: the org trunk this profile trunk names. */
  genesys?: TrunkLink;
}

/** Every file the report lists, with its kind and notes, in one place. */
export type FileInfo = (path: string, kind: ScanFile['kind'], format?: string) => ScanFile;

export interface ScanRun {
  options: ScanOptions;
  root: string;
  /** The paths as given, relative to the root. */
  given: string[];
  selectAll: boolean;
  /** A changed-file run: whether a file was named (or lies in a named folder). */
  selected: (file: string) => boolean;
  walked: Walk;
  byPath: Map<string, WalkedFile>;
  files: Map<string, ScanFile>;
  fileInfo: FileInfo;
  profile?: Profile;
  profilePath?: string;
  genesys?: GenesysScan;
  /** Every walked text file by path. */
  texts: Map<string, string>;
  repo: ConfigRepo;
  locateAny: (written: string, from: string) => Located;
  chains: ChainLoader;
  /** Collects garbage between units of work (src/scan/heap.ts). */
  heap: HeapKeeper;
}

/** What the resolved references of the endpoints are, for the later stages. */
export interface References {
  referenced: Set<string>;
  resolvedCert: Map<TlsEndpointSettings, { path: string; how: string } | { tried: string[]; written: string }>;
  caFiles: Map<TlsEndpointSettings, { path?: string; tried: string[] }>;
  keyPaths: Map<TlsEndpointSettings, string>;
}

export type KeyFiles = Map<string, Array<{ line: number; label: string }>>;
export type Resolved = Map<TlsEndpointSettings, TlsEndpointFacts>;

/** One configuration file as read: its reader, what the reader found, and its media legs. */
export interface ReadConfig {
  reader: SbcReader;
  output: ReaderOutput;
  media?: MediaOutput;
}
