/**
 * Reads what `byoc-check data-actions` is given: the JSON body of
 * GET /api/v2/integrations/actions/certificates, or PEM/DER/PKCS#7 files (a client certificate with its
 * chain, or the regional Genesys CA certificate from the help page's download).
 */
import { createHash } from 'node:crypto';
import { decodeAll } from '../input/certificates.js';
import { InputError } from '../errors.js';
import type { CertificateFacts } from '../model/certificate.js';
import { parseChainInput } from '../parsers/chain-input.js';

export interface EntityInput {
  source: string;
  signingAuthority: string;
  authorityInferred: boolean;
  status: string;
  type: string | null;
  certificates: CertificateFacts[];
}

export interface InputSummary {
  name: string;
  kind: 'json' | 'certificates';
  sha256: string;
  entities: number;
}

export interface ParsedInput {
  summary: InputSummary;
  entities: EntityInput[];
  /** CA certificates given on their own (e.g. the regional Genesys CA): issuers for Genesys-signed certificates. */
  cas: CertificateFacts[];
}

function lineColumn(text: string, position: number): string {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

/** JSON.parse with the place of the first error in the message (V8 gives a character position). */
export function parseJson(text: string, name: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const at = /at position (\d+)/.exec(message);
    const where = at ? lineColumn(text, Number(at[1])) : 'the end of the text';
    const near = at ? JSON.stringify(text.slice(Math.max(0, Number(at[1]) - 12), Number(at[1]) + 12).replace(/[\x00-\x1f\x7f]/g, ' ')) : '';
    const reason = message
      .replace(/ in JSON at position \d+.*$/s, '')
      .replace(/[\x00-\x1f\x7f]/g, ' ')
      .slice(0, 120);
    throw new InputError(`${name}: not valid JSON at ${where}${near ? ` (near ${near})` : ''}: ${reason}`);
  }
}

/** Current and Upcoming as the API spells them, whatever the case the input used. */
const canonicalStatus = (s: string) => ['Current', 'Upcoming'].find((c) => c.toLowerCase() === s.trim().toLowerCase()) ?? s;
/** Labels from the input go into messages: no control characters, no novels. */
const printable = (s: string) => s.replace(/[\x00-\x1f\x7f-\x9f]/g, '?').slice(0, 64);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const isCa = (c: CertificateFacts) => c.basicConstraints?.ca === true || (c.version === 1 && c.selfIssued);

/** O=DigiCert in the issuer (or subject) name: how a PEM file tells its authority. */
export function looksDigiCert(cert: CertificateFacts): boolean {
  return /(^|, )O=DigiCert\b/i.test(cert.issuer);
}

async function entityCertificates(pem: string, where: string): Promise<CertificateFacts[]> {
  if (!pem.includes('-----BEGIN ')) throw new InputError(`${where}: no PEM certificate (-----BEGIN CERTIFICATE-----) in it`);
  const parsed = await parseChainInput(Buffer.from(pem, 'latin1'), where);
  return decodeAll(parsed.certificates, where);
}

async function fromJson(text: string, name: string): Promise<EntityInput[]> {
  const body = parseJson(text, name);
  const list = Array.isArray(body) ? body : body && typeof body === 'object' ? (body as Record<string, unknown>).entities : undefined;
  if (!Array.isArray(list)) {
    throw new InputError(
      `${name}: expected the body of GET /api/v2/integrations/actions/certificates (an object with "entities": [...]); found no entities array`,
    );
  }
  if (list.length > 64) throw new InputError(`${name}: ${list.length} entities; the API lists a handful`);
  const out: EntityInput[] = [];
  for (let i = 0; i < list.length; i++) {
    const where = `${name} entities[${i}]`;
    const e = list[i] as Record<string, unknown> | null;
    if (!e || typeof e !== 'object' || Array.isArray(e)) throw new InputError(`${where}: not an object`);
    const certificate = str(e.certificate);
    if (certificate === undefined) throw new InputError(`${where}: "certificate" is missing or not a string`);
    out.push({
      source: where,
      signingAuthority: printable(str(e.signingAuthority) ?? ''),
      authorityInferred: false,
      status: canonicalStatus(printable(str(e.status) ?? '')),
      type: e.type === undefined || e.type === null ? null : printable(String(e.type)),
      certificates: await entityCertificates(certificate, `${where}.certificate`),
    });
  }
  return out;
}

/** One INPUT: JSON when it starts with `{` or `[`, otherwise certificates (PEM, DER, PKCS#7). */
export async function parseDataActionsInput(buf: Buffer, name: string): Promise<ParsedInput> {
  const sha256 = createHash('sha256').update(buf).digest('hex');
  const text = buf.toString('utf8').replace(/^\uFEFF/, '');
  const first = text.trimStart()[0];
  if (first === '{' || first === '[') {
    const entities = await fromJson(text, name);
    return { summary: { name, kind: 'json', sha256, entities: entities.length }, entities, cas: [] };
  }
  const parsed = await parseChainInput(buf, name);
  const certificates = decodeAll(parsed.certificates, name);
  if (certificates.every(isCa)) return { summary: { name, kind: 'certificates', sha256, entities: 0 }, entities: [], cas: certificates };
  const leaf = certificates.find((c) => !isCa(c))!;
  const ordered = [leaf, ...certificates.filter((c) => c !== leaf)];
  const entity: EntityInput = {
    source: name,
    signingAuthority: looksDigiCert(leaf) ? 'DigiCert' : 'Genesys',
    authorityInferred: true,
    status: 'Current',
    type: 'Client',
    certificates: ordered,
  };
  return { summary: { name, kind: 'certificates', sha256, entities: 1 }, entities: [entity], cas: [] };
}
