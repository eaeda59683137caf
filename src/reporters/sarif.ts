/**
 * SARIF 2.1.0 (OASIS) for code-scanning services (GitHub, Azure DevOps, GitLab): the rule catalog as
 * `tool.driver.rules`, every failure and warning as a result. Passes and skips are not results.
 * A pure function of the report.
 */
import { createHash } from 'node:crypto';
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Location, Log, ReportingDescriptor, Result } from 'sarif';
import type { RuleResult } from '../engine/types.js';
import type { Report } from '../report/types.js';
import type { CatalogEntry } from './catalog.js';
import { exitCodeOf } from '../report/exit-code.js';
import { displayPath, visibleControls } from './common.js';

export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const INFORMATION_URI = 'https://www.npmjs.com/package/byoc-check';
/** Version the fingerprint recipe: a change of recipe must not pass for the same alert. */
const FINGERPRINT_KEY = 'byocCheckFinding/v1';

export interface SarifOptions {
  strict?: boolean;
  catalog?: readonly CatalogEntry[];
  /** Paths under this folder are written relative to it (`%SRCROOT%`); usually the working directory. */
  base?: string;
}

function help(rule: CatalogEntry): { text: string; markdown: string } {
  const cites = rule.citations.map((c) => `${c.title}${c.section ? `, ${c.section}` : ''}${c.url ? ` (${c.url})` : ''}`);
  const citesMd = rule.citations.map((c) => `- ${c.url ? `[${c.title}](${c.url})` : c.title}${c.section ? `, ${c.section}` : ''}`);
  return {
    text: `${rule.docs.why}\n\nFix: ${rule.remediation}\n\nSource: ${cites.join('; ')}`,
    markdown: `${rule.docs.why}\n\n**Fix:** ${rule.remediation}\n\n**Source:**\n${citesMd.join('\n')}`,
  };
}

function descriptor(rule: CatalogEntry): ReportingDescriptor {
  const helpUri = rule.citations.find((c) => c.url)?.url;
  return {
    id: rule.id,
    name: rule.id,
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.docs.what },
    help: help(rule),
    ...(helpUri ? { helpUri } : {}),
    defaultConfiguration: { level: rule.severity === 'error' ? 'error' : 'warning' },
    properties: { tags: ['byoc', rule.area] },
  };
}

/** A rule known only from its results (no catalog given): id and citation text. */
function bare(result: RuleResult): ReportingDescriptor {
  return {
    id: result.rule,
    name: result.rule,
    shortDescription: { text: result.rule },
    help: { text: `Fix: ${result.remediation}\n\nSource: ${result.source}` },
    defaultConfiguration: { level: result.severity === 'error' ? 'error' : 'warning' },
  };
}

function artifactUri(file: string, base?: string): { uri: string; uriBaseId?: string } {
  const path = displayPath(file, base);
  if (isAbsolute(path)) return { uri: pathToFileURL(path).href };
  return { uri: path.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

function locations(result: RuleResult, report: Report, base?: string): Location[] {
  const logical = [
    { name: result.target, fullyQualifiedName: [result.trunk, result.endpoint, result.target].filter(Boolean).join('/'), kind: 'object' },
  ];
  const loc = result.location;
  // Without a location of its own, a finding is about the checked file (a certificate chain).
  // A fetched report's input is a URL (genesys --fetch): no file to point at.
  const file = loc?.file ?? (report.input.name === '<stdin>' || /^https?:\/\//.test(report.input.name) ? undefined : report.input.name);
  if (!file) return [{ logicalLocations: logical }];
  const region =
    loc?.line !== undefined ? { startLine: loc.line, ...(loc.column !== undefined ? { startColumn: loc.column } : {}) } : undefined;
  return [{ physicalLocation: { artifactLocation: artifactUri(file, base), ...(region ? { region } : {}) }, logicalLocations: logical }];
}

/**
 * Report indices move when a repository gains a trunk (endpoint[7] becomes endpoint[9]); the
 * endpoint's file, name and role, and the certificate's SHA-256, do not.
 */
function stableTarget(report: Report, target: string): string {
  const endpoint = /^endpoint\[\d+\]$/.test(target) ? report.endpoints?.find((e) => e.id === target) : undefined;
  if (endpoint) return `endpoint ${endpoint.file ?? ''} ${endpoint.name} ${endpoint.role}`;
  const cert = /^certificate\[(\d+)\]$/.exec(target);
  if (cert && report.certificates[Number(cert[1])]) return `certificate ${report.certificates[Number(cert[1])]!.sha256}`;
  return target;
}

/**
 * Stable across runs: what the finding is about (rule, trunk, endpoint, target, file, key), never
 * its wording or line number, so code-scanning alerts follow the finding rather than the text.
 */
export function fingerprint(result: RuleResult, report: Report, base?: string): string {
  const file = displayPath(result.location?.file ?? report.input.name, base);
  const parts = [
    result.rule,
    result.trunk ?? '',
    stableTarget(report, result.endpoint ?? ''),
    stableTarget(report, result.target),
    file,
    result.location?.key ?? '',
  ];
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
}

export function formatSarif(report: Report, options: SarifOptions = {}): string {
  const catalog = options.catalog ?? [];
  const rules: ReportingDescriptor[] = catalog.map(descriptor);
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results: Result[] = [];
  for (const r of report.results) {
    if (r.status !== 'fail' && r.status !== 'warn') continue;
    if (!index.has(r.rule)) {
      index.set(r.rule, rules.length);
      rules.push(bare(r));
    }
    results.push({
      ruleId: r.rule,
      ruleIndex: index.get(r.rule)!,
      level: r.status === 'fail' ? 'error' : 'warning',
      message: { text: visibleControls(`${r.message} Fix: ${r.remediation}`) },
      locations: locations(r, report, options.base),
      partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(r, report, options.base) },
      ...(r.suppressed
        ? {
            suppressions: [{ kind: 'external' as const, status: 'accepted' as const, justification: visibleControls(r.suppressed.reason) }],
          }
        : {}),
      properties: {
        status: r.status,
        target: r.target,
        ...(r.trunk ? { trunk: r.trunk } : {}),
        ...(r.endpoint ? { endpoint: r.endpoint } : {}),
        ...(r.location?.key ? { key: r.location.key } : {}),
      },
    });
  }
  const log: Log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            semanticVersion: report.tool.version,
            informationUri: INFORMATION_URI,
            rules,
          },
        },
        invocations: [
          {
            executionSuccessful: true,
            exitCode: exitCodeOf(report, options.strict ?? false),
            properties: { checkedAt: report.checkedAt, options: report.options, openssl: report.openssl },
          },
        ],
        columnKind: 'utf16CodeUnits',
        results,
        properties: { input: report.input, summary: report.summary },
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
