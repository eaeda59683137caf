/**
 * IP literal checks through node:net, loaded on first use: most checks never meet an IP
 * address, and loading node:net costs start-up time.
 */
type Net = typeof import('node:net');
let net: Net | undefined;
const load = (): Net => (net ??= process.getBuiltinModule('node:net') as Net);

export const isIPv4 = (text: string): boolean => load().isIPv4(text);
export const isIPv6 = (text: string): boolean => load().isIPv6(text);
