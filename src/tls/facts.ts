/**
 * TLS settings facts: cipher strings (OpenSSL syntax, IANA names or both), group lists and
 * version bounds, resolved by the OpenSSL Node links, per endpoint. Loaded only when an endpoint has them.
 */
import { byocSuites } from '../../rules/data/byoc-suites.js';
import { suiteNames } from '../../rules/data/cipher-names.js';
import type { TlsEndpointSettings } from '../model/endpoint.js';
import type { TlsEndpointFacts } from '../model/tls.js';
import { cachedHello, rememberHello, saveHelloCache } from './hello-cache.js';
import { type ClientHelloFacts, GROUP_NAMES, type HelloOptions, OpenSslSettingError, tls12ClientHello } from './openssl.js';

/** tls12ClientHello through the per-OpenSSL-version cache: the same setting always gives the same hello. */
async function clientHello(options: HelloOptions): Promise<ClientHelloFacts> {
  const known = cachedHello(options);
  if (known) {
    if ('error' in known) throw new OpenSslSettingError(known.error);
    return known;
  }
  try {
    const hello = await tls12ClientHello(options);
    rememberHello(options, hello);
    return hello;
  } catch (error) {
    if (error instanceof OpenSslSettingError) rememberHello(options, { error: error.message });
    throw error;
  }
}

const byIana = new Map(suiteNames.map((s) => [s.iana.toUpperCase(), s]));
const byCode = new Map(suiteNames.map((s) => [s.code, s]));
const TLS13_SUITES = new Set([
  'TLS_AES_128_GCM_SHA256',
  'TLS_AES_256_GCM_SHA384',
  'TLS_CHACHA20_POLY1305_SHA256',
  'TLS_AES_128_CCM_SHA256',
  'TLS_AES_128_CCM_8_SHA256',
]);

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

/**
 * The terms as OpenSSL reads them. An IANA-style name (TLS_..., SSL_...) matches nothing in OpenSSL's
 * cipher strings, so it is left out (Node would route TLS_ names to the TLS 1.3 list instead).
 */
function asWritten(terms: string[]): { terms: string[]; tls13: string[]; unknownIana: string[] } {
  const iana = (t: string) => /^[!+-]?(TLS|SSL)_/i.test(t);
  return { terms: terms.filter((t) => !iana(t)), tls13: [], unknownIana: terms.filter(iana) };
}

/** The enabled TLS 1.2 suites (IANA names, preference order) for an OpenSSL cipher string. */
export async function enabledSuites(opensslString: string): Promise<string[]> {
  const hello = await clientHello({ ciphers: opensslString });
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
    for (const attempt of opensslString ? [`${opensslString}:${suite}`, `${suite}:${opensslString}`] : [suite]) {
      const suites = await enabledOrEmpty(attempt);
      if (suites.some((s) => BYOC.has(s) && byocSuites.find((b) => b.iana === s)!.status === 'supported')) return attempt;
    }
  }
  return undefined;
}

/** Groups newer OpenSSL releases know and this one may not: a list naming them is judged without them, with a warning. */
const NEWER_OPENSSL_GROUPS =
  /^(X25519MLKEM768|SecP256r1MLKEM768|SecP384r1MLKEM1024|MLKEM(512|768|1024)|X25519Kyber768Draft00|X448MLKEM1024)$/i;

interface CipherFacts {
  opensslCipherString: string;
  enabledSuites: string[];
  cipherError?: string;
  byocRemovedBy?: Array<{ term: string; removed: string[] }>;
  suggestedFix?: string;
}

interface GroupFacts {
  groups?: string[];
  groupError?: string;
  groupsUnknownHere?: string[];
}

/**
 * `ianaNames`: whether IANA names are translated (the command line and the trunk profile accept them);
 * a product's configuration hands its string to OpenSSL as written, where an IANA name matches nothing.
 */
async function resolveCiphers(raw: string, ianaNames: boolean): Promise<CipherFacts> {
  const terms = cipherTerms(raw);
  const mapped = ianaNames ? toOpenSslTerms(terms) : asWritten(terms);
  const opensslCipherString = mapped.terms.join(':');
  const facts: CipherFacts = { opensslCipherString, enabledSuites: [] };
  if (mapped.terms.length === 0)
    facts.cipherError = ianaNames
      ? 'only TLS 1.3 suite names, which do not apply to TLS 1.2'
      : `no cipher match: ${mapped.unknownIana.join(', ')} ${mapped.unknownIana.length === 1 ? 'is an IANA name' : 'are IANA names'}, which OpenSSL's cipher strings do not know`;
  else {
    try {
      facts.enabledSuites = await enabledSuites(opensslCipherString);
    } catch (error) {
      if (!(error instanceof OpenSslSettingError)) throw error;
      const hint = mapped.unknownIana.length
        ? ianaNames
          ? ` (unknown names: ${mapped.unknownIana.join(', ')})`
          : ` (${mapped.unknownIana.join(', ')} ${mapped.unknownIana.length === 1 ? 'is an IANA name' : 'are IANA names'}, which OpenSSL's cipher strings do not know)`
        : '';
      facts.cipherError = `${error.message.replace(/\.$/, '')}${hint}`;
    }
  }
  const usable = facts.enabledSuites.filter((suite) => BYOC.has(suite));
  if (usable.length < byocSuites.length && mapped.terms.length) facts.byocRemovedBy = await attributeRemovals(mapped.terms);
  if (!usable.some((suite) => byocSuites.find((b) => b.iana === suite)!.status === 'supported')) {
    const fix = await smallestFix(facts.cipherError ? '' : opensslCipherString);
    if (fix) facts.suggestedFix = fix;
  }
  return facts;
}

/** Group lists are parsed exactly as OpenSSL's SSL_CTX_set1_groups_list does: `:`-separated names, nothing else. */
async function resolveGroups(raw: string): Promise<GroupFacts> {
  // Node accepts "auto" as its own shorthand; OpenSSL (and so the SBC) rejects it.
  if (raw.trim().toLowerCase() === 'auto')
    return { groupError: 'group \'auto\' cannot be set (OpenSSL has no "auto" group list; Node.js does)' };
  const names = raw.split(':');
  const unknownHere = names.filter((n) => NEWER_OPENSSL_GROUPS.test(n));
  const list = names.filter((n) => !NEWER_OPENSSL_GROUPS.test(n)).join(':');
  const facts: GroupFacts = unknownHere.length ? { groupsUnknownHere: unknownHere } : {};
  if (!list) return { ...facts, groups: [] };
  try {
    const hello = await clientHello({ groups: list, ciphers: 'ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-AES256-GCM-SHA384' });
    return { ...facts, groups: hello.groups.map((g) => GROUP_NAMES[g] ?? `0x${g.toString(16).padStart(4, '0')}`) };
  } catch (error) {
    if (!(error instanceof OpenSslSettingError)) throw error;
    const bad = list.split(':').find((n) => !n || /[\s,;]/.test(n));
    const why =
      bad !== undefined
        ? bad
          ? `"${bad}" is not a group name (OpenSSL separates groups with ":" only)`
          : 'an empty name (a stray ":")'
        : 'a name OpenSSL does not know';
    return { ...facts, groupError: `OpenSSL rejects the group list: ${why}` };
  }
}

/** What resolved strings a caller keeps across calls (a scan resolves its trunks a batch at a time). */
export interface TlsMemo {
  ciphers: Map<string, Promise<CipherFacts>>;
  groups: Map<string, Promise<GroupFacts>>;
}

export function tlsMemo(): TlsMemo {
  return { ciphers: new Map(), groups: new Map() };
}

/** Resolves every endpoint's cipher string and group list with OpenSSL; repeated strings are resolved once. */
export async function resolveEndpoints(
  endpoints: readonly TlsEndpointSettings[],
  { ciphers, groups } = tlsMemo(),
): Promise<TlsEndpointFacts[]> {
  const resolved = await Promise.all(
    endpoints.map(async (endpoint): Promise<TlsEndpointFacts> => {
      const out: TlsEndpointFacts = { ...endpoint, openssl: process.versions.openssl };
      if (endpoint.ciphers) {
        const ianaNames = endpoint.format === 'flags';
        const key = `${ianaNames}:${endpoint.ciphers.value}`;
        if (!ciphers.has(key)) ciphers.set(key, resolveCiphers(endpoint.ciphers.value, ianaNames));
        Object.assign(out, await ciphers.get(key));
      }
      if (endpoint.curves) {
        const key = endpoint.curves.value;
        if (!groups.has(key)) groups.set(key, resolveGroups(key));
        Object.assign(out, await groups.get(key));
      }
      return out;
    }),
  );
  saveHelloCache();
  return resolved;
}
