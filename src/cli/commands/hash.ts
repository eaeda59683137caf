/** `byoc-check hash FILE... [--old]`: OpenSSL's subject hash of every certificate, as `openssl x509 -subject_hash` prints it. */
import { InputError } from '../../errors.js';
import { loadCertificates } from '../../input/certificates.js';
import { printable } from '../../util/text.js';
import type { ParsedArgs } from '../argv.js';
import { EXIT_OK } from '../emit.js';
import type { Io } from '../io.js';
import type { OptionSpec } from '../options.js';
import { P12_PASSWORD } from '../values.js';

export const hashOptions: readonly OptionSpec[] = [
  { name: 'old', type: 'boolean', default: false, describe: 'print the pre-1.0 MD5 hash (openssl x509 -subject_hash_old)' },
  { name: 'debug', type: 'boolean', default: false, describe: 'print stack traces for errors' },
];

export async function runHash(args: ParsedArgs, io: Io): Promise<number> {
  const files = args.positionals;
  const old = args.values.old === true;
  if (files.length === 0) throw new InputError('hash needs at least one FILE');
  const lines: string[] = [];
  for (const file of files) {
    const loaded = await loadCertificates(file, {
      what: 'file',
      stdin: io.readStdin,
      maxCertificates: Infinity,
      p12Password: io.env[P12_PASSWORD],
    });
    for (const cert of loaded.certificates) lines.push(`${old ? cert.subjectHashOld : cert.subjectHash}  ${printable(file)}`);
  }
  io.stdout(lines.join('\n') + '\n');
  return EXIT_OK;
}
