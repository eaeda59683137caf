/** The check command's options: one table for parsing, validation and --help. */
import { regionCode } from '../../rules/data/byoc-regions.js';
import { FORMATS } from '../reporters/index.js';

export interface OptionSpec {
  name: string;
  type: 'string' | 'number' | 'boolean';
  array?: boolean;
  choices?: readonly string[];
  default?: string | number | boolean;
  alias?: string;
  /** Maps a value as written to the canonical one before `choices` is checked (us-east-1 -> use1). */
  canonical?: (value: string) => string | undefined;
  describe: string;
  group?: string;
}

export const REGIONS = [
  'use1',
  'use2',
  'usw2',
  'cac1',
  'sae1',
  'euw1',
  'euw2',
  'euc1',
  'euc2',
  'mec1',
  'apne1',
  'apne2',
  'apne3',
  'apse2',
  'aps1',
] as const;

/** --region, as the chain check and probe take it. */
export const regionOption: OptionSpec = {
  name: 'region',
  type: 'string',
  choices: REGIONS,
  canonical: regionCode,
  describe: 'Genesys Cloud region, as use1 or us-east-1 (inferred from Genesys host names when absent)',
  group: 'Trunk',
};

export const checkOptions: readonly OptionSpec[] = [
  { name: 'uri', type: 'string', array: true, describe: 'SIP URI the SBC sends towards Genesys (Request-URI), repeatable', group: 'Trunk' },
  {
    name: 'sbc',
    type: 'string',
    array: true,
    describe: 'SBC address as entered in the trunk\'s "SIP Servers or Proxies" (HOST[:PORT], IPv6 in brackets), repeatable',
    group: 'Trunk',
  },
  regionOption,
  { name: 'ciphers', type: 'string', describe: 'SBC cipher list: OpenSSL cipher string or IANA names', group: 'TLS settings' },
  { name: 'curves', type: 'string', describe: 'SBC ECDHE groups, e.g. "secp384r1:X25519" or "P-384"', group: 'TLS settings' },
  {
    name: 'tls-min',
    type: 'string',
    describe: 'lowest TLS version the SBC allows: 1.2, TLSv1.2, tlsv1_2, TLS1.2 or TLSv1.2+',
    group: 'TLS settings',
  },
  { name: 'tls-max', type: 'string', describe: 'highest TLS version the SBC allows (same spellings, no "+")', group: 'TLS settings' },
  { name: 'at', type: 'string', describe: 'check time, ISO 8601 (default: now)', group: 'Check' },
  { name: 'warn-days', type: 'number', default: 30, describe: 'warn when a certificate expires within N days', group: 'Check' },
  { name: 'ca', type: 'string', describe: 'PEM bundle of trust anchors that replace the BYOC list (BYOC Premises, labs)', group: 'Check' },
  {
    name: 'offline',
    type: 'boolean',
    default: false,
    describe:
      'never touch the network (CRL checks are skipped); otherwise CRLs are downloaded through HTTPS_PROXY / HTTP_PROXY unless NO_PROXY names the host',
    group: 'Check',
  },
  { name: 'timeout', type: 'number', default: 10, describe: 'seconds allowed for each network request', group: 'Check' },
  {
    name: 'crl',
    type: 'string',
    array: true,
    describe: 'CRL file (PEM or DER) to check revocation against, repeatable; works with --offline',
    group: 'Check',
  },
  {
    name: 'max-depth',
    type: 'number',
    describe: "the SBC's verify depth: intermediate CAs allowed below the root (OpenSSL -verify_depth)",
    group: 'Check',
  },
  {
    name: 'pki-profile',
    type: 'string',
    choices: ['default', 'strict'],
    default: 'default',
    describe: 'strict: webpki / CA/Browser Forum rules that OpenSSL and Java do not enforce fail instead of warn',
    group: 'Check',
  },
  { name: 'cache-dir', type: 'string', describe: 'cache downloaded CRLs here until their nextUpdate', group: 'Check' },
  {
    name: 'format',
    type: 'string',
    choices: FORMATS,
    default: 'text',
    describe: 'report format (sarif for code scanning, junit for CI test reports, markdown for tickets)',
    group: 'Output',
  },
  { name: 'output', type: 'string', alias: 'o', describe: 'write the report to FILE instead of stdout', group: 'Output' },
  {
    name: 'strict',
    type: 'boolean',
    default: false,
    describe: 'exit 1 on warnings too, and when an area was not checked (see unchecked in the report)',
    group: 'Output',
  },
  { name: 'color', type: 'boolean', describe: 'force colour on or off (default: on for a TTY unless NO_COLOR)', group: 'Output' },
  { name: 'debug', type: 'boolean', default: false, describe: 'print stack traces for errors', group: 'Output' },
];
