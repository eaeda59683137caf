/**
 * `--fetch`: gets GET /api/v2/integrations/actions/certificates with an OAuth client credentials grant,
 * the grant Genesys provides for non-user applications such as scheduled jobs
 * (https://developer.genesys.cloud/authorization/platform-auth/use-client-credentials): POST
 * https://login.<env>/oauth/token with HTTP Basic client authentication and
 * grant_type=client_credentials (RFC 6749 section 4.4), then the API call with the bearer token.
 *
 * The client id and secret come from the environment only, under the names Genesys' own tools use
 * (CX as Code: https://registry.terraform.io/providers/MyPureCloud/genesyscloud/latest/docs). Neither
 * they nor the token ever reach a message: every error text is scrubbed of them.
 */
import { request } from 'node:https';
import { daRegion } from '../../rules/data/da-regions.js';
import { printable } from '../util/text.js';
import { InputError } from '../errors.js';

export const CLIENT_ID_VAR = 'GENESYSCLOUD_OAUTHCLIENT_ID';
export const CLIENT_SECRET_VAR = 'GENESYSCLOUD_OAUTHCLIENT_SECRET';
export const CERTIFICATES_PATH = '/api/v2/integrations/actions/certificates';
const MAX_BODY = 1 << 20;

export interface FetchOptions {
  region?: string;
  /** Replaces both https://login.<env> and https://api.<env> (tests, proxies). */
  apiBase?: string;
  env: Record<string, string | undefined>;
  timeoutSeconds: number;
  /** Extra trusted CA for the HTTPS connections (tests); the CLI relies on Node's store and NODE_EXTRA_CA_CERTS. */
  ca?: string | Buffer;
  /** Largest answer accepted, in bytes (default 1 MiB). */
  maxBody?: number;
}

export interface Fetched {
  body: Buffer;
  url: string;
}

export interface Response {
  status: number;
  body: Buffer;
}

export function bases(options: FetchOptions): { login: string; api: string } {
  if (options.apiBase) {
    let url: URL;
    // never echo credentials a user pasted into the URL
    const shown = printable(options.apiBase.replace(/\/\/[^/@]*@/, '//***@'));
    try {
      url = new URL(options.apiBase);
    } catch {
      throw new InputError(`--api-base "${shown}" is not a URL`);
    }
    if (url.username || url.password)
      throw new InputError(
        `--api-base "${shown}": a user name or password in the URL is not used and would be printed in messages; the OAuth client comes from ${CLIENT_ID_VAR} and ${CLIENT_SECRET_VAR}`,
      );
    if (url.protocol !== 'https:')
      throw new InputError(`--api-base must be an https:// URL (the client secret travels over it); got ${url.protocol}`);
    const base = url.href.replace(/\/+$/, '');
    return { login: base, api: base };
  }
  const row = daRegion(options.region);
  if (!row) throw new InputError('--fetch needs --region CODE (the region of your Genesys Cloud organisation), or --api-base URL');
  return { login: `https://login.${row.environment}`, api: `https://api.${row.environment}` };
}

export function send(
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string },
  options: FetchOptions,
  scrub: (s: string) => string,
): Promise<Response> {
  const ms = options.timeoutSeconds * 1000;
  const maxBody = options.maxBody ?? MAX_BODY;
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: init.method,
        headers: init.headers,
        timeout: ms,
        signal: AbortSignal.timeout(ms),
        ...(options.ca ? { ca: options.ca } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBody) {
            req.destroy(new Error(`the response is larger than ${maxBody / 1024} KiB`));
            return;
          }
          chunks.push(chunk);
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${options.timeoutSeconds} s`)));
    req.on('error', (error: NodeJS.ErrnoException) => {
      const reason =
        error.name === 'AbortError' || error.name === 'TimeoutError'
          ? `no answer within ${options.timeoutSeconds} s`
          : error.code
            ? `${error.code}: ${error.message}`
            : error.message;
      reject(new InputError(scrub(`--fetch: ${init.method} ${url} failed (${reason})`)));
    });
    if (init.body) req.write(init.body);
    req.end();
  });
}

/** A short, printable description of an OAuth or API error body: its error code, never its whole text. */
export function errorCode(body: Buffer): string {
  try {
    const json = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
    const code = [json.error, json.code, json.message].find((v) => typeof v === 'string') as string | undefined;
    return code ? `: ${code.replace(/[^\x20-\x7e]/g, ' ').slice(0, 100)}` : '';
  } catch {
    return '';
  }
}

/** A granted client credentials session: GET with the bearer token, every message scrubbed of every secret form. */
export interface Session {
  api: string;
  scrub(text: string): string;
  get(url: string, options?: Partial<FetchOptions>): Promise<Response>;
}

/** The client credentials grant; `permission` names what the OAuth client's role needs, for the messages. */
export async function openSession(options: FetchOptions, permission: string): Promise<Session> {
  const id = options.env[CLIENT_ID_VAR];
  const secret = options.env[CLIENT_SECRET_VAR];
  if (!id || !secret) {
    throw new InputError(
      `--fetch reads the OAuth client (client credentials grant, permission ${permission}) from the environment: set ${CLIENT_ID_VAR} and ${CLIENT_SECRET_VAR}`,
    );
  }
  const { login, api } = bases(options);
  let token = '';
  const basic = Buffer.from(`${id}:${secret}`).toString('base64');
  // Every form a secret can take in an echoed header or URL: as is, URL-encoded, the Basic value in
  // base64 and base64url (a proxy or token endpoint may echo the request back in its error).
  const forms = () =>
    [secret, id, token, basic, basic.replace(/=+$/, ''), Buffer.from(`${id}:${secret}`).toString('base64url'), encodeURIComponent(secret)]
      .filter((s) => s.length >= 4)
      .sort((a, b) => b.length - a.length);
  const scrub = (text: string) => forms().reduce((t, s) => t.split(s).join('***'), text);

  const tokenUrl = `${login}/oauth/token`;
  const granted = await send(
    tokenUrl,
    {
      method: 'POST',
      headers: { Authorization: `Basic ${basic}`, 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: 'grant_type=client_credentials',
    },
    options,
    scrub,
  );
  if (granted.status !== 200) {
    const hint =
      granted.status === 400 || granted.status === 401
        ? ` (check ${CLIENT_ID_VAR}/${CLIENT_SECRET_VAR}, that the OAuth client uses the client credentials grant, and the region)`
        : '';
    throw new InputError(
      scrub(`--fetch: the token request to ${tokenUrl} was refused with HTTP ${granted.status}${errorCode(granted.body)}${hint}`),
    );
  }
  try {
    const parsed = JSON.parse(granted.body.toString('utf8')) as { access_token?: unknown };
    if (typeof parsed.access_token === 'string') token = parsed.access_token;
  } catch {
    // Reported below.
  }
  if (!token) throw new InputError(`--fetch: ${tokenUrl} answered without an access_token`);
  return {
    api,
    scrub,
    get: (url, extra = {}) =>
      send(
        url,
        { method: 'GET', headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } },
        { ...options, ...extra },
        scrub,
      ),
  };
}

/** The hint for an API answer other than 200: which permission, or which host. */
export function apiRefusal(res: Response, url: string, permission: string, scrub: (s: string) => string): InputError {
  const hint =
    res.status === 403
      ? ` (the OAuth client's role needs the permission ${permission})`
      : res.status === 401
        ? ' (the token was not accepted: is the API host of the same region as the login host?)'
        : res.status === 429
          ? ' (rate limited: run again later)'
          : '';
  return new InputError(scrub(`--fetch: GET ${url} answered HTTP ${res.status}${errorCode(res.body)}${hint}`));
}

export async function fetchCertificates(options: FetchOptions): Promise<Fetched> {
  const permission = 'integrations:actionCertificate:view';
  const session = await openSession(options, permission);
  const url = `${session.api}${CERTIFICATES_PATH}`;
  const res = await session.get(url);
  if (res.status !== 200) throw apiRefusal(res, url, permission, session.scrub);
  return { body: res.body, url };
}
