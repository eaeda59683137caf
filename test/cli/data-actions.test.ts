/**
 * `byoc-check data-actions` end to end: the built CLI on API bodies and PEM files, and --fetch against
 * a loopback HTTPS fake of the Genesys login and API hosts (trusted through NODE_EXTRA_CA_CERTS).
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { checkDataActions } from '../../src/data-actions/check.js';
import { apiPem, daPki, digicert, genesys, keyPem, listing, testStores, writeFiles } from '../helpers/data-actions.js';
import { issue, NOW } from '../helpers/pki.js';
import { assertValidReport, BIN, cli, cliAsync } from '../helpers/run.js';

const AT = ['--at', NOW.toISOString()];
let f: Record<string, string>;
let env: Record<string, string>;

beforeAll(async () => {
  const p = await daPki();
  const inWindow = await digicert('digicertInWindow');
  const upcoming = await digicert('digicertFutureUpcoming', 'Upcoming');
  const gen = await genesys('genesys');
  const good = listing([inWindow, upcoming, gen]);
  f = writeFiles({
    'roots.pem': p.digicertRoot.pem,
    'listing.json': good,
    // The documentation's sample ends its entities array with "].," - not JSON.
    'doc-sample.json': good.replace(/\n  \],\n  "pageSize"/, '\n  ].,\n  "pageSize"'),
    'expired.json': listing([await digicert('digicertExpired')]),
    'expiring.json': listing([await digicert('digicertExpiring'), await digicert('digicertUpcoming', 'Upcoming')]),
    'no-upcoming.json': listing([inWindow]),
    'server-only.json': listing([await digicert('digicertServerOnly')]),
    'service-current-only.pem': p.genesysCa.pem + p.leaf.digicertInWindow!.pem,
    'service-both.pem': p.genesysCa.pem + p.leaf.digicertInWindow!.pem + p.leaf.digicertFutureUpcoming!.pem,
    'genesys-client.pem': p.leaf.genesys!.pem,
    'genesys-ca.pem': p.genesysCa.pem,
    'digicert-client.pem': apiPem(p.leaf.digicertCurrent!, p.digicertIntermediate),
  });
  env = { SSL_CERT_FILE: f['roots.pem']! };
}, 60_000);

describe('files', () => {
  test('an Upcoming DigiCert certificate the service does not trust fails, with the certificate and the date', () => {
    const run = cli(
      ['data-actions', f['listing.json']!, '--trust', f['service-current-only.pem']!, '--region', 'euw1', ...AT, '--format', 'json'],
      { env },
    );
    expect([run.status, run.stderr]).toEqual([1, '']);
    const report = assertValidReport(JSON.parse(run.stdout)) as unknown as {
      dataActions: {
        todo: Array<{ deadline: string; rule: string; target: string }>;
        entities: Array<{ status: string; signingAuthority: string }>;
      };
      results: Array<{ rule: string; status: string; target: string }>;
    };
    expect(report.dataActions.entities.map((e) => `${e.status} ${e.signingAuthority}`)).toEqual([
      'Current DigiCert',
      'Upcoming DigiCert',
      'Current Genesys',
    ]);
    expect(report.dataActions.todo).toEqual([expect.objectContaining({ deadline: '2026-12-12', rule: 'da-trusted', target: 'entity[1]' })]);
    const failed = report.results.filter((r) => r.status === 'fail').map((r) => `${r.rule} ${r.target}`);
    expect(failed).toEqual(['da-trusted entity[1]']);
  });

  test('text: verdict first, then what to do before which date', () => {
    const run = cli(['data-actions', f['listing.json']!, '--trust', f['service-current-only.pem']!, '--region', 'euw1', ...AT], { env });
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^NOT READY: 1 failed check; your web service refuses, or will refuse, Genesys data actions/);
    expect(run.stdout).toMatch(
      /To do\n  by 2026-12-12  da-trusted entity\[1\]: The Upcoming DigiCert certificate .* add it \(sha256 [0-9a-f]{64}\) before 2026-12-12/,
    );
  });

  test('a service that trusts the regional CA and both DigiCert certificates is ready', () => {
    const run = cli(['data-actions', f['listing.json']!, '--trust', f['service-both.pem']!, '--region', 'euw1', ...AT], { env });
    expect(run.stdout.split('\n')[0]).toMatch(/^READY: your web service accepts every Current and Upcoming data actions certificate/);
    expect(run.status).toBe(0);
  });

  test('in the rotation window without an Upcoming entry: a warning, exit 1 with --strict', () => {
    const args = ['data-actions', f['no-upcoming.json']!, '--trust', f['service-both.pem']!, ...AT];
    const run = cli(args, { env });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/fetch again; Genesys lists the upcoming certificate in this window/);
    expect(cli([...args, '--strict'], { env }).status).toBe(1);
  });

  test('expired and expiring certificates', () => {
    expect(cli(['data-actions', f['expired.json']!, ...AT], { env }).status).toBe(1);
    const run = cli(['data-actions', f['expiring.json']!, ...AT, '--format', 'json'], { env });
    const report = assertValidReport(JSON.parse(run.stdout)) as unknown as {
      dataActions: { todo: Array<{ deadline: string; rule: string }> };
    };
    expect(report.dataActions.todo).toContainEqual(expect.objectContaining({ deadline: '2026-12-04', rule: 'da-validity' }));
  });

  test('PEM files: a client certificate with the regional CA beside it, and a DigiCert chain', () => {
    const run = cli(
      [
        'data-actions',
        f['genesys-client.pem']!,
        f['genesys-ca.pem']!,
        f['digicert-client.pem']!,
        '--region',
        'euw1',
        ...AT,
        '--format',
        'json',
      ],
      { env },
    );
    const report = assertValidReport(JSON.parse(run.stdout)) as unknown as {
      dataActions: { entities: Array<{ signingAuthority: string; authorityInferred: boolean }> };
      results: Array<{ rule: string; status: string }>;
    };
    expect(report.dataActions.entities.map((e) => [e.signingAuthority, e.authorityInferred])).toEqual([
      ['Genesys', true],
      ['DigiCert', true],
    ]);
    expect(report.results.filter((r) => r.rule === 'da-chain').map((r) => r.status)).toEqual(['pass', 'pass']);
    expect(run.status).toBe(0);
  });

  test('a certificate without clientAuth, checked for the wrong region', () => {
    const run = cli(['data-actions', f['server-only.json']!, '--region', 'usw2', ...AT, '--format', 'json'], { env });
    expect(run.status).toBe(1);
    const report = assertValidReport(JSON.parse(run.stdout)) as unknown as {
      results: Array<{ rule: string; status: string; message: string }>;
    };
    expect(
      report.results
        .filter((r) => r.status === 'fail')
        .map((r) => r.rule)
        .sort(),
    ).toEqual(['da-client-auth', 'da-region']);
    expect(report.results.find((r) => r.rule === 'da-region')!.message).toMatch(
      /names dataactions\.prod-euw1\.eu-west-1\.mypurecloud\.com, the domain of EMEA \(Dublin\) \(euw1\), not dataactions\.prod-usw2/,
    );
  });

  test('labels with control characters are not echoed raw', () => {
    const body = readFileSync(f['server-only.json']!, 'utf8').replace(
      '"signingAuthority": "DigiCert"',
      '"signingAuthority": "Digi\\u001b[31mCert"',
    );
    const run = cli(['data-actions', '-', ...AT], { env, input: body });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('Digi?[31mCert');
    expect(run.stdout).not.toContain('\u001b');
  });

  test('standard input', () => {
    const run = cli(['data-actions', '-', ...AT, '--format', 'json'], { env, input: readFileSync(f['listing.json']!) });
    expect(run.status).toBe(0);
    assertValidReport(JSON.parse(run.stdout));
  });
});

describe('input errors: one line, exit 2', () => {
  test.each([
    [
      'the documentation\'s own sample ("].,")',
      () => ['data-actions', f['doc-sample.json']!],
      /^byoc-check: .*doc-sample\.json: not valid JSON at line \d+, column \d+ \(near ".*\]\.,.*"\)/,
    ],
    ['no INPUT and no --fetch', () => ['data-actions'], /^byoc-check: data-actions needs INPUT files/],
    ['a missing file', () => ['data-actions', '/nonexistent.json'], /^byoc-check: INPUT \/nonexistent\.json: no such file/],
    ['an unknown region', () => ['data-actions', f['listing.json']!, '--region', 'eu-west-9'], /^byoc-check: --region must be one of/],
    ['JSON without entities', () => ['data-actions', writeFiles({ 'x.json': '{"pageSize": 20}' })['x.json']!], /no entities array/],
  ])('%s', (_name, args, message) => {
    const run = cli(args(), { env });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('the catalog knows the data-actions rules', () => {
  test('rules and explain', () => {
    expect(cli(['rules']).stdout).toMatch(/da-rotation +warning +During the DigiCert rotation window/);
    const run = cli(['explain', 'da-trusted']);
    expect(run.stdout).toMatch(/^da-trusted \(error\)/);
    expect(run.stdout).toMatch(/Source: Genesys Cloud: MTLS support for data actions/);
  });

  test('the trunk check does not load the data-actions code', () => {
    const main = readFileSync(BIN.replace('bin.cjs', 'main.cjs'), 'utf8');
    expect(main).toContain('./lazy/data-actions.mjs');
    expect(main).not.toContain('integrations:actionCertificate:view');
  });
});

/* --fetch against a loopback HTTPS fake of login.<env> and api.<env> */

const CLIENT_ID = 'test-client-id-5f1c';
const SECRET = 'test-secret-d2b7e91a44';
const TOKEN = 'test-token-8c0f6e1b9a';

interface Fake {
  server: Server;
  base: string;
  caFile: string;
  caPem: string;
  seen: Array<{ method: string; url: string; authorization?: string; body: string; contentType?: string }>;
  mode: 'ok' | 'hang' | 'forbidden' | 'echo';
}

let fake: Fake;

beforeAll(async () => {
  const ca = await issue({ subject: 'CN=Fake Genesys Test CA', ca: true, keySlot: 120 });
  const server = await issue({ subject: 'CN=127.0.0.1', issuer: ca, ips: ['127.0.0.1'], dns: ['localhost'], keySlot: 121 });
  const body = listing([await digicert('digicertCurrent'), await genesys('genesys')]);
  const state: Fake = {
    server: undefined as unknown as Server,
    base: '',
    caFile: writeFiles({ 'ca.pem': ca.pem })['ca.pem']!,
    caPem: ca.pem,
    seen: [],
    mode: 'ok',
  };
  state.server = createServer({ cert: server.pem, key: await keyPem(server) }, (req, res) => {
    let text = '';
    req.on('data', (c) => (text += c));
    req.on('end', () => {
      state.seen.push({
        method: req.method!,
        url: req.url!,
        authorization: req.headers.authorization,
        body: text,
        contentType: req.headers['content-type'],
      });
      if (state.mode === 'hang') return;
      res.setHeader('Content-Type', 'application/json');
      if (req.method === 'POST' && req.url === '/oauth/token' && state.mode === 'echo') {
        // a token endpoint (or a proxy) that echoes the request header back in its error
        res.writeHead(400).end(
          JSON.stringify({
            error: `rejected ${req.headers.authorization} (${(req.headers.authorization ?? '').slice(6).replace(/=+$/, '')})`,
          }),
        );
      } else if (req.method === 'POST' && req.url === '/oauth/token') {
        const ok =
          req.headers.authorization === `Basic ${Buffer.from(`${CLIENT_ID}:${SECRET}`).toString('base64')}` &&
          text === 'grant_type=client_credentials';
        res
          .writeHead(ok ? 200 : 401)
          .end(
            JSON.stringify(
              ok
                ? { access_token: TOKEN, token_type: 'bearer', expires_in: 86399 }
                : { error: 'invalid_client', description: `client not found ${req.headers.authorization}` },
            ),
          );
      } else if (req.method === 'GET' && req.url === '/api/v2/integrations/actions/certificates') {
        if (state.mode === 'forbidden')
          res.writeHead(403).end(JSON.stringify({ code: 'missing.any.permissions', message: `token ${TOKEN} lacks permission` }));
        else if (req.headers.authorization === `Bearer ${TOKEN}`) res.writeHead(200).end(body);
        else res.writeHead(401).end('{}');
      } else res.writeHead(404).end('{}');
    });
  });
  await new Promise<void>((resolve) => state.server.listen(0, '127.0.0.1', resolve));
  state.base = `https://127.0.0.1:${(state.server.address() as AddressInfo).port}`;
  fake = state;
}, 60_000);

afterAll(async () => {
  fake.server.closeAllConnections();
  await new Promise((resolve) => fake.server.close(resolve));
});

beforeEach(() => {
  fake.seen = [];
  fake.mode = 'ok';
});

const creds = () => ({
  ...env,
  NODE_EXTRA_CA_CERTS: fake.caFile,
  GENESYSCLOUD_OAUTHCLIENT_ID: CLIENT_ID,
  GENESYSCLOUD_OAUTHCLIENT_SECRET: SECRET,
});

describe('--fetch', () => {
  test('an endpoint that echoes the Authorization header: the Basic value never reaches the message', async () => {
    fake.mode = 'echo';
    const run = await cliAsync(['data-actions', '--fetch', '--api-base', fake.base, ...AT], creds());
    expect(run.status).toBe(2);
    const basic = Buffer.from(`${CLIENT_ID}:${SECRET}`).toString('base64');
    expect(run.stderr).toMatch(/^byoc-check: --fetch: the token request to .* was refused with HTTP 400: rejected Basic \*\*\*/);
    for (const secret of [basic, basic.replace(/=+$/, ''), SECRET, CLIENT_ID]) expect(run.stderr + run.stdout).not.toContain(secret);
  });

  test('user:password in --api-base is refused and never echoed', async () => {
    const base = fake.base.replace('https://', 'https://admin:hunter22@');
    const run = await cliAsync(['data-actions', '--fetch', '--api-base', base, ...AT], creds());
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/a user name or password in the URL is not used/);
    expect(run.stderr).not.toContain('hunter22');
  });

  test('client credentials grant, then the certificates; no secret or token in any output', async () => {
    const out = `${writeFiles({}).dir}/report.json`;
    const run = await cliAsync(
      ['data-actions', '--fetch', '--api-base', fake.base, '--trust', f['service-both.pem']!, ...AT, '--format', 'json', '--output', out],
      creds(),
    );
    expect([run.status, run.stderr]).toEqual([1, '']);
    const text = readFileSync(out, 'utf8');
    const report = assertValidReport(JSON.parse(text)) as unknown as {
      dataActions: { fetched: { url: string }; inputs: Array<{ name: string }> };
      results: Array<{ rule: string; status: string; target: string }>;
    };
    expect(report.dataActions.fetched.url).toBe(`${fake.base}/api/v2/integrations/actions/certificates`);
    // The service pins the DigiCert certificates of another rotation: the Current one fetched is refused.
    expect(report.results.filter((r) => r.status === 'fail').map((r) => `${r.rule} ${r.target}`)).toEqual(['da-trusted entity[0]']);
    expect(fake.seen.map((s) => `${s.method} ${s.url}`)).toEqual(['POST /oauth/token', 'GET /api/v2/integrations/actions/certificates']);
    expect(fake.seen[0]).toMatchObject({ body: 'grant_type=client_credentials', contentType: 'application/x-www-form-urlencoded' });
    for (const secret of [SECRET, TOKEN, Buffer.from(`${CLIENT_ID}:${SECRET}`).toString('base64')])
      expect(text + run.stdout + run.stderr).not.toContain(secret);
  });

  test('a refused secret: exit 2, the error code, never the secret', async () => {
    const run = await cliAsync(['data-actions', '--fetch', '--api-base', fake.base], {
      ...creds(),
      GENESYSCLOUD_OAUTHCLIENT_SECRET: 'wrong-secret-123456',
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(
      /^byoc-check: --fetch: the token request to https:\/\/127\.0\.0\.1:\d+\/oauth\/token was refused with HTTP 401: invalid_client \(check GENESYSCLOUD_OAUTHCLIENT_ID/,
    );
    expect(run.stderr).not.toContain('wrong-secret-123456');
  });

  test('a missing permission names it, without echoing the token', async () => {
    fake.mode = 'forbidden';
    const run = await cliAsync(['data-actions', '--fetch', '--api-base', fake.base], creds());
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(
      /HTTP 403: missing\.any\.permissions \(the OAuth client's role needs the permission integrations:actionCertificate:view\)/,
    );
    expect(run.stderr).not.toContain(TOKEN);
  });

  test('a silent server: exit 2 after --timeout, no hang', async () => {
    fake.mode = 'hang';
    const run = await cliAsync(['data-actions', '--fetch', '--api-base', fake.base, '--timeout', '1'], creds());
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/POST https:\/\/127\.0\.0\.1:\d+\/oauth\/token failed \(no answer within 1 s\)/);
    expect(run.ms).toBeGreaterThanOrEqual(1000);
  });

  test.each([
    [
      'no credentials in the environment',
      () => ({ ...env }),
      ['--api-base', 'https://127.0.0.1:9'],
      /set GENESYSCLOUD_OAUTHCLIENT_ID and GENESYSCLOUD_OAUTHCLIENT_SECRET/,
    ],
    ['neither --region nor --api-base', () => creds(), [], /--fetch needs --region CODE/],
    ['a plain http --api-base', () => creds(), ['--api-base', 'http://127.0.0.1:9'], /--api-base must be an https:\/\/ URL/],
    [
      'an unknown GENESYSCLOUD_REGION',
      () => ({ ...creds(), GENESYSCLOUD_REGION: 'mars-1' }),
      [],
      /GENESYSCLOUD_REGION "mars-1" is not a Genesys Cloud region/,
    ],
  ])('%s', async (_name, e, extra, message) => {
    const run = await cliAsync(['data-actions', '--fetch', ...extra], e());
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  test('GENESYSCLOUD_REGION as an AWS region picks the region (its domain is then checked)', async () => {
    const run = await cliAsync(['data-actions', '--fetch', '--api-base', fake.base, ...AT, '--format', 'json'], {
      ...creds(),
      GENESYSCLOUD_REGION: 'eu-west-1',
    });
    const report = assertValidReport(JSON.parse(run.stdout)) as unknown as { dataActions: { region: string } };
    expect(report.dataActions.region).toBe('euw1');
  });

  test("in-process, with the region table's hosts replaced and the fake CA passed directly", async () => {
    const report = await checkDataActions({
      inputs: [],
      fetch: true,
      apiBase: fake.base,
      env: { GENESYSCLOUD_OAUTHCLIENT_ID: CLIENT_ID, GENESYSCLOUD_OAUTHCLIENT_SECRET: SECRET },
      at: NOW,
      fetchCa: fake.caPem,
      stores: await testStores(),
      region: 'euw1',
    });
    assertValidReport(JSON.parse(JSON.stringify(report)));
    expect(report.dataActions.entities.map((e) => e.signingAuthority)).toEqual(['DigiCert', 'Genesys']);
    expect(report.results.filter((r) => r.rule === 'da-region').map((r) => r.status)).toEqual(['pass', 'pass']);
  });
});
