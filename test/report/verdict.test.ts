/**
 * The verdict never calls a partial check a full pass: `unchecked` lists every area whose rules
 * only skipped (inputs not given, --offline, no network), and the verdict sentence names them.
 */
import { rules } from '../../rules/index.js';
import type { CheckOptions } from '../../src/pipeline/chain-check.js';
import type { RuleResult } from '../../src/engine/types.js';
import { flagEndpoints } from '../../src/providers/flags.js';
import { uncheckedAreas, verdictLine } from '../../src/report/build.js';
import { ctx } from '../helpers/context.js';
import { startCrlServer } from '../helpers/crl-server.js';
import { fixtures } from '../helpers/fixtures.js';
import { days, issue, NOW, standardPki, writeFiles, x509 } from '../helpers/pki.js';
import { cli, results, runCheck } from '../helpers/run.js';

const URI = 'sip:+13175550100;tgrp=carrier1;trunk-context=byoc.example.com@lb01.voice.use1.pure.cloud:5061;transport=tls';
const TLS = {
  ciphers: 'ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256:AES256-GCM-SHA384',
  curves: 'secp384r1:X25519',
  tlsMin: '1.2',
  tlsMax: '1.3',
};

async function good(options: Partial<CheckOptions> = {}) {
  const { files } = await fixtures();
  return runCheck({ chain: files['good.pem']!, caFile: files['root.pem'], at: NOW, ...options });
}

describe('unchecked areas and the verdict, end to end', () => {
  test('a chain alone, --offline: certificate chain and trust passed; SIP, TLS and CRLs listed as not checked', async () => {
    const report = await good();
    expect(report.ok).toBe(true);
    expect(report.unchecked.map((u) => [u.area, u.rules])).toEqual([
      ['sip', ['byoc-host', 'host-not-ip', 'sip-port', 'subject-name', 'uri-params', 'uri-transport']],
      ['tls', ['tls-ciphers', 'tls-curves', 'tls-version']],
      ['crl', ['crl-reachable', 'not-revoked']],
    ]);
    expect(report.unchecked[0]).toMatchObject({
      reason: 'no --sbc or --uri given',
      hint: expect.stringMatching(/^give --sbc HOST:5061 .* and --uri /),
    });
    expect(report.unchecked[2]).toMatchObject({ reason: '--offline: no CRL was downloaded' });
    expect(report.verdict).toBe(
      'READY FOR WHAT WAS CHECKED: certificate chain and trust passed; not checked: SIP names (give --sbc/--uri), TLS settings (give --ciphers/--curves/--tls-min), CRLs (--offline).',
    );
  });

  test('--sbc without --uri: only the URI rules are unchecked, and the reason says which flag is missing', async () => {
    const report = await good({ sbcs: ['sbc1.example.com:5061'], ...TLS });
    expect(report.unchecked.map((u) => u.area)).toEqual(['sip', 'crl']);
    expect(report.unchecked[0]).toMatchObject({ rules: ['byoc-host', 'uri-params', 'uri-transport'], reason: 'no --uri given' });
    expect(report.verdict).toMatch(
      /^READY FOR WHAT WAS CHECKED: certificate chain, trust, SIP names \(host-not-ip, sip-port, subject-name\) and TLS settings passed; not checked: SIP names \(give --uri\), CRLs \(--offline\)\.$/,
    );
  });

  test('only --curves missing: the TLS area is partly checked, tls-curves alone is listed', async () => {
    const report = await good({ sbcs: ['sbc1.example.com:5061'], uris: [URI], ciphers: TLS.ciphers, tlsMin: '1.2' });
    expect(report.unchecked.find((u) => u.area === 'tls')).toEqual({
      area: 'tls',
      rules: ['tls-curves'],
      reason: 'no --curves given',
      hint: expect.stringContaining("--curves 'secp384r1"),
    });
  });

  test('warnings and unchecked areas: READY WITH WARNINGS FOR WHAT WAS CHECKED', async () => {
    const { files } = await fixtures();
    const report = await runCheck({ chain: files['reversed.pem']!, caFile: files['root.pem'], at: NOW });
    expect(report.verdict).toMatch(
      /^READY WITH WARNINGS FOR WHAT WAS CHECKED: certificate chain and trust checked, \d+ warnings? to review; not checked: SIP names/,
    );
  });

  test('a failure still says NOT READY, and what was not checked', async () => {
    const { files } = await fixtures();
    const report = await runCheck({ chain: files['expired.pem']!, caFile: files['root.pem'], at: NOW });
    expect(report.verdict).toMatch(
      /^NOT READY: \d+ failed checks?; Genesys will refuse this trunk as it is\. Not checked: SIP names \(give --sbc\/--uri\), TLS settings .*, CRLs \(--offline\)\.$/,
    );
  });

  test('everything given and every CRL fetched: READY: every check passed, nothing unchecked', async () => {
    const pki = await standardPki();
    const crl = async (issuer: typeof pki.root) =>
      Buffer.from(
        (
          await x509.X509CrlGenerator.create({
            issuer: issuer.cert.subject,
            thisUpdate: days(-1),
            nextUpdate: days(6),
            signingKey: issuer.keys.privateKey,
            signingAlgorithm: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as Algorithm,
          })
        ).rawData,
      );
    const [intCrl, rootCrl] = [await crl(pki.intermediate), await crl(pki.root)];
    const server = await startCrlServer({ '/int.crl': (_, res) => res.end(intCrl), '/root.crl': (_, res) => res.end(rootCrl) });
    try {
      const intermediate = await issue({
        subject: 'CN=Test Lab Issuing CA,O=Test Lab,C=US',
        issuer: pki.root,
        ca: true,
        pathLength: 0,
        keySlot: 2,
        notBefore: days(-1000),
        notAfter: days(1500),
        crl: [server.url('/root.crl')],
      });
      const leaf = await issue({
        subject: 'CN=sbc1.example.com,O=Carrier,C=US',
        issuer: pki.intermediate,
        keySlot: 3,
        dns: ['sbc1.example.com'],
        crl: [server.url('/int.crl')],
      });
      const f = writeFiles({ 'chain.pem': leaf.pem + intermediate.pem, 'root.pem': pki.root.pem });
      const report = await runCheck({
        chain: f['chain.pem']!,
        caFile: f['root.pem'],
        at: NOW,
        offline: false,
        timeoutSeconds: 3,
        sbcs: ['sbc1.example.com:5061'],
        uris: [URI],
        ...TLS,
      });
      expect(
        report.results
          .filter((r) => r.status !== 'pass' && r.evidence?.reason !== 'not-applicable')
          .map((r) => `${r.rule} ${r.status}: ${r.message}`),
      ).toEqual([]);
      expect(report.unchecked).toEqual([]);
      expect(report.verdict).toBe('READY: every check passed.');
    } finally {
      await server.close();
    }
  });
});

describe('uncheckedAreas is derived from the results, however a rule came to skip', () => {
  const base = { severity: 'error' as const, remediation: 'r', source: 's' };
  const result = (rule: string, status: RuleResult['status'], extra: Partial<RuleResult> = {}): RuleResult => ({
    ...base,
    rule,
    status,
    target: 'check',
    message: `${rule} ${status}`,
    ...extra,
  });

  test('a uniform runner skip ("requires") counts like a rule\'s own skip branch', () => {
    const results = rules.map((r) =>
      result(
        r.meta.id,
        r.meta.area === 'tls' ? 'skip' : 'pass',
        r.meta.area === 'tls' ? { message: 'Not applicable: needs tls settings.', evidence: { requires: ['tls settings'] } } : {},
      ),
    );
    const unchecked = uncheckedAreas(
      ctx([], { tls: { endpoints: flagEndpoints({ ciphers: 'HIGH', curves: 'secp384r1', tlsMin: '1.2' }) } }),
      results,
      rules,
    );
    expect(unchecked).toEqual([
      {
        area: 'tls',
        rules: ['mtls-not-required', 'tls-ciphers', 'tls-curves', 'tls-reachable', 'tls-version'],
        reason: 'Not applicable: needs tls settings.',
        hint: 'see the skipped results of mtls-not-required, tls-ciphers, tls-curves, tls-reachable, tls-version',
        short: 'Not applicable: needs tls settings.',
      },
    ]);
    expect(verdictLine(results, unchecked, rules)).toMatch(
      /^READY FOR WHAT WAS CHECKED: certificate chain, trust, SIP names, CRLs, SBC configuration and SRTP media passed; not checked: TLS settings \(Not applicable/,
    );
  });

  test('a CRL skipped because this machine could not reach it leaves CRLs unchecked even if another CRL passed', () => {
    const results = rules.flatMap((r) =>
      r.meta.id === 'crl-reachable'
        ? [
            result('crl-reachable', 'pass', { target: 'certificate[1]' }),
            result('crl-reachable', 'skip', {
              target: 'certificate[0]',
              message: 'This machine cannot reach the CRL server for the leaf.',
              evidence: { reason: 'unreachable' },
            }),
          ]
        : [result(r.meta.id, 'pass')],
    );
    const unchecked = uncheckedAreas(ctx([], { offline: false }), results, rules);
    expect(unchecked.map((u) => [u.area, u.rules, u.reason])).toEqual([
      ['crl', ['crl-reachable'], 'This machine cannot reach the CRL server for the leaf.'],
    ]);
    expect(verdictLine(results, unchecked, rules)).not.toMatch(/every check passed/);
  });

  test('nothing skipped: READY: every check passed', () => {
    const results = rules.map((r) => result(r.meta.id, 'pass'));
    expect(uncheckedAreas(ctx([]), results, rules)).toEqual([]);
    expect(verdictLine(results, [], rules)).toBe('READY: every check passed.');
  });
});

describe('the command line', () => {
  test('text: the verdict line names what was not checked; --strict exits 1 while an area is unchecked', async () => {
    const { files } = await fixtures();
    const base = [files['good.pem']!, '--ca', files['root.pem']!, '--offline', '--at', NOW.toISOString()];
    const run = cli(base);
    expect(run.status).toBe(0);
    expect(run.stdout).not.toMatch(/every check passed/);
    expect(run.stdout).toMatch(
      /\nREADY FOR WHAT WAS CHECKED: certificate chain and trust passed; not checked: SIP names \(give --sbc\/--uri\), TLS settings \(give --ciphers\/--curves\/--tls-min\), CRLs \(--offline\)\. \(\d+ passed, 0 failed, 0 warnings, \d+ skipped\)\n$/,
    );
    expect(cli([...base, '--strict']).status).toBe(1);
    expect(results(await good(), 'crl-reachable')[0]!.status).toBe('skip');
  });
});

test('media is an area only when media facts were gathered; a configuration without a Genesys leg leaves it unchecked, with the profile key to give', () => {
  const base = { severity: 'error' as const, remediation: 'r', source: 's', target: 'media' };
  const results: RuleResult[] = [
    {
      ...base,
      rule: 'srtp-offered',
      status: 'skip',
      message: 'No leg to Genesys was found in the SBC configuration; SRTP was not checked.',
    },
    {
      ...base,
      rule: 'srtp-suites',
      status: 'skip',
      message: 'No leg offers SDES-SRTP to Genesys (srtp-offered says why); no suites to compare.',
    },
  ];
  const media = rules.filter((r) => r.meta.area === 'media');
  expect(uncheckedAreas(ctx([]), results, media)).toEqual([]);
  expect(uncheckedAreas(ctx([], { media: { endpoints: [] } }), results, media)).toEqual([
    expect.objectContaining({
      area: 'media',
      rules: ['srtp-offered', 'srtp-suites'],
      short: 'no leg to Genesys found; give srtp: in the trunk profile',
    }),
  ]);
});
