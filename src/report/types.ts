import type { Area, RuleResult } from '../engine/types.js';

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

/** An area none of whose rules could check anything (inputs not given, --offline, no network). */
export interface UncheckedArea {
  area: Area;
  /** The rules of that area that only skipped. */
  rules: string[];
  reason: string;
  /** What to give or change so the next run checks it. */
  hint: string;
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
  /** Empty when every area was checked; a pass verdict only covers what is not listed here. */
  unchecked: UncheckedArea[];
  /** The verdict sentence, saying what was checked and what was not (the text report's last line). */
  verdict: string;
}
