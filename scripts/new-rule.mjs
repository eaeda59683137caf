#!/usr/bin/env node
// npm run new-rule -- AREA/ID [--dry-run] [--root DIR]
// Scaffolds a rule of the trunk check: rules/AREA/ID.ts from a template, test/rules/AREA/ID.test.ts on
// hand-built facts (test/helpers/rule-tester.ts), the import and entry in rules/index.ts (sorted by id),
// and the id in test/catalog.test.ts's public id list. The new test fails until the rule is written.
// --dry-run prints the planned files and edits without writing; --root runs against another tree (tests).
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const usage = 'usage: npm run new-rule -- AREA/ID [--dry-run]   (e.g. npm run new-rule -- cert/leaf-sig-alg)';

function fail(message) {
  process.stderr.write(`new-rule: ${message}\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
const dryRun = args.includes('--dry-run');
const rootAt = args.indexOf('--root');
const root =
  rootAt >= 0 ? resolve(args[rootAt + 1] ?? fail('--root needs a directory')) : resolve(dirname(fileURLToPath(import.meta.url)), '..');
const positional = args.filter((a, i) => !a.startsWith('--') && (rootAt < 0 || i !== rootAt + 1));
if (positional.length !== 1) fail(usage);
const match = /^([a-z]+)\/([a-z0-9]+(?:-[a-z0-9]+)*)$/.exec(positional[0]);
if (!match) fail(`"${positional[0]}" is not AREA/ID with a kebab-case id. ${usage}`);
const [, area, id] = match;

const areas = readdirSync(join(root, 'rules'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'data')
  .map((d) => d.name);
if (area === 'genesys') fail('genesys rules judge GenesysFacts: copy rules/genesys/trunk-enabled.ts and its test instead.');
if (area === 'da') fail('data-actions rules (area da) judge DataActionsFacts: copy rules/da/da-validity.ts and its test instead.');
if (area === 'from-sbc')
  fail('from-sbc rules judge FromSbcFacts (probe --from-sbc): copy rules/from-sbc/genesys-name.ts and its test instead.');
if (!areas.includes(area)) fail(`unknown area "${area}"; one of: ${areas.join(', ')} (a new area also needs Area in src/engine/types.ts)`);

const camel = id.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
const kebab = (name) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const ruleFile = join('rules', area, `${id}.ts`);
const testFile = join('test', 'rules', area, `${id}.test.ts`);
for (const f of [ruleFile, testFile]) if (existsSync(join(root, f))) fail(`${f} exists already`);

const ruleText = `/**
 * > "TODO: quote the requirement word for word." — TODO: its public source (a Genesys document, an RFC
 * > section, the SBC vendor's manual). A new source also goes into rules/sources.ts.
 */
import { defineRule } from '../../src/engine/define-rule.js';
import type { Finding } from '../../src/engine/types.js';

export default defineRule({
  meta: {
    id: '${id}',
    area: '${area}',
    title: 'TODO: what holds when this rule passes',
    severity: 'error',
    citations: [{ source: 'BYOC_TLS_SPEC', section: 'TODO' }],
    remediation: 'TODO: what the telephony engineer changes, in the terms of the SBC.',
    docs: {
      what: 'TODO: what the rule checks, on which facts.',
      why: 'TODO: why Genesys refuses the handshake or the call when it does not hold.',
    },
  },
  check(_ctx): Finding[] {
    // TODO: judge the facts (chain, sip, tls, crl, config, probe): one finding per fact, with a target,
    // evidence, and a finding-specific remediation in the SBC's own syntax when the fix depends on it.
    return [{ status: 'skip', target: 'settings', message: 'TODO: not written yet.' }];
  },
});
`;

const testText = `import rule from '../../../rules/${area}/${id}.js';
import { ruleTester } from '../../helpers/rule-tester.js';

// Cases on hand-built facts: each names the worst status the rule must give and words its message must contain.
// Keep real certificate files (test/helpers/pki.ts) for chain building, parsers and end-to-end tests.
ruleTester(rule, {
  pass: [{ name: 'TODO: facts that meet the requirement', ctx: {} }],
  fail: [{ name: 'TODO: facts that break it', ctx: {}, message: /TODO/, fix: /TODO/ }],
});
`;

// rules/index.ts: the import next to its area's imports, the entry in id order.
const indexPath = join(root, 'rules', 'index.ts');
const index = readFileSync(indexPath, 'utf8').split('\n');
const importLine = `import ${camel} from './${area}/${id}.js';`;
const imports = index
  .map((line, i) => ({ line, i, m: /^import (\w+) from '\.\/([a-z]+)\/([a-z0-9-]+)\.js';$/.exec(line) }))
  .filter((x) => x.m);
if (imports.length === 0) fail('rules/index.ts: no rule imports found');
const sameArea = imports.filter((x) => x.m[2] === area);
const after = sameArea.find((x) => x.m[3] > id);
const importAt = after ? after.i : sameArea.length ? sameArea.at(-1).i + 1 : imports.at(-1).i + 1;
index.splice(importAt, 0, importLine);
const open = index.findIndex((l) => /^export const rules\b.*= \[$/.test(l));
const close = index.findIndex((l, i) => i > open && l === '];');
if (open < 0 || close < 0) fail('rules/index.ts: the `export const rules = [` ... `];` list was not found');
let entryAt = close;
for (let i = open + 1; i < close; i++) {
  const entry = /^ {2}(\w+),$/.exec(index[i]);
  if (entry && kebab(entry[1]) > id) {
    entryAt = i;
    break;
  }
}
index.splice(entryAt, 0, `  ${camel},`);

// test/catalog.test.ts: the id before the first public id that sorts after it.
const catalogPath = join(root, 'test', 'catalog.test.ts');
const catalog = readFileSync(catalogPath, 'utf8');
const listStart = catalog.indexOf('expect(rules.map((r) => r.meta.id)).toEqual([');
const listEnd = catalog.indexOf(']);', listStart);
if (listStart < 0 || listEnd < 0)
  fail('test/catalog.test.ts: the public id list (expect(rules.map((r) => r.meta.id)).toEqual([ ... ]);) was not found');
const ids = [...catalog.slice(listStart, listEnd).matchAll(/'([a-z0-9-]+)'/g)].map((m) => ({ id: m[1], at: listStart + m.index }));
if (ids.some((x) => x.id === id)) fail(`"${id}" is already in the public id list of test/catalog.test.ts`);
const next = ids.find((x) => x.id > id);
const newCatalog = next
  ? `${catalog.slice(0, next.at)}'${id}', ${catalog.slice(next.at)}`
  : `${catalog.slice(0, ids.at(-1).at + ids.at(-1).id.length + 2)}, '${id}'${catalog.slice(ids.at(-1).at + ids.at(-1).id.length + 2)}`;

if (dryRun) {
  process.stdout.write(`create ${ruleFile}\ncreate ${testFile}\n`);
  process.stdout.write(`edit rules/index.ts: line ${importAt + 1}: ${importLine}\n`);
  process.stdout.write(`edit rules/index.ts: line ${entryAt + 1}:   ${camel},\n`);
  process.stdout.write(`edit test/catalog.test.ts: '${id}' ${next ? `before '${next.id}'` : 'at the end'} in the public id list\n`);
  process.exit(0);
}
for (const [file, text] of [
  [ruleFile, ruleText],
  [testFile, testText],
]) {
  mkdirSync(dirname(join(root, file)), { recursive: true });
  writeFileSync(join(root, file), text);
}
writeFileSync(indexPath, index.join('\n'));
writeFileSync(catalogPath, newCatalog);
process.stdout.write(
  `created ${ruleFile} and ${testFile}; registered ${id} in rules/index.ts and test/catalog.test.ts.\n` +
    `Next: quote the requirement, write check(), replace the TODO cases (the new test fails until you do), and list the rule in README.md.\n`,
);
