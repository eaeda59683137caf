/** Facts of `probe --from-sbc` written by hand (the shapes the provider fills), and a case runner for its rules. */
import type { FromSbcRule, Status } from '../../src/engine/types.js';
import type { FromSbcFacts, FromSbcTarget, ReceivedCertificate } from '../../src/model/from-sbc.js';

export const NOW = new Date('2026-11-22T12:00:00Z');

export const cert = (over: Partial<ReceivedCertificate> = {}): ReceivedCertificate => ({
  subject: 'C=US, O=Genesys, CN=lb01.voice.use1.pure.cloud',
  issuer: 'C=US, O=DigiCert Inc, CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1',
  subjectHash: '11111111',
  issuerHash: '22222222',
  issuerCommonNames: ['DigiCert Global G2 TLS RSA SHA256 2020 CA1'],
  selfSigned: false,
  notBefore: '2026-01-01T00:00:00.000Z',
  notAfter: '2027-06-01T00:00:00.000Z',
  sha256: 'a'.repeat(64),
  san: ['lb01.voice.use1.pure.cloud'],
  ...over,
});

export const intermediate = (over: Partial<ReceivedCertificate> = {}): ReceivedCertificate =>
  cert({
    subject: 'C=US, O=DigiCert Inc, CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1',
    subjectHash: '22222222',
    issuer: 'C=US, O=DigiCert Inc, OU=www.digicert.com, CN=DigiCert Global Root G2',
    issuerHash: '607986c7',
    issuerCommonNames: ['DigiCert Global Root G2'],
    notAfter: '2030-01-01T00:00:00.000Z',
    san: [],
    ...over,
  });

/** A proxy that completed the handshake and sent leaf + intermediate, verified and named. */
export function proxy(over: Partial<FromSbcTarget> = {}): FromSbcTarget {
  return {
    name: 'lb01.voice.use1.pure.cloud:5061',
    host: 'lb01.voice.use1.pure.cloud',
    port: 5061,
    region: 'use1',
    sni: 'lb01.voice.use1.pure.cloud',
    handshake: {
      ok: true,
      connected: true,
      version: 'TLSv1.2',
      suite: 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
      group: 'secp384r1',
      ms: 12,
    },
    chain: [cert(), intermediate()],
    verify: { ok: true },
    path: {
      anchor: {
        subject: 'C=US, O=DigiCert Inc, OU=www.digicert.com, CN=DigiCert Global Root G2',
        subjectHash: '607986c7',
        notAfter: '2038-01-15T12:00:00.000Z',
      },
    },
    identity: { ok: true },
    ...over,
  };
}

export const failedHandshake = (handshake: Partial<FromSbcTarget['handshake']>): FromSbcTarget =>
  proxy({ handshake: { ok: false, connected: true, ms: 5, ...handshake }, chain: [], verify: null, path: null, identity: null });

export function facts(targets: FromSbcTarget[], over: Partial<FromSbcFacts> = {}): FromSbcFacts {
  return {
    now: NOW,
    warnDays: 30,
    ca: { file: 'sbc-ca.pem', certificates: [] },
    settings: { ciphers: null, opensslCiphers: null, curves: null },
    targets,
    ...over,
  };
}

const ORDER: Status[] = ['fail', 'warn', 'pass', 'skip'];

export interface FromSbcRuleCase {
  name: string;
  facts: FromSbcFacts;
  expect: Status;
  message?: RegExp;
}

export function fromSbcRuleCases(rule: FromSbcRule, cases: FromSbcRuleCase[]): void {
  describe(rule.meta.id, () => {
    for (const c of cases) {
      test(`${c.expect}: ${c.name}`, () => {
        const findings = rule.check(c.facts);
        const worst = ORDER.find((s) => findings.some((f) => f.status === s));
        const messages = findings.map((f) => `${f.status}: ${f.message}`).join('\n');
        expect(`${worst}\n${messages}`).toMatch(new RegExp(`^${c.expect}\\n`));
        if (c.message) expect(messages).toMatch(c.message);
      });
    }
  });
}
