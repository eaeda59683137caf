/** The command line contract: exit codes, formats, output file, colour, rules listing, help. */
import { readFileSync } from 'node:fs';
import { rules, trunkRules } from '../../rules/index.js';
import { fixtures } from '../helpers/fixtures.js';
import { writeFiles } from '../helpers/pki.js';
import { assertValidReport, cli } from '../helpers/run.js';

let files: Record<string, string>;
const AT = ['--at', '2026-11-22T12:00:00Z'];

beforeAll(async () => {
  files = (await fixtures()).files;
});

const base = (chain: string, ...extra: string[]) => [files[chain]!, '--ca', files['root.pem']!, '--offline', ...AT, ...extra];

describe('exit codes', () => {
  test('0 when nothing failed', () => {
    expect(cli(base('good.pem')).status).toBe(0);
  });
  test('1 when a rule failed', () => {
    expect(cli(base('expired.pem')).status).toBe(1);
  });
  test('warnings exit 0, or 1 with --strict', () => {
    expect(cli(base('reversed.pem')).status).toBe(0);
    expect(cli(base('reversed.pem', '--strict')).status).toBe(1);
  });
});

describe('JSON report', () => {
  test('matches the schema; every trunk rule of the catalog appears; ok and summary agree', () => {
    const run = cli(base('expired.pem', '--format', 'json', '--uri', 'sip:+1@lb01.voice.use1.pure.cloud;transport=tls'));
    const report = assertValidReport(JSON.parse(run.stdout));
    expect(new Set(report.results.map((r) => r.rule))).toEqual(new Set(trunkRules.map((r) => r.meta.id)));
    expect(report.ok).toBe(false);
    expect(report.summary.fail).toBe(report.results.filter((r) => r.status === 'fail').length);
    expect(report.checkedAt).toBe('2026-11-22T12:00:00.000Z');
    expect(report.tool).toEqual({ name: 'byoc-check', version: JSON.parse(readFileSync('package.json', 'utf8')).version });
    expect(report.certificates.map((c) => c.role)).toEqual(['leaf', 'intermediate', 'root']);
    expect(report.certificates[2]).toMatchObject({ presented: false, origin: 'ca-file' });
  });

  test('--output writes the report to a file and nothing to stdout', () => {
    const out = `${writeFiles({}).dir}/report.json`;
    const run = cli(base('good.pem', '--format', 'json', '--output', out));
    expect(run.stdout).toBe('');
    assertValidReport(JSON.parse(readFileSync(out, 'utf8')));
  });

  test('--output to a folder that does not exist is an input error', () => {
    const run = cli(base('good.pem', '--output', '/nonexistent/dir/report.json'));
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--output .*cannot write/);
  });
});

describe('text report', () => {
  test('readable verdict, no colour when stdout is not a TTY', () => {
    const run = cli(base('leaf-only.pem'));
    expect(run.stdout).toMatch(/NOT READY: \d+ failed checks?; Genesys will refuse this trunk/);
    expect(run.stdout).toMatch(/fix: Add the intermediate CA certificate/);
    expect(run.stdout).not.toMatch(/\x1b\[/);
  });

  test('--color forces colour; NO_COLOR does not override an explicit --color', () => {
    expect(cli(base('good.pem', '--color')).stdout).toMatch(/\x1b\[/);
    expect(cli(base('good.pem', '--no-color')).stdout).not.toMatch(/\x1b\[/);
  });

  test('the bad part of a URI is underlined', () => {
    const run = cli(base('good.pem', '--uri', 'sip:+1@lb01.voice.use1.pure.cloud:5061;transport=tls;tgrp=x;trunk-context=y'));
    const lines = run.stdout.split('\n');
    const at = lines.findIndex((l) => l.trim() === 'sip:+1@lb01.voice.use1.pure.cloud:5061;transport=tls;tgrp=x;trunk-context=y');
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]!.trim()).toBe('^^^^^^^');
    expect(lines[at + 1]!.indexOf('^') - lines[at]!.indexOf('s')).toBe('sip:+1@lb01.voice.use1.pure.cloud:5061;transport=tls'.length);
  });
});

describe('other commands', () => {
  test('rules lists every rule; --format json carries citations', () => {
    const text = cli(['rules']).stdout;
    for (const r of rules) expect(text).toContain(r.meta.id);
    const json = JSON.parse(cli(['rules', '--format', 'json']).stdout);
    expect(json.rules.map((r: { id: string }) => r.id)).toEqual(rules.map((r) => r.meta.id));
    expect(json.rules.every((r: { citations: unknown[] }) => r.citations.length > 0)).toBe(true);
  });

  test('explain prints what, why and fix; an unknown rule exits 2', () => {
    expect(cli(['explain', 'root-accepted']).stdout).toMatch(/What: .*\nWhy: .*\nFix: /);
    expect(cli(['explain', 'nope']).status).toBe(2);
  });

  test('--help lists the contract flags; --version prints the version', () => {
    const help = cli(['--help']).stdout;
    for (const flag of [
      '--uri',
      '--sbc',
      '--ciphers',
      '--curves',
      '--tls-min',
      '--tls-max',
      '--at',
      '--warn-days',
      '--ca',
      '--offline',
      '--timeout',
      '--format',
      '--output',
      '--strict',
    ])
      expect(help).toContain(flag);
    expect(cli(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
