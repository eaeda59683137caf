/** Runs checks the way users do: through check() in-process, or the built CLI as a child. */
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { check, type CheckOptions } from '../../src/pipeline/chain-check.js';
import type { Report } from '../../src/report/types.js';
import schema from '../../schema/report.schema.json' with { type: 'json' };
import type { Status } from '../../src/engine/types.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = `${ROOT}dist/bin.cjs`;

const ajv = new Ajv2020({ allErrors: true, strict: true });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);
const validate = ajv.compile(schema);

/** Every report a test produces is validated against the published schema. */
export function assertValidReport(report: unknown): Report {
  if (!validate(report)) throw new Error(`report does not match schema/report.schema.json: ${ajv.errorsText(validate.errors)}`);
  return report as unknown as Report;
}

export async function runCheck(options: CheckOptions): Promise<Report> {
  const report = await check({ offline: true, ...options });
  return assertValidReport(JSON.parse(JSON.stringify(report)));
}

/** All statuses a rule gave, worst first. */
export function statuses(report: Report, rule: string): Status[] {
  const order: Status[] = ['fail', 'warn', 'pass', 'skip'];
  return [...new Set(report.results.filter((r) => r.rule === rule).map((r) => r.status))].sort(
    (a, b) => order.indexOf(a) - order.indexOf(b),
  );
}

/** The worst status of a rule, as readers of the report take it. */
export function worst(report: Report, rule: string): Status {
  return statuses(report, rule)[0]!;
}

export function results(report: Report, rule: string) {
  return report.results.filter((r) => r.rule === rule);
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export function cli(
  args: string[],
  options: { input?: string | Buffer; timeoutMs?: number; env?: Record<string, string>; cwd?: string } = {},
): CliRun {
  const started = Date.now();
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd,
    input: options.input,
    timeout: options.timeoutMs ?? 60_000,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - started };
}

/** The CLI as a child without blocking this process (for tests whose peer or fake server runs here). */
export function cliAsync(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, NO_COLOR: '1', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('close', (status) => resolve({ status, stdout, stderr, ms: Date.now() - started }));
  });
}
