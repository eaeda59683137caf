/**
 * What OpenSSL made of a cipher string or group list, remembered per OpenSSL and Node version in
 * the user's cache folder ($XDG_CACHE_HOME/byoc-check or ~/.cache/byoc-check), so a repeated check
 * skips the in-memory TLS handshake. Never required: a missing, unreadable, oversized, corrupt or
 * odd-looking cache file is ignored, and a failed write is silent. BYOC_CHECK_TLS_CACHE=off disables it.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import type { ClientHelloFacts } from './openssl.js';

/** A ClientHello's suites and groups, or the error OpenSSL gave for the setting. */
export type HelloOutcome = { suites: number[]; groups: number[] } | { error: string };

const FORMAT = 1;
const MAX_ENTRIES = 512;
const MAX_FILE_BYTES = 1 << 20;
const MAX_KEY_LENGTH = 4096;
const runtime = `openssl ${process.versions.openssl}; node ${process.versions.node}`;

interface Loaded {
  file: string;
  entries: Map<string, HelloOutcome>;
  dirty: boolean;
}
let loaded: Loaded | undefined;

export function helloCacheFile(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.BYOC_CHECK_TLS_CACHE === 'off') return undefined;
  const xdg = env.XDG_CACHE_HOME;
  let home: string | undefined = env.HOME;
  if (!home) {
    try {
      home = homedir();
    } catch {
      home = undefined;
    }
  }
  const base = xdg && isAbsolute(xdg) ? xdg : home && isAbsolute(home) ? join(home, '.cache') : undefined;
  return base ? join(base, 'byoc-check', 'tls-hello.json') : undefined;
}

const isCodeList = (v: unknown): v is number[] =>
  Array.isArray(v) && v.length <= 512 && v.every((n) => Number.isInteger(n) && n >= 0 && n <= 0xffff);
// Error texts are reported to the user: printable ASCII only, short.
const isErrorText = (v: unknown): v is string => typeof v === 'string' && v.length <= 300 && /^[\x20-\x7e]*$/.test(v);

function parseOutcome(v: unknown): HelloOutcome | undefined {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o).sort().join(',');
  if (keys === 'groups,suites' && isCodeList(o.suites) && isCodeList(o.groups)) return { suites: [...o.suites], groups: [...o.groups] };
  if (keys === 'error' && isErrorText(o.error)) return { error: o.error };
  return undefined;
}

function read(file: string): Map<string, HelloOutcome> {
  const entries = new Map<string, HelloOutcome>();
  try {
    const bytes = readFileSync(file);
    if (bytes.length > MAX_FILE_BYTES) return entries;
    const data = JSON.parse(bytes.toString('utf8')) as unknown;
    if (typeof data !== 'object' || data === null) return entries;
    const { format, runtime: written, entries: list } = data as Record<string, unknown>;
    if (format !== FORMAT || written !== runtime || !Array.isArray(list)) return entries;
    for (const item of list.slice(-MAX_ENTRIES)) {
      if (!Array.isArray(item) || item.length !== 2 || typeof item[0] !== 'string' || item[0].length > MAX_KEY_LENGTH) continue;
      const outcome = parseOutcome(item[1]);
      if (outcome) entries.set(item[0], outcome);
    }
  } catch {
    entries.clear();
  }
  return entries;
}

function cache(): Loaded | undefined {
  const file = helloCacheFile();
  if (!file) return undefined;
  if (loaded?.file !== file) loaded = { file, entries: read(file), dirty: false };
  return loaded;
}

const keyOf = (options: { ciphers?: string; groups?: string }) => JSON.stringify([options.ciphers ?? null, options.groups ?? null]);

export function cachedHello(options: { ciphers?: string; groups?: string }): HelloOutcome | undefined {
  return cache()?.entries.get(keyOf(options));
}

export function rememberHello(options: { ciphers?: string; groups?: string }, outcome: ClientHelloFacts | { error: string }): void {
  const key = keyOf(options);
  const c = cache();
  if (!c || key.length > MAX_KEY_LENGTH) return;
  if ('error' in outcome && !isErrorText(outcome.error)) return;
  c.entries.delete(key);
  c.entries.set(key, 'error' in outcome ? { error: outcome.error } : { suites: outcome.suites, groups: outcome.groups });
  while (c.entries.size > MAX_ENTRIES) c.entries.delete(c.entries.keys().next().value!);
  c.dirty = true;
}

/** Writes new results (whole file, replaced atomically); without write access the cache simply stays cold. */
export function saveHelloCache(): void {
  const c = loaded;
  if (!c?.dirty) return;
  c.dirty = false;
  const temp = `${c.file}.${process.pid}.tmp`;
  try {
    mkdirSync(join(c.file, '..'), { recursive: true, mode: 0o700 });
    writeFileSync(temp, JSON.stringify({ format: FORMAT, runtime, entries: [...c.entries] }), { flag: 'wx', mode: 0o600 });
    renameSync(temp, c.file);
  } catch {
    try {
      rmSync(temp, { force: true });
    } catch {
      // No folder, no temp file.
    }
  }
}
