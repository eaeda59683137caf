/** Everyday friction: did-you-mean, `cas`, `explain --format json`, numbers as typed, TLS version spellings, pasted URIs. */
import { acceptedCas } from '../../rules/data/accepted-cas.js';
import { rules } from '../../rules/index.js';
import { caStatus } from '../../src/cli/commands/cas.js';
import { gatherSipFacts } from '../../src/sip/facts.js';
import { parseSipUri, SipUriError, unwrapPastedUri } from '../../src/sip/uri.js';
import { readTlsVersion, TlsVersionError } from '../../src/tls/version.js';
import { closest, editDistance, plural } from '../../src/util/text.js';
import { fixtures } from '../helpers/fixtures.js';
import { assertValidReport, cli } from '../helpers/run.js';

let files: Record<string, string>;
beforeAll(async () => {
  files = (await fixtures()).files;
});

function usageError(args: string[], message: RegExp) {
  const run = cli(args);
  expect(run.stderr).toMatch(message);
  expect(run.status).toBe(2);
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
}

describe('did you mean', () => {
  test('edit distance and the closest candidate', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('ca', 'ac')).toBe(1);
    expect(closest('ciphres', ['ciphers', 'curves'])).toBe('ciphers');
    expect(closest('zzzzzz', ['ciphers', 'curves'])).toBeUndefined();
  });

  test.each([
    ['an option', () => [files['good.pem']!, '--cipher', 'HIGH'], /unknown option --cipher; did you mean --ciphers\?/],
    ['an option with a typo', () => [files['good.pem']!, '--ofline'], /unknown option --ofline; did you mean --offline\?/],
    ['a subcommand', () => ['rule'], /no command or file "rule"; did you mean `byoc-check rules`\?/],
    ['another subcommand', () => ['explian', 'root-accepted'], /did you mean `byoc-check explain`\?/],
    ['a rule id', () => ['explain', 'root-acepted'], /no rule "root-acepted"; did you mean "root-accepted"\?/],
    ['a rule id, words swapped', () => ['explain', 'tls-cipher'], /did you mean "tls-ciphers"\?/],
  ])('%s', (_, args, message) => usageError(args(), message));

  test('a file that exists is never taken for a mistyped command', () => {
    const run = cli([files['good.pem']!, '--offline', '--ca', files['root.pem']!]);
    expect(run.status).toBe(0);
  });
});

describe('numbers echo what was typed', () => {
  test.each([
    [['--warn-days', 'abc'], /--warn-days needs a number; got "abc"/],
    [['--timeout', 'x'], /--timeout needs a number; got "x"/],
    [['--timeout', '1e9'], /--timeout must be between 0 and 600 seconds; got 1e9/],
    [['--warn-days', '-3'], /--warn-days must not be negative; got -3/],
  ])('%j', (extra, message) => {
    const run = cli([files['good.pem']!, '--offline', ...extra]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/NaN/);
  });
});

describe('plural', () => {
  test('1 day, 2 days, 0 days', () => {
    expect([plural(1, 'day'), plural(2, 'day'), plural(0, 'day'), plural(-1, 'day')]).toEqual(['1 day', '2 days', '0 days', '-1 day']);
  });
});

describe('byoc-check cas', () => {
  test('text: every row, its hash and status', () => {
    const run = cli(['cas']);
    expect(run.status).toBe(0);
    for (const row of acceptedCas) expect(run.stdout).toContain(`${row.subjectHash}  `);
    expect(run.stdout).toMatch(/3513523f\s+distrusted\s+DigiCert: DigiCert Global Root CA/);
    expect(run.stdout).toMatch(/distrust from 2026-04-15/);
  });

  test('json: provider, name, hashes, SHA-256, status, notes, distrust', () => {
    const run = cli(['cas', '--format', 'json']);
    const doc = JSON.parse(run.stdout);
    expect(doc.cas).toHaveLength(acceptedCas.length);
    expect(doc.provenance.url).toMatch(/^https:/);
    for (const row of doc.cas) {
      expect(Object.keys(row).sort()).toEqual(
        ['distrust', 'name', 'notAfter', 'notes', 'provider', 'sha256', 'status', 'subject', 'subjectHash', 'subjectHashOld'].sort(),
      );
      expect(['accepted', 'distrusted', 'distrust-scheduled', 'expired', 'hash-only']).toContain(row.status);
    }
    expect(doc.cas.find((r: { subjectHash: string }) => r.subjectHash === '607986c7')).toMatchObject({
      name: 'DigiCert Global Root G2',
      status: 'accepted',
    });
  });

  test('status as of a date', () => {
    const g1 = acceptedCas.find((r) => r.subjectHash === '3513523f')!;
    expect(caStatus(g1, new Date('2026-01-01'))).toBe('distrust-scheduled');
    expect(caStatus(g1, new Date('2026-05-01'))).toBe('distrusted');
    expect(caStatus({ ...g1, distrust: undefined, notAfter: '2020-01-01T00:00:00Z' }, new Date('2026-01-01'))).toBe('expired');
  });

  test('explain root-accepted and the root fixes point to it', () => {
    expect(cli(['explain', 'root-accepted']).stdout).toMatch(/byoc-check cas/);
    expect(rules.find((r) => r.meta.id === 'root-accepted')!.meta.remediation).toMatch(/`byoc-check cas`/);
    const run = cli([files['good.pem']!, '--offline', '--format', 'json']);
    const report = assertValidReport(JSON.parse(run.stdout));
    const failed = report.results.filter((r) => r.rule === 'root-accepted' && r.status === 'fail');
    expect(failed.length).toBeGreaterThan(0);
    for (const r of failed) expect(r.remediation).toMatch(/byoc-check cas/);
  });
});

describe('explain RULE --format json', () => {
  test('the rule as `rules --format json` gives it', () => {
    const one = JSON.parse(cli(['explain', 'tls-version', '--format', 'json']).stdout);
    const all = JSON.parse(cli(['rules', '--format', 'json']).stdout);
    expect(one.rule).toEqual(all.rules.find((r: { id: string }) => r.id === 'tls-version'));
    expect(one.tool.name).toBe('byoc-check');
  });
});

describe("regions as Genesys' tables write them", () => {
  test.each([
    ['use1', 'use1'],
    ['us-east-1', 'use1'],
    ['EU-West-1', 'euw1'],
    ['ap-northeast-3', 'apne3'],
  ])('--region %s is %s', (written, code) => {
    const run = cli([files['good.pem']!, '--offline', '--ca', files['root.pem']!, '--region', written, '--format', 'json']);
    expect(run.stderr).toBe('');
    expect((JSON.parse(run.stdout) as { options: { region: string } }).options.region).toBe(code);
  });

  test('an unknown region lists the codes', () => {
    usageError([files['good.pem']!, '--region', 'us-east-9'], /^byoc-check: --region must be one of use1, use2, usw2/);
  });
});

describe('TLS version spellings', () => {
  test.each([
    ['1.2', '1.2', false],
    ['TLSv1.2', '1.2', false],
    ['tlsv1_2', '1.2', false],
    ['TLSv1_2', '1.2', false],
    ['TLS1.2', '1.2', false],
    ['TLS 1.2', '1.2', false],
    ['TLSv1.2+', '1.2', true],
    [' tlsv1.3 ', '1.3', false],
    ['TLSv1', '1.0', false],
    ['TLSv1.1', '1.1', false],
    ['1.0+', '1.0', true],
  ])('%j is %s', (text, version, orHigher) => {
    expect(readTlsVersion(text)).toEqual({ version, orHigher });
  });

  test.each([['1'], ['12'], ['1.4'], ['SSLv3'], ['TLSv2'], [''], ['latest']])('%j is refused', (text) => {
    expect(() => readTlsVersion(text)).toThrow(TlsVersionError);
  });

  test('the CLI says what it understood, in the message and the evidence', () => {
    const run = cli([
      files['good.pem']!,
      '--ca',
      files['root.pem']!,
      '--offline',
      '--format',
      'json',
      '--tls-min',
      'TLSv1.2+',
      '--tls-max',
      'tlsv1_3',
    ]);
    const report = assertValidReport(JSON.parse(run.stdout));
    const result = report.results.find((r) => r.rule === 'tls-version' && r.target === 'settings.server')!;
    expect(result.status).toBe('pass');
    expect(result.evidence).toMatchObject({ versions: ['1.2', '1.3'], setting: 'TLSv1.2+ (= 1.2)..tlsv1_3 (= 1.3)' });
    expect(result.message).toMatch(/"TLSv1\.2\+ \(= 1\.2\)\.\.tlsv1_3 \(= 1\.3\)" enables TLS 1\.2, TLS 1\.3/);
  });

  test('"+" on --tls-max and unknown spellings are one-line input errors', () => {
    usageError([files['good.pem']!, '--offline', '--tls-max', 'TLSv1.2+'], /--tls-max "TLSv1\.2\+": "\+" means "or higher"/);
    usageError([files['good.pem']!, '--offline', '--tls-min', 'TLS1.9'], /--tls-min "TLS1\.9": TLS 1\.9 does not exist/);
  });
});

describe('URIs pasted from a trace', () => {
  const uri = 'sip:+13175550100;tgrp=c1;trunk-context=example.com@lb01.voice.use1.pure.cloud:5061;transport=tls';
  test.each([[`<${uri}>`], [`"Carrier A" <${uri}>;tag=a6c85cf`], [`To: <${uri}>`], [`  Carrier <${uri}> ;tag=x `], [uri]])('%s', (text) => {
    expect(unwrapPastedUri(text)).toBe(uri);
    const facts = gatherSipFacts([text], ['"SBC" <sip:sbc1.example.com:5061;transport=tls>;tag=1'], undefined);
    expect(facts.uris[0]!.uri.raw).toBe(uri);
    expect(facts.uris[0]!.uri.userParams.map((p) => p.name)).toEqual(['tgrp', 'trunk-context']);
    expect(facts.sbcs[0]).toMatchObject({ host: 'sbc1.example.com', port: 5061 });
  });

  test('text after ">" that is not a parameter is left alone', () => {
    expect(unwrapPastedUri('<sip:a@b.example> junk')).toBe('<sip:a@b.example> junk');
  });

  test('a URI without a scheme says to add sip:', () => {
    for (const text of ['+13175550100@lb01.voice.use1.pure.cloud:5061;transport=tls', '+13175550100@lb01.voice.use1.pure.cloud']) {
      expect(() => parseSipUri(text)).toThrow(SipUriError);
      expect(() => parseSipUri(text)).toThrow(/no scheme: add `sip:` in front/);
    }
    expect(() => parseSipUri('tel:+1317')).toThrow(/the scheme "tel" is not sip or sips/);
    usageError(
      [files['good.pem']!, '--offline', '--uri', '+13175550100@lb01.voice.use1.pure.cloud:5061;transport=tls'],
      /add `sip:` in front/,
    );
  });

  test('through the CLI, with the mark on the pasted URI', () => {
    const run = cli([
      files['good.pem']!,
      '--ca',
      files['root.pem']!,
      '--offline',
      '--format',
      'json',
      '--uri',
      `"A" <${uri.replace(';transport=tls', ';transport=tcp')}>;tag=9`,
    ]);
    const report = assertValidReport(JSON.parse(run.stdout));
    const transport = report.results.find((r) => r.rule === 'uri-transport')!;
    expect(transport.status).toBe('fail');
    expect(transport.remediation).toBe('Replace ;transport=tcp with ;transport=tls.');
    const mark = transport.evidence as { uri: string; mark: { start: number; end: number } };
    expect(mark.uri.slice(mark.mark.start, mark.mark.end)).toBe(';transport=tcp');
  });
});
