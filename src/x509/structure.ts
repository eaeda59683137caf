/**
 * Certificate structure as OpenSSL 3 judges it during verification (crypto/x509/v3_purp.c
 * X509_supported_extension and x509v3_cache_extensions; x509_vfy.c check_extensions):
 * - 'openssl': what `openssl verify` rejects by default (a critical extension it does not process,
 *   a repeated or undecodable extension, pathLen on a non-CA);
 * - 'java': what Java (JSSE / PKIX) rejects although OpenSSL accepts it;
 * - 'strict': what only `openssl verify -x509_strict` rejects (missing AKI/SKI, a CA whose
 *   basicConstraints is not critical, keyCertSign on a non-CA ...);
 * - 'webpki': RFC 5280 / CA/Browser Forum requirements OpenSSL and Java do not enforce.
 * Rules fail 'openssl' and 'java' problems, and warn on the others unless --pki-profile strict.
 */
import type { CertificateFacts } from '../model/certificate.js';
import { couldIssue } from './chain.js';

export type StructureLevel = 'openssl' | 'java' | 'strict' | 'webpki';

export interface StructureProblem {
  level: StructureLevel;
  /** A clause after the certificate's name: "has a critical ... extension ...". */
  text: string;
}

/** Extensions OpenSSL processes during verification; a critical one outside this list is rejected. */
export const OPENSSL_SUPPORTED_EXTENSIONS: Record<string, string> = {
  '2.16.840.1.113730.1.1': 'Netscape certificate type',
  '2.5.29.15': 'keyUsage',
  '2.5.29.17': 'subjectAltName',
  '2.5.29.19': 'basicConstraints',
  '2.5.29.32': 'certificatePolicies',
  '2.5.29.31': 'cRLDistributionPoints',
  '2.5.29.37': 'extKeyUsage',
  '1.3.6.1.5.5.7.1.7': 'IP address delegation (RFC 3779)',
  '1.3.6.1.5.5.7.1.8': 'AS identifier delegation (RFC 3779)',
  '2.5.29.36': 'policyConstraints',
  '1.3.6.1.5.5.7.1.14': 'proxyCertInfo',
  '2.5.29.30': 'nameConstraints',
  '2.5.29.33': 'policyMappings',
  '2.5.29.54': 'inhibitAnyPolicy',
};

const NAMES: Record<string, string> = {
  '2.5.29.14': 'subjectKeyIdentifier',
  '2.5.29.35': 'authorityKeyIdentifier',
  '1.3.6.1.5.5.7.1.1': 'authorityInfoAccess',
  '2.5.29.18': 'issuerAltName',
  '2.5.29.9': 'subjectDirectoryAttributes',
  '1.3.6.1.4.1.11129.2.4.2': 'embedded SCT list',
  ...OPENSSL_SUPPORTED_EXTENSIONS,
};

export const extensionName = (oid: string): string => (NAMES[oid] ? `${NAMES[oid]} (${oid})` : oid);

/**
 * OpenSSL's self-signed test (EXFLAG_SS): subject equals issuer and the authorityKeyIdentifier,
 * when present, names the certificate's own key. A root whose AKI names another key is not
 * self-signed to OpenSSL, which then looks for its issuer.
 */
export function opensslSelfSigned(cert: CertificateFacts): boolean {
  return cert.selfIssued && couldIssue(cert, cert);
}

/**
 * Problems of one certificate at `position` on a path of `length` certificates (0 = leaf),
 * `anchor` when it is the trust anchor at the top.
 */
export function structureProblems(cert: CertificateFacts, position: number, length: number, anchor: boolean): StructureProblem[] {
  const out: StructureProblem[] = [];
  const ca = cert.basicConstraints?.ca === true;
  const critical = (oid: string) => cert.extensions.some((e) => e.oid === oid && e.critical);
  for (const e of cert.extensions) {
    if (e.critical && !OPENSSL_SUPPORTED_EXTENSIONS[e.oid])
      out.push({
        level: 'openssl',
        text: `has a critical ${extensionName(e.oid)} extension, which OpenSSL does not process ("unhandled critical extension"; Java rejects it too)`,
      });
  }
  for (const oid of new Set(cert.duplicateExtensions))
    out.push({
      level: 'openssl',
      text: `repeats the extension ${extensionName(oid)} (RFC 5280 4.2 forbids it; OpenSSL: "invalid or inconsistent certificate extension")`,
    });
  for (const oid of new Set(cert.malformedExtensions))
    out.push({
      level: 'openssl',
      text: `has an extension ${extensionName(oid)} that does not decode (OpenSSL: "invalid or inconsistent certificate extension")`,
    });
  if (!ca && cert.basicConstraints?.pathLen !== undefined)
    out.push({
      level: 'openssl',
      text: 'sets a pathLenConstraint without CA:TRUE (OpenSSL: "invalid or inconsistent certificate extension")',
    });
  if (cert.version < 3 && cert.extensions.length)
    out.push({
      level: 'strict',
      text: `is version ${cert.version} yet has extensions (RFC 5280 4.1.2.9; openssl verify -x509_strict rejects it)`,
    });
  // openssl -x509_strict (check_extensions): not applied to a lone self-signed end-entity certificate.
  if (length > 1) {
    if (ca && cert.basicConstraints && !cert.basicConstraints.critical)
      out.push({
        level: 'strict',
        text: 'is a CA whose basicConstraints extension is not critical (RFC 5280 4.2.1.9 MUST; openssl verify -x509_strict rejects it)',
      });
    if (ca && !cert.keyUsage)
      out.push({
        level: 'strict',
        text: 'is a CA without a keyUsage extension (RFC 5280 4.2.1.3 MUST; openssl verify -x509_strict rejects it)',
      });
    if (!ca && cert.keyUsage?.includes('keyCertSign') && !(anchor && cert.version >= 3 && !cert.basicConstraints))
      out.push({
        level: 'strict',
        text: 'asserts keyCertSign without being a CA (basicConstraints CA:TRUE); openssl verify -x509_strict rejects it',
      });
    if (critical('2.5.29.35'))
      out.push({ level: 'strict', text: 'has a critical authorityKeyIdentifier (RFC 5280 4.2.1.1: MUST be non-critical)' });
    if (cert.version >= 3) {
      if (!anchor && !cert.extensions.some((e) => e.oid === '2.5.29.35') && !opensslSelfSigned(cert))
        out.push({
          level: 'strict',
          text: 'has no authorityKeyIdentifier (RFC 5280 4.2.1.1 MUST; openssl verify -x509_strict rejects it)',
        });
      if (ca && !cert.subjectKeyId)
        out.push({
          level: 'strict',
          text: 'is a CA without a subjectKeyIdentifier (RFC 5280 4.2.1.2 MUST; openssl verify -x509_strict rejects it)',
        });
    }
  }
  if (cert.subjectCanon === '' && cert.hasSanExtension && !critical('2.5.29.17'))
    out.push({
      level: 'java',
      text: 'has an empty subject and a non-critical subjectAltName (RFC 5280 4.2.1.6 MUST be critical); Java refuses to parse such a certificate and openssl verify -x509_strict rejects it',
    });
  if (anchor && cert.version >= 3 && !cert.basicConstraints)
    out.push({
      level: 'java',
      text: 'is a version 3 root without basicConstraints; Java\'s TLS trust manager refuses it as "not a CA certificate" (openssl verify -x509_strict too, when it has keyCertSign)',
    });
  // RFC 5280 / CA/Browser Forum requirements no OpenSSL mode checks.
  if (cert.serialProblem && !anchor)
    out.push({ level: 'webpki', text: `has an invalid serial number: ${cert.serialProblem} (RFC 5280 4.1.2.2)` });
  if (critical('2.5.29.36') === false && cert.extensions.some((e) => e.oid === '2.5.29.36'))
    out.push({ level: 'webpki', text: 'has a non-critical policyConstraints extension (RFC 5280 4.2.1.11: MUST be critical)' });
  if (anchor && cert.authorityKeyIdExtras.length)
    out.push({
      level: 'webpki',
      text: `is a root whose authorityKeyIdentifier carries ${cert.authorityKeyIdExtras.join(' and ')} (CA/Browser Forum 7.1.2.1.3 allows only keyIdentifier)`,
    });
  if (anchor && cert.extensions.some((e) => e.oid === '2.5.29.35') && !cert.authorityKeyId)
    out.push({ level: 'webpki', text: 'is a root whose authorityKeyIdentifier has no keyIdentifier (CA/Browser Forum 7.1.2.1.3)' });
  if (anchor && cert.extKeyUsage)
    out.push({ level: 'webpki', text: 'is a root with an extendedKeyUsage extension (CA/Browser Forum 7.1.2.1.2 forbids it)' });
  if (position === 0 && !anchor) {
    if (cert.version < 3)
      out.push({ level: 'webpki', text: `is a version ${cert.version} certificate (CA/Browser Forum 7.1.1 requires version 3)` });
    if (!cert.hasSanExtension)
      out.push({ level: 'webpki', text: 'has no subjectAltName extension (CA/Browser Forum 7.1.2.7.12 requires one)' });
    if (critical('2.5.29.17') && cert.subjectCanon !== '')
      out.push({
        level: 'webpki',
        text: 'has a critical subjectAltName although its subject is not empty (RFC 5280 4.2.1.6 SHOULD NOT; CA/Browser Forum)',
      });
  }
  return out;
}

/** 'openssl' problems fail; the stricter levels warn, and fail with --pki-profile strict. */
export function structureStatus(problem: StructureProblem, profile: 'default' | 'strict'): 'fail' | 'warn' {
  return problem.level === 'openssl' || problem.level === 'java' || profile === 'strict' ? 'fail' : 'warn';
}
