/**
 * `byoc-check cas [--format json]`: the BYOC Cloud accepted-CA table the root-accepted rule
 * checks against, with a status per row as of today, so a certificate buyer can pick a CA.
 */
import { acceptedCas, provenance } from '../../../rules/data/accepted-cas.js';
import { InputError } from '../../errors.js';
import type { AcceptedCa } from '../../model/trust.js';
import type { ParsedArgs } from '../argv.js';
import { EXIT_OK } from '../emit.js';
import type { Io } from '../io.js';

export type CaStatus = 'accepted' | 'distrusted' | 'distrust-scheduled' | 'expired' | 'hash-only';

/** accepted: usable; distrusted: a root program distrusts it (from `distrust.from`); expired: the root certificate expired; hash-only: no certificate for the row is known (matched by subject hash alone). */
export function caStatus(row: AcceptedCa, now: Date): CaStatus {
  if (row.distrust) return new Date(row.distrust.from) <= now ? 'distrusted' : 'distrust-scheduled';
  if (row.notAfter && new Date(row.notAfter) < now) return 'expired';
  if (!row.sha256) return 'hash-only';
  return 'accepted';
}

export function casJson(now: Date) {
  return acceptedCas.map((row) => ({
    provider: row.provider,
    name: row.name,
    subjectHash: row.subjectHash,
    subjectHashOld: row.subjectHashOld,
    sha256: row.sha256,
    subject: row.subject,
    notAfter: row.notAfter,
    status: caStatus(row, now),
    notes: row.notes,
    distrust: row.distrust ?? null,
  }));
}

export function formatCas(format: string, version: string, now: Date): string {
  if (format === 'json') {
    return (
      JSON.stringify(
        { schemaVersion: 1, tool: { name: 'byoc-check', version }, provenance, checkedAt: now.toISOString(), cas: casJson(now) },
        null,
        2,
      ) + '\n'
    );
  }
  const rows = casJson(now);
  const width = Math.max(...rows.map((r) => r.status.length));
  const lines = [
    `BYOC Cloud accepted root CAs (${rows.length}), from ${provenance.source}, retrieved ${provenance.retrieved}`,
    `${provenance.url}`,
    '',
  ];
  lines.push(`${'HASH'.padEnd(8)}  ${'STATUS'.padEnd(width)}  PROVIDER: NAME`);
  for (const r of rows) {
    lines.push(`${r.subjectHash}  ${r.status.padEnd(width)}  ${r.provider}: ${r.name}`);
    const pad = ' '.repeat(12 + width);
    if (r.sha256) lines.push(`${pad}SHA-256 ${r.sha256}${r.notAfter ? `, expires ${r.notAfter.slice(0, 10)}` : ''}`);
    if (r.distrust) lines.push(`${pad}distrust from ${r.distrust.from} (${r.distrust.scope}) by ${r.distrust.by}`);
    for (const note of r.notes) lines.push(`${pad}note: ${note}`);
  }
  lines.push('', 'The hash is `openssl x509 -subject_hash` of the root; `byoc-check hash FILE` prints it for your root.');
  return lines.join('\n') + '\n';
}

export function runCas(args: ParsedArgs, io: Io, version: string): number {
  if (args.positionals.length) throw new InputError(`unexpected argument "${args.positionals[0]}"`);
  io.stdout(formatCas(String(args.values.format), version, new Date()));
  return EXIT_OK;
}
