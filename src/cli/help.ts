/** --help text, rendered by yargs from the option table; loaded only when help is asked for. */
import yargs from 'yargs';
import type { OptionSpec } from './options.js';

export async function renderHelp(command: string, specs: readonly OptionSpec[]): Promise<string> {
  const usage: Record<string, string> = {
    check:
      '$0 CHAIN [options]\n\nCheck an SBC certificate chain (PEM, DER, PKCS#7 or PKCS#12; "-" for stdin) and trunk settings against the Genesys Cloud BYOC Cloud TLS trunk requirements.\n\nOther commands:\n  $0 scan [PATH...]      check an SBC configuration repository (Kamailio, OpenSIPS, FreeSWITCH, Asterisk, AudioCodes)\n  $0 probe HOST[:PORT]   check a live SBC over the network, as BYOC Cloud connects\n  $0 data-actions INPUT  check the Genesys data actions mTLS certificates your web service must trust\n  $0 genesys [INPUT...]  check the BYOC Cloud trunk settings of a Genesys org (saved JSON or --fetch)\n  $0 hash FILE...        OpenSSL subject hash of each certificate\n  $0 rules               list the rules\n  $0 explain RULE        what a rule checks and why\n  $0 cas                 the BYOC accepted-CA list',
    hash: '$0 hash FILE... [--old]\n\nPrint "HASH  FILE" for every certificate, as openssl x509 -subject_hash does.',
    rules: '$0 rules [--format json]\n\nList every rule: id, severity, title and source.',
    probe:
      "$0 probe HOST[:PORT]... [options]\n$0 probe --genesys INPUT... | --fetch [--trunk NAME|ID]... [options]\n$0 probe --from-sbc HOST|REGION... --ca FILE [--ciphers S] [--curves S] [options]\n\nConnect to a live SBC as Genesys BYOC Cloud does (PORT defaults to 5061): offer each BYOC suite, group and TLS version alone, read the certificate chain as sent, send SIP OPTIONS, and judge it all with the same rules as a file check. Several targets are a fleet; --genesys probes every SIP server of the org's BYOC Cloud TLS trunks (saved trunk base settings, or --fetch). --from-sbc is the other direction: connect to Genesys proxies (a REGION is its lb01..lb04) as the SBC does, TLS 1.2 with its client settings, and verify their chain against the SBC's CA file.",
    explain: '$0 explain RULE [--format json]\n\nWhat a rule checks, why Genesys cares, and how to fix it.',
    cas: '$0 cas [--format json]\n\nThe BYOC Cloud accepted-CA list: provider, name, OpenSSL subject hash, SHA-256, status, notes and distrust dates.',
    scan: '$0 scan [PATH...] [options]\n\nCheck an SBC configuration repository: every TLS endpoint of every Kamailio, OpenSIPS, FreeSWITCH, Asterisk and AudioCodes configuration found (by content), the certificate files they name, and the trunks of byoc-check.yaml. PATHs are files or folders (default: the current folder); given files (as pre-commit passes them), only the trunks that involve them are checked. Offline unless --online.',
    'data-actions':
      '$0 data-actions INPUT... [--trust FILE] [--region CODE] [--fetch]\n\nCheck the client certificates Genesys Cloud data actions present over mutual TLS, and whether your web service (--trust) accepts the Current and Upcoming ones. INPUT: the JSON of GET /api/v2/integrations/actions/certificates, or PEM files ("-" for stdin); --fetch gets the JSON with an OAuth client credentials grant.',
    genesys:
      '$0 genesys [INPUT...] [--fetch --region CODE|--api-base URL] [--trunk NAME|ID]...\n\nCheck the BYOC Cloud trunks of a Genesys Cloud org: TLS, the SIP servers Genesys dials, the Inbound SIP Termination Identifier the SBC sends as tgrp, and whether each trunk is enabled. INPUT: saved JSON of GET /api/v2/telephony/providers/edges/trunkbasesettings (one page per file) or of one trunk base ("-" for stdin); --fetch pages through the listing with an OAuth client credentials grant.',
  };
  let y = yargs([])
    .scriptName('byoc-check')
    .usage(usage[command]!)
    .help(false)
    .version(false)
    .wrap(Math.min(110, process.stdout.columns || 100));
  for (const spec of specs) {
    y = y.option(spec.name, {
      type: spec.type,
      describe: spec.describe,
      ...(spec.array ? { array: true } : {}),
      ...(spec.choices ? { choices: [...spec.choices] } : {}),
      ...(spec.default !== undefined ? { default: spec.default } : {}),
      ...(spec.alias ? { alias: spec.alias } : {}),
      ...(spec.group ? { group: `${spec.group}:` } : {}),
    });
  }
  y = y
    .option('help', { type: 'boolean', describe: 'show this help', alias: 'h' })
    .option('version', { type: 'boolean', describe: 'show the version' });
  return (await y.getHelp()) + '\n';
}
