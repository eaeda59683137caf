/**
 * RFC 5280 section 4.2.1.10 name constraints for DNS names and IP addresses, the forms a SIP
 * TLS certificate carries. Other forms are reported as unchecked, never as passed silently.
 */
import { ipBytes } from '../util/ip.js';
import type { CertificateFacts, NameConstraint } from '../model/certificate.js';

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

export function constraintProblem(c: NameConstraint): string | undefined {
  if (c.type === 'dns' && (c.value.includes('*') || /\.\.|\s/.test(c.value))) return `invalid dNSName constraint "${c.value}"`;
  if (c.type === 'ip') {
    const bytes = hexBytes(c.value);
    if (bytes.length !== 8 && bytes.length !== 32) return `invalid iPAddress constraint (${bytes.length} bytes)`;
    const mask = bytes.slice(bytes.length / 2).map((b) => b.toString(2).padStart(8, '0')).join('');
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

const HOSTNAME = /^[a-z0-9*]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+\.?$/i;

/** The DNS names a constraint applies to: SAN dNSNames, or a host-like CN when there are none. */
export function constrainedDnsNames(cert: CertificateFacts): string[] {
  if (cert.san.dns.length) return cert.san.dns;
  return cert.commonNames.filter((cn) => HOSTNAME.test(cn));
}

/** Why `cert` breaks the name constraints of `ca`, as sentences; empty when it does not. */
export function nameConstraintViolations(ca: CertificateFacts, cert: CertificateFacts): string[] {
  const nc = ca.nameConstraints;
  if (!nc) return [];
  const problems: string[] = [];
  for (const c of [...nc.permitted, ...nc.excluded]) {
    const problem = constraintProblem(c);
    if (problem) problems.push(problem);
  }
  const dns = constrainedDnsNames(cert);
  const ips = cert.san.ip.map((ip) => ({ ip, bytes: ipBytes(ip) })).filter((x): x is { ip: string; bytes: number[] } => !!x.bytes);
  const permittedDns = nc.permitted.filter((c) => c.type === 'dns');
  const permittedIp = nc.permitted.filter((c) => c.type === 'ip');
  for (const name of dns) {
    if (permittedDns.length && !permittedDns.some((c) => dnsWithin(name, c.value))) problems.push(`"${name}" is outside the permitted DNS names (${permittedDns.map((c) => c.value).join(', ')})`);
    const excluded = nc.excluded.find((c) => c.type === 'dns' && dnsWithin(name, c.value));
    if (excluded) problems.push(`"${name}" is in the excluded DNS subtree "${excluded.value}"`);
  }
  for (const { ip, bytes } of ips) {
    if (permittedIp.length && !permittedIp.some((c) => ipWithin(bytes, c.value))) problems.push(`IP ${ip} is outside the permitted address ranges`);
    if (nc.excluded.some((c) => c.type === 'ip' && ipWithin(bytes, c.value))) problems.push(`IP ${ip} is in an excluded address range`);
  }
  return problems;
}
