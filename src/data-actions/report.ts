/** The data-actions report (a pure function of facts and results) and its text form. */
import type { RuleResult, Status } from '../engine/types.js';
import { daysBetween } from '../engine/targets.js';
import type { CertificateFacts } from '../model/certificate.js';
import type { DataActionsFacts } from '../model/data-actions.js';
import { summarize } from '../report/build.js';
import type { CertificateSummary, Report } from '../report/types.js';
import { leafOf } from './describe.js';
import type { InputSummary } from './input.js';
import { reportHead, summaryOf } from '../report/head.js';

export interface DaEntitySummary {
  index: number;
  source: string;
  signingAuthority: string;
  authorityInferred: boolean;
  status: string;
  type: string | null;
  subject: string;
  issuer: string;
  notBefore: string;
  notAfter: string;
  daysLeft: number;
  sha256: string;
  /** Index of the entity's certificate in the report's certificates[]. */
  certificate: number;
}

export interface DaTodo {
  /** The day by which it must be done (YYYY-MM-DD); the check day for what is already late. */
  deadline: string;
  status: Status;
  rule: string;
  target: string;
  message: string;
  fix: string;
}

export interface DataActionsSection {
  inputs: InputSummary[];
  fetched: { url: string } | null;
  region: string | null;
  trust: { name: string; certificates: number } | null;
  entities: DaEntitySummary[];
  todo: DaTodo[];
}

export type DataActionsReport = Omit<Report, 'input' | 'trust' | 'options' | 'openssl' | 'unchecked' | 'verdict'> & {
  dataActions: DataActionsSection;
};

export interface ReportContext {
  facts: DataActionsFacts;
  inputs: InputSummary[];
  fetchedUrl?: string;
  version: string;
}

export function buildDataActionsReport(ctx: ReportContext, results: RuleResult[]): DataActionsReport {
  const { facts } = ctx;
  const certificates: CertificateSummary[] = [];
  const indexOf = new Map<string, number>();
  const add = (cert: CertificateFacts, role: CertificateSummary['role'], inputIndex: number | undefined, origin: string) => {
    if (!indexOf.has(cert.sha256)) {
      indexOf.set(cert.sha256, certificates.length);
      certificates.push(summarize(cert, certificates.length, role, inputIndex, origin));
    }
    return indexOf.get(cert.sha256)!;
  };
  const entities = facts.entities.map((e): DaEntitySummary => {
    const leaf = leafOf(e);
    const certificate = add(leaf, 'leaf', e.certificates.indexOf(leaf), 'input');
    return {
      index: e.index,
      source: e.source,
      signingAuthority: e.signingAuthority,
      authorityInferred: e.authorityInferred,
      status: e.status,
      type: e.type,
      subject: leaf.subject,
      issuer: leaf.issuer,
      notBefore: leaf.notBefore.toISOString(),
      notAfter: leaf.notAfter.toISOString(),
      daysLeft: daysBetween(facts.now, leaf.notAfter),
      sha256: leaf.sha256,
      certificate,
    };
  });
  // Then the issuers each authority's path went through, then whatever else the entities held.
  for (const e of facts.entities) {
    const chain = e.authority === 'Genesys' ? e.genesysChain : e.publicChain;
    for (const p of chain?.path.slice(1) ?? []) {
      const inputIndex = e.certificates.indexOf(p.cert);
      add(
        p.cert,
        p.role,
        inputIndex >= 0 ? inputIndex : undefined,
        inputIndex >= 0 ? 'input' : p.origin === 'presented' ? 'input' : (p.origin ?? 'input'),
      );
    }
  }
  for (const e of facts.entities) e.certificates.forEach((c, i) => add(c, 'unused', i, 'input'));

  const todo = results
    .filter((r) => (r.status === 'fail' || r.status === 'warn') && typeof r.evidence?.deadline === 'string')
    .map((r): DaTodo => ({
      deadline: r.evidence!.deadline as string,
      status: r.status,
      rule: r.rule,
      target: r.target,
      message: r.message,
      fix: r.remediation,
    }))
    .sort((a, b) => a.deadline.localeCompare(b.deadline) || (a.status === 'fail' ? -1 : 1));
  return {
    ...reportHead(ctx.version, facts.now, summaryOf(results)),
    certificates,
    results,
    dataActions: {
      inputs: ctx.inputs,
      fetched: ctx.fetchedUrl ? { url: ctx.fetchedUrl } : null,
      region: facts.region ?? null,
      trust: facts.trust ? { name: facts.trust.name, certificates: facts.trust.certificates.length } : null,
      entities,
      todo,
    },
  };
}
