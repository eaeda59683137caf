/**
 * `byoc-check genesys` end to end: the built CLI on saved trunk base settings (test/fixtures/genesys,
 * written from the documented API shape), and --fetch against a loopback HTTPS fake of the login and
 * API hosts (trusted through NODE_EXTRA_CA_CERTS): the grant, two pages, refusals, slow and oversized answers.
 */
import { readFileSync } from 'node:fs';
import { checkGenesys } from '../../src/genesys/check.js';
import { CLIENT_ID, fakeCredentials, fakePlatformApi, SECRET, TOKEN, type FakeApi } from '../helpers/genesys-api.js';
import { writeFiles } from '../helpers/pki.js';
import { assertValidReport, cli, cliAsync, ROOT } from '../helpers/run.js';

const FIX = `${ROOT}test/fixtures/genesys`;
const PAGE1 = `${FIX}/org-page1.json`;
const PAGE2 = `${FIX}/org-page2.json`;

interface TrunkJson {
  id: string;
  name: string;
  protocol: { value: string; source: string } | null;
  sipServers: { entries: Array<{ host: string; port: number | null; source: string }> } | null;
  notes: string[];
}
interface GenesysJson {
  ok: boolean;
  verdict: string;
  results: Array<{ rule: string; status: string; target: string; message: string; trunk?: string }>;
  genesys: {
    source: { kind: string; url?: string; pages?: number; files?: string[] };
    trunks: TrunkJson[];
    skipped: number;
    selected: string[] | null;
  };
}
const report = (stdout: string) => assertValidReport(JSON.parse(stdout)) as unknown as GenesysJson;
const failed = (r: GenesysJson) =>
  r.results
    .filter((x) => x.status === 'fail')
    .map((x) => `${x.rule} ${x.target}`)
    .sort();

describe('saved answers', () => {
  test('two pages: BYOC trunks only, every value with provenance, the failures named', () => {
    const run = cli(['genesys', PAGE1, PAGE2, '--format', 'json']);
    expect([run.status, run.stderr]).toEqual([1, '']);
    const r = report(run.stdout);
    expect(r.genesys.trunks.map((t) => t.name)).toEqual(['Acme TLS', 'Acme UDP', 'Acme IP', 'Acme disabled', 'Acme odd shapes']);
    expect(r.genesys.skipped).toBe(1);
    expect(r.genesys.source).toEqual({ kind: 'files', files: [PAGE1, PAGE2] });
    expect(r.genesys.trunks[0]!.sipServers!.entries.map((e) => [e.host, e.port, e.source])).toEqual([
      ['sbc1.acme.example', null, 'genesys: trunk "Acme TLS" properties.trunk_transport_serverProxyList[0]'],
      ['sbc2.acme.example', 5061, 'genesys: trunk "Acme TLS" properties.trunk_transport_serverProxyList[1]'],
    ]);
    expect(failed(r)).toEqual([
      'trunk-proxies trunk[Acme IP].sipServer[0]',
      'trunk-proxies trunk[Acme IP].sipServer[1]',
      'trunk-proxies trunk[Acme IP].sipServer[2]',
      'trunk-tls trunk[Acme UDP]',
    ]);
    expect(r.results.find((x) => x.rule === 'trunk-enabled' && x.status === 'warn')!.trunk).toBe('Acme disabled');
    // An unknown property shape is a note and an unknown value, never a crash.
    const odd = r.genesys.trunks.find((t) => t.name === 'Acme odd shapes')!;
    expect(odd.protocol).toBeNull();
    expect(odd.notes.join('\n')).toMatch(/properties\.trunk_transport_serverProxyList is not a list of strings; the value was not read/);
    expect(r.results.filter((x) => x.target === 'trunk[Acme odd shapes]').map((x) => x.status)).not.toContain('fail');
  });

  test('one trunk base; text: verdict first, the trunks and their values', () => {
    const run = cli(['genesys', `${FIX}/trunk-tls.json`]);
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n')[0]).toMatch(/^READY FOR WHAT WAS CHECKED: the org's BYOC trunk settings pass; not checked: the SBC/);
    expect(run.stdout).toMatch(/"Acme TLS" \(6c1f6b2e-0001-4a7e-9a01-000000000001\) TLS, enabled/);
    expect(run.stdout).toMatch(/the SBC must send ;tgrp=acme-tls/);
  });

  test('--trunk by name or id; an unknown name: exit 2 with a did-you-mean', () => {
    const run = cli([
      'genesys',
      PAGE1,
      PAGE2,
      '--trunk',
      'acme tls',
      '--trunk',
      '6c1f6b2e-0004-4a7e-9a01-000000000004',
      '--format',
      'json',
    ]);
    expect(run.status).toBe(0);
    const r = report(run.stdout);
    expect(r.genesys.trunks.map((t) => t.name)).toEqual(['Acme TLS', 'Acme disabled']);
    expect(r.genesys.selected).toEqual(['acme tls', '6c1f6b2e-0004-4a7e-9a01-000000000004']);
    const bad = cli(['genesys', PAGE1, '--trunk', 'Acme TSL']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^byoc-check: --trunk "Acme TSL" names no BYOC Cloud trunk read; did you mean "Acme TLS"\?/);
    expect(bad.stderr.split('\n')).toHaveLength(2);
  });

  test.each([
    ['no input', [], /genesys needs INPUT files .* or --fetch/],
    ['not JSON', [`${ROOT}package-lock.json`.replace('package-lock.json', 'README.md')], /is not JSON/],
    ['JSON of something else', [`${ROOT}package.json`], /is neither a trunk base listing/],
    ['no BYOC trunk', [`${FIX}/only-managed.json`], /no BYOC Cloud trunk in the INPUT \(1 other trunk base\)/],
    ['a missing file', [`${FIX}/nope.json`], /nope\.json/],
    ['--api-base without --fetch', [PAGE1, '--api-base', 'https://127.0.0.1:9'], /--api-base only applies with --fetch/],
  ])('bad input: %s: one line, exit 2, no stack', (_name, args, message) => {
    const run = cli(['genesys', ...args]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  test('a hostile answer: notes capped, a nameless trunk, control characters in a file name kept off the terminal', async () => {
    const base = {
      id: 'x1',
      name: '',
      trunkMetabase: { id: 'external_sip_pcv_byoc_carrier.json' },
      properties: {
        trunk_transport_protocolVariant: { value: { instance: 'tls' } },
        trunk_transport_serverProxyList: { value: { instance: Array(5000).fill(7) } },
      },
    };
    const files = writeFiles({ 'bad\u001b[31mname.json': JSON.stringify({ entities: [base, ...Array(100).fill(3)] }) });
    const r = await checkGenesys({ inputs: [files['bad\u001b[31mname.json']!] });
    assertValidReport(JSON.parse(JSON.stringify(r)));
    expect(r.genesys.trunks[0]!.notes).toHaveLength(21);
    expect(r.genesys.notes.at(-1)).toBe('... and 80 more notes like these');
    expect(r.results.find((x) => x.rule === 'trunk-tls')!.target).toBe('trunk[x1]');
    const run = cli(['genesys', files['bad\u001b[31mname.json']!]);
    expect(run.status).toBe(0);
    expect(run.stdout).not.toContain('\u001b');
  });

  test('markdown, junit and sarif', () => {
    const md = cli(['genesys', PAGE1, PAGE2, '--format', 'markdown']);
    expect(md.status).toBe(1);
    expect(md.stdout).toMatch(/^## byoc-check genesys: /);
    expect(md.stdout).toMatch(/\| ❌ fail \| trunk-tls \| trunk\\\[Acme UDP\\\] \|/);
    const junit = cli(['genesys', PAGE1, PAGE2, '--format', 'junit']);
    expect(junit.status).toBe(1);
    expect(junit.stdout).toMatch(/<testsuite name="Acme UDP"/);
    expect(junit.stdout).toMatch(/<testcase classname="trunk-tls" name="trunk\[Acme UDP\]">\s*<failure/);
    const sarif = cli(['genesys', PAGE1, PAGE2, '--format', 'sarif']);
    const log = JSON.parse(sarif.stdout) as {
      runs: Array<{
        tool: { driver: { rules: Array<{ id: string }> } };
        results: Array<{ ruleId: string; locations: unknown[]; properties: { key?: string } }>;
        invocations: Array<{ exitCode: number }>;
      }>;
    };
    expect(log.runs[0]!.tool.driver.rules.map((r) => r.id)).toEqual(['trunk-enabled', 'trunk-proxies', 'trunk-termination', 'trunk-tls']);
    expect(log.runs[0]!.invocations[0]!.exitCode).toBe(1);
    const tls = log.runs[0]!.results.find((r) => r.ruleId === 'trunk-tls')!;
    expect(JSON.stringify(tls.locations)).toMatch(/"uri":"[^"]*org-page1\.json"/);
    expect(tls.properties.key).toBe('properties.trunk_transport_protocolVariant');
  });

  test('rules and explain know the genesys rules', () => {
    expect(cli(['rules']).stdout).toMatch(/trunk-termination +error +The trunk has the Inbound SIP Termination Identifier/);
    const run = cli(['explain', 'trunk-tls']);
    expect(run.stdout).toMatch(/^trunk-tls \(error\): The BYOC Cloud trunk uses TLS/);
    expect(cli(['explain', 'trunk-tsl']).stderr).toMatch(/did you mean "trunk-tls"/);
  });
});

/* --fetch against a loopback HTTPS fake of login.<env> and api.<env> */

let fake: FakeApi;

beforeAll(async () => {
  fake = await fakePlatformApi([PAGE1, PAGE2]);
}, 60_000);

afterAll(() => fake.close());

beforeEach(() => {
  fake.seen = [];
  fake.mode = 'ok';
});

const creds = () => fakeCredentials(fake);
const SECRETS = () => [SECRET, TOKEN, Buffer.from(`${CLIENT_ID}:${SECRET}`).toString('base64')];
const fetchArgs = (...extra: string[]) => ['genesys', '--fetch', '--api-base', fake.base, ...extra];

describe('--fetch', () => {
  test('the grant, then two pages by nextUri (pageSize=100, ignoreHidden=true); no secret in any output', async () => {
    const out = `${writeFiles({}).dir}/report.json`;
    const run = await cliAsync(fetchArgs('--format', 'json', '--output', out), creds());
    expect([run.status, run.stderr]).toEqual([1, '']);
    const text = readFileSync(out, 'utf8');
    const r = report(text);
    expect(fake.seen.map((s) => `${s.method} ${s.url}`)).toEqual([
      'POST /oauth/token',
      'GET /api/v2/telephony/providers/edges/trunkbasesettings?pageSize=100&pageNumber=1&ignoreHidden=true',
      'GET /api/v2/telephony/providers/edges/trunkbasesettings?pageSize=100&pageNumber=2&ignoreHidden=true',
    ]);
    expect(r.genesys.source).toEqual({
      kind: 'fetch',
      url: `${fake.base}/api/v2/telephony/providers/edges/trunkbasesettings?pageSize=100&pageNumber=1&ignoreHidden=true`,
      pages: 2,
    });
    expect(r.genesys.trunks).toHaveLength(5);
    for (const s of SECRETS()) expect(text + run.stdout + run.stderr).not.toContain(s);
  });

  test('sarif of a fetched report: no file location (the source is a URL), no secret', async () => {
    const run = await cliAsync(fetchArgs('--format', 'sarif'), creds());
    expect(run.status).toBe(1);
    const log = JSON.parse(run.stdout) as { runs: Array<{ results: Array<{ locations: Array<Record<string, unknown>> }> }> };
    expect(log.runs[0]!.results.length).toBeGreaterThan(0);
    for (const r of log.runs[0]!.results) expect(r.locations[0]!.physicalLocation).toBeUndefined();
    for (const s of SECRETS()) expect(run.stdout).not.toContain(s);
  });

  test('a nextUri on another host: only its query is used, the token stays on the API host', async () => {
    fake.mode = 'foreign-next';
    const run = await cliAsync(fetchArgs('--format', 'json'), creds());
    expect(run.status).toBe(1);
    expect(report(run.stdout).genesys.source.pages).toBe(2);
    expect(fake.seen).toHaveLength(3);
  });

  test('without nextUri, pageCount drives the paging', async () => {
    fake.mode = 'page-count';
    const run = await cliAsync(fetchArgs('--format', 'json'), creds());
    expect(report(run.stdout).genesys.source.pages).toBe(2);
  });

  test.each([
    ['unauthorized', /HTTP 401: bad\.credentials \(the token was not accepted/],
    ['forbidden', /HTTP 403: missing\.any\.permissions \(the OAuth client's role needs the permission telephony:plugin:all\)/],
    ['throttled', /HTTP 429: too\.many\.requests \(rate limited: run again later\)/],
    ['error', /HTTP 503\n?$/],
    ['oversized', /failed \(the response is larger than 8192 KiB\)/],
  ] as const)('%s: one line, exit 2, never the token', async (mode, message) => {
    fake.mode = mode;
    const run = await cliAsync(fetchArgs(), creds());
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(
      /^byoc-check: --fetch: GET https:\/\/127\.0\.0\.1:\d+\/api\/v2\/telephony\/providers\/edges\/trunkbasesettings\?pageSize=100/,
    );
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    for (const s of SECRETS()) expect(run.stderr + run.stdout).not.toContain(s);
  });

  test('pages without end: at most 100 are read, then exit 2', async () => {
    fake.mode = 'endless';
    const run = await cliAsync(fetchArgs(), creds());
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/more than 100 pages of trunk base settings; save the listing to files/);
    expect(fake.seen).toHaveLength(101);
  }, 30_000);

  test('GENESYSCLOUD_REGION picks the region when --region is not given', async () => {
    const run = await cliAsync(['genesys', '--fetch'], { ...creds(), GENESYSCLOUD_REGION: 'mars-1' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/GENESYSCLOUD_REGION "mars-1" is not a Genesys Cloud region/);
  });

  test('a refused secret: the error code, never the secret or its Basic form', async () => {
    const run = await cliAsync(fetchArgs(), { ...creds(), GENESYSCLOUD_OAUTHCLIENT_SECRET: 'wrong-secret-998877' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/refused with HTTP 401: invalid_client \(check GENESYSCLOUD_OAUTHCLIENT_ID/);
    expect(run.stderr).not.toContain('wrong-secret-998877');
  });

  test('a slow answer within --timeout is read; a silent one ends after --timeout', async () => {
    fake.mode = 'slow';
    const slow = await cliAsync(fetchArgs('--timeout', '5', '--format', 'json'), creds());
    expect(slow.status).toBe(1);
    expect(report(slow.stdout).genesys.trunks).toHaveLength(5);
    fake.mode = 'hang';
    const silent = await cliAsync(fetchArgs('--timeout', '1'), creds());
    expect(silent.status).toBe(2);
    expect(silent.stderr).toMatch(/POST https:\/\/127\.0\.0\.1:\d+\/oauth\/token failed \(no answer within 1 s\)/);
    expect(silent.ms).toBeGreaterThanOrEqual(1000);
  }, 20_000);

  test.each([
    [
      'no credentials',
      {},
      ['--api-base', 'https://127.0.0.1:9'],
      /permission telephony:plugin:all\) from the environment: set GENESYSCLOUD_OAUTHCLIENT_ID/,
    ],
    ['neither --region nor --api-base', null, [], /--fetch needs --region CODE/],
    ['INPUT and --fetch', null, [PAGE1, '--region', 'euw1'], /give INPUT files or --fetch, not both/],
  ])('%s', async (_name, env, extra, message) => {
    const run = await cliAsync(['genesys', '--fetch', ...extra], env ?? creds());
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  test('in-process, with the fake CA passed directly', async () => {
    const r = await checkGenesys({
      inputs: [],
      fetch: true,
      apiBase: fake.base,
      env: { GENESYSCLOUD_OAUTHCLIENT_ID: CLIENT_ID, GENESYSCLOUD_OAUTHCLIENT_SECRET: SECRET },
      fetchCa: fake.caPem,
      trunks: ['Acme TLS'],
    });
    assertValidReport(JSON.parse(JSON.stringify(r)));
    expect(r.ok).toBe(true);
    expect(r.genesys.trunks.map((t) => t.name)).toEqual(['Acme TLS']);
  });
});
