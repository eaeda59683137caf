/**
 * IP literal checks through node:net, loaded on first use: most checks never meet an IP
 * address, and loading node:net costs start-up time.
 */
type Net = typeof import('node:net');
let net: Net | undefined;
const load = (): Net => (net ??= process.getBuiltinModule('node:net') as Net);

export const isIPv4 = (text: string): boolean => load().isIPv4(text);
export const isIPv6 = (text: string): boolean => load().isIPv6(text);

/** The bytes of an IPv4 or IPv6 literal (so differently written IPv6 forms compare equal). */
export function ipBytes(text: string): number[] | undefined {
  if (isIPv4(text)) return text.split('.').map(Number);
  if (!isIPv6(text)) return undefined;
  const [head, tail] = text.toLowerCase().split('::') as [string, string | undefined];
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = tail === undefined ? h : [...h, ...Array(8 - h.length - t.length).fill('0'), ...t];
  return groups.flatMap((g) => {
    const n = parseInt(g, 16);
    return [n >> 8, n & 0xff];
  });
}
