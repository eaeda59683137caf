/**
 * TLS settings facts: cipher strings (OpenSSL syntax, IANA names or both), group lists and
 * version bounds, resolved by the OpenSSL Node links. Loaded only when TLS flags are given.
 */
import { byocSuites } from '../../rules/data/byoc-suites.js';
import { suiteNames } from '../../rules/data/cipher-names.js';
import { InputError } from '../errors.js';
import type { TlsFacts, TlsRoleSettings, TlsVersion } from '../model/tls.js';
import { GROUP_NAMES, OpenSslSettingError, tls12ClientHello } from './openssl.js';
import { readTlsVersion, TlsVersionError } from './version.js';

const byIana = new Map(suiteNames.map((s) => [s.iana.toUpperCase(), s]));
const byCode = new Map(suiteNames.map((s) => [s.code, s]));
const TLS13_SUITES = new Set(['TLS_AES_128_GCM_SHA256', 'TLS_AES_256_GCM_SHA384', 'TLS_CHACHA20_POLY1305_SHA256', 'TLS_AES_128_CCM_SHA256', 'TLS_AES_128_CCM_8_SHA256']);

/** Splits a cipher string into OpenSSL terms (OpenSSL accepts ":", "," and spaces). */
export function cipherTerms(text: string): string[] {
  return text.split(/[:,\s]+/).filter(Boolean);
}

/** Maps IANA names to OpenSSL names, keeping operators; drops TLS 1.3 names (not TLS 1.2). */
export function toOpenSslTerms(terms: string[]): { terms: string[]; tls13: string[]; unknownIana: string[] } {
  const out: string[] = [];
  const tls13: string[] = [];
  const unknownIana: string[] = [];
  for (const term of terms) {
    const op = /^[!+-]/.test(term) ? term[0]! : '';
    const name = term.slice(op.length);
    const upper = name.toUpperCase();
    if (TLS13_SUITES.has(upper)) {
      tls13.push(term);
      continue;
    }
    const iana = byIana.get(upper) ?? byIana.get(upper.replace(/^SSL_/, 'TLS_'));
    if (iana) out.push(op + iana.openssl);
    else {
      if (/^(TLS|SSL)_/i.test(name)) unknownIana.push(term);
      out.push(term);
    }
  }
  return { terms: out, tls13, unknownIana };
}

/** The enabled TLS 1.2 suites (IANA names, preference order) for an OpenSSL cipher string. */
export async function enabledSuites(opensslString: string): Promise<string[]> {
  const hello = await tls12ClientHello({ ciphers: opensslString });
  return hello.suites.map((code) => byCode.get(code)?.iana ?? `0x${code.toString(16).padStart(4, '0')}`);
}

async function enabledOrEmpty(opensslString: string): Promise<string[]> {
  if (!opensslString) return [];
  try {
    return await enabledSuites(opensslString);
  } catch {
    return [];
  }
}

const BYOC = new Set(byocSuites.map((s) => s.iana));

/** For each term, the BYOC suites that disappeared when OpenSSL applied it. */
export async function attributeRemovals(terms: string[]): Promise<Array<{ term: string; removed: string[] }>> {
  const out: Array<{ term: string; removed: string[] }> = [];
  let previous = new Set<string>();
  for (let k = 1; k <= Math.min(terms.length, 32); k++) {
    const now = new Set((await enabledOrEmpty(terms.slice(0, k).join(':'))).filter((s) => BYOC.has(s)));
    const removed = [...previous].filter((s) => !now.has(s));
    if (removed.length) out.push({ term: terms[k - 1]!, removed });
    previous = now;
  }
  return out;
}

/** The smallest change that makes at least one non-deprecated BYOC suite available. */
export async function smallestFix(opensslString: string): Promise<string | undefined> {
  const candidates = ['ECDHE-RSA-AES256-GCM-SHA384', 'ECDHE-RSA-AES128-GCM-SHA256', 'AES256-GCM-SHA384'];
  for (const suite of candidates) {
    // Never ":X" or "X:": an empty string gets the suite alone.
    const attempts = opensslString.trim() ? [`${opensslString}:${suite}`, `${suite}:${opensslString}`] : [suite];
    for (const attempt of attempts) {
      const suites = await enabledOrEmpty(attempt);
      if (suites.some((s) => BYOC.has(s) && byocSuites.find((b) => b.iana === s)!.status === 'supported')) return attempt;
    }
  }
  return undefined;
}

const VERSION_ORDER: TlsVersion[] = ['1.0', '1.1', '1.2', '1.3'];

export async function gatherTlsFacts(options: { ciphers?: string; curves?: string; tlsMin?: string; tlsMax?: string }): Promise<TlsFacts> {
  const settings: Omit<TlsRoleSettings, 'role'> = { origin: 'command-line flags (both roles)' };
  if (options.ciphers !== undefined) {
    const raw = options.ciphers.trim();
    if (!raw) throw new InputError('--ciphers is empty');
    const mapped = toOpenSslTerms(cipherTerms(raw));
    const opensslString = mapped.terms.join(':');
    settings.cipherString = raw;
    settings.opensslCipherString = opensslString;
    if (mapped.terms.length === 0) {
      settings.enabledSuites = [];
    } else {
      try {
        settings.enabledSuites = await enabledSuites(opensslString);
      } catch (error) {
        if (error instanceof OpenSslSettingError) {
          const hint = mapped.unknownIana.length ? ` (unknown names: ${mapped.unknownIana.join(', ')})` : '';
          throw new InputError(`--ciphers "${raw}": OpenSSL accepts no cipher from it${hint}: ${error.message}`);
        }
        throw error;
      }
    }
    const usable = settings.enabledSuites.filter((suite) => BYOC.has(suite));
    if (usable.length < byocSuites.length) settings.byocRemovedBy = await attributeRemovals(mapped.terms);
    if (!usable.some((suite) => byocSuites.find((b) => b.iana === suite)!.status === 'supported')) {
      const fix = await smallestFix(opensslString);
      if (fix) settings.suggestedFix = fix;
    }
  }
  if (options.curves !== undefined) {
    const raw = options.curves.trim();
    if (!raw) throw new InputError('--curves is empty');
    const list = raw.split(/[:,\s]+/).filter(Boolean).join(':');
    settings.curvesString = raw;
    try {
      const hello = await tls12ClientHello({ groups: list, ciphers: 'ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-AES256-GCM-SHA384' });
      settings.groups = hello.groups.map((g) => GROUP_NAMES[g] ?? `0x${g.toString(16).padStart(4, '0')}`);
    } catch (error) {
      if (error instanceof OpenSslSettingError) throw new InputError(`--curves "${raw}": OpenSSL does not accept this group list (${error.message})`);
      throw error;
    }
  }
  const version = (flag: 'min' | 'max', text: string): TlsVersion => {
    let reading;
    try {
      reading = readTlsVersion(text);
    } catch (error) {
      if (error instanceof TlsVersionError) throw new InputError(`--tls-${flag} "${text}": ${error.message}`);
      throw error;
    }
    if (reading.orHigher && flag === 'max') throw new InputError(`--tls-max "${text}": "+" means "or higher", which only a minimum can say; give the highest version without "+"`);
    if (text.trim() !== reading.version) settings.versionsGiven = { ...settings.versionsGiven, [flag]: text };
    return reading.version;
  };
  if (options.tlsMin) settings.minVersion = version('min', options.tlsMin);
  if (options.tlsMax) settings.maxVersion = version('max', options.tlsMax);
  if (settings.minVersion && settings.maxVersion && VERSION_ORDER.indexOf(settings.minVersion) > VERSION_ORDER.indexOf(settings.maxVersion)) {
    throw new InputError(`--tls-min ${settings.minVersion} is above --tls-max ${settings.maxVersion}`);
  }
  return {
    ciphersGiven: options.ciphers !== undefined,
    curvesGiven: options.curves !== undefined,
    versionsGiven: !!(options.tlsMin || options.tlsMax),
    roles: (['server', 'client'] as const).map((role) => ({ role, ...settings })),
  };
}
