/**
 * `npm run new-rule -- AREA/ID` must keep working as rules/index.ts and test/catalog.test.ts change:
 * it runs on copies of today's files in a temporary tree, and its --dry-run on the real tree.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/run.js';

const script = join(ROOT, 'scripts', 'new-rule.mjs');
const run = (...args: string[]) => spawnSync(process.execPath, [script, ...args], { cwd: ROOT, encoding: 'utf8' });

let tree: string;
beforeEach(() => {
  tree = mkdtempSync(join(tmpdir(), 'byoc-new-rule-'));
  for (const d of readdirSync(join(ROOT, 'rules'), { withFileTypes: true }))
    if (d.isDirectory()) mkdirSync(join(tree, 'rules', d.name), { recursive: true });
  cpSync(join(ROOT, 'rules', 'index.ts'), join(tree, 'rules', 'index.ts'));
  mkdirSync(join(tree, 'test'));
  cpSync(join(ROOT, 'test', 'catalog.test.ts'), join(tree, 'test', 'catalog.test.ts'));
});
afterEach(() => rmSync(tree, { recursive: true, force: true }));

const entries = (index: string) => [...index.matchAll(/^ {2}(\w+),$/gm)].map((m) => m[1]!.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`));
const publicIds = (catalog: string) => {
  const start = catalog.indexOf('expect(rules.map((r) => r.meta.id)).toEqual([');
  return [...catalog.slice(start, catalog.indexOf(']);', start)).matchAll(/'([a-z0-9-]+)'/g)].map((m) => m[1]!);
};

test.each([['cert/leaf-sig-alg'], ['tls/aaa-first'], ['trust/zzz-last']])(
  '%s: files from the template, registered in sorted order',
  (spec) => {
    const [area, id] = spec.split('/') as [string, string];
    const camel = id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
    const indexBefore = readFileSync(join(tree, 'rules', 'index.ts'), 'utf8');
    const catalogBefore = readFileSync(join(tree, 'test', 'catalog.test.ts'), 'utf8');
    const result = run(spec, '--root', tree);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);

    const rule = readFileSync(join(tree, 'rules', area, `${id}.ts`), 'utf8');
    expect(rule.startsWith('/**')).toBe(true);
    expect(rule).toContain(`id: '${id}',`);
    expect(rule).toContain(`area: '${area}',`);
    const testText = readFileSync(join(tree, 'test', 'rules', area, `${id}.test.ts`), 'utf8');
    expect(testText).toContain(`import rule from '../../../rules/${area}/${id}.js';`);
    expect(testText).toMatch(/^\s*pass: \[/m);
    expect(testText).toMatch(/^\s*fail: \[/m);

    const index = readFileSync(join(tree, 'rules', 'index.ts'), 'utf8');
    expect(index).toContain(`import ${camel} from './${area}/${id}.js';\n`);
    const ids = entries(index);
    expect(ids).toEqual([...entries(indexBefore), id].sort());
    // Exactly two lines added to the index, one word to the catalog: small diffs, easy merges.
    expect(index.split('\n').length).toBe(indexBefore.split('\n').length + 2);
    const catalog = readFileSync(join(tree, 'test', 'catalog.test.ts'), 'utf8');
    expect(publicIds(catalog)).toEqual([...publicIds(catalogBefore), id].sort());
    expect(catalog.split('\n').length).toBe(catalogBefore.split('\n').length);

    // Running it again refuses rather than registering twice.
    const again = run(spec, '--root', tree);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/^new-rule: .*exists already\n$/);
  },
);

test('the generated files pass the project lint rules (layering included) and Prettier where they will live', () => {
  expect(run('sip/leaf-sig-alg', '--root', tree).status).toBe(0);
  const lint = `
    import { ESLint } from 'eslint';
    import * as prettier from 'prettier';
    const [rule, test] = JSON.parse(process.argv[1]);
    const eslint = new ESLint({ cwd: process.cwd() });
    const a = await eslint.lintText(rule, { filePath: 'rules/sip/leaf-sig-alg.ts' });
    const b = await eslint.lintText(test, { filePath: 'test/rules/sip/leaf-sig-alg.test.ts' });
    const problems = [...a, ...b].flatMap((r) => r.messages.map((m) => m.ruleId + ': ' + m.message));
    for (const [text, filepath] of [[rule, 'rules/sip/leaf-sig-alg.ts'], [test, 'test/rules/sip/leaf-sig-alg.test.ts']]) {
      const options = await prettier.resolveConfig(filepath);
      if (!(await prettier.check(text, { ...options, filepath }))) problems.push('prettier: ' + filepath + ' is not formatted');
    }
    console.log(JSON.stringify(problems));
  `;
  const files = [join(tree, 'rules', 'sip', 'leaf-sig-alg.ts'), join(tree, 'test', 'rules', 'sip', 'leaf-sig-alg.test.ts')].map((f) =>
    readFileSync(f, 'utf8'),
  );
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', lint, JSON.stringify(files)], { cwd: ROOT, encoding: 'utf8' });
  expect(JSON.parse(out)).toEqual([]);
});

test('--dry-run on the real tree plans the edits and writes nothing', () => {
  const result = run('cert/leaf-sig-alg', '--dry-run');
  expect(result.status).toBe(0);
  expect(result.stdout).toMatch(
    /^create rules\/cert\/leaf-sig-alg\.ts\ncreate test\/rules\/cert\/leaf-sig-alg\.test\.ts\nedit rules\/index\.ts: line \d+: import leafSigAlg from '\.\/cert\/leaf-sig-alg\.js';\nedit rules\/index\.ts: line \d+: {3}leafSigAlg,\nedit test\/catalog\.test\.ts: 'leaf-sig-alg' before '[a-z-]+' in the public id list\n$/,
  );
  expect(existsSync(join(ROOT, 'rules', 'cert', 'leaf-sig-alg.ts'))).toBe(false);
});

test('refuses what it cannot scaffold, with one line and exit 2', () => {
  for (const [spec, why] of [
    ['leaf-sig-alg', /not AREA\/ID/],
    ['cert/Leaf_Sig', /not AREA\/ID/],
    ['nope/x', /unknown area "nope"/],
    ['da/da-new', /copy rules\/da\/da-validity\.ts/],
    ['tls/tls-version', /exists already/],
  ] as const) {
    const result = run(spec, '--dry-run');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(why);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  }
});
