/**
 * Programs some tests need beyond Node and openssl (`.ci/run` installs them with apt-get). Without
 * one, the suites that need it are skipped under a title that says so and names the package.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const onPath = (command: string) =>
  spawnSync('sh', ['-c', 'command -v "$0"', command], { stdio: 'ignore' }).status === 0 || existsSync(`/usr/sbin/${command}`);

/** Kamailio's TLS module ships in a package of its own (Debian: kamailio-tls-modules). */
const KAMAILIO_TLS = [
  '/usr/lib/x86_64-linux-gnu',
  '/usr/lib/aarch64-linux-gnu',
  '/usr/lib64',
  '/usr/lib',
  '/usr/local/lib64',
  '/usr/local/lib',
].map((d) => `${d}/kamailio/modules/tls.so`);

const TOOLS = {
  xmllint: { present: () => onPath('xmllint'), what: 'xmllint is not installed (apt-get install libxml2-utils)' },
  'pre-commit': { present: () => onPath('pre-commit'), what: 'the pre-commit client is not installed (apt-get install pre-commit)' },
  kamailio: {
    present: () => onPath('kamailio') && KAMAILIO_TLS.some((f) => existsSync(f)),
    what: 'kamailio or its TLS module is not installed (apt-get install kamailio kamailio-tls-modules)',
  },
  sslscan: { present: () => onPath('sslscan'), what: 'sslscan is not installed (apt-get install sslscan)' },
} as const;

export type Tool = keyof typeof TOOLS;

const seen = new Map<Tool, boolean>();
export function has(tool: Tool): boolean {
  if (!seen.has(tool)) seen.set(tool, TOOLS[tool].present());
  return seen.get(tool)!;
}

/** `title`, or `title: SKIPPED, <tool> is not installed (apt-get install <package>)`. */
export function titled(title: string, tool: Tool): string {
  return has(tool) ? title : `${title}: SKIPPED, ${TOOLS[tool].what}`;
}

/** describe() when the tool is there, describe.skip() with a title saying why when not. */
export function describeWith(tool: Tool, title: string, body: () => void): void {
  (has(tool) ? describe : describe.skip)(titled(title, tool), body);
}

/** test() when the tool is there, test.skip() with a title saying why when not. */
export function testWith(tool: Tool, title: string, body: () => unknown, timeout?: number): void {
  (has(tool) ? test : test.skip)(titled(title, tool), body as () => Promise<unknown>, timeout);
}
