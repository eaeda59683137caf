/**
 * Builds the path leaf -> root from the presented certificates and the trust anchors, the way a
 * verifier does: name (and key identifier) matching, preferring issuers whose signature verifies,
 * and stopping at the first trusted issuer (OpenSSL's trusted-first).
 */
import type { CertificateFacts } from '../model/certificate.js';
import type { ChainFacts, PathEntry, RootOrigin, SignatureLink } from '../model/chain.js';
import type { AcceptedCa } from '../model/trust.js';

export interface Anchors {
  mode: 'byoc' | 'custom';
  /** Trusted certificates whose subject equals the given issuer name, best first. */
  issuersOf(cert: CertificateFacts): Array<{ cert: CertificateFacts; origin: RootOrigin; accepted: boolean }>;
  /** True when this certificate is itself a trust anchor. */
  isAnchor(cert: CertificateFacts): boolean;
  /** Listed roots with this subject hash (BYOC mode only). */
  acceptedByHash(hash: string): AcceptedCa[];
}

const MAX_PATH = 12;

const verified = new WeakMap<CertificateFacts, Map<string, { valid: boolean; error?: string }>>();

/** OpenSSL's verdict on child's signature under parent's key; each pair is verified once. */
export function signedBy(child: CertificateFacts, parent: CertificateFacts): { valid: boolean; error?: string } {
  let byParent = verified.get(child);
  if (!byParent) verified.set(child, (byParent = new Map()));
  let result = byParent.get(parent.sha256);
  if (!result) {
    try {
      result = { valid: child.x509.verify(parent.x509.publicKey) };
    } catch (error) {
      result = { valid: false, error: (error as Error).message };
    }
    byParent.set(parent.sha256, result);
  }
  return result;
}

/** OpenSSL check_issued: names match, and key identifiers too when both are present. */
export function couldIssue(parent: CertificateFacts, child: CertificateFacts): boolean {
  if (parent.subjectCanon !== child.issuerCanon) return false;
  if (child.authorityKeyId && parent.subjectKeyId && child.authorityKeyId !== parent.subjectKeyId) return false;
  return true;
}

export function isSelfSigned(cert: CertificateFacts): boolean {
  return couldIssue(cert, cert) && signedBy(cert, cert).valid;
}

function pickLeaf(input: CertificateFacts[]): number {
  const issuesAnother = (i: number) =>
    input.some((other, j) => j !== i && other.sha256 !== input[i]!.sha256 && couldIssue(input[i]!, other));
  const candidates = input.map((_, i) => i).filter((i) => !issuesAnother(i));
  if (candidates.length === 0) return 0;
  return candidates.find((i) => !input[i]!.basicConstraints?.ca) ?? candidates[0]!;
}

/** Best of several candidate issuers: one whose signature verifies, else the first. */
function best<T extends { cert: CertificateFacts }>(child: CertificateFacts, candidates: T[]): T | undefined {
  return candidates.find((c) => signedBy(child, c.cert).valid) ?? candidates[0];
}

/** A root from the anchors; when the input also holds it, it counts as presented. */
function rootEntry(cert: CertificateFacts, origin: RootOrigin, input: CertificateFacts[]): PathEntry {
  const inputIndex = input.findIndex((c) => c.sha256 === cert.sha256);
  return inputIndex >= 0 ? { cert: input[inputIndex]!, role: 'root', inputIndex, origin } : { cert, role: 'root', origin };
}

export function buildChain(input: CertificateFacts[], anchors: Anchors): ChainFacts {
  const leafInputIndex = pickLeaf(input);
  const duplicates: Array<[number, number]> = [];
  input.forEach((c, j) => {
    const first = input.findIndex((o) => o.sha256 === c.sha256);
    if (first !== j) duplicates.push([first, j]);
  });
  const path: PathEntry[] = [{ cert: input[leafInputIndex]!, role: 'leaf', inputIndex: leafInputIndex }];
  const used = new Set([input[leafInputIndex]!.sha256]);
  let complete = false;
  let missingIssuer: ChainFacts['missingIssuer'];
  let rootByHashOnly: AcceptedCa[] | undefined;

  while (path.length < MAX_PATH) {
    const current = path[path.length - 1]!.cert;
    if (anchors.isAnchor(current)) {
      complete = true;
      break;
    }
    const trusted = anchors.issuersOf(current).filter((a) => couldIssue(a.cert, current));
    const acceptedIssuer = best(current, trusted.filter((a) => a.accepted));
    if (acceptedIssuer) {
      path.push(rootEntry(acceptedIssuer.cert, acceptedIssuer.origin, input));
      complete = true;
      break;
    }
    if (isSelfSigned(current)) break;
    const presented = input
      .map((cert, inputIndex) => ({ cert, inputIndex }))
      .filter((c) => !used.has(c.cert.sha256) && couldIssue(c.cert, current));
    const next = best(current, presented);
    if (next) {
      used.add(next.cert.sha256);
      path.push({ cert: next.cert, role: 'intermediate', inputIndex: next.inputIndex });
      continue;
    }
    const otherRoot = best(current, trusted);
    if (otherRoot) {
      path.push(rootEntry(otherRoot.cert, otherRoot.origin, input));
      complete = true;
      break;
    }
    const listed = anchors.acceptedByHash(current.issuerHash);
    if (listed.length) {
      rootByHashOnly = listed;
      complete = true;
    } else {
      missingIssuer = { subject: current.issuer, hash: current.issuerHash };
    }
    break;
  }

  const top = path[path.length - 1]!;
  // A presented top certificate that is itself an anchor, or self-signed, plays the root's part;
  // one whose root is known by hash only stays an intermediate.
  if (path.length > 1 && top.inputIndex !== undefined && top.role !== 'root' && ((complete && !rootByHashOnly) || isSelfSigned(top.cert))) top.role = 'root';

  const links: SignatureLink[] = [];
  for (let i = 0; i + 1 < path.length; i++) {
    const result = signedBy(path[i]!.cert, path[i + 1]!.cert);
    links.push({ child: i, parent: i + 1, ...result });
  }
  const onPath = new Set(path.map((p) => p.cert.sha256));
  const extras = input
    .map((c, i) => ({ c, i }))
    .filter(({ c, i }) => !onPath.has(c.sha256) && !duplicates.some(([, dup]) => dup === i))
    .map(({ i }) => i);
  return {
    input,
    leafInputIndex,
    path,
    complete,
    ...(missingIssuer ? { missingIssuer } : {}),
    ...(rootByHashOnly ? { rootByHashOnly } : {}),
    links,
    extras,
    duplicates,
    trustMode: anchors.mode,
  };
}
