/**
 * The TLS 1.2 cipher suites BYOC Cloud supports, in the order Genesys lists them.
 * Source: Genesys "TLS trunk transport protocol specification", Supported cipher suites
 * (8-suite version, ../shared/reference/byoc-domain-facts.md 1.2), and the deprecation banner
 * of 2025-03-24 (1.3). Code points and OpenSSL names from `openssl ciphers -V -stdname`.
 */
export const provenance = {
  source: 'Genesys Cloud: TLS trunk transport protocol specification, Supported cipher suites; Deprecation: BYOC Cloud SIP TLS ciphers',
  url: 'https://help.mypurecloud.com/articles/tls-trunk-transport-protocol-specification/',
  reference: '../shared/reference/byoc-domain-facts.md sections 1.2-1.3',
  retrieved: '2026-11-22',
} as const;

export interface ByocSuite {
  iana: string;
  code: number;
  openssl: string;
  keyExchange: 'RSA' | 'ECDHE';
  status: 'supported' | 'deprecated';
  /** When Genesys announced the removal, for deprecated suites. */
  deprecatedOn?: string;
  note?: string;
}

const DEPRECATION = {
  status: 'deprecated',
  deprecatedOn: '2025-03-24',
  note: 'announced for removal on 2025-03-24 (a later notice named 2025-11-17; dates may vary by region); Genesys already ranks it last',
} as const;

export const byocSuites: readonly ByocSuite[] = [
  { iana: 'TLS_RSA_WITH_AES_256_CBC_SHA', code: 0x0035, openssl: 'AES256-SHA', keyExchange: 'RSA', status: 'supported' },
  { iana: 'TLS_RSA_WITH_AES_256_CBC_SHA256', code: 0x003d, openssl: 'AES256-SHA256', keyExchange: 'RSA', ...DEPRECATION },
  { iana: 'TLS_RSA_WITH_AES_128_GCM_SHA256', code: 0x009c, openssl: 'AES128-GCM-SHA256', keyExchange: 'RSA', status: 'supported' },
  { iana: 'TLS_RSA_WITH_AES_256_GCM_SHA384', code: 0x009d, openssl: 'AES256-GCM-SHA384', keyExchange: 'RSA', status: 'supported' },
  { iana: 'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA', code: 0xc014, openssl: 'ECDHE-RSA-AES256-SHA', keyExchange: 'ECDHE', status: 'supported' },
  { iana: 'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384', code: 0xc028, openssl: 'ECDHE-RSA-AES256-SHA384', keyExchange: 'ECDHE', ...DEPRECATION },
  {
    iana: 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
    code: 0xc02f,
    openssl: 'ECDHE-RSA-AES128-GCM-SHA256',
    keyExchange: 'ECDHE',
    status: 'supported',
  },
  {
    iana: 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
    code: 0xc030,
    openssl: 'ECDHE-RSA-AES256-GCM-SHA384',
    keyExchange: 'ECDHE',
    status: 'supported',
  },
];

/** ECDHE on BYOC Cloud: secp384r1 only (NIST P-384, IANA named group 24). */
export const BYOC_GROUP = { name: 'secp384r1', code: 0x0018, aliases: ['P-384', 'secp384r1'] } as const;
