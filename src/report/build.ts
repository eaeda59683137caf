import type { CheckContext, RuleResult } from '../engine/types.js';
import type { CertificateFacts } from '../model/certificate.js';
import type { CertificateSummary, Report } from './types.js';

function summarize(cert: CertificateFacts, index: number, role: CertificateSummary['role'], inputIndex: number | undefined, origin: string): CertificateSummary {
  return {
    index,
    role,
    presented: inputIndex !== undefined,
    inputIndex: inputIndex ?? null,
    origin,
    subject: cert.subject,
    issuer: cert.issuer,
    serialNumber: cert.serialNumber,
    subjectHash: cert.subjectHash,
    issuerHash: cert.issuerHash,
    sha256: cert.sha256,
    notBefore: cert.notBefore.toISOString(),
    notAfter: cert.notAfter.toISOString(),
    keyType: cert.publicKey.type,
    ...(cert.publicKey.bits ? { keyBits: cert.publicKey.bits } : {}),
    ...(cert.publicKey.curve ? { curve: cert.publicKey.curve } : {}),
    signatureAlgorithm: cert.signatureAlgorithm,
    san: [...cert.san.dns.map((d) => `DNS:${d}`), ...cert.san.ip.map((i) => `IP:${i}`), ...cert.san.uri.map((u) => `URI:${u}`), ...cert.san.email.map((e) => `email:${e}`)],
    crlDistributionPoints: cert.crlDistributionPoints,
  };
}

/** The report is a pure function of the context and the results. */
export function buildReport(ctx: CheckContext, results: RuleResult[], version: string, anchors: string): Report {
  const { chain } = ctx;
  const certificates = [
    ...chain.path.map((p, i) => summarize(p.cert, i, p.role, p.inputIndex, p.inputIndex !== undefined ? 'input' : p.origin ?? 'input')),
    ...chain.extras.map((inputIndex, n) => summarize(chain.input[inputIndex]!, chain.path.length + n, 'unused', inputIndex, 'input')),
  ];
  const summary = { pass: 0, fail: 0, warn: 0, skip: 0 };
  for (const r of results) summary[r.status]++;
  return {
    schemaVersion: 1,
    tool: { name: 'byoc-check', version },
    checkedAt: ctx.now.toISOString(),
    ok: summary.fail === 0,
    summary,
    input: { name: ctx.input.name, format: ctx.input.format, sha256: ctx.input.sha256, certificates: chain.input.length },
    trust: { mode: chain.trustMode, anchors },
    certificates,
    results,
    ...(ctx.probe ? { probe: ctx.probe } : {}),
  };
}
