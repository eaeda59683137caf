/** `byoc-check CHAIN [options]`: the chain and trunk-settings check of one certificate chain file. */
import { existsSync } from 'node:fs';
import { InputError } from '../../errors.js';
import { check } from '../../pipeline/chain-check.js';
import { didYouMean, printable } from '../../util/text.js';
import type { ParsedArgs } from '../argv.js';
import { emit } from '../emit.js';
import type { Io } from '../io.js';
import { atOf, P12_PASSWORD, timeoutOf, warnDaysOf } from '../values.js';

function maxDepthOf(d: number | undefined): number | undefined {
  if (d !== undefined && !(Number.isInteger(d) && d >= 0 && d <= 100))
    throw new InputError(`--max-depth must be a whole number from 0 to 100; got ${d}`);
  return d;
}

export async function runCheck(args: ParsedArgs, io: Io, version: string, commands: readonly string[]): Promise<number> {
  if (args.positionals.length === 0)
    throw new InputError('no chain file given: byoc-check CHAIN [options] (CHAIN may be "-" for stdin; see --help)');
  const first = args.positionals[0]!;
  // A mistyped command (`byoc-check rule`) reads as a chain file name; say which command was meant.
  if (/^[a-z][a-z-]*$/.test(first) && !existsSync(first)) {
    const hint = didYouMean(first, commands, (c) => `\`byoc-check ${c}\``);
    if (hint) throw new InputError(`no command or file "${first}"${hint}`);
  }
  if (args.positionals.length > 1)
    throw new InputError(`one chain file at a time; got ${args.positionals.length}: ${args.positionals.join(' ')}`);
  const v = args.values;
  const format = String(v.format);
  const warnDays = warnDaysOf(v['warn-days'] as number, args.raw['warn-days']);
  const report = await check({
    chain: first,
    stdin: io.readStdin,
    uris: v.uri as string[] | undefined,
    sbcs: v.sbc as string[] | undefined,
    region: v.region as string | undefined,
    ciphers: v.ciphers as string | undefined,
    curves: v.curves as string | undefined,
    tlsMin: v['tls-min'] as string | undefined,
    tlsMax: v['tls-max'] as string | undefined,
    at: atOf(v.at),
    warnDays,
    caFile: v.ca as string | undefined,
    offline: v.offline === true,
    timeoutSeconds: timeoutOf(v.timeout as number, args.raw.timeout),
    cacheDir: v['cache-dir'] as string | undefined,
    env: io.env,
    crlFiles: v.crl as string[] | undefined,
    maxDepth: maxDepthOf(v['max-depth'] as number | undefined),
    pkiProfile: v['pki-profile'] as 'default' | 'strict',
    progress: format === 'text' && io.stderrIsTTY ? (m) => io.stderr(m ? `\r\x1b[2K${printable(m)}` : '\r\x1b[2K') : undefined,
    p12Password: io.env[P12_PASSWORD],
    version,
    strict: v.strict === true,
    format,
  });
  return await emit(report, v, io);
}
