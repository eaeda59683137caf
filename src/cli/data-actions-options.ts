/** Options of `byoc-check data-actions`: one table for parsing, validation and --help. */
import { DA_REGION_CODES, daRegionCode } from '../../rules/data/da-regions.js';
import type { OptionSpec } from './options.js';

export const dataActionsOptions: readonly OptionSpec[] = [
  {
    name: 'trust',
    type: 'string',
    describe: 'the CA bundle (or certificates) your web service trusts for client certificates',
    group: 'Data actions',
  },
  {
    name: 'region',
    type: 'string',
    choices: DA_REGION_CODES,
    canonical: daRegionCode,
    describe: 'Genesys Cloud region of your organisation, as euw1 or eu-west-1 (checks the certificate domain; needed by --fetch)',
    group: 'Data actions',
  },
  {
    name: 'fetch',
    type: 'boolean',
    default: false,
    describe:
      'get the certificates from the API (OAuth client credentials from GENESYSCLOUD_OAUTHCLIENT_ID and GENESYSCLOUD_OAUTHCLIENT_SECRET)',
    group: 'Data actions',
  },
  {
    name: 'api-base',
    type: 'string',
    describe: "https URL that replaces the region's login and API hosts (proxies, tests)",
    group: 'Data actions',
  },
  { name: 'at', type: 'string', describe: 'check time, ISO 8601 (default: now)', group: 'Check' },
  { name: 'warn-days', type: 'number', default: 30, describe: 'warn when a certificate expires within N days', group: 'Check' },
  { name: 'timeout', type: 'number', default: 10, describe: 'seconds allowed for each network request', group: 'Check' },
  { name: 'format', type: 'string', choices: ['text', 'json'], default: 'text', describe: 'report format', group: 'Output' },
  { name: 'output', type: 'string', alias: 'o', describe: 'write the report to FILE instead of stdout', group: 'Output' },
  { name: 'strict', type: 'boolean', default: false, describe: 'exit 1 on warnings too', group: 'Output' },
  { name: 'debug', type: 'boolean', default: false, describe: 'print stack traces for errors', group: 'Output' },
];
