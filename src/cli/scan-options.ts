/** `byoc-check scan [PATH...]`: options (one table for parsing and --help). */
import { FORMATS } from '../reporters/index.js';
import { regionCode } from '../../rules/data/byoc-regions.js';
import { apiBaseOption, fetchOption } from './genesys-options.js';
import { REGIONS, type OptionSpec } from './options.js';

export const scanOptions: readonly OptionSpec[] = [
  { name: 'profile', type: 'string', describe: 'trunk profile (default: byoc-check.yaml at the scan root)', group: 'Repository' },
  {
    name: 'path-map',
    type: 'string',
    array: true,
    describe: 'FROM=TO: a deployment path prefix and the repository folder holding it, e.g. /etc/kamailio=kamailio (repeatable)',
    group: 'Repository',
  },
  {
    name: 'region',
    type: 'string',
    choices: REGIONS,
    canonical: regionCode,
    describe: 'Genesys Cloud region (use1 or us-east-1) for trunks the profile gives none',
    group: 'Trunk',
  },
  {
    name: 'genesys',
    type: 'string',
    array: true,
    describe:
      "saved JSON of the org's trunk base settings (GET /api/v2/telephony/providers/edges/trunkbasesettings): trunks that name theirs with `genesys:` are checked with its SIP servers, tgrp and SRTP suites; or --fetch",
    group: 'Genesys',
  },
  { ...fetchOption, describe: `with --genesys (or alone): ${fetchOption.describe}; the org's region is --region or GENESYSCLOUD_REGION` },
  apiBaseOption,
  { name: 'at', type: 'string', describe: 'check time, ISO 8601 (default: now)', group: 'Check' },
  { name: 'warn-days', type: 'number', default: 30, describe: 'warn when a certificate expires within N days', group: 'Check' },
  { name: 'ca', type: 'string', describe: 'PEM bundle of trust anchors that replace the BYOC list (BYOC Premises, labs)', group: 'Check' },
  {
    name: 'online',
    type: 'boolean',
    default: false,
    describe: 'fetch CRLs (scan is offline by default: a pre-commit hook must be fast and deterministic)',
    group: 'Check',
  },
  {
    name: 'offline',
    type: 'boolean',
    default: false,
    describe: 'never touch the network (the default for scan; wins over --online)',
    group: 'Check',
  },
  {
    name: 'pki-profile',
    type: 'string',
    choices: ['default', 'strict'],
    default: 'default',
    describe: 'strict: also fail what only openssl -x509_strict, webpki or the CA/Browser Forum reject',
    group: 'Check',
  },
  { name: 'timeout', type: 'number', default: 10, describe: 'seconds allowed for each network request (with --online)', group: 'Check' },
  { name: 'cache-dir', type: 'string', describe: 'cache downloaded CRLs here until their nextUpdate', group: 'Check' },
  { name: 'format', type: 'string', choices: FORMATS, default: 'text', describe: 'report format', group: 'Output' },
  { name: 'output', type: 'string', alias: 'o', describe: 'write the report to FILE instead of stdout', group: 'Output' },
  {
    name: 'strict',
    type: 'boolean',
    default: false,
    describe: 'exit 1 on warnings too, and on areas left unchecked for want of input (CRLs left out offline do not count)',
    group: 'Output',
  },
  { name: 'color', type: 'boolean', describe: 'force colour on or off (default: on for a TTY unless NO_COLOR)', group: 'Output' },
  { name: 'debug', type: 'boolean', default: false, describe: 'print stack traces for errors', group: 'Output' },
];

/** `--path-map FROM=TO` entries. */
export function parsePathMap(entries: readonly string[] | undefined): Array<{ from: string; to: string }> {
  return (entries ?? []).map((entry) => {
    const at = entry.indexOf('=');
    if (at <= 0 || at === entry.length - 1)
      throw Object.assign(new Error(`--path-map "${entry}" must be FROM=TO, e.g. /etc/kamailio=kamailio`), { name: 'InputError' });
    return { from: entry.slice(0, at), to: entry.slice(at + 1).replace(/^\.\/+/, '') || '.' };
  });
}
