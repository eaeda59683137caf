/** The CI snippets in the README stay valid: YAML that parses, byoc-check commands the CLI accepts. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { writeFiles } from './helpers/pki.js';
import { cli, ROOT } from './helpers/run.js';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const yamlBlocks = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);

test('every YAML block parses; the GitHub, GitLab and pre-commit snippets are there', () => {
  expect(yamlBlocks.length).toBeGreaterThanOrEqual(3);
  for (const block of yamlBlocks) expect(() => parse(block)).not.toThrow();
  expect(readme).toContain('github/codeql-action/upload-sarif');
  expect(yamlBlocks.some((b) => parse(b)?.['byoc-check']?.artifacts?.reports?.junit)).toBe(true);
  expect(yamlBlocks.some((b) => parse(b)?.repos?.[0]?.hooks?.[0]?.id === 'byoc-check')).toBe(true);
});

test('the byoc-check commands in the CI snippets run and write their report', () => {
  const commands = yamlBlocks.flatMap((b) => [...b.matchAll(/npx --yes byoc-check (.+)/g)].map((m) => m[1]!.trim().split(/\s+/)));
  expect(commands.length).toBeGreaterThanOrEqual(2);
  for (const args of commands) {
    const out = join(writeFiles({}).dir, 'report');
    // `scan` reads the working directory as the repository: run it in the example repository.
    const cwd = args[0] === 'scan' ? join(ROOT, 'examples/sbc-repo') : undefined;
    const run = cli(
      args.map((a, i) => (a === 'certs/sbc-chain.pem' ? join(ROOT, 'examples/good/chain.pem') : args[i - 1] === '--output' ? out : a)),
      { cwd },
    );
    expect([args.join(' '), run.stderr]).toEqual([args.join(' '), '']);
    expect([0, 1]).toContain(run.status);
    expect(existsSync(out)).toBe(true);
  }
});
