/**
 * The trunk-profile validator compiled at build time (ajv standalone) is the schema file's:
 * the checked-in code is what the generator makes of schema/profile.schema.json today, and it
 * gives the same verdict and the same first error as ajv compiling the schema at run time.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import { PROFILE_AJV_OPTIONS, PROFILE_VALIDATOR_FILE, profileValidatorSource } from '../../scripts/profile-validator.mjs';
import { validate as generatedValidate } from '../../src/scan/profile-validator.generated.js';

const generated = generatedValidate as ValidateFunction;
const root = new URL('../../', import.meta.url);
const schema = JSON.parse(readFileSync(new URL('schema/profile.schema.json', root), 'utf8')) as object;

test('the checked-in validator is the one the build generates from the schema (run `npm run build` after editing the schema)', async () => {
  expect(readFileSync(new URL(PROFILE_VALIDATOR_FILE, root), 'utf8')).toBe(await profileValidatorSource(root));
});

const example = parse(readFileSync(new URL('examples/sbc-repo/byoc-check.yaml', root), 'utf8')) as Record<string, unknown>;
const trunk = (extra: Record<string, unknown>) => ({ trunks: [{ name: 't1', chain: 'a.pem', ...extra }] });
const profiles: Array<[string, unknown]> = [
  ['the example repository profile', example],
  ['a minimal trunk', trunk({})],
  ['an unknown trunk key', trunk({ regoin: 'use1' })],
  ['an unknown top-level key', { ...example, trunk: [] }],
  ['no trunks', { trunks: [] }],
  ['a trunk name that is not a string', trunk({ name: 5 })],
  ['an empty name', trunk({ name: '' })],
  ['a name of astral characters', trunk({ name: '\u{1F600}\u{1F600}' })],
  ['a TLS version outside the enum', trunk({ tls: { tlsMin: 'TLSv1.9' } })],
  ['a wrong profile version', { ...example, version: 2 }],
  ['a suppression without a reason', trunk({ suppress: [{ rule: 'x' }] })],
  ['a string instead of a profile', 'trunks'],
  ['null', null],
  ['an array', [1, 2]],
];

test.each(profiles)('%s: same verdict and same first error as ajv compiling the schema at run time', (_label, data) => {
  const runtime = new Ajv2020(PROFILE_AJV_OPTIONS).compile(schema);
  const ok = runtime(data);
  expect(generated(data)).toBe(ok);
  expect(generated.errors ?? null).toEqual(runtime.errors ?? null);
});

test('the profiles above exercise both verdicts', () => {
  const runtime = new Ajv2020(PROFILE_AJV_OPTIONS).compile(schema);
  const verdicts = new Set(profiles.map(([, data]) => runtime(data)));
  expect(verdicts).toEqual(new Set([true, false]));
});
