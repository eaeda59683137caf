/**
 * The trunk profile, byoc-check.yaml: parsed with the `yaml` library (line numbers kept for every
 * value), validated against schema/profile.schema.json (ajv, compiled at build time). A bad profile is an input error
 * naming file:line, since nothing can be checked until the user fixes it.
 */
import { regionCode } from '../../rules/data/byoc-regions.js';
import type { ValidateFunction } from 'ajv';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Node as YamlNode } from 'yaml';
import { InputError } from '../errors.js';
import type { TlsVersion } from '../model/tls.js';
import { printable } from '../util/text.js';
import { validate as generatedValidate } from './profile-validator.generated.js';

export interface ProfileSuppression {
  rule: string;
  target?: string;
  reason: string;
  line: number;
}

export interface ProfileTrunk {
  name: string;
  line: number;
  region?: string;
  sbc?: string[];
  uris?: string[];
  config?: string;
  endpoints?: string[];
  chain?: string;
  tls?: { ciphers?: string; curves?: string; tlsMin?: TlsVersion; tlsMax?: TlsVersion };
  /** How the SBC offers media to Genesys, stated where a configuration does not show it (src/config/media/profile.ts). */
  srtp?: 'sdes' | 'none';
  /** The SRTP suites the SBC offers, any spelling. */
  srtpSuites?: string[];
  /** The org's BYOC trunk (name or id) this SBC serves, for `scan --genesys`. */
  genesys?: string;
  suppress: ProfileSuppression[];
  /** Line of each key of the trunk (and of tls.* as `tls.ciphers`), for provenance. */
  lines: Record<string, number>;
}

export interface Profile {
  file: string;
  pathMap: Array<{ from: string; to: string }>;
  trunks: ProfileTrunk[];
}

// Compiled from the schema at build time (scripts/profile-validator.mjs): compiling at run time cost 45-70 ms.
const validate = generatedValidate as ValidateFunction;

export function parseProfile(text: string, file: string, knownRules: readonly string[]): Profile {
  const lineCounter = new LineCounter();
  // yaml's own unique-key check compares every key with every other (60,000 keys took 39 s): a Set per map instead.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const lineAt = (offset: number | undefined) => (offset === undefined ? 1 : lineCounter.linePos(offset).line);
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    throw new InputError(`${file}:${lineAt(e.pos[0])}: not valid YAML: ${printable(e.message.split('\n')[0]!)}`);
  }
  visit(doc, {
    Map(_, map) {
      const keys = new Set<string>();
      for (const item of map.items) {
        const key = isScalar(item.key) ? String(item.key.value) : String(item.key);
        if (keys.has(key))
          throw new InputError(
            `${file}:${lineAt((item.key as YamlNode | null)?.range?.[0])}: not valid YAML: Map keys must be unique ("${printable(key.slice(0, 80))}" twice)`,
          );
        keys.add(key);
      }
    },
  });
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // yaml's guard against alias bombs (a few lines that expand to billions of nodes) throws a ReferenceError.
    if (!(error instanceof ReferenceError)) throw error;
    throw new InputError(
      `${file}: not a usable trunk profile: its YAML aliases (*name) expand too far (${printable((error as Error).message)}); write the values out`,
    );
  }
  const nodeAt = (path: Array<string | number>): YamlNode | undefined => doc.getIn(path, true) as YamlNode | undefined;
  const lineOf = (path: Array<string | number>) => {
    for (let k = path.length; k >= 0; k--) {
      const node = nodeAt(path.slice(0, k));
      if (node?.range) return lineAt(node.range[0]);
    }
    return 1;
  };
  if (!validate(data)) {
    const e = validate.errors![0]!;
    const path = e.instancePath
      .split('/')
      .slice(1)
      .map((p) => (/^\d+$/.test(p) ? Number(p) : p.replace(/~1/g, '/').replace(/~0/g, '~')));
    const where = e.instancePath ? e.instancePath.slice(1).replace(/\//g, '.') : 'the profile';
    const detail =
      e.keyword === 'additionalProperties'
        ? `unknown key "${(e.params as { additionalProperty: string }).additionalProperty}"`
        : e.keyword === 'enum'
          ? `must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`
          : (e.message ?? 'invalid');
    const line =
      e.keyword === 'additionalProperties'
        ? lineOf([...path, (e.params as { additionalProperty: string }).additionalProperty])
        : lineOf(path);
    throw new InputError(`${file}:${line}: ${printable(where)}: ${printable(detail)} (schema/profile.schema.json)`);
  }
  const raw = data as {
    pathMap?: Record<string, string>;
    trunks: Array<Omit<ProfileTrunk, 'line' | 'lines' | 'suppress'> & { suppress?: Array<Omit<ProfileSuppression, 'line'>> }>;
  };
  const names = new Set<string>();
  const trunks = raw.trunks.map((t, i): ProfileTrunk => {
    const line = lineOf(['trunks', i]);
    if (names.has(t.name)) throw new InputError(`${file}:${line}: trunk "${t.name}" is declared twice`);
    names.add(t.name);
    if (!t.config && !t.chain)
      throw new InputError(
        `${file}:${line}: trunk "${t.name}" needs \`config:\` (an SBC configuration file) or \`chain:\` (a certificate chain file)`,
      );
    const suppress = (t.suppress ?? []).map((s, j) => {
      const sLine = lineOf(['trunks', i, 'suppress', j]);
      if (!knownRules.includes(s.rule))
        throw new InputError(`${file}:${sLine}: suppress: no rule "${printable(s.rule)}" (\`byoc-check rules\` lists them)`);
      return { ...s, line: sLine };
    });
    const lines: Record<string, number> = {};
    const node = nodeAt(['trunks', i]);
    if (isMap(node)) {
      for (const item of node.items) {
        const key = String((item.key as { value?: unknown })?.value ?? item.key);
        lines[key] = lineAt((item.key as YamlNode).range?.[0]);
        if (key === 'tls' && isMap(item.value))
          for (const sub of item.value.items)
            lines[`tls.${String((sub.key as { value?: unknown }).value)}`] = lineAt((sub.key as YamlNode).range?.[0]);
        if ((key === 'sbc' || key === 'uris') && !isSeq(item.value)) throw new InputError(`${file}:${lines[key]}: ${key} must be a list`);
        // each entry's own line, so a finding about uri[1] points at it
        if ((key === 'sbc' || key === 'uris') && isSeq(item.value))
          item.value.items.forEach((entry, j) => (lines[`${key}.${j}`] = lineAt((entry as YamlNode).range?.[0])));
      }
    }
    // Genesys' tables label regions both ways (use1, us-east-1): the rules see the Genesys code.
    return { ...t, ...(t.region ? { region: regionCode(t.region) ?? t.region } : {}), line, lines, suppress };
  });
  return { file, pathMap: Object.entries(raw.pathMap ?? {}).map(([from, to]) => ({ from, to })), trunks };
}
