/** Option values every command reads the same way: --at, --timeout, --warn-days, the Genesys source, and the PKCS#12 password's variable. */
import { orgRegion } from '../data-actions/region.js';
import { InputError } from '../errors.js';
import type { GenesysOptions } from '../genesys/check.js';
import type { Io } from './io.js';

/** Opens PKCS#12 inputs; never printed. */
export const P12_PASSWORD = 'BYOC_CHECK_P12_PASSWORD';

/** --at: an ISO 8601 date (midnight UTC) or time. */
export function parseAt(text: string): Date {
  const t = text.trim();
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(t))
    throw new InputError(`--at "${text}" is not an ISO 8601 date or time (e.g. 2026-12-01 or 2026-12-01T12:00:00Z)`);
  const date = new Date(t.length === 10 ? `${t}T00:00:00Z` : t);
  if (Number.isNaN(date.getTime())) throw new InputError(`--at "${text}" is not a valid date`);
  return date;
}

/** --at when given. */
export const atOf = (value: unknown): Date | undefined => (value !== undefined ? parseAt(String(value)) : undefined);

/** --timeout: seconds, more than 0 and at most 600 (`typed` is the value as the user wrote it). */
export function timeoutOf(t: number, typed?: string): number {
  if (!(t > 0) || t > 600) throw new InputError(`--timeout must be between 0 and 600 seconds; got ${typed ?? t}`);
  return t;
}

/** --warn-days: not negative. */
export function warnDaysOf(days: number, typed?: string): number {
  if (days < 0) throw new InputError(`--warn-days must not be negative; got ${typed ?? days}`);
  return days;
}

/** --region, or with --fetch the region the OAuth environment names. */
export function regionOf(values: Record<string, unknown>, io: Io): string | undefined {
  const given = values.region as string | undefined;
  return given !== undefined || values.fetch === true ? orgRegion(given, io.env) : undefined;
}

/** Where the org's trunk settings come from: saved pages (`inputs`, `-` for stdin), or --fetch with --api-base; --trunk selects. */
export function genesysSourceOf(
  values: Record<string, unknown>,
  inputs: string[],
  io: Io,
): Pick<GenesysOptions, 'inputs' | 'stdin' | 'fetch' | 'region' | 'apiBase' | 'trunks' | 'env'> {
  return {
    inputs,
    stdin: io.readStdin,
    fetch: values.fetch === true,
    region: regionOf(values, io),
    apiBase: values['api-base'] as string | undefined,
    trunks: values.trunk as string[] | undefined,
    env: io.env,
  };
}
