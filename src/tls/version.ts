/**
 * TLS version spellings as SBC consoles and configuration files write them, read in one place:
 * `1.2`, `TLSv1.2`, `tlsv1_2`, `TLSv1_2`, `TLS1.2`, `TLS 1.2`, `TLSv1` (OpenSSL's name for 1.0),
 * and a trailing `+` ("this version or higher", minimum only).
 */
import type { TlsVersion } from '../model/tls.js';

export interface TlsVersionReading {
  version: TlsVersion;
  /** The text ended in "+": this version or higher. */
  orHigher: boolean;
}

export class TlsVersionError extends Error {}

const MINORS: Record<string, TlsVersion> = { '0': '1.0', '1': '1.1', '2': '1.2', '3': '1.3' };

/** Reads one spelling; throws TlsVersionError with the reason. */
export function readTlsVersion(text: string): TlsVersionReading {
  const compact = text.trim().replace(/\s+/g, '');
  const m = /^(tls(?:v)?|tlsv)?[_-]?1(?:[._-]?([0-9]))?(\+)?$/i.exec(compact);
  if (/^(ssl|sslv)[_-]?[23]/i.test(compact)) throw new TlsVersionError('SSL 2.0 and 3.0 are not TLS; BYOC Cloud needs TLS 1.2');
  if (!m) throw new TlsVersionError('not a TLS version (e.g. 1.2, TLSv1.2, tlsv1_2, TLS1.2, TLSv1.2+)');
  const [, prefix, minor, plus] = m;
  // "TLSv1" is TLS 1.0 in OpenSSL's spelling; a bare "1" says nothing.
  if (minor === undefined && !prefix) throw new TlsVersionError('give the minor version too (1.2, not 1)');
  if (minor !== undefined && !prefix && !/^1[._-]/.test(compact))
    throw new TlsVersionError('not a TLS version (e.g. 1.2, TLSv1.2, tlsv1_2, TLS1.2, TLSv1.2+)');
  const version = MINORS[minor ?? '0'];
  if (!version) throw new TlsVersionError(`TLS 1.${minor} does not exist (1.0 to 1.3)`);
  return { version, orHigher: plus !== undefined };
}
