/**
 * Matching a host name with a certificate (RFC 6125 section 6.4, RFC 5922 section 7.2): SAN
 * dNSName first, SAN sip: URIs, CN only without SAN dNSName; case-insensitive, trailing dot
 * ignored, internationalised names compared as A-labels, wildcards on exactly one label.
 */
import { domainToASCII } from 'node:url';

export function normalizeHost(name: string): string {
  const trimmed = name.trim().replace(/\.$/, '');
  const ascii = /[^\x00-\x7f]/.test(trimmed) ? domainToASCII(trimmed) || trimmed : trimmed;
  return ascii.toLowerCase();
}

export type WildcardMatch = 'exact' | 'wildcard' | 'partial-wildcard' | 'none';

/** How `pattern` (a certificate name) covers `host`. */
export function matchName(pattern: string, host: string): WildcardMatch {
  const p = normalizeHost(pattern);
  const h = normalizeHost(host);
  if (!p.includes('*')) return p === h ? 'exact' : 'none';
  const pLabels = p.split('.');
  const hLabels = h.split('.');
  const first = pLabels[0]!;
  // Wildcards only in the left-most label, only one, and over at least two more labels.
  if (pLabels.slice(1).some((l) => l.includes('*')) || (first.match(/\*/g)?.length ?? 0) > 1 || pLabels.length < 3) return 'none';
  if (pLabels.length !== hLabels.length) return 'none';
  if (pLabels.slice(1).join('.') !== hLabels.slice(1).join('.')) return 'none';
  if (first === '*') return hLabels[0] ? 'wildcard' : 'none';
  if (hLabels[0]!.startsWith('xn--')) return 'none';
  const [prefix, suffix] = first.split('*') as [string, string];
  const label = hLabels[0]!;
  return label.length >= prefix.length + suffix.length && label.startsWith(prefix) && label.endsWith(suffix) ? 'partial-wildcard' : 'none';
}

/** The host of a SAN URI of scheme sip: or sips: (RFC 5922 7.1), else undefined. */
export function sipUriHost(uri: string): string | undefined {
  const m = /^sips?:(?:[^@]*@)?(\[[^\]]+\]|[^:;?]+)/i.exec(uri);
  return m ? m[1]!.replace(/^\[|\]$/g, '').toLowerCase() : undefined;
}
