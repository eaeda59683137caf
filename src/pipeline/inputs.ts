/** Shared run step: read the inputs every command loads the same way (a CA file, a capped input file). */
import type { CertificateFacts } from '../model/certificate.js';
import { loadCertificates, readInput } from '../input/certificates.js';

/** A file's bytes, capped like every input (a --crl file, a --trust bundle). */
export function readInputFile(path: string, what: string): Promise<Buffer> {
  return readInput(path, what);
}

export async function loadCaFile(path: string, p12Password?: string): Promise<CertificateFacts[]> {
  return (await loadCertificates(path, { what: '--ca file', maxCertificates: Infinity, p12Password })).certificates;
}
