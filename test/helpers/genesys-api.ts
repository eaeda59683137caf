/**
 * A loopback HTTPS fake of Genesys' login and API hosts (trusted through NODE_EXTRA_CA_CERTS, or passed
 * in-process as `caPem`), written from the documented shapes: the client-credentials grant and the paged
 * trunk base settings listing, with refusals, slow, silent and oversized answers. `pages` are the saved
 * listing pages it serves (page 1, page 2 ...).
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { keyPem } from './data-actions.js';
import { issue, writeFiles } from './pki.js';

export const CLIENT_ID = 'test-client-id-7a2e';
export const SECRET = 'test-secret-61c0ff9e3b';
export const TOKEN = 'test-token-4d9a0b7c55';

export type Mode =
  'ok' | 'unauthorized' | 'forbidden' | 'throttled' | 'error' | 'slow' | 'hang' | 'oversized' | 'foreign-next' | 'page-count' | 'endless';

export interface FakeApi {
  server: Server;
  base: string;
  caFile: string;
  caPem: string;
  seen: Array<{ method: string; url: string; authorization?: string }>;
  mode: Mode;
  close(): Promise<void>;
}

function pageBody(file: string, mode: Mode): string {
  const page = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  if (mode === 'foreign-next' && page.nextUri) page.nextUri = `https://evil.example${page.nextUri as string}`;
  if (mode === 'page-count') delete page.nextUri;
  return JSON.stringify(page);
}

export async function fakePlatformApi(pages: string[]): Promise<FakeApi> {
  const ca = await issue({ subject: 'CN=Fake Genesys Platform Test CA', ca: true, keySlot: 130 });
  const server = await issue({ subject: 'CN=127.0.0.1', issuer: ca, ips: ['127.0.0.1'], dns: ['localhost'], keySlot: 131 });
  const state: FakeApi = {
    server: undefined as unknown as Server,
    base: '',
    caFile: writeFiles({ 'ca.pem': ca.pem })['ca.pem']!,
    caPem: ca.pem,
    seen: [],
    mode: 'ok',
    close: async () => {
      state.server.closeAllConnections();
      await new Promise((resolve) => state.server.close(resolve));
    },
  };
  state.server = createServer({ cert: server.pem, key: await keyPem(server) }, (req, res) => {
    let text = '';
    req.on('data', (c) => (text += c));
    req.on('end', () => {
      state.seen.push({ method: req.method!, url: req.url!, authorization: req.headers.authorization });
      if (state.mode === 'hang') return;
      res.setHeader('Content-Type', 'application/json');
      const url = new URL(req.url!, 'https://fake');
      if (req.method === 'POST' && url.pathname === '/oauth/token') {
        const ok =
          req.headers.authorization === `Basic ${Buffer.from(`${CLIENT_ID}:${SECRET}`).toString('base64')}` &&
          text === 'grant_type=client_credentials';
        res
          .writeHead(ok ? 200 : 401)
          .end(
            JSON.stringify(ok ? { access_token: TOKEN, expires_in: 86399 } : { error: 'invalid_client', echo: req.headers.authorization }),
          );
        return;
      }
      if (req.method !== 'GET' || url.pathname !== '/api/v2/telephony/providers/edges/trunkbasesettings') {
        res.writeHead(404).end('{}');
        return;
      }
      if (req.headers.authorization !== `Bearer ${TOKEN}` || state.mode === 'unauthorized')
        return void res.writeHead(401).end(JSON.stringify({ code: 'bad.credentials', message: `token ${TOKEN} expired` }));
      if (state.mode === 'forbidden')
        return void res.writeHead(403).end(JSON.stringify({ code: 'missing.any.permissions', message: `token ${TOKEN} lacks permission` }));
      if (state.mode === 'throttled') return void res.writeHead(429).end(JSON.stringify({ code: 'too.many.requests' }));
      if (state.mode === 'error') return void res.writeHead(503).end('<html>upstream down</html>');
      if (state.mode === 'oversized') {
        res.writeHead(200);
        const chunk = Buffer.alloc(1 << 20, 0x20);
        for (let i = 0; i < 9 && !res.destroyed; i++) res.write(chunk);
        return void res.end();
      }
      if (state.mode === 'endless') {
        // every page says there is another: the paging must stop by itself
        const n = Number(url.searchParams.get('pageNumber'));
        const body = JSON.parse(readFileSync(pages[0]!, 'utf8')) as Record<string, unknown>;
        return void res
          .writeHead(200)
          .end(JSON.stringify({ ...body, pageNumber: n, pageCount: n + 1, nextUri: `${url.pathname}?pageSize=100&pageNumber=${n + 1}` }));
      }
      const page = pages[Number(url.searchParams.get('pageNumber') ?? '1') - 1] ?? pages[0]!;
      const send = () => res.writeHead(200).end(pageBody(page, state.mode));
      if (state.mode === 'slow') setTimeout(send, 1200);
      else send();
    });
  });
  await new Promise<void>((resolve) => state.server.listen(0, '127.0.0.1', resolve));
  state.base = `https://127.0.0.1:${(state.server.address() as AddressInfo).port}`;
  return state;
}

/** The environment a --fetch child needs to reach the fake: its CA and the OAuth client. */
export const fakeCredentials = (fake: FakeApi): Record<string, string> => ({
  NODE_EXTRA_CA_CERTS: fake.caFile,
  GENESYSCLOUD_OAUTHCLIENT_ID: CLIENT_ID,
  GENESYSCLOUD_OAUTHCLIENT_SECRET: SECRET,
});
