/**
 * The layering is enforced by eslint.config.js (`no-restricted-imports`). This meta-test lints tiny
 * in-memory files placed in each layer against the real config, so a layer rule cannot be switched off
 * or loosened by accident: each forbidden import must be reported, each allowed one must not.
 * ESLint runs in a child process (its config loader uses dynamic import, which jest's VM does not host).
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

interface Case {
  file: string;
  source: string;
}
const cases: Array<Case & { expect: 'error' | 'ok' }> = [];
const bad = (file: string, ...sources: string[]) => sources.forEach((source) => cases.push({ file, source, expect: 'error' }));
const good = (file: string, ...sources: string[]) => sources.forEach((source) => cases.push({ file, source, expect: 'ok' }));

// rules/**: pure functions of facts.
bad(
  'rules/tls/x.ts',
  'node:fs',
  'fs',
  'node:fs/promises',
  'node:net',
  'node:tls',
  'node:http',
  'node:https',
  'node:child_process',
  'node:dgram',
  'node:dns',
  'undici',
  '../../src/cli/main.js',
  '../../src/reporters/text.js',
  '../../src/providers/crl.js',
  '../../src/scan/scan.js',
  '../../src/config/repo.js',
  '../../src/config/readers/kamailio.js',
  '../../src/providers/flags.js',
  '../../src/sip/facts.js',
  '../../src/tls/openssl.js',
  '../../src/pipeline/chain-check.js',
);
good(
  'rules/tls/x.ts',
  '../../src/engine/define-rule.js',
  '../../src/engine/targets.js',
  '../../src/model/tls.js',
  '../../src/util/text.js',
  '../../src/sip/uri.js',
  '../../src/x509/structure.js',
  '../data/byoc-suites.js',
  '../sources.js',
);
bad('rules/data/x.ts', 'node:fs', '../../src/engine/runner.js', '../../src/providers/crl.js');
good('rules/data/x.ts', '../../src/model/sip.js', './byoc-regions.js');
// SBC config readers: pure parsers of the text the gatherer passes in.
bad(
  'src/config/readers/x.ts',
  'node:fs',
  'fs',
  'node:net',
  'node:child_process',
  '../../scan/scan.js',
  '../../scan/walk.js',
  '../../cli/main.js',
  '../../providers/crl.js',
);
good('src/config/readers/x.ts', 'node:path', '../types.js', '../sercfg.js', '../../model/endpoint.js');
// Reporters: pure functions of the report; the rule catalog only through src/reporters/catalog.ts.
bad(
  'src/reporters/x.ts',
  'node:fs',
  'node:net',
  'node:child_process',
  '../providers/crl.js',
  '../scan/scan.js',
  '../config/repo.js',
  '../cli/main.js',
  '../providers/flags.js',
  '../../rules/index.js',
  '../../rules/sources.js',
);
good('src/reporters/x.ts', './catalog.js', './common.js', '../report/types.js', '../engine/types.js', 'node:path');
good('src/reporters/catalog.ts', '../../rules/sources.js');
// The engine.
bad(
  'src/engine/x.ts',
  '../cli/main.js',
  '../reporters/text.js',
  '../providers/crl.js',
  '../scan/scan.js',
  'node:fs',
  '../../rules/index.js',
  '../pipeline/chain-check.js',
);
good('src/engine/x.ts', '../model/chain.js', '../util/text.js', './types.js', '../../rules/sources.js');
// Pure helpers that rules import.
bad('src/x509/structure.ts', 'node:fs', '../providers/crl.js', '../../rules/index.js');
bad('src/sip/uri.ts', 'node:dns', '../cli/main.js');
// Providers gather facts (I/O allowed) but never call the CLI, the report, reporters, the orchestrators or rules.
bad(
  'src/providers/x.ts',
  '../cli/main.js',
  '../reporters/text.js',
  '../report/build.js',
  '../pipeline/chain-check.js',
  '../pipeline/probe-check.js',
  '../../rules/index.js',
  '../../rules/tls/tls-version.js',
);
good('src/providers/x.ts', 'node:net', 'node:fs', 'undici', '../../rules/data/byoc-regions.js', '../model/crl.js');
good('src/providers/live/x.ts', '../../model/probe.js', './wire.js');
bad('src/providers/live/x.ts', '../../pipeline/probe-check.js', '../../cli/commands/probe.js');
// The run steps: below the CLI and the views.
bad('src/pipeline/x.ts', '../cli/emit.js', '../reporters/text.js', '../scan/scan.js');
good('src/pipeline/x.ts', 'node:crypto', '../providers/crl.js', '../report/build.js', '../../rules/index.js', './inputs.js');
// The report: verdict and exit code, from results only.
bad(
  'src/report/x.ts',
  'node:fs',
  '../cli/emit.js',
  '../reporters/text.js',
  '../providers/crl.js',
  '../pipeline/chain-check.js',
  '../../rules/index.js',
);
good('src/report/x.ts', './types.js', '../engine/types.js', '../model/probe.js', '../../rules/data/byoc-suites.js');
// Reporters: never the run steps.
bad('src/reporters/x.ts', '../pipeline/fleet-probe.js');
bad('src/data-actions/fetch.ts', '../cli/main.js', '../../rules/index.js');
// The model: the bottom layer.
bad('src/model/x.ts', 'node:fs', '../providers/crl.js', '../../rules/data/byoc-regions.js');

function lint(list: Case[]): Array<{ errors: string[] }> {
  const script = `
    import { ESLint } from 'eslint';
    const cases = JSON.parse(process.argv[1]);
    const eslint = new ESLint({ cwd: process.cwd() });
    const out = [];
    for (const c of cases) {
      const [result] = await eslint.lintText(c.source, { filePath: c.file });
      out.push({ errors: result.messages.filter((m) => m.severity === 2).map((m) => m.ruleId + ': ' + m.message) });
    }
    console.log(JSON.stringify(out));
  `;
  const stdout = execFileSync(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(list)], {
    cwd: root,
    encoding: 'utf8',
  });
  return JSON.parse(stdout) as Array<{ errors: string[] }>;
}

test('every layer rule reports its forbidden imports and lets the allowed ones through', () => {
  const results = lint(cases.map((c) => ({ file: c.file, source: `import * as m from '${c.source}';\nexport const used = m;\n` })));
  const wrong = cases
    .map((c, i) => ({ ...c, errors: results[i]!.errors }))
    .filter((c) => (c.expect === 'error' ? !c.errors.some((e) => e.startsWith('no-restricted-imports:')) : c.errors.length > 0))
    .map((c) => `${c.file} importing ${c.source}: expected ${c.expect}, got ${c.errors.length ? c.errors.join('; ') : 'no error'}`);
  expect(wrong).toEqual([]);
});

test('the model may name engine types but not import engine code', () => {
  const [typeOnly, value] = lint([
    { file: 'src/model/x.ts', source: "import type { SourceLocation } from '../engine/types.js';\nexport type L = SourceLocation;\n" },
    { file: 'src/model/x.ts', source: "import { runRules } from '../engine/runner.js';\nexport const r = runRules;\n" },
  ]);
  expect(typeOnly!.errors).toEqual([]);
  expect(value!.errors.join()).toMatch(/no-restricted-imports/);
});
