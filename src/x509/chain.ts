/**
 * Builds the path leaf -> root from the presented certificates and the trust anchors, the way a
 * verifier does: name (and key identifier) matching, preferring issuers whose signature verifies,
 * and stopping at the first trusted issuer (OpenSSL's trusted-first).
 */
import type { CertificateFacts } from '../model/certificate.js';
import type { ChainFacts, PathEntry, RootOrigin, SignatureLink } from '../model/chain.js';
import type { AcceptedCa } from '../model/trust.js';
import { nameConstraintViolations } from './name-constraints.js';

export interface Anchors {
  mode: 'byoc' | 'custom';
  /**
   * Trusted certificates whose subject equals the given issuer name, best first; `anyEncoding`
   * also finds names encoded differently (slower: asked only before matching a listed root by hash).
   */
  issuersOf(cert: CertificateFacts, anyEncoding?: boolean): Array<{ cert: CertificateFacts; origin: RootOrigin; accepted: boolean }>;
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

/**
 * OpenSSL check_issued with X509_check_akid: names match, and the child's authorityKeyIdentifier,
 * when present, agrees with the parent: keyIdentifier with its subjectKeyIdentifier,
 * authorityCertSerialNumber with its serial, authorityCertIssuer with its issuer name.
 */
export function couldIssue(parent: CertificateFacts, child: CertificateFacts): boolean {
  if (parent.subjectCanon !== child.issuerCanon) return false;
  if (child.authorityKeyId && parent.subjectKeyId && child.authorityKeyId !== parent.subjectKeyId) return false;
  if (child.authorityKeyIdSerial !== undefined && child.authorityKeyIdSerial !== parent.serialNumber) return false;
  if (child.authorityKeyIdIssuer !== undefined && child.authorityKeyIdIssuer !== parent.issuerCanon) return false;
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

/** A root from the anchors; when the input also holds it, it counts as presented. */
function rootEntry(cert: CertificateFacts, origin: RootOrigin, input: CertificateFacts[]): PathEntry {
  const inputIndex = input.findIndex((c) => c.sha256 === cert.sha256);
  return inputIndex >= 0 ? { cert: input[inputIndex]!, role: 'root', inputIndex, origin } : { cert, role: 'root', origin };
}

/** One way up from the leaf, as far as it goes. */
interface Candidate {
  path: PathEntry[];
  complete: boolean;
  missingIssuer?: ChainFacts['missingIssuer'];
  rootByHashOnly?: AcceptedCa[];
  impostorIssuer?: ChainFacts['impostorIssuer'];
}

/** Bounds on backtracking: paths compared and issuer candidates expanded (x509-limbo's pathological cases stay fast). */
const MAX_CANDIDATES = 64;
const MAX_STEPS = 2_000;

/** True when every issuer on the path may sign (CA, name constraints): a verifier would accept the structure. */
function constraintsHold(path: PathEntry[]): boolean {
  for (let i = 1; i < path.length; i++) {
    const issuer = path[i]!;
    if (!issuer.cert.basicConstraints?.ca && !(issuer.role === 'root' && (issuer.origin !== undefined || issuer.cert.version === 1)))
      return false;
    if (!issuer.cert.nameConstraints) continue;
    for (let j = 0; j < i; j++) {
      if (j > 0 && path[j]!.cert.selfIssued) continue;
      if (nameConstraintViolations(issuer.cert, path[j]!.cert).length) return false;
    }
  }
  return true;
}

/** Lexicographic preference: complete, signatures valid, reaches an accepted root, constraints hold, root in hand, shorter. */
function rank(c: Candidate, anchors: Anchors): number[] {
  const signaturesValid = c.path.every((entry, i) => i === 0 || signedBy(c.path[i - 1]!.cert, entry.cert).valid);
  const top = c.path[c.path.length - 1]!;
  const accepted =
    c.complete && (anchors.mode === 'custom' || !!c.rootByHashOnly || anchors.acceptedByHash(top.cert.subjectHash).length > 0);
  return [
    Number(c.complete),
    Number(signaturesValid),
    Number(accepted),
    Number(constraintsHold(c.path)),
    Number(!c.rootByHashOnly),
    -c.path.length,
  ];
}

function better(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! > b[i]!;
  return false;
}

/** Valid signatures first, keeping the given order otherwise (OpenSSL tries candidates in store order). */
function verifiedFirst<T extends { cert: CertificateFacts }>(child: CertificateFacts, list: T[]): T[] {
  return [...list.filter((c) => signedBy(child, c.cert).valid), ...list.filter((c) => !signedBy(child, c.cert).valid)];
}

/**
 * Every way up from the leaf through the presented certificates to a trust anchor (depth-first,
 * bounded), keeping the best: unlike OpenSSL, a dead end (an issuer whose path breaks a constraint
 * or reaches no root) does not end the search while another candidate issuer remains.
 */
function explore(input: CertificateFacts[], anchors: Anchors, leafInputIndex: number): { best: Candidate; tried: number } {
  let best: Candidate | undefined;
  let bestRank: number[] = [];
  let tried = 0;
  let steps = 0;
  const offer = (c: Candidate) => {
    tried++;
    const r = rank(c, anchors);
    if (!best || better(r, bestRank)) {
      best = c;
      bestRank = r;
    }
  };
  const walk = (path: PathEntry[], used: Set<string>): void => {
    if (tried >= MAX_CANDIDATES || ++steps > MAX_STEPS) return;
    const current = path[path.length - 1]!.cert;
    if (anchors.isAnchor(current)) return offer({ path, complete: true });
    let named = anchors.issuersOf(current);
    // Before a listed root is matched by hash alone, look for its name in any encoding.
    if (!named.length && anchors.acceptedByHash(current.issuerHash).length) named = anchors.issuersOf(current, true);
    const trusted = named.filter((a) => couldIssue(a.cert, current));
    for (const a of trusted.filter((t) => signedBy(current, t.cert).valid))
      offer({ path: [...path, rootEntry(a.cert, a.origin, input)], complete: true });
    if (isSelfSigned(current)) return offer({ path, complete: false });
    const presented = verifiedFirst(
      current,
      input.map((cert, inputIndex) => ({ cert, inputIndex })).filter((c) => !used.has(c.cert.sha256) && couldIssue(c.cert, current)),
    );
    if (path.length < MAX_PATH) {
      for (const next of presented)
        walk([...path, { cert: next.cert, role: 'intermediate', inputIndex: next.inputIndex }], new Set(used).add(next.cert.sha256));
    }
    if (presented.length || trusted.some((t) => signedBy(current, t.cert).valid)) return;
    if (named.length) {
      // The store holds the issuer's name, but no certificate under it signed this one: a look-alike.
      return offer({
        path,
        complete: false,
        impostorIssuer: {
          subject: current.issuer,
          hash: current.issuerHash,
          storeCertificates: named.map((a) => ({
            sha256: a.cert.sha256,
            origin: a.origin,
            ...(couldIssue(a.cert, current)
              ? signedBy(current, a.cert).error
                ? { error: signedBy(current, a.cert).error }
                : {}
              : { error: 'its key identifier differs from the authorityKeyIdentifier' }),
          })),
        },
      });
    }
    const listed = anchors.acceptedByHash(current.issuerHash);
    if (listed.length) return offer({ path, complete: true, rootByHashOnly: listed });
    offer({ path, complete: false, missingIssuer: { subject: current.issuer, hash: current.issuerHash } });
  };
  const leaf = input[leafInputIndex]!;
  walk([{ cert: leaf, role: 'leaf', inputIndex: leafInputIndex }], new Set([leaf.sha256]));
  return { best: best ?? { path: [{ cert: leaf, role: 'leaf', inputIndex: leafInputIndex }], complete: false }, tried };
}

export function buildChain(input: CertificateFacts[], anchors: Anchors): ChainFacts {
  const leafInputIndex = pickLeaf(input);
  const duplicates: Array<[number, number]> = [];
  input.forEach((c, j) => {
    const first = input.findIndex((o) => o.sha256 === c.sha256);
    if (first !== j) duplicates.push([first, j]);
  });
  const { best, tried } = explore(input, anchors, leafInputIndex);
  const path = best.path.map((p) => ({ ...p }));
  const { complete, missingIssuer, rootByHashOnly, impostorIssuer } = best;

  const top = path[path.length - 1]!;
  // A presented top certificate that is itself an anchor, or self-signed, plays the root's part;
  // one whose root is known by hash only stays an intermediate.
  if (path.length > 1 && top.inputIndex !== undefined && top.role !== 'root' && ((complete && !rootByHashOnly) || isSelfSigned(top.cert)))
    top.role = 'root';

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
  const deadEnds: ChainFacts['deadEnds'] = [];
  for (const i of extras) {
    const child = path.find((p) => couldIssue(input[i]!, p.cert) && p.cert.sha256 !== input[i]!.sha256);
    if (!child) continue;
    deadEnds.push({
      inputIndex: i,
      reason: signedBy(child.cert, input[i]!).valid
        ? `it also issued "${child.cert.subject}", but no valid path to a trusted root goes through it`
        : `it has the name of the issuer of "${child.cert.subject}" but did not sign it`,
    });
  }
  return {
    input,
    leafInputIndex,
    path,
    complete,
    ...(missingIssuer ? { missingIssuer } : {}),
    ...(rootByHashOnly ? { rootByHashOnly } : {}),
    ...(impostorIssuer ? { impostorIssuer } : {}),
    deadEnds,
    pathsTried: tried,
    links,
    extras,
    duplicates,
    trustMode: anchors.mode,
  };
}

/** No chain at all (a probe that got no certificate, a configuration whose certificate file is absent); rules needing one skip. */
export function emptyChain(trustMode: ChainFacts['trustMode']): ChainFacts {
  return {
    input: [],
    leafInputIndex: 0,
    path: [],
    complete: false,
    links: [],
    extras: [],
    duplicates: [],
    trustMode,
    deadEnds: [],
    pathsTried: 0,
  };
}
