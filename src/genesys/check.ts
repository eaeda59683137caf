/**
 * The org-trunk check: are the org's BYOC Cloud trunks set for a secure trunk? Reads saved trunk base
 * settings (or fetches them), runs the genesys rules, builds the report. scan --genesys and probe --genesys
 * read the trunks through loadGenesysTrunks.
 */
import { orgTrunkRules } from '../../rules/index.js';
import { runRules } from '../engine/runner.js';
import { InputError } from '../errors.js';
import { readCapped } from '../input/read.js';
import { didYouMean, printable } from '../util/text.js';
import { buildGenesysReport, type GenesysReport, type GenesysSource } from './report.js';
import { MAX_TRUNK_INPUT_BYTES, parseTrunkBases, type GenesysTrunk } from './trunks.js';

export interface GenesysOptions {
  inputs: string[];
  stdin?: () => Promise<Buffer>;
  fetch?: boolean;
  region?: string;
  apiBase?: string;
  trunks?: string[];
  env?: Record<string, string | undefined>;
  at?: Date;
  timeoutSeconds?: number;
  version?: string;
  /** Tests: a CA for the HTTPS fake instead of the machine's. */
  fetchCa?: string | Buffer;
}

async function readInput(path: string, stdin?: () => Promise<Buffer>): Promise<Buffer> {
  if (path !== '-') return readCapped(path, 'INPUT', MAX_TRUNK_INPUT_BYTES);
  if (!stdin) throw new InputError('INPUT "-" (standard input) cannot be read here');
  return stdin();
}

const MAX_NOTES = 20;
const capNotes = (notes: string[]) =>
  notes.length <= MAX_NOTES ? notes : [...notes.slice(0, MAX_NOTES), `... and ${notes.length - MAX_NOTES} more notes like these`];

/** --trunk NAME|ID: each must name a trunk read (exact id, or name ignoring case). */
function select(trunks: GenesysTrunk[], wanted: string[]): GenesysTrunk[] {
  const chosen = new Set<GenesysTrunk>();
  for (const w of wanted) {
    const hits = trunks.filter((t) => t.id === w || t.name.toLowerCase() === w.toLowerCase());
    if (hits.length === 0)
      throw new InputError(
        `--trunk "${printable(w).slice(0, 100)}" names no BYOC Cloud trunk read${didYouMean(
          w,
          trunks.map((t) => t.name),
        )}; the trunks are: ${trunks
          .slice(0, 20)
          .map((t) => `"${t.name}"`)
          .join(', ')}${trunks.length > 20 ? ', ...' : ''}`,
      );
    for (const h of hits) chosen.add(h);
  }
  return trunks.filter((t) => chosen.has(t));
}

export interface LoadedTrunks {
  trunks: GenesysTrunk[];
  source: GenesysSource;
  skipped: number;
  notes: string[];
}

/**
 * The org's BYOC Cloud trunks from saved answers or the API, each read once, with notes bounded; what
 * `genesys`, `scan --genesys` and `probe --genesys` share. `flag` names the option in messages.
 */
export async function loadGenesysTrunks(options: GenesysOptions, flag = 'INPUT'): Promise<LoadedTrunks> {
  if (options.inputs.length === 0 && !options.fetch)
    throw new InputError(
      `${flag === 'INPUT' ? 'genesys needs INPUT files' : `${flag} needs files`} (the JSON of GET /api/v2/telephony/providers/edges/trunkbasesettings, or of one trunk base) or --fetch; see --help`,
    );
  if (options.fetch && options.inputs.length) throw new InputError(`give ${flag} files or --fetch, not both`);
  if (!options.fetch && options.apiBase) throw new InputError('--api-base only applies with --fetch');
  if (options.inputs.filter((i) => i === '-').length > 1) throw new InputError('"-" (standard input) may be given once');

  const answers: Array<{ body: Buffer; name: string }> = [];
  let source: GenesysSource;
  if (options.fetch) {
    const { fetchTrunkBases } = await import('./fetch.js');
    const fetched = await fetchTrunkBases({
      region: options.region,
      apiBase: options.apiBase,
      env: options.env ?? {},
      timeoutSeconds: options.timeoutSeconds ?? 10,
      ca: options.fetchCa,
    });
    fetched.pages.forEach((p) => answers.push({ body: p.body, name: p.url }));
    source = { kind: 'fetch', url: fetched.url, pages: fetched.pages.length };
  } else {
    for (const path of options.inputs) answers.push({ body: await readInput(path, options.stdin), name: path === '-' ? '<stdin>' : path });
    source = { kind: 'files', files: answers.map((a) => a.name) };
  }

  const notes: string[] = [];
  let skipped = 0;
  const byId = new Map<string, GenesysTrunk>();
  for (const a of answers) {
    const parsed = parseTrunkBases(a.body, a.name);
    skipped += parsed.skipped;
    notes.push(...parsed.notes);
    // Pages saved twice, or overlapping files: one trunk is judged once.
    for (const t of parsed.trunks) {
      if (byId.has(t.id))
        notes.push(`trunk "${t.name}" (${t.id}) appears again in ${a.name}; the first reading (${byId.get(t.id)!.input}) is used`);
      else byId.set(t.id, t);
    }
  }
  let trunks = [...byId.values()];
  // A hostile or broken answer can hold a note per list entry: keep the report readable and bounded.
  for (const t of trunks) t.notes = capNotes(t.notes);
  notes.splice(0, notes.length, ...capNotes(notes));
  if (trunks.length === 0)
    throw new InputError(
      `no BYOC Cloud trunk in ${source.kind === 'fetch' ? 'the API answer' : `the ${flag}`} (${skipped} other trunk base${skipped === 1 ? '' : 's'}); BYOC Cloud trunks have trunkMetabase.id external_sip_pcv_byoc_carrier.json or trunk_type external.pcv.byoc.*`,
    );
  if (options.trunks?.length) trunks = select(trunks, options.trunks);
  return { trunks, source, skipped, notes };
}

export async function checkGenesys(options: GenesysOptions): Promise<GenesysReport> {
  const { trunks, source, skipped, notes } = await loadGenesysTrunks(options);
  const results = runRules(orgTrunkRules, { trunks }).map((r) => {
    // The trunk a result is about, by name, as scan reports set it (JUnit suites, SARIF logical locations).
    const trunk = trunks.find((t) => t.id === r.evidence?.trunk);
    return trunk ? { ...r, trunk: trunk.name } : r;
  });
  return buildGenesysReport(
    { now: options.at ?? new Date(), version: options.version ?? '0.0.0', source, selected: options.trunks, trunks, skipped, notes },
    results,
  );
}
