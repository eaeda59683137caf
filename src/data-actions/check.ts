/**
 * The data-actions check: will the customer's web service keep accepting the client certificates Genesys
 * Cloud data actions present? Reads the inputs (or fetches them), runs the data-actions rules, builds the report.
 */
import { dataActionsRules } from '../../rules/index.js';
import { decodeAll } from '../input/certificates.js';
import { readInputFile } from '../pipeline/inputs.js';
import { runRules } from '../engine/runner.js';
import { InputError } from '../errors.js';
import { MAX_INPUT_BYTES, parseChainInput } from '../parsers/chain-input.js';
import type { RootStore } from '../trust/stores.js';
import { gatherDataActionsFacts } from './facts.js';
import { parseDataActionsInput, type ParsedInput } from './input.js';
import { buildDataActionsReport, type DataActionsReport } from './report.js';

export interface DataActionsOptions {
  inputs: string[];
  stdin?: () => Promise<Buffer>;
  trust?: string;
  region?: string;
  fetch?: boolean;
  apiBase?: string;
  env?: Record<string, string | undefined>;
  at?: Date;
  warnDays?: number;
  timeoutSeconds?: number;
  version?: string;
  /** Tests: root stores and a CA for the HTTPS fake instead of the machine's. */
  stores?: RootStore[];
  fetchCa?: string | Buffer;
}

async function readInput(path: string, stdin?: () => Promise<Buffer>): Promise<Buffer> {
  if (path !== '-') return readInputFile(path, 'INPUT');
  const buf = await stdin!();
  if (buf.length > MAX_INPUT_BYTES) throw new InputError('<stdin> is larger than a certificates listing can be');
  return buf;
}

/** Gathers the facts, runs the data-actions rules, builds the report. */
export async function checkDataActions(options: DataActionsOptions): Promise<DataActionsReport> {
  if (options.inputs.length === 0 && !options.fetch)
    throw new InputError(
      'data-actions needs INPUT files (the JSON of GET /api/v2/integrations/actions/certificates, or PEM files) or --fetch; see --help',
    );
  if (options.inputs.filter((i) => i === '-').length > 1) throw new InputError('"-" (standard input) may be given once');
  const parsed: ParsedInput[] = [];
  let fetchedUrl: string | undefined;
  if (options.fetch) {
    const { fetchCertificates } = await import('./fetch.js');
    const fetched = await fetchCertificates({
      region: options.region,
      apiBase: options.apiBase,
      env: options.env ?? {},
      timeoutSeconds: options.timeoutSeconds ?? 10,
      ca: options.fetchCa,
    });
    fetchedUrl = fetched.url;
    parsed.push(await parseDataActionsInput(fetched.body, 'api'));
  } else if (options.apiBase) {
    throw new InputError('--api-base only applies with --fetch');
  }
  for (const path of options.inputs)
    parsed.push(await parseDataActionsInput(await readInput(path, options.stdin), path === '-' ? '<stdin>' : path));
  const entities = parsed.flatMap((p) => p.entities);
  if (entities.length === 0)
    throw new InputError(
      `no data actions certificate in ${fetchedUrl ? 'the API answer' : 'the INPUT'}${parsed.some((p) => p.cas.length) ? ' (only CA certificates)' : ''}`,
    );

  let trust: { name: string; certificates: ReturnType<typeof decodeAll> } | undefined;
  if (options.trust) {
    const buf = await readInputFile(options.trust, '--trust file');
    const input = await parseChainInput(buf, options.trust, Infinity);
    trust = { name: options.trust, certificates: decodeAll(input.certificates, options.trust) };
  }
  const facts = gatherDataActionsFacts({
    now: options.at ?? new Date(),
    warnDays: options.warnDays ?? 30,
    region: options.region,
    entities,
    cas: parsed.flatMap((p) => p.cas),
    trust,
    stores: options.stores,
  });
  const results = runRules(dataActionsRules, facts);
  return buildDataActionsReport({ facts, inputs: parsed.map((p) => p.summary), fetchedUrl, version: options.version ?? '0.0.0' }, results);
}
