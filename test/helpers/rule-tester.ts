/**
 * RuleTester on facts (ESLint's shape): a rule module and hand-built contexts, each case naming the
 * worst status it must give and words the message must contain. Builders state only what matters.
 */
import type { CheckContext, Rule, Status } from '../../src/engine/types.js';
import { runRules } from '../../src/engine/runner.js';
import type { ProductSyntax, Sourced, TlsEndpointSettings } from '../../src/model/endpoint.js';
import type { TlsEndpointFacts } from '../../src/model/tls.js';
import type { MediaSettings } from '../../src/model/media.js';
import { ctx } from './context.js';

export interface FactCase {
  name: string;
  ctx: Partial<CheckContext>;
  message?: RegExp;
  /** Words the fix must contain. */
  fix?: RegExp;
}

const ORDER: Status[] = ['fail', 'warn', 'pass', 'skip'];

/** Registers a describe block: `pass`/`skip` cases must give that worst status, `fail`/`warn` likewise. */
export function ruleTester(rule: Rule, cases: Partial<Record<Status, FactCase[]>>): void {
  describe(rule.meta.id, () => {
    for (const status of ORDER) {
      for (const c of cases[status] ?? []) {
        test(`${status}: ${c.name}`, () => {
          const results = runRules([rule], ctx([], c.ctx));
          const worst = results.map((r) => r.status).sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b))[0];
          const messages = results.map((r) => `${r.status}: ${r.message}`).join('\n');
          expect(`${worst}\n${messages}`).toMatch(new RegExp(`^${status}\\n`));
          if (c.message) expect(messages).toMatch(c.message);
          if (c.fix) expect(results.map((r) => r.remediation).join('\n')).toMatch(c.fix);
        });
      }
    }
  });
}

export const fileValue = <T>(value: T, file: string, line: number, key: string, raw?: string): Sourced<T> => ({
  value,
  from: { kind: 'file', file, line, key },
  ...(raw === undefined ? {} : { raw }),
});

export const iniSyntax: ProductSyntax = {
  ciphers: (v) => `cipher_list = ${v}`,
  allowTls12: () => 'method = TLSv1.2+',
  noClientCertificate: () => 'require_certificate = no and verify_certificate = no',
  verifyPeer: () => 'verify_certificate = yes',
  caList: (p) => `ca_list = ${p}`,
};

/** A configuration endpoint (Kamailio-like syntax) with the given facts. */
export function endpoint(facts: Partial<TlsEndpointFacts> & Pick<TlsEndpointSettings, 'role'>): TlsEndpointFacts {
  return {
    id: `endpoint[0]`,
    format: 'kamailio',
    name: `${facts.role}:default`,
    syntax: iniSyntax,
    declared: { file: 'tls.cfg', line: 1 },
    ...facts,
  };
}

/** A leg to Genesys (Asterisk-like syntax) with the given media facts. */
export function mediaLeg(facts: Partial<MediaSettings> = {}): MediaSettings {
  return {
    id: 'media[0]',
    format: 'asterisk',
    name: 'endpoint [genesys]',
    declared: { file: 'pjsip.conf', line: 10 },
    syntax: {
      offerSdes: () => 'media_encryption=sdes in endpoint [genesys]',
      suites: (canonical) =>
        `srtp_tag_32=${canonical.includes('AES_CM_128_HMAC_SHA1_32') && !canonical.includes('AES_CM_128_HMAC_SHA1_80') ? 'yes' : 'no'}`,
    },
    ...facts,
  };
}
