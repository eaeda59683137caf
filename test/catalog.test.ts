/** Meta-tests that keep the rule catalog honest (ESLint / typescript-eslint / zlint style). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rules } from '../rules/index.js';
import { sources } from '../rules/sources.js';
import { ROOT } from './helpers/run.js';

const ruleDir = join(ROOT, 'rules');
const areas = readdirSync(ruleDir, { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'data')
  .map((d) => d.name);
const ruleFiles = areas.flatMap((area) =>
  readdirSync(join(ruleDir, area))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => ({ area, id: f.replace(/\.ts$/, '') })),
);

test('every rule file is in rules/index.ts and every index entry has a file', () => {
  expect(rules.map((r) => `${r.meta.area}/${r.meta.id}`).sort()).toEqual(ruleFiles.map((f) => `${f.area}/${f.id}`).sort());
});

test('rules/index.ts is sorted by id and ids are unique kebab-case', () => {
  const ids = rules.map((r) => r.meta.id);
  expect(ids).toEqual([...ids].sort());
  expect(new Set(ids).size).toBe(ids.length);
  for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
});

test('the public rule ids are exactly those the issues promise', () => {
  expect(rules.map((r) => r.meta.id)).toEqual([
    'byoc-host',
    'ca-constraints',
    'cert-validity',
    'chain-complete',
    'chain-order',
    'chain-signatures',
    'config-valid',
    'crl-reachable',
    'da-chain',
    'da-client-auth',
    'da-region',
    'da-rotation',
    'da-trusted',
    'da-validity',
    'genesys-chain-trusted',
    'genesys-expiry',
    'genesys-name',
    'genesys-tls-handshake',
    'host-not-ip',
    'key-strength',
    'leaf-key',
    'leaf-usage',
    'mtls-not-required',
    'not-revoked',
    'private-key',
    'root-accepted',
    'sip-options',
    'sip-port',
    'srtp-offered',
    'srtp-suites',
    'subject-name',
    'tls-ciphers',
    'tls-curves',
    'tls-reachable',
    'tls-version',
    'trunk-enabled',
    'trunk-link',
    'trunk-proxies',
    'trunk-termination',
    'trunk-tls',
    'trusts-genesys',
    'uri-params',
    'uri-transport',
  ]);
});

describe.each(rules.map((r) => [r.meta.id, r] as const))('%s', (id, rule) => {
  test('has a test file at the mirrored path with passing and failing cases', () => {
    const file = join(ROOT, 'test', 'rules', rule.meta.area, `${id}.test.ts`);
    expect(existsSync(file)).toBe(true);
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/expect: '(pass|skip)'|toBe\('pass'\)|^\s*(pass|skip): \[/m);
    expect(text).toMatch(/expect: '(fail|warn)'|toBe\('(fail|warn)'\)|^\s*(fail|warn): \[/m);
  });

  test('cites known sources and documents what, why and the fix', () => {
    expect(rule.meta.citations.length).toBeGreaterThan(0);
    for (const c of rule.meta.citations) expect(Object.keys(sources)).toContain(c.source);
    expect(rule.meta.title.length).toBeGreaterThan(10);
    expect(rule.meta.docs.what.length).toBeGreaterThan(20);
    expect(rule.meta.docs.why.length).toBeGreaterThan(20);
    expect(rule.meta.remediation.length).toBeGreaterThan(20);
  });

  test('the file quotes or cites its requirement in a leading comment', () => {
    const text = readFileSync(join(ruleDir, rule.meta.area, `${id}.ts`), 'utf8');
    expect(text.trimStart().startsWith('/**')).toBe(true);
  });

  test('does not reach for I/O or the clock (rules are pure functions of the facts)', () => {
    const text = readFileSync(join(ruleDir, rule.meta.area, `${id}.ts`), 'utf8');
    expect(text).not.toMatch(/from 'node:(fs|http|https|net|tls|child_process)'|process\.|Date\.now\(\)|new Date\(\)/);
  });
});

test('every data table records its provenance', async () => {
  const dataDir = join(ruleDir, 'data');
  for (const file of readdirSync(dataDir).filter((f) => f.endsWith('.ts'))) {
    const mod = await import(join(dataDir, file));
    expect([file, typeof mod.provenance?.source, typeof mod.provenance?.retrieved]).toEqual([file, 'string', 'string']);
  }
});

test('the accepted-CA table agrees with the root stores where both know a root', async () => {
  const { acceptedCas } = await import('../rules/data/accepted-cas.js');
  const { nodeRootStore, systemRootStore } = await import('../src/trust/stores.js');
  const known = [...nodeRootStore().all(), ...systemRootStore().all()];
  let confirmed = 0;
  for (const row of acceptedCas.filter((r) => r.sha256)) {
    const cert = known.find((c) => c.sha256 === row.sha256);
    if (!cert) continue;
    expect([row.name, cert.subjectHash]).toEqual([row.name, row.subjectHash]);
    confirmed++;
  }
  expect(confirmed).toBeGreaterThan(50);
});
