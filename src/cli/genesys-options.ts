/** Options of `byoc-check genesys`: one table for parsing, validation and --help. */
import { DA_REGION_CODES, daRegionCode } from '../../rules/data/da-regions.js';
import { FORMATS } from '../reporters/index.js';
import type { OptionSpec } from './options.js';

/** --fetch, --api-base and --trunk, shared by `genesys`, `scan --genesys` and `probe --genesys`. */
export const fetchOption: OptionSpec = {
  name: 'fetch',
  type: 'boolean',
  default: false,
  describe:
    "get the org's trunk base settings from the API (OAuth client credentials from GENESYSCLOUD_OAUTHCLIENT_ID and GENESYSCLOUD_OAUTHCLIENT_SECRET; permission telephony:plugin:all)",
  group: 'Genesys',
};

export const apiBaseOption: OptionSpec = {
  name: 'api-base',
  type: 'string',
  describe: "https URL that replaces the region's login and API hosts (proxies, tests)",
  group: 'Genesys',
};

export const trunkOption: OptionSpec = {
  name: 'trunk',
  type: 'string',
  array: true,
  describe: 'check only this trunk (its name or id), repeatable',
  group: 'Genesys',
};

export const genesysOptions: readonly OptionSpec[] = [
  fetchOption,
  {
    name: 'region',
    type: 'string',
    choices: DA_REGION_CODES,
    canonical: daRegionCode,
    describe: 'Genesys Cloud region of your organisation, as euw1 or eu-west-1 (needed by --fetch)',
    group: 'Genesys',
  },
  apiBaseOption,
  trunkOption,
  { name: 'timeout', type: 'number', default: 10, describe: 'seconds allowed for each network request', group: 'Check' },
  { name: 'format', type: 'string', choices: FORMATS, default: 'text', describe: 'report format', group: 'Output' },
  { name: 'output', type: 'string', alias: 'o', describe: 'write the report to FILE instead of stdout', group: 'Output' },
  { name: 'strict', type: 'boolean', default: false, describe: 'exit 1 on warnings too', group: 'Output' },
  { name: 'debug', type: 'boolean', default: false, describe: 'print stack traces for errors', group: 'Output' },
];
