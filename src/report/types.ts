import type { RuleResult } from '../engine/types.js';

export interface CertificateSummary {
  index: number;
  role: 'leaf' | 'intermediate' | 'root' | 'unused';
  presented: boolean;
  inputIndex: number | null;
  origin: string;
  subject: string;
  issuer: string;
  serialNumber: string;
  subjectHash: string;
  issuerHash: string;
  sha256: string;
  notBefore: string;
  notAfter: string;
  keyType: string;
  keyBits?: number;
  curve?: string;
  signatureAlgorithm: string;
  san: string[];
  crlDistributionPoints: string[];
}

/** The options that shaped the verdicts, so that a report read later explains itself. */
export interface ReportOptions {
  /** --at as given (ISO 8601), or null when the check ran at the current time. */
  at: string | null;
  offline: boolean;
  strict: boolean;
  /** The trunk profile used (`scan`), or null. */
  profile: string | null;
  format: string;
  caFile: string | null;
  warnDays: number;
  timeoutSeconds: number;
  region: string | null;
}

export interface Report {
  schemaVersion: 1;
  tool: { name: 'byoc-check'; version: string };
  checkedAt: string;
  ok: boolean;
  summary: { pass: number; fail: number; warn: number; skip: number };
  input: { name: string; format: string; sha256: string; certificates: number };
  trust: { mode: 'byoc' | 'custom'; anchors: string };
  certificates: CertificateSummary[];
  results: RuleResult[];
  options: ReportOptions;
  /** The OpenSSL (Node's) that resolved cipher and group strings. */
  openssl: string;
}
