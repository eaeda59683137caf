/**
 * > "The certificate must contain the name the client connected to (CN or SAN); if not, the
 * > client must refuse" ... "wildcard certificates ... are not used, because some SIP devices
 * > do not support them" — Genesys BYOC Cloud TLS trunk specification; RFC 6125 6.4;
 * > RFC 5922 7.2 (SIP domain certificates, sip: URIs in subjectAltName).
 */
import { ipBytes } from '../../src/util/ip.js';
import { defineRule } from '../../src/engine/define-rule.js';
import type { Finding } from '../../src/engine/types.js';
import { matchName, normalizeHost, sipUriHost } from '../../src/sip/names.js';

function sameIp(a: string, b: string): boolean {
  const x = ipBytes(a);
  const y = ipBytes(b);
  return !!x && !!y && x.length === y.length && x.every((byte, i) => byte === y[i]);
}

export default defineRule({
  meta: {
    id: 'subject-name',
    area: 'sip',
    requires: ['chain'],
    title: 'The SBC certificate names every host Genesys dials',
    severity: 'error',
    citations: [
      { source: 'BYOC_TLS_SPEC', section: 'Certificate trust; Subject name validation' },
      { source: 'RFC6125', section: '6.4' },
      { source: 'RFC5922', section: '7.2' },
    ],
    remediation:
      'Request a certificate whose subjectAltName lists each SBC FQDN entered in "SIP Servers or Proxies" (DNS names, no wildcards), or enter a name the certificate already has.',
    docs: {
      what: "Matches each --sbc host with the leaf's SAN dNSNames, SAN sip: URIs and, without SAN dNSNames, the CN.",
      why: 'Genesys dials the SBC by the name in the trunk and refuses a certificate that does not carry it.',
    },
  },
  check({ chain, sip, pkiProfile }) {
    const leaf = chain.path[0]!.cert;
    const dnsNames = leaf.san.dns;
    const sipHosts = leaf.san.uri.map(sipUriHost).filter((h): h is string => !!h);
    // CA/Browser Forum 7.1.4.3: a CN, when present, repeats one SAN entry exactly (an IP in its
    // canonical text). OpenSSL and Java do not check it: a warning, a failure with --pki-profile strict.
    const cnFindings: Finding[] = (leaf.hasSanExtension ? leaf.commonNames : [])
      // A CN with spaces is a label, not a name ("Carrier SBC"); a SIP URI host in the SAN counts (RFC 5922).
      .filter((cn) => !/\s/.test(cn) && !dnsNames.includes(cn) && !leaf.san.ip.includes(cn) && !sipHosts.includes(cn))
      .map((cn) => ({
        status: pkiProfile === 'strict' ? 'fail' : 'warn',
        target: 'certificate[0]',
        evidence: { commonName: cn, san: dnsNames, sanIp: leaf.san.ip, level: 'webpki' },
        message: `The CN "${cn}" is not written exactly as any SAN entry (${[...dnsNames, ...leaf.san.ip].join(', ') || 'none'}); the CA/Browser Forum (7.1.4.3) requires it to repeat one, in the same case and canonical form.`,
        remediation: 'Have the certificate reissued with a CN equal to one of its SAN names (or no CN).',
      }));
    const covered = [...dnsNames, ...sipHosts.map((h) => `sip:${h}`), ...(dnsNames.length ? [] : leaf.commonNames.map((cn) => `CN=${cn}`))];
    if (sip.sbcs.length === 0) {
      return [
        ...cnFindings,
        {
          status: 'skip',
          target: 'sbc',
          evidence: { names: covered },
          message: covered.length
            ? `No --sbc given; the trunk's SIP Servers or Proxies must be one of: ${covered.join(', ')}.`
            : 'No --sbc given, and the certificate names no host at all.',
        },
      ];
    }
    return [
      ...cnFindings,
      ...sip.sbcs.map((sbc): Finding => {
        const target = `sbc[${sbc.index}]`;
        const evidence: Record<string, unknown> = {
          host: sbc.host,
          san: dnsNames,
          sanIp: leaf.san.ip,
          sanSipUris: leaf.san.uri,
          commonNames: leaf.commonNames,
        };
        const list = covered.length ? covered.join(', ') : 'no names';
        if (sbc.hostType !== 'hostname') {
          const ok = leaf.san.ip.some((ip) => sameIp(ip, sbc.host));
          return ok
            ? {
                status: 'pass',
                target,
                evidence,
                message: `The certificate lists the IP address ${sbc.host} (but Genesys validates by host name: see host-not-ip).`,
              }
            : {
                status: 'fail',
                target,
                evidence,
                message: `The certificate does not list the IP address ${sbc.host} (it names: ${list}).`,
              };
        }
        const host = normalizeHost(sbc.host);
        if (dnsNames.some((n) => matchName(n, host) === 'exact') || sipHosts.some((h) => normalizeHost(h) === host)) {
          return { status: 'pass', target, evidence, message: `The certificate names "${host}".` };
        }
        const wildcard = dnsNames.find((n) => matchName(n, host) === 'wildcard');
        if (wildcard) {
          return {
            status: 'warn',
            target,
            evidence: { ...evidence, matchedBy: wildcard },
            message: `"${host}" is covered only by the wildcard "${wildcard}"; the BYOC spec notes wildcards are not used because some SIP devices do not support them.`,
            remediation: `Add "${host}" to the certificate's subjectAltName explicitly.`,
          };
        }
        const partial = dnsNames.find((n) => matchName(n, host) === 'partial-wildcard');
        if (partial) {
          return {
            status: 'fail',
            target,
            evidence: { ...evidence, matchedBy: partial },
            message: `"${host}" would match only the partial-label wildcard "${partial}", which TLS verifiers reject (RFC 6125 6.4.3, CA/B Forum).`,
          };
        }
        const cnMatch = leaf.commonNames.find((cn) => matchName(cn, host) === 'exact');
        if (cnMatch && dnsNames.length === 0) {
          return {
            status: 'warn',
            target,
            evidence: { ...evidence, matchedBy: `CN=${cnMatch}` },
            message: `"${host}" matches only the CN; the certificate has no SAN dNSName, and many TLS stacks ignore the CN.`,
            remediation: `Reissue the certificate with "${host}" in subjectAltName.`,
          };
        }
        if (cnMatch) {
          return {
            status: 'fail',
            target,
            evidence: { ...evidence, matchedBy: `CN=${cnMatch}` },
            message: `"${host}" is only in the CN; when a certificate has SAN DNS names, verifiers ignore the CN, so it does not count (SAN: ${dnsNames.join(', ')}).`,
          };
        }
        return {
          status: 'fail',
          target,
          evidence,
          message: `The certificate does not name "${host}" (it names: ${list}); Genesys will refuse the TLS connection.`,
        };
      }),
    ];
  },
});
