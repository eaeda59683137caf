import type { RuleResult } from '../engine/types.js';
import type { ProbeFacts } from '../model/probe.js';

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
  /** What `byoc-check probe` observed on the wire. */
  probe?: ProbeFacts;
}
