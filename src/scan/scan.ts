/**
 * `byoc-check scan`: a configuration repository as the main input. Readers turn SBC configuration
 * files into TLS endpoints with provenance; the trunk profile (or, without one, each configuration
 * and each lone certificate file) groups them into trunks; each trunk is judged by the same rules as
 * the single-chain check, once per certificate chain it sends. One process, offline by default.
 */
import { createHash, createPrivateKey, createPublicKey } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, posix, relative, resolve, sep } from 'node:path';
import { acceptedCas } from '../../rules/data/accepted-cas.js';
import { rules, trunkRules } from '../../rules/index.js';
import { decodeAll, resolveTls } from '../check.js';
import { ConfigRepo, type PathMapping } from '../config/repo.js';
import { readers } from '../config/readers/index.js';
import type { ConfigFile, FileNote, ReaderOutput, SbcReader } from '../config/types.js';
import { runRules } from '../engine/runner.js';
import type { CheckContext, InputFacts, RuleResult, SourceLocation } from '../engine/types.js';
import { InputError, isInputError } from '../errors.js';
import type { CertificateFacts } from '../model/certificate.js';
import type { ConfigProblem, Sourced, TlsEndpointSettings } from '../model/endpoint.js';
import type { CrlFacts } from '../model/crl.js';
import type { CertificateLoadFacts, TlsEndpointFacts, TlsVersion } from '../model/tls.js';
import { parseChainInput } from '../parsers/chain-input.js';
import { flagSyntax } from '../providers/flags.js';
import { AREA_ORDER, summarizeChain, uncheckedAreas, verdictLine } from '../report/build.js';
import type { CertificateSummary, Report, ReportOptions, ScanFile, ScanTrunk, UncheckedArea } from '../report/types.js';
import { gatherSipFacts } from '../sip/facts.js';
import { byocAnchors, customAnchors } from '../trust/anchors.js';
import type { Anchors } from '../x509/chain.js';
import { buildChain, emptyChain } from '../x509/chain.js';
import { changedFileSelector, foldersOf } from './select.js';
import { printable } from '../util/text.js';
import { parseProfile, type Profile, type ProfileTrunk } from './profile.js';
import { MAX_FILES, walk, type WalkedFile } from './walk.js';
import { endpointJson } from './endpoint-json.js';
import { mediaJson } from './media-json.js';
import { mediaExtractors } from '../config/media/index.js';
import type { MediaOutput } from '../config/media/types.js';
import { mergeProfileMedia, profileMedia } from '../config/media/profile.js';
import type { MediaFacts, MediaSettings } from '../model/media.js';
import type { GenesysOptions } from '../genesys/command.js';
import type { TrunkLink } from '../genesys/trunks.js';
import { genesysJson, genesysLocation, judgeGenesys, linkProfile, ORG_TRUNK, trunkSip, type GenesysScan } from './genesys.js';

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
}

const PROFILE_NAMES = ['byoc-check.yaml', 'byoc-check.yml'];
const CERT_EXTENSIONS = /\.(pem|crt|cer|der|p7b|p7c|p12|pfx|key|cert)$/i;
const PKCS12 = /\.(p12|pfx)$/i;

interface LoadedChain {
  path: string;
  how: string;
  certificates?: CertificateFacts[];
  input?: InputFacts;
  error?: string;
}

interface Unit {
  trunk: TrunkPlan;
  chain?: LoadedChain;
  chainMissing?: string;
  endpoints: TlsEndpointFacts[];
  first: boolean;
}

interface TrunkPlan {
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

function isText(bytes: Buffer): boolean {
  return !bytes.subarray(0, 8192).includes(0);
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** PEM private-key blocks and PKCS#12 files: where they are, never what they hold. */
function privateKeysIn(file: WalkedFile): Array<{ line: number; label: string }> {
  if (
    PKCS12.test(file.path) ||
    (!isText(file.bytes) && file.bytes[0] === 0x30 && file.bytes.subarray(0, 64).includes(Buffer.from('06092a864886f70d010701', 'hex')))
  )
    return [{ line: 1, label: 'PKCS#12' }];
  if (!isText(file.bytes)) return [];
  const text = file.bytes.toString('latin1');
  const out: Array<{ line: number; label: string }> = [];
  const re = /-----BEGIN ([A-Z0-9 ]*PRIVATE KEY)-----/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ line: lineOf(text, m.index), label: m[1]! });
  return out;
}

function looksLikeCertificateFile(file: WalkedFile): boolean {
  if (isText(file.bytes))
    return (
      file.bytes.includes('-----BEGIN ') &&
      /-----BEGIN (TRUSTED |X509 )?CERTIFICATE-----|-----BEGIN PKCS7-----/.test(file.bytes.toString('latin1'))
    );
  return CERT_EXTENSIONS.test(file.path) && file.bytes[0] === 0x30;
}

export async function scan(options: ScanOptions): Promise<Report> {
  const paths = options.paths.length ? options.paths : ['.'];
  // The repository the paths belong to: a trunk's configuration and certificates may sit anywhere in it.
  const lone = paths.length === 1 && statSync(resolve(options.cwd, paths[0]!), { throwIfNoEntry: false })?.isDirectory();
  const root = repositoryRoot(lone ? resolve(options.cwd, paths[0]!) : options.cwd);
  const given = paths.map((p) => {
    const rel = relative(root, resolve(options.cwd, p)).split(sep).join('/');
    if (rel.startsWith('..') || isAbsolute(rel))
      throw new InputError(`${printable(p)} is outside the repository being scanned (${printable(root)}); scan its own folder`);
    return rel || '.';
  });
  let walked = walk(root, ['.']);
  // A monorepo: the file cap applies to what is scanned. Walk only the folders given (of the files a
  // changed-file run names), and the profile at the root; say so, since files elsewhere are not found.
  let narrowed: string[] | undefined;
  if (walked.truncated) {
    const tooMany = `more than ${MAX_FILES} files under ${printable(root)}`;
    narrowed = [...new Set(given.map((p) => (walkedIsDirectory(root, p) ? p : posix.dirname(p))))];
    if (narrowed.includes('.')) throw new InputError(`${tooMany}; scan the configuration folder instead`);
    const profiles = PROFILE_NAMES.filter((n) => existsSync(resolve(root, n)));
    walked = walk(root, [...narrowed, ...profiles]);
    if (walked.truncated)
      throw new InputError(
        `${tooMany}, and more than ${MAX_FILES} in ${narrowed.map((n) => printable(n)).join(', ')}; scan a smaller folder`,
      );
  }
  const byPath = new Map(walked.files.map((f) => [f.path, f]));
  let walkedFolders: Set<string> | undefined;
  const skippedPaths = new Set(walked.skipped.map((s) => s.path));
  for (const p of given)
    if (p !== '.' && !byPath.has(p) && !skippedPaths.has(p) && !(walkedFolders ??= foldersOf(byPath.keys())).has(p))
      throw new InputError(`${printable(p)}: no such file or directory under ${printable(root)}`);
  const selectAll = given.every((p) => p === '.');
  const selected = changedFileSelector(given);

  const files = new Map<string, ScanFile>();
  const fileInfo = (path: string, kind: ScanFile['kind'], format?: string) => {
    let entry = files.get(path);
    if (!entry) files.set(path, (entry = { path, kind, ...(format ? { format } : {}), notes: [] }));
    return entry;
  };
  // What could not be read is said in every format (a warning note), never only in JSON.
  if (narrowed)
    fileInfo('.', 'skipped').notes.push({
      level: 'warn',
      message: `the repository holds more than ${MAX_FILES} files: only ${narrowed.join(', ')} ${narrowed.length === 1 ? 'was' : 'were'} walked (and the trunk profile); a file a configuration names outside ${narrowed.length === 1 ? 'it' : 'them'} is reported as not in the repository`,
    });
  for (const s of walked.skipped)
    fileInfo(s.path, 'skipped').notes.push({
      level: 'warn',
      message: `not read: ${s.why}${s.key ? '; it holds private key material' : ''}`,
    });

  // The trunk profile.
  let profile: Profile | undefined;
  const profilePath = options.profile
    ? posix.normalize(options.profile.split('\\').join('/'))
    : PROFILE_NAMES.find((n) => byPath.has(n) || skippedPaths.has(n));
  // A profile that could not be read must stop the scan: ignoring it would drop its trunks and suppressions.
  const unreadableProfile = profilePath ? walked.skipped.find((s) => s.path === profilePath) : undefined;
  if (unreadableProfile)
    throw new InputError(
      `${printable(unreadableProfile.path)}: cannot use the trunk profile: it is ${unreadableProfile.why.replace(/^cannot read it/, 'unreadable')}`,
    );
  if (profilePath) {
    const file = byPath.get(profilePath);
    if (!file) throw new InputError(`--profile ${printable(profilePath)}: no such file under ${printable(root)}`);
    profile = parseProfile(
      file.bytes.toString('utf8'),
      profilePath,
      rules.map((r) => r.meta.id),
    );
    fileInfo(profilePath, 'profile');
  }
  // The Genesys half: loaded before any file is judged, so a bad answer stops the scan as an input error.
  let genesys: GenesysScan | undefined;
  if (options.genesys) {
    const { loadGenesysTrunks } = await import('../genesys/command.js');
    genesys = linkProfile(profile, await loadGenesysTrunks(options.genesys, '--genesys'));
  }
  const pathMap = [...(options.pathMap ?? []), ...(profile?.pathMap ?? [])];
  const texts = new Map<string, string>();
  for (const f of walked.files) if (isText(f.bytes)) texts.set(f.path, f.bytes.toString('utf8'));
  const repo = new ConfigRepo(texts, pathMap);
  const locateAny = (written: string, from: string) => repo.locate(written, from, (p) => byPath.has(p));

  // Configuration files: entries first, then parts no entry read.
  const outputs = new Map<string, { reader: SbcReader; output: ReaderOutput; media?: MediaOutput }>();
  const consumedBy = new Map<string, string>();
  const detected: Array<{ file: ConfigFile; reader: SbcReader; kind: 'entry' | 'part' }> = [];
  for (const [path, text] of texts) {
    if (path === profilePath) continue;
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
  for (const d of detected.filter((x) => x.kind === 'part' && !consumedBy.has(x.file.path) && !outputs.has(x.file.path))) read(d);

  // Trunks: from the profile, then every configuration no profile trunk claimed.
  const plans: TrunkPlan[] = [];
  const claimed = new Set<string>();
  const entryOf = (config: string) => (outputs.has(config) ? config : consumedBy.get(config));
  const configFilesOf = (entry: string) => [entry, ...outputs.get(entry)!.output.consumed.filter((c) => c !== entry)];
  for (const t of profile?.trunks ?? []) {
    const plan: TrunkPlan = {
      name: t.name,
      origin: { kind: 'profile', file: profile!.file, line: t.line },
      profile: t,
      configFiles: [],
      endpoints: [],
      loadedOnly: [],
      media: [],
      mediaJudged: false,
      problems: [],
      involves: new Set([profile!.file]),
      keyFiles: [],
      ...(genesys?.links.get(t.name) ? { genesys: genesys.links.get(t.name)! } : {}),
    };
    if (t.config) {
      const found = locateAny(t.config, profile!.file);
      const entryPath = found.path ? entryOf(found.path) : undefined;
      const entry = entryPath ? outputs.get(entryPath) : undefined;
      if (!found.path)
        throw new InputError(
          `${profile!.file}:${t.lines.config ?? t.line}: trunk "${t.name}": config ${printable(t.config)} is not in the repository (tried ${found.tried.join(', ')})`,
        );
      if (!entryPath || !entry)
        throw new InputError(
          `${profile!.file}:${t.lines.config ?? t.line}: trunk "${t.name}": ${found.path} is not an SBC configuration byoc-check can read (${readers.map((r) => r.format).join(', ')})`,
        );
      claimed.add(entryPath);
      plan.configFiles = configFilesOf(entryPath);
      let endpoints = entry.output.endpoints.filter((e) => !e.unused);
      if (entryPath !== found.path) endpoints = endpoints.filter((e) => e.declared?.file === found.path || !e.declared);
      plan.loadedOnly = entry.output.endpoints.filter((e) => e.unused).map((e) => ({ ...e }));
      if (t.endpoints) {
        const names = new Set(endpoints.map((e) => e.name));
        const unknown = t.endpoints.filter((n) => !names.has(n));
        if (unknown.length)
          throw new InputError(
            `${profile!.file}:${t.lines.endpoints ?? t.line}: trunk "${t.name}": no endpoint ${unknown.map((n) => `"${printable(n)}"`).join(', ')} in ${found.path} (it has ${[...names].map((n) => `"${n}"`).join(', ') || 'none'})`,
          );
        endpoints = endpoints.filter((e) => t.endpoints!.includes(e.name));
      }
      plan.endpoints = endpoints.map((e) => ({ ...e }));
      // the files the media extractor read belong to the trunk too, and so do the problems found in them
      plan.configFiles.push(...(entry.media?.files ?? []).filter((f) => !plan.configFiles.includes(f)));
      plan.problems = entry.output.problems.filter((p) => plan.configFiles.includes(p.location.file));
      if (entry.output.unseen) plan.unseen = entry.output.unseen;
      plan.media = (entry.media?.media ?? []).map((m) => ({ ...m }));
      plan.mediaJudged = true;
    }
    if (t.tls) plan.endpoints.push(...profileEndpoints(t, profile!.file));
    const stated = profileMedia(t, profile!.file);
    if (stated) {
      plan.media = mergeProfileMedia(plan.media, stated);
      plan.mediaJudged = true;
    }
    if (t.chain) {
      const found = locateAny(t.chain, profile!.file);
      plan.chainFile = found.path
        ? { path: found.path, how: `trunk profile ${profile!.file}:${t.lines.chain ?? t.line}` }
        : { missing: t.chain, tried: found.tried };
    }
    plans.push(plan);
  }
  for (const [entry, { output, media }] of outputs) {
    if (claimed.has(entry) || consumedBy.has(entry)) continue;
    plans.push({
      name: entry,
      origin: { kind: 'config', file: entry },
      configFiles: [...new Set([...configFilesOf(entry), ...(media?.files ?? [])])],
      endpoints: output.endpoints.filter((e) => !e.unused).map((e) => ({ ...e })),
      loadedOnly: output.endpoints.filter((e) => e.unused).map((e) => ({ ...e })),
      ...(output.unseen ? { unseen: output.unseen } : {}),
      media: (media?.media ?? []).map((m) => ({ ...m })),
      mediaJudged: true,
      problems: output.problems,
      involves: new Set(),
      keyFiles: [],
    });
  }

  // Number the endpoints once, report-wide.
  let endpointCount = 0;
  for (const plan of plans) for (const e of [...plan.endpoints, ...plan.loadedOnly]) e.id = `endpoint[${endpointCount++}]`;
  let mediaCount = 0;
  for (const plan of plans) for (const m of plan.media) m.id = `media[${mediaCount++}]`;
  for (const plan of plans) for (const f of plan.configFiles) plan.involves.add(f);

  // Certificate, key and CA files the endpoints name.
  const referenced = new Set<string>();
  const chainCache = new Map<string, Promise<LoadedChain>>();
  const decoded = new Map<string, CertificateFacts>();
  const loadChain = (path: string, how: string) => {
    if (!chainCache.has(path)) chainCache.set(path, loadChainFile(byPath.get(path)!, how, decoded));
    return chainCache.get(path)!;
  };
  const resolvedCert = new Map<TlsEndpointSettings, { path: string; how: string } | { tried: string[]; written: string }>();
  const caFiles = new Map<TlsEndpointSettings, { path?: string; tried: string[] }>();
  const keyPaths = new Map<TlsEndpointSettings, string>();
  for (const plan of plans) {
    if (plan.chainFile && 'path' in plan.chainFile) {
      referenced.add(plan.chainFile.path);
      plan.involves.add(plan.chainFile.path);
    }
    for (const e of [...plan.endpoints, ...plan.loadedOnly]) {
      const from = e.declared?.file ?? plan.configFiles[0] ?? profile?.file ?? '.';
      if (e.certificate) {
        let found = locateAny(e.certificate.value, from);
        for (const alt of e.certificateFallbacks ?? [])
          if (!found.path) found = { ...locateAny(alt, from), tried: [...found.tried, ...locateAny(alt, from).tried] };
        if (found.path) {
          referenced.add(found.path);
          plan.involves.add(found.path);
          resolvedCert.set(e, { path: found.path, how: found.how! });
        } else resolvedCert.set(e, { tried: found.tried, written: e.certificate.value });
      }
      if (e.privateKey) {
        const found = locateAny(e.privateKey.value, from);
        if (found.path) {
          referenced.add(found.path);
          plan.involves.add(found.path);
          keyPaths.set(e, found.path);
        }
      }
      if (e.caList) {
        const found = locateAny(e.caList.value, from);
        caFiles.set(e, found);
        if (found.path) {
          referenced.add(found.path);
          plan.involves.add(found.path);
        }
      }
    }
  }

  // Certificate files no configuration names: each is a trunk of its own (CA-only files are noted).
  const keyFiles = new Map<string, Array<{ line: number; label: string }>>();
  for (const f of walked.files) {
    const keys = privateKeysIn(f);
    if (keys.length) {
      keyFiles.set(f.path, keys);
      fileInfo(f.path, 'key');
    }
  }
  // A key in a file too large to read, or under a name that is not UTF-8, is still a committed key.
  for (const s of walked.skipped) if (s.key) keyFiles.set(s.path, [s.key]);
  for (const f of walked.files) {
    // A PKCS#12 key store is a committed key (private-key), not a chain anyone can read without its password.
    if (
      referenced.has(f.path) ||
      outputs.has(f.path) ||
      consumedBy.has(f.path) ||
      f.path === profilePath ||
      !looksLikeCertificateFile(f) ||
      keyFiles.get(f.path)?.some((k) => k.label === 'PKCS#12')
    )
      continue;
    const loaded = await loadChain(f.path, 'found by scan');
    const info = fileInfo(f.path, 'certificate');
    if (loaded.certificates && loaded.certificates.every((c) => c.basicConstraints?.ca)) {
      info.notes.push({
        level: 'info',
        message: `${loaded.certificates.length} CA certificate${loaded.certificates.length === 1 ? '' : 's'} only: a CA list, not a chain an SBC sends; not checked as a chain`,
      });
      continue;
    }
    plans.push({
      name: f.path,
      origin: { kind: 'certificate', file: f.path },
      configFiles: [],
      endpoints: [],
      loadedOnly: [],
      media: [],
      mediaJudged: false,
      chainFile: { path: f.path, how: 'found by scan (no configuration names it)' },
      problems: [],
      involves: new Set([f.path]),
      keyFiles: [],
    });
  }
  for (const plan of plans) for (const k of keyFiles.keys()) if (plan.involves.has(k)) plan.keyFiles.push(k);
  const orphanKeys = [...keyFiles.keys()].filter((k) => !plans.some((p) => p.keyFiles.includes(k)));

  // A changed-file run checks the trunks that involve a changed file (the profile involves them all).
  const chosen = plans.filter((p) => selectAll || [...p.involves].some(selected));
  const keysChosen = orphanKeys.filter(selected);

  // Resolve every chosen endpoint's TLS strings at once: repeated strings are resolved once.
  const allSettings = chosen.flatMap((p) => [...p.endpoints, ...p.loadedOnly]);
  const resolved = new Map<TlsEndpointSettings, TlsEndpointFacts>();
  const facts = await resolveTls(allSettings);
  allSettings.forEach((s, i) => resolved.set(s, facts[i]!));
  for (const [e, found] of caFiles) {
    const f = resolved.get(e);
    if (!f) continue;
    if (!found.path) f.caListTried = found.tried;
    else {
      const loaded = await loadChain(found.path, 'CA list');
      if (loaded.certificates)
        f.caCertificates = {
          value: loaded.certificates.map((c) => ({ subject: c.subject, subjectHash: c.subjectHash, sha256: c.sha256 })),
          from: e.caList!.from,
          raw: found.path,
        };
      else f.caListTried = [`${found.path} (${loaded.error})`];
    }
  }

  // How the SBC's OpenSSL loads each endpoint's certificate and key files (first PEM block, key match, key sizes).
  for (const e of allSettings) {
    const cert = resolvedCert.get(e);
    const facts = resolved.get(e)!;
    if (!cert || !('path' in cert) || e.format === 'flags' || e.format === 'probe' || e.format === 'audiocodes') continue;
    const loaded = await loadChain(cert.path, cert.how);
    if (!loaded.certificates?.length) continue;
    const keyPath = keyPaths.get(e);
    facts.certificateLoad = certificateLoad(loaded.path, loaded.certificates, keyPath ? byPath.get(keyPath) : undefined);
  }

  const anchors: Anchors = options.caCertificates ? customAnchors(options.caCertificates) : byocAnchors(acceptedCas);
  const now = options.at ?? new Date();
  const results: RuleResult[] = [];
  const certificates: CertificateSummary[] = [];
  const trunks: ScanTrunk[] = [];
  const timeoutSeconds = options.timeoutSeconds ?? 10;

  const loaded = new Map(chosen.map((p) => [p, [...p.endpoints, ...p.loadedOnly].map((e) => resolved.get(e)!)] as const));
  // A value the product defaulted has no line of its own: its endpoint's declaration stands in.
  const declaredAt = new Map(chosen.flatMap((p) => p.endpoints.filter((e) => e.declared?.file).map((e) => [e.id, e.declared!] as const)));
  for (const plan of chosen) {
    const units: Unit[] = [];
    const endpoints = plan.endpoints.map((e) => resolved.get(e)!);
    const servers = endpoints.filter((e) => e.role === 'server');
    const groups = new Map<string, TlsEndpointFacts[]>();
    if (plan.chainFile) groups.set('path' in plan.chainFile ? plan.chainFile.path : `missing:${plan.chainFile.missing}`, servers);
    else
      for (const e of servers) {
        const r = resolvedCert.get(plan.endpoints[endpoints.indexOf(e)]!);
        const key = !r ? 'none:' : 'path' in r ? r.path : `missing:${r.written}`;
        groups.set(key, [...(groups.get(key) ?? []), e]);
      }
    if (groups.size === 0) groups.set('none:', []);
    let first = true;
    for (const [key, members] of groups) {
      const unit: Unit = { trunk: plan, endpoints: first ? [...members, ...endpoints.filter((e) => e.role === 'client')] : members, first };
      if (key === 'none:')
        unit.chainMissing = plan.endpoints.length
          ? 'no endpoint of this trunk names a certificate file (give `chain:` for the trunk in byoc-check.yaml)'
          : 'nothing names a certificate';
      else if (key.startsWith('missing:')) {
        const tried =
          plan.chainFile && 'tried' in plan.chainFile
            ? plan.chainFile.tried
            : ([...resolvedCert.values()].find((r) => 'written' in r && r.written === key.slice(8)) as { tried: string[] } | undefined);
        const triedList = Array.isArray(tried) ? tried : (tried?.tried ?? []);
        unit.chainMissing = `the certificate file ${key.slice(8)} is not in the repository (tried ${triedList.join(', ') || 'nothing'}); map deployment paths with --path-map FROM=TO or pathMap in byoc-check.yaml`;
      } else {
        const how =
          plan.chainFile && 'path' in plan.chainFile
            ? plan.chainFile.how
            : (() => {
                const r = resolvedCert.get(plan.endpoints[endpoints.indexOf(members[0]!)]!) as { how: string } | undefined;
                return r?.how ?? 'found by scan';
              })();
        unit.chain = await loadChain(key, how);
        fileInfo(key, 'certificate');
        if (!unit.chain.certificates)
          unit.chainMissing = unit.chain.error!.startsWith(key) ? unit.chain.error! : `${key}: ${unit.chain.error}`;
      }
      units.push(unit);
      first = false;
    }

    const trunkName = `trunk[${plan.name}]`;
    const unitSummaries: ScanTrunk['chains'] = [];
    for (const unit of units) {
      const offset = certificates.length;
      const ctx = await contextFor(unit, plan, {
        now,
        warnDays: options.warnDays ?? 30,
        online: options.online === true,
        timeoutSeconds,
        cacheDir: options.cacheDir,
        anchors,
        region: options.region,
        keyFiles,
        profile,
        pkiProfile: options.pkiProfile ?? 'default',
        loaded,
      });
      const unitResults = runRules(trunkRules, ctx);
      const summaries = summarizeChain(ctx.chain);
      if (unit.chain?.certificates) {
        for (const c of summaries) certificates.push({ ...c, index: offset + c.index, file: unit.chain.path });
        unitSummaries.push({ file: unit.chain.path, how: unit.chain.how, certificates: summaries.map((c) => offset + c.index) });
      } else if (unit.chainMissing) unitSummaries.push({ missing: unit.chainMissing });
      for (const r of unitResults) {
        if (!unit.first && !['cert', 'trust', 'crl', 'tls'].includes(areaOf(r.rule)) && r.rule !== 'subject-name') continue;
        const target = r.target.replace(/^certificate\[(\d+)\]/, (_, k: string) => `certificate[${offset + Number(k)}]`);
        const endpoint = /^endpoint\[\d+\]$/.test(target) ? target : undefined;
        const location =
          r.location ?? (endpoint ? declaredAt.get(endpoint) : undefined) ?? defaultLocation(r, unit, plan) ?? originLocation(plan);
        results.push({ ...r, target, trunk: plan.name, ...(endpoint ? { endpoint } : {}), ...(location ? { location } : {}) });
      }
    }
    const sipOf = trunkSip(plan.profile, plan.genesys);
    const noSbc = !sipOf.sbc.length;
    const noUris = !plan.profile?.uris?.length;
    const noRegion = !(plan.profile?.region ?? options.region);
    const gaps = [
      noSbc ? 'the SBC names Genesys dials (subject-name, sip-port, host-not-ip)' : '',
      noUris ? 'the Request-URIs (uri-transport, uri-params, byoc-host)' : '',
      noRegion ? "the region's Genesys roots (trusts-genesys checks every region's)" : '',
    ].filter(Boolean);
    const add = [noSbc ? '`sbc:`' : '', noUris ? '`uris:`' : '', noRegion ? '`region:`' : ''].filter(Boolean);
    const missing = gaps;
    trunks.push({
      name: plan.name,
      target: trunkName,
      origin: plan.origin,
      configFiles: plan.configFiles,
      endpoints: plan.endpoints.map((e) => e.id),
      ...(plan.media.length ? { media: plan.media.map((m) => m.id) } : {}),
      chains: unitSummaries,
      ...((plan.profile?.region ?? options.region) ? { region: plan.profile?.region ?? options.region } : {}),
      sbc: sipOf.sbc.map((s) => (typeof s === 'string' ? s : s.raw)),
      uris: plan.profile?.uris ?? [],
      ...(plan.genesys
        ? {
            genesys: {
              wanted: plan.genesys.wanted,
              ...(plan.genesys.trunk ? { id: plan.genesys.trunk.id, name: plan.genesys.trunk.name } : {}),
            },
          }
        : {}),
      ...(missing.length ? { notChecked: `${missing.join('; ')}: add ${add.join(', ')} for this trunk in byoc-check.yaml` } : {}),
    });
  }
  if (keysChosen.length) {
    // Keys no trunk involves are still committed secrets: judged by the private-key rule alone.
    const plan: TrunkPlan = {
      name: '(repository)',
      origin: { kind: 'config', file: '.' },
      configFiles: [],
      endpoints: [],
      loadedOnly: [],
      media: [],
      mediaJudged: false,
      problems: [],
      involves: new Set(keysChosen),
      keyFiles: keysChosen,
    };
    const ctx = await contextFor({ trunk: plan, endpoints: [], first: true, chainMissing: 'not a trunk' }, plan, {
      now,
      warnDays: options.warnDays ?? 30,
      online: false,
      timeoutSeconds,
      anchors,
      keyFiles,
      pkiProfile: 'default',
      loaded,
    });
    for (const r of runRules(
      trunkRules.filter((x) => x.meta.id === 'private-key'),
      ctx,
    ))
      results.push({ ...r, trunk: plan.name, ...(r.location ? {} : { location: { file: r.target } }) });
    trunks.push({
      name: plan.name,
      target: `trunk[${plan.name}]`,
      origin: { kind: 'repository' },
      configFiles: [],
      endpoints: [],
      chains: [],
      sbc: [],
      uris: [],
      notChecked: 'files no trunk involves: only committed private keys are reported',
    });
  }

  if (genesys) {
    const own = judgeGenesys(genesys, new Set(chosen.map((p) => p.name)));
    results.push(...own);
    if (own.some((r) => r.trunk === ORG_TRUNK))
      trunks.push({
        name: ORG_TRUNK,
        target: `trunk[${ORG_TRUNK}]`,
        origin: { kind: 'genesys' },
        configFiles: [],
        endpoints: [],
        chains: [],
        sbc: [],
        uris: [],
        notChecked: 'org trunks no byoc-check.yaml trunk names with `genesys:`: their SBCs were not checked',
      });
  }

  // Suppressions from the profile: the result keeps its status, marked suppressed with the reason.
  const byTrunk = new Map<string, RuleResult[]>();
  for (const r of results) {
    if (!byTrunk.has(r.trunk!)) byTrunk.set(r.trunk!, []);
    byTrunk.get(r.trunk!)!.push(r);
  }
  for (const plan of chosen) {
    for (const s of plan.profile?.suppress ?? []) {
      const names = new Map(plan.endpoints.map((e) => [e.id, e.name]));
      for (const r of byTrunk.get(plan.name) ?? [])
        if (
          r.rule === s.rule &&
          (!s.target || r.target === s.target || names.get(r.target) === s.target) &&
          (r.status === 'fail' || r.status === 'warn')
        )
          r.suppressed = { reason: s.reason };
    }
  }

  const summary = { pass: 0, fail: 0, warn: 0, skip: 0, suppressed: 0 };
  for (const r of results) {
    if (r.suppressed) summary.suppressed++;
    else summary[r.status]++;
  }
  // What no trunk could check, and what to add; suppressed results count as checked.
  const judged = results.filter((r) => !r.suppressed);
  // Per trunk: an area one trunk left unchecked stays unchecked, whatever the other trunks checked.
  const areaCtxOf = (configs: boolean, endpoints: TlsEndpointFacts[]) =>
    ({
      offline: options.online !== true,
      sip: { uris: [], sbcs: [] },
      tls: { endpoints },
      ...(configs ? { config: { files: [], problems: [] } } : {}),
    }) as unknown as CheckContext;
  const perArea = new Map<string, UncheckedArea & { short: string; trunks: string[] }>();
  const unseenAreas = new Set(chosen.flatMap((p) => (p.unseen ?? []).map((x) => x.area)));
  const judgedByTrunk = new Map<string, RuleResult[]>();
  for (const r of judged) {
    const list = judgedByTrunk.get(r.trunk!);
    if (list) list.push(r);
    else judgedByTrunk.set(r.trunk!, [r]);
  }
  for (const plan of chosen) {
    const own = judgedByTrunk.get(plan.name) ?? [];
    const ctx = {
      ...areaCtxOf(
        plan.configFiles.length > 0,
        plan.endpoints.map((e) => resolved.get(e)!),
      ),
      ...(plan.mediaJudged ? { media: { endpoints: plan.media } } : {}),
    } as CheckContext;
    const seenHere = uncheckedAreas(ctx, own, trunkRules);
    for (const x of plan.unseen ?? [])
      if (!seenHere.some((u) => u.area === x.area))
        seenHere.push({
          area: x.area,
          rules: trunkRules.filter((r) => r.meta.area === x.area && !r.meta.id.endsWith('-reachable')).map((r) => r.meta.id),
          reason: x.reason,
          hint: x.hint,
          short: x.reason.split(' (')[0]!,
        });
    for (const u of seenHere) {
      const seen = perArea.get(u.area);
      if (!seen) perArea.set(u.area, { ...u, trunks: [plan.name] });
      else {
        seen.rules = [...new Set([...seen.rules, ...u.rules])].sort();
        seen.trunks.push(plan.name);
      }
    }
  }
  const areaOrder: readonly string[] = AREA_ORDER;
  const merged = [...perArea.values()]
    .sort((a, b) => areaOrder.indexOf(a.area) - areaOrder.indexOf(b.area))
    .map(({ trunks, ...u }) => {
      if (chosen.length < 2 || trunks.length === chosen.length) return u;
      const named = `${trunks.slice(0, 3).join(', ')}${trunks.length > 3 ? ` and ${trunks.length - 3} more` : ''}`;
      return { ...u, reason: `${u.reason} (trunk${trunks.length === 1 ? '' : 's'} ${named})` };
    });
  const unchecked = merged.map((u) =>
    u.area === 'sip'
      ? {
          ...u,
          reason: 'no trunk gives `sbc:` or `uris:`',
          hint: 'declare each trunk in byoc-check.yaml with `sbc:` (the SIP Servers or Proxies entries) and `uris:` (the Request-URIs the SBC sends)',
          short: 'add sbc:/uris: to byoc-check.yaml',
        }
      : u.area === 'tls' && !unseenAreas.has('tls')
        ? {
            ...u,
            reason: 'no configuration or profile gives TLS settings',
            hint: 'scan the SBC configuration, or give `tls:` for the trunk in byoc-check.yaml',
            short: 'no TLS settings found',
          }
        : u,
  );
  const digest = createHash('sha256');
  const involved = new Set(chosen.flatMap((p) => [...p.involves]));
  for (const f of walked.files.filter((x) => involved.has(x.path))) digest.update(f.path).update(f.bytes);
  const endpointsJson = chosen.flatMap((p) => [...p.endpoints, ...p.loadedOnly].map((e) => endpointJson(resolved.get(e)!)));
  return {
    schemaVersion: 1,
    tool: { name: 'byoc-check', version: options.version ?? '0.0.0' },
    checkedAt: now.toISOString(),
    ok: summary.fail === 0,
    summary,
    input: { name: root, format: 'scan', sha256: digest.digest('hex'), certificates: certificates.length },
    trust: {
      mode: options.caCertificates ? 'custom' : 'byoc',
      anchors: options.caCertificates ? `--ca ${options.caName ?? ''}`.trim() : 'BYOC Cloud accepted-CA list',
    },
    certificates,
    results,
    endpoints: endpointsJson,
    ...(chosen.some((p) => p.media.length) ? { media: chosen.flatMap((p) => p.media.map(mediaJson)) } : {}),
    trunks,
    files: [...files.values()].sort((a, b) => a.path.localeCompare(b.path)),
    options: {
      at: null,
      strict: false,
      format: 'json',
      caFile: null,
      warnDays: options.warnDays ?? 30,
      timeoutSeconds,
      region: options.region ?? null,
      ...options.recorded,
      offline: options.online !== true,
      profile: profile?.file ?? null,
    },
    openssl: process.versions.openssl,
    unchecked: unchecked.map(({ short: _short, ...u }) => u),
    // A committed key outside every trunk is still a failure: never "nothing to check" over a finding.
    verdict:
      chosen.length === 0 && !judged.some((r) => r.status === 'fail')
        ? 'NOTHING TO CHECK.'
        : chosen.length === 0
          ? `NOT READY: ${judged.filter((r) => r.status === 'fail').length} failed check${judged.filter((r) => r.status === 'fail').length === 1 ? '' : 's'}: a private key is committed to the repository.`
          : verdictLine(judged, unchecked, trunkRules).replace(
              'Genesys will refuse this trunk as it is',
              `${new Set(judged.filter((r) => r.status === 'fail').map((r) => r.trunk)).size} of ${chosen.length} trunk${chosen.length === 1 ? '' : 's'} would fail with Genesys as configured`,
            ),
    scan: {
      root,
      paths: given,
      changedFileRun: !selectAll,
      trunksFound: plans.length,
      trunksChecked: chosen.length,
      online: options.online === true,
      ...(profile ? { profile: profile.file } : {}),
      ...(genesys ? { genesys: genesysJson(genesys) } : {}),
    },
  };
}

function walkedIsDirectory(root: string, rel: string): boolean {
  return statSync(resolve(root, rel), { throwIfNoEntry: false })?.isDirectory() === true;
}

/** The nearest folder holding .git or byoc-check.yaml, from `start` upwards; else `start` itself. */
function repositoryRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(resolve(dir, '.git')) || PROFILE_NAMES.some((n) => existsSync(resolve(dir, n)))) return dir;
    if (dirname(dir) === dir) return start;
  }
}

/** Where a trunk is declared: its profile entry, its configuration, or its lone certificate file. */
function originLocation(plan: TrunkPlan): SourceLocation | undefined {
  const o = plan.origin;
  return o.kind === 'profile'
    ? { file: o.file, line: o.line }
    : o.kind === 'repository' || o.kind === 'genesys'
      ? undefined
      : { file: o.file };
}

const areas = new Map<string, string>(rules.map((r) => [r.meta.id, r.meta.area]));
function areaOf(ruleId: string): string {
  return areas.get(ruleId) ?? 'cert';
}

/** Results about a chain point at its file; trunk-level results at the profile's trunk entry. */
function defaultLocation(r: RuleResult, unit: Unit, plan: TrunkPlan): SourceLocation | undefined {
  const area = areaOf(r.rule);
  if ((area === 'cert' || area === 'trust' || area === 'crl') && unit.chain) return { file: unit.chain.path };
  if (area === 'sip' && plan.profile && plan.origin.kind === 'profile') {
    const key = r.target.startsWith('uri') ? 'uris' : 'sbc';
    const index = /^(?:uri|sbc)\[(\d+)\]$/.exec(r.target)?.[1];
    // A name read from the org's trunk points at the trunk setting it came from.
    const from = key === 'sbc' && index !== undefined ? trunkSip(plan.profile, plan.genesys).sbc[Number(index)] : undefined;
    if (from && typeof from !== 'string' && plan.genesys) return genesysLocation(plan.genesys, from.source);
    const lines = plan.profile.lines;
    return {
      file: plan.origin.file,
      line: (index !== undefined ? lines[`${key}.${index}`] : undefined) ?? lines[key] ?? plan.profile.line,
      key,
    };
  }
  return undefined;
}

async function loadChainFile(file: WalkedFile, how: string, decoded: Map<string, CertificateFacts>): Promise<LoadedChain> {
  try {
    const input = await parseChainInput(file.bytes, file.path, Infinity);
    const certificates = decodeAll(input.certificates, file.path, decoded);
    return {
      path: file.path,
      how,
      certificates,
      input: {
        name: file.path,
        format: input.format,
        sha256: createHash('sha256').update(file.bytes).digest('hex'),
        privateKeys: input.privateKeys,
      },
    };
  } catch (error) {
    if (!isInputError(error)) throw error;
    return { path: file.path, how, error: (error as Error).message.replace(`${file.path}: `, '') };
  }
}

/**
 * What OpenSSL's certificate-file loaders (SSL_CTX_use_certificate_chain_file, SSL_CTX_use_certificate_file)
 * do with the file: its first PEM block is the SBC's certificate, the key must belong to it
 * (SSL_CTX_check_private_key), and every key sent must meet the security level. Key material is read
 * only to derive its public key; nothing of it is kept or shown.
 */
function certificateLoad(path: string, certificates: CertificateFacts[], keyFile: WalkedFile | undefined): CertificateLoadFacts {
  const [first, ...rest] = certificates;
  const load: CertificateLoadFacts = {
    certificateFile: path,
    first: {
      subject: first!.subject,
      ca: first!.basicConstraints?.ca === true,
      keyType: first!.publicKey.type,
      ...(first!.publicKey.bits ? { keyBits: first!.publicKey.bits } : {}),
      securityBits: first!.publicKey.securityBits,
    },
  };
  const leafAt = rest.findIndex((c) => c.basicConstraints?.ca !== true);
  if (load.first.ca && leafAt >= 0) load.leafLater = { index: leafAt + 1, subject: rest[leafAt]!.subject };
  for (const c of rest)
    if (c.publicKey.securityBits && (!load.weakestCa || c.publicKey.securityBits < load.weakestCa.securityBits))
      load.weakestCa = { subject: c.subject, securityBits: c.publicKey.securityBits };
  if (keyFile && isText(keyFile.bytes)) {
    const text = keyFile.bytes.toString('latin1');
    const block = /-----BEGIN ((?:RSA |EC )?PRIVATE KEY)-----[A-Za-z0-9+/=\r\n]{1,65536}-----END \1-----/.exec(text);
    if (block) {
      try {
        const spki = createPublicKey(createPrivateKey(block[0])).export({ type: 'spki', format: 'der' });
        load.keyFile = keyFile.path;
        load.keyMatches = spki.equals(first!.publicKey.spki);
      } catch {
        // an encrypted or unreadable key: the match stays unknown
      }
    }
  }
  return load;
}

/** The trunk profile's `tls:` settings as endpoints (both roles), each value naming its profile line. */
function profileEndpoints(t: ProfileTrunk, file: string): TlsEndpointSettings[] {
  const at = <T>(value: T, key: string, raw?: string): Sourced<T> => ({
    value,
    from: { kind: 'file', file, line: t.lines[`tls.${key}`] ?? t.line, key: `tls.${key}` },
    ...(raw ? { raw } : {}),
  });
  const tls = t.tls!;
  const order: TlsVersion[] = ['1.0', '1.1', '1.2', '1.3'];
  const versions =
    tls.tlsMin || tls.tlsMax ? order.slice(order.indexOf(tls.tlsMin ?? '1.0'), order.indexOf(tls.tlsMax ?? '1.3') + 1) : undefined;
  const syntax = {
    ...flagSyntax,
    ciphers: (v: string) => `tls.ciphers: "${v}" in ${file}`,
    allowTls12: () => `tls.tlsMin: "1.2" in ${file}`,
    curves: (v: string) => `tls.curves: "${v}" in ${file}`,
  };
  return (['server', 'client'] as const).map((role) => ({
    id: '',
    format: 'flags' as const,
    name: `${t.name} ${role} (trunk profile)`,
    declared: { file, line: t.lines.tls ?? t.line },
    role,
    syntax,
    ...(tls.ciphers ? { ciphers: at(tls.ciphers, 'ciphers') } : {}),
    ...(tls.curves ? { curves: at(tls.curves, 'curves') } : {}),
    ...(versions ? { versions: at(versions, tls.tlsMin ? 'tlsMin' : 'tlsMax', `${tls.tlsMin ?? 'any'}..${tls.tlsMax ?? 'any'}`) } : {}),
  }));
}

interface ContextOptions {
  now: Date;
  warnDays: number;
  online: boolean;
  timeoutSeconds: number;
  cacheDir?: string;
  anchors: Anchors;
  region?: string;
  keyFiles: Map<string, Array<{ line: number; label: string }>>;
  profile?: Profile;
  pkiProfile: 'default' | 'strict';
  /** Every context each trunk's SBC loads (config-valid), resolved. */
  loaded: Map<TrunkPlan, TlsEndpointFacts[]>;
}

/** The trunk's media legs, and the suites the org trunk accepts when the org was read. */
function mediaFactsOf(plan: TrunkPlan): MediaFacts {
  const suites = trunkSip(plan.profile, plan.genesys).srtpSuites;
  return { endpoints: plan.media, ...(suites ? { genesys: { suites } } : {}) };
}

async function contextFor(unit: Unit, plan: TrunkPlan, o: ContextOptions): Promise<CheckContext> {
  const certificates = unit.chain?.certificates;
  const chain = certificates?.length ? buildChain(certificates, o.anchors) : emptyChain(o.anchors.mode);
  const region = plan.profile?.region ?? o.region;
  let sip;
  try {
    const { sbc, tgrp } = trunkSip(plan.profile, plan.genesys);
    sip = gatherSipFacts(plan.profile?.uris ?? [], sbc, region, tgrp);
  } catch (error) {
    if (isInputError(error))
      throw new InputError(
        `${plan.origin.kind === 'profile' ? `${plan.origin.file}:${plan.origin.line}` : plan.name}: trunk "${plan.name}": ${(error as Error).message}`,
      );
    throw error;
  }
  let crl: CrlFacts = { attempted: false, certificates: [], timeoutSeconds: o.timeoutSeconds };
  if (o.online && chain.path.length) {
    const { gatherCrlFacts } = await import('../probes/crl.js');
    crl = await gatherCrlFacts(chain, { now: o.now, timeoutSeconds: o.timeoutSeconds, cacheDir: o.cacheDir });
  }
  const committed = unit.first ? plan.keyFiles.flatMap((file) => o.keyFiles.get(file)!.map((k) => ({ file, ...k }))) : [];
  const input: InputFacts = unit.chain?.input ?? { name: plan.name, format: 'pem', sha256: '0'.repeat(64), privateKeys: [] };
  return {
    now: o.now,
    warnDays: o.warnDays,
    offline: !o.online,
    input: { ...input, ...(unit.first ? { committedKeys: committed } : {}) },
    chain,
    pkiProfile: o.pkiProfile,
    acceptedCas,
    sip,
    tls: { endpoints: unit.endpoints },
    crl,
    ...(unit.chainMissing !== undefined ? { chainMissing: unit.chainMissing } : {}),
    ...(unit.first && plan.configFiles.length
      ? { config: { files: plan.configFiles, problems: plan.problems, endpoints: o.loaded.get(plan) ?? [] } }
      : {}),
    ...(unit.first && plan.mediaJudged ? { media: mediaFactsOf(plan) } : {}),
  };
}

export type { FileNote };
