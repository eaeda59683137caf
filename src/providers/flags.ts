/**
 * The CLI flags as a provider: `--ciphers`, `--curves`, `--tls-min` and `--tls-max` describe the SBC's
 * server and client roles alike, as two endpoints whose values name the flag they came from.
 */
import { InputError } from '../errors.js';
import type { ProductSyntax, Sourced, TlsEndpointSettings } from '../model/endpoint.js';
import { TLS_VERSION_ORDER, type TlsVersion } from '../model/tls.js';
import { readTlsVersion, TlsVersionError } from '../tls/version.js';

export interface TlsFlags {
  ciphers?: string;
  curves?: string;
  /** As typed: `1.2`, `TLSv1.2`, `tlsv1_2`, `TLS1.2`, `TLSv1.2+` (read in src/tls/version.ts). */
  tlsMin?: string;
  tlsMax?: string;
}

function version(flag: 'min' | 'max', text: string): TlsVersion {
  let reading;
  try {
    reading = readTlsVersion(text);
  } catch (error) {
    if (error instanceof TlsVersionError) throw new InputError(`--tls-${flag} "${text}": ${error.message}`);
    throw error;
  }
  if (reading.orHigher && flag === 'max')
    throw new InputError(`--tls-max "${text}": "+" means "or higher", which only a minimum can say; give the highest version without "+"`);
  return reading.version;
}

const quote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;

export const flagSyntax: ProductSyntax = {
  ciphers: (value) => `--ciphers ${quote(value)}`,
  allowTls12: () => '--tls-min 1.2 --tls-max 1.3',
  curves: (value) => `--curves ${quote(value)}`,
  noClientCertificate: () => 'stop requesting client certificates on the SBC',
  verifyPeer: () => 'turn on server certificate verification on the SBC',
  caList: (path) => `trust ${path} on the SBC`,
};

export function flagEndpoints(flags: TlsFlags): TlsEndpointSettings[] {
  const settings: Partial<TlsEndpointSettings> = {};
  if (flags.ciphers !== undefined) {
    const raw = flags.ciphers.trim();
    if (!raw) throw new InputError('--ciphers is empty');
    settings.ciphers = { value: raw, from: { kind: 'flag', flag: '--ciphers' } };
  }
  if (flags.curves !== undefined) {
    const raw = flags.curves.trim();
    if (!raw) throw new InputError('--curves is empty');
    settings.curves = { value: raw, from: { kind: 'flag', flag: '--curves' } };
  }
  if (flags.tlsMin || flags.tlsMax) {
    const min = flags.tlsMin ? version('min', flags.tlsMin) : undefined;
    const max = flags.tlsMax ? version('max', flags.tlsMax) : undefined;
    const lo = TLS_VERSION_ORDER.indexOf(min ?? '1.0');
    const hi = TLS_VERSION_ORDER.indexOf(max ?? '1.3');
    if (lo > hi) throw new InputError(`--tls-min ${min} is above --tls-max ${max}`);
    const flag = [flags.tlsMin ? `--tls-min ${flags.tlsMin}` : '', flags.tlsMax ? `--tls-max ${flags.tlsMax}` : '']
      .filter(Boolean)
      .join(' ');
    // Say how SBC spellings were read: "TLSv1.2+..any" is the range 1.2..1.3.
    const read = (typed: string | undefined, v: TlsVersion | undefined) =>
      typed === undefined ? 'any' : typed.trim() === v ? v : `${typed.trim()} (= ${v})`;
    const versions: Sourced<TlsVersion[]> = {
      value: TLS_VERSION_ORDER.slice(lo, hi + 1),
      from: { kind: 'flag', flag },
      raw: `${read(flags.tlsMin, min)}..${read(flags.tlsMax, max)}`,
    };
    settings.versions = versions;
  }
  return (['server', 'client'] as const).map((role) => ({
    id: `settings.${role}`,
    format: 'flags',
    name: `${role} role (command-line flags)`,
    role,
    syntax: flagSyntax,
    ...settings,
  }));
}
