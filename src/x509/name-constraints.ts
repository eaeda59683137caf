/**
 * RFC 5280 section 4.2.1.10 name constraints, processed the way OpenSSL does
 * (crypto/x509/v3_ncons.c NAME_CONSTRAINTS_check): dNSName, iPAddress, rfc822Name,
 * uniformResourceIdentifier and directoryName are matched; a name whose form has constraints
 * OpenSSL cannot evaluate (otherName, ...) is an unchecked constraint and fails, never passes
 * silently; a malformed name fails; and OpenSSL's work limit applies.
 */
import { ipBytes } from '../util/ip.js';
import type { CertificateFacts, NameConstraint } from '../model/certificate.js';
import { readTlv } from './der.js';
import { parseName } from './name.js';

/**
 * OpenSSL's guard against quadratic work (v3_ncons.c): a check is refused when
 * constraints > NAME_CHECK_MAX / names, names counting subject attributes plus SAN entries.
 */
export const NAME_CHECK_MAX = 1 << 20;

function hexBytes(hex: string): number[] {
  return Array.from(Buffer.from(hex, 'hex'));
}

/** A dNSName constraint: "example.com" covers it and its subdomains; ".example.com" only subdomains. */
export function dnsWithin(name: string, constraint: string): boolean {
  const n = name.toLowerCase().replace(/\.$/, '');
  const c = constraint.toLowerCase();
  if (c === '') return true;
  if (c.startsWith('.')) return n.endsWith(c);
  return n === c || n.endsWith(`.${c}`);
}

/** Why a constraint itself is unusable (verifiers reject the path), or undefined. */
export function constraintProblem(c: NameConstraint): string | undefined {
  if (c.type === 'dns' && (c.value.includes('*') || /\.\.|\s/.test(c.value))) return `invalid dNSName constraint "${c.value}"`;
  if (c.type === 'ip') {
    const bytes = hexBytes(c.value);
    if (bytes.length !== 8 && bytes.length !== 32) return `invalid iPAddress constraint (${bytes.length} bytes)`;
    const mask = bytes
      .slice(bytes.length / 2)
      .map((b) => b.toString(2).padStart(8, '0'))
      .join('');
    if (/01/.test(mask)) return 'invalid iPAddress constraint (mask is not contiguous)';
  }
  return undefined;
}

export function ipWithin(address: number[], constraintHex: string): boolean {
  const bytes = hexBytes(constraintHex);
  const half = bytes.length / 2;
  if (address.length !== half) return false;
  return address.every((b, i) => (b & bytes[half + i]!) === (bytes[i]! & bytes[half + i]!));
}

/** rfc822Name constraint (OpenSSL nc_email): "user@host" exact, ".domain" any subdomain host, "host" that host. */
export function emailWithin(email: string, constraint: string): boolean {
  const at = email.lastIndexOf('@');
  if (at < 0) return false;
  const local = email.slice(0, at);
  const host = email.slice(at + 1).toLowerCase();
  const c = constraint.toLowerCase();
  const cat = constraint.lastIndexOf('@');
  if (cat >= 0) return constraint.slice(0, cat) === local && constraint.slice(cat + 1).toLowerCase() === host;
  if (c.startsWith('.')) return host.endsWith(c);
  return host === c;
}

/** The host of a URI with an authority, or undefined (OpenSSL: unsupported name syntax). */
export function uriHost(uri: string): string | undefined {
  const m = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|[^:/?#]*)/i.exec(uri);
  return m && m[1] ? m[1] : undefined;
}

/** uniformResourceIdentifier constraint (OpenSSL nc_uri): ".domain" any subdomain, else the host exactly. */
export function uriWithin(host: string, constraint: string): boolean {
  const h = host.toLowerCase();
  const c = constraint.toLowerCase();
  if (c.startsWith('.')) return h.endsWith(c);
  return h === c;
}

/** Canonical encoding of a directoryName constraint ([4] wrapping a Name, stored as DER hex). */
function dirNameCanon(hex: string): string | undefined {
  try {
    const buf = Buffer.from(hex, 'hex');
    const outer = readTlv(buf, 0);
    const inner = readTlv(buf, outer.start, outer.end);
    return parseName(buf.subarray(inner.offset, inner.end)).canon;
  } catch {
    return undefined;
  }
}

const HOSTNAME = /^[a-z0-9*]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+\.?$/i;

/** The DNS names a constraint applies to: SAN dNSNames, or a host-like CN when there are none (OpenSSL cn2dnsid). */
export function constrainedDnsNames(cert: CertificateFacts): string[] {
  if (cert.san.dns.length) return cert.san.dns;
  return cert.commonNames.filter((cn) => HOSTNAME.test(cn));
}

function subjectAttributeCount(cert: CertificateFacts): number {
  try {
    return parseName(cert.subjectDer).rdns.reduce((n, rdn) => n + rdn.length, 0);
  } catch {
    return 1;
  }
}

/** Checks one form: every name inside some permitted subtree of its form (when there are any), none in an excluded one. */
function checkForm<T>(
  problems: string[],
  names: T[],
  label: (n: T) => string,
  permitted: NameConstraint[],
  excluded: NameConstraint[],
  within: (n: T, c: string) => boolean,
  what: string,
) {
  for (const name of names) {
    if (permitted.length && !permitted.some((c) => within(name, c.value)))
      problems.push(`${label(name)} is outside the permitted ${what} (${permitted.map((c) => c.value).join(', ')})`);
    const hit = excluded.find((c) => within(name, c.value));
    if (hit) problems.push(`${label(name)} is in the excluded ${what} subtree "${hit.value}"`);
  }
}

/** Why `cert` breaks (or cannot be checked against) the name constraints of `ca`, as sentences; empty when it does not. */
export function nameConstraintViolations(ca: CertificateFacts, cert: CertificateFacts): string[] {
  const nc = ca.nameConstraints;
  if (!nc) return [];
  const nameCount =
    subjectAttributeCount(cert) +
    cert.san.dns.length +
    cert.san.ip.length +
    cert.san.uri.length +
    cert.san.email.length +
    cert.sanOtherNames.length +
    cert.sanDirNames.length +
    cert.malformedNames.filter((m) => m.startsWith('iPAddress')).length;
  const constraintCount = nc.permitted.length + nc.excluded.length;
  if (nameCount > 0 && constraintCount > Math.floor(NAME_CHECK_MAX / nameCount)) {
    return [
      `checking ${nameCount} names against ${constraintCount} constraints exceeds OpenSSL's work limit (${NAME_CHECK_MAX} comparisons), so OpenSSL refuses the certificate`,
    ];
  }
  const problems: string[] = [];
  for (const c of [...nc.permitted, ...nc.excluded]) {
    const problem = constraintProblem(c);
    if (problem) problems.push(problem);
  }
  for (const malformed of cert.malformedNames)
    problems.push(`its SAN holds a malformed name (${malformed}), which cannot be checked against the constraints`);
  const of = (list: NameConstraint[], type: NameConstraint['type']) => list.filter((c) => c.type === type);
  checkForm(problems, constrainedDnsNames(cert), (n) => `"${n}"`, of(nc.permitted, 'dns'), of(nc.excluded, 'dns'), dnsWithin, 'DNS names');
  const ips = cert.san.ip.map((ip) => ({ ip, bytes: ipBytes(ip) }));
  for (const { ip, bytes } of ips) if (!bytes) problems.push(`its iPAddress "${ip}" cannot be checked against the constraints`);
  checkForm(
    problems,
    ips.filter((x): x is { ip: string; bytes: number[] } => !!x.bytes),
    (x) => `IP ${x.ip}`,
    of(nc.permitted, 'ip'),
    of(nc.excluded, 'ip'),
    (x, c) => ipWithin(x.bytes, c),
    'address ranges',
  );
  checkForm(
    problems,
    [...cert.san.email, ...cert.subjectEmails],
    (n) => `e-mail address "${n}"`,
    of(nc.permitted, 'email'),
    of(nc.excluded, 'email'),
    emailWithin,
    'e-mail names',
  );
  const uriPermitted = of(nc.permitted, 'uri'),
    uriExcluded = of(nc.excluded, 'uri');
  if (uriPermitted.length || uriExcluded.length) {
    for (const uri of cert.san.uri)
      if (!uriHost(uri)) problems.push(`the URI "${uri}" has no host, so the URI constraints cannot be checked`);
    checkForm(
      problems,
      cert.san.uri.map(uriHost).filter((h): h is string => !!h),
      (h) => `URI host "${h}"`,
      uriPermitted,
      uriExcluded,
      uriWithin,
      'URI hosts',
    );
  }
  const dirNames = [...(cert.subjectCanon ? [cert.subjectCanon] : []), ...cert.sanDirNames];
  const dirPermitted = of(nc.permitted, 'dirName').map((c) => ({ ...c, value: dirNameCanon(c.value) ?? '!' }));
  const dirExcluded = of(nc.excluded, 'dirName').map((c) => ({ ...c, value: dirNameCanon(c.value) ?? '!' }));
  checkForm(
    problems,
    dirNames,
    (n) => (n === cert.subjectCanon ? `the subject "${cert.subject}"` : 'a directoryName in its SAN'),
    dirPermitted,
    dirExcluded,
    (n, c) => n.startsWith(c),
    'directory names',
  );
  // Forms OpenSSL does not evaluate: a name of that form under a constraint of that form is unchecked.
  const otherConstraints = [...nc.permitted, ...nc.excluded].filter((c) => c.type === 'other' && c.value === '0');
  if (otherConstraints.length && cert.sanOtherNames.length) {
    problems.push(
      `unchecked constraint: its otherName SAN (${cert.sanOtherNames.join(', ')}) falls under otherName constraints, which OpenSSL cannot evaluate and rejects`,
    );
  }
  return problems;
}

/**
 * Where `ca`'s constraints deviate from RFC 5280 in ways OpenSSL and Java accept (webpki and the
 * CA/Browser Forum reject them): a warning by default, a failure with --pki-profile strict.
 */
export function nameConstraintNotes(ca: CertificateFacts): string[] {
  const nc = ca.nameConstraints;
  if (!nc) return [];
  const notes: string[] = [];
  if (!nc.critical) notes.push('its nameConstraints extension is not critical (RFC 5280 4.2.1.10: MUST be critical)');
  if (!nc.permitted.length && !nc.excluded.length)
    notes.push('its nameConstraints extension has neither permitted nor excluded subtrees (RFC 5280 4.2.1.10 forbids an empty one)');
  for (const c of [...nc.permitted, ...nc.excluded]) {
    if (c.type === 'dns' && c.value.startsWith('.'))
      notes.push(`its dNSName constraint "${c.value}" starts with a period, which RFC 5280 allows only in URI and e-mail constraints`);
  }
  return notes;
}

/**
 * The dialled SBC host against the constraints above a leaf that covers it only through a
 * wildcard (CVE-2025-61727): "*.example.com" does not itself fall in an excluded
 * "bar.example.com", but it authenticates bar.example.com, which does.
 */
export function dialledHostViolations(ca: CertificateFacts, host: string): string[] {
  const nc = ca.nameConstraints;
  if (!nc) return [];
  const problems: string[] = [];
  checkForm(
    problems,
    [host],
    (n) => `the dialled host "${n}" (matched through a wildcard)`,
    nc.permitted.filter((c) => c.type === 'dns'),
    nc.excluded.filter((c) => c.type === 'dns'),
    dnsWithin,
    'DNS names',
  );
  return problems;
}
