/**
 * The CLI flags as a provider: `--ciphers`, `--curves`, `--tls-min` and `--tls-max` describe the SBC's
 * server and client roles alike, as two endpoints whose values name the flag they came from.
 */
import { InputError } from '../errors.js';
import type { ProductSyntax, Sourced, TlsEndpointSettings } from '../model/endpoint.js';
import { TLS_VERSION_ORDER, type TlsVersion } from '../model/tls.js';

export interface TlsFlags {
  ciphers?: string;
  curves?: string;
  tlsMin?: TlsVersion;
  tlsMax?: TlsVersion;
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
    const lo = TLS_VERSION_ORDER.indexOf(flags.tlsMin ?? '1.0');
    const hi = TLS_VERSION_ORDER.indexOf(flags.tlsMax ?? '1.3');
    if (lo > hi) throw new InputError(`--tls-min ${flags.tlsMin} is above --tls-max ${flags.tlsMax}`);
    const flag = [flags.tlsMin ? `--tls-min ${flags.tlsMin}` : '', flags.tlsMax ? `--tls-max ${flags.tlsMax}` : ''].filter(Boolean).join(' ');
    const versions: Sourced<TlsVersion[]> = { value: TLS_VERSION_ORDER.slice(lo, hi + 1), from: { kind: 'flag', flag }, raw: `${flags.tlsMin ?? 'any'}..${flags.tlsMax ?? 'any'}` };
    settings.versions = versions;
  }
  return (['server', 'client'] as const).map((role) => ({ id: `settings.${role}`, format: 'flags', name: `${role} role (command-line flags)`, role, syntax: flagSyntax, ...settings }));
}
