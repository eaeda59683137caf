/**
 * Which proxy, if any, a download goes through: HTTPS_PROXY / HTTP_PROXY / NO_PROXY and their
 * lower-case forms (lower case wins, as in curl and undici). The matching rules are undici's
 * EnvHttpProxyAgent's (comma- or space-separated entries, "*" for all, a leading "." or "*." for
 * subdomains, an optional :port); we decide here rather than inside undici so a failure can say
 * whether the proxy or the CRL server failed.
 */

export interface ProxySettings {
  httpProxy?: string;
  httpsProxy?: string;
  noProxy?: string;
}

const DEFAULT_PORTS: Record<string, number> = { 'http:': 80, 'https:': 443 };

export function proxySettings(env: Record<string, string | undefined>): ProxySettings {
  const pick = (name: string) => env[name.toLowerCase()]?.trim() || env[name]?.trim() || undefined;
  // "proxy.corp:3128" without a scheme means http://, as curl reads it.
  const withScheme = (v: string | undefined) => (v && !/^[a-z][a-z0-9+.-]*:\/\//i.test(v) ? `http://${v}` : v);
  const httpProxy = withScheme(pick('HTTP_PROXY'));
  const httpsProxy = withScheme(pick('HTTPS_PROXY'));
  const noProxy = pick('NO_PROXY');
  return { ...(httpProxy ? { httpProxy } : {}), ...(httpsProxy ? { httpsProxy } : {}), ...(noProxy ? { noProxy } : {}) };
}

function bypassed(url: URL, noProxy: string | undefined): boolean {
  if (!noProxy) return false;
  const entries = noProxy.split(/[,\s]+/).filter(Boolean);
  if (entries.includes('*')) return true;
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const port = Number(url.port) || DEFAULT_PORTS[url.protocol] || 0;
  return entries.some((entry) => {
    const m = /^(.+):(\d+)$/.exec(entry);
    const name = (m ? m[1]! : entry)
      .replace(/^\*?\./, '')
      .replace(/^\[|\]$/g, '')
      .toLowerCase();
    if (m && Number(m[2]) !== port) return false;
    return host === name || host.endsWith(`.${name}`);
  });
}

/** The proxy URL for this request, or undefined for a direct connection. */
export function proxyFor(url: URL, settings: ProxySettings): string | undefined {
  const proxy = url.protocol === 'https:' ? (settings.httpsProxy ?? settings.httpProxy) : settings.httpProxy;
  if (!proxy || bypassed(url, settings.noProxy)) return undefined;
  return proxy;
}

/** The proxy URL without credentials, for messages and evidence. */
export function displayProxy(proxy: string): string {
  try {
    const u = new URL(proxy);
    return `${u.protocol}//${u.host}`;
  } catch {
    return 'the proxy (unparsable URL)';
  }
}
