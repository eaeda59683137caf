/**
 * > "use these names [lb01..lb04 per region] as the host part of the Request-URI so that
 * > certificate name validation succeeds" and "Certificate authorities by region" — Genesys
 * > BYOC Cloud TLS trunk specification, Subject name validation.
 */
import { GENESYS_ROOTS, isGenesysHost, proxyHosts, proxyRegion, regions } from '../data/byoc-regions.js';
import { closest } from '../../src/util/text.js';

const PROXY_NAMES = proxyHosts.map((p) => p.host);
import { defineRule } from '../../src/engine/define-rule.js';
import type { Finding } from '../../src/engine/types.js';

function rootsFor(code: string) {
  const region = regions.find((r) => r.code === code)!;
  return {
    region: region.code,
    regionName: region.name,
    currentRoot: GENESYS_ROOTS[region.currentRoot].name,
    sbcMustTrust: region.trust.map((k) => ({
      name: GENESYS_ROOTS[k].name,
      subjectHash: GENESYS_ROOTS[k].subjectHash,
      ...('note' in GENESYS_ROOTS[k] ? { note: GENESYS_ROOTS[k].note } : {}),
    })),
  };
}

function trustSentence(code: string): string {
  const r = rootsFor(code);
  const ev = r.sbcMustTrust.some((t) => t.subjectHash === '244b5494');
  return `To accept Genesys, the SBC must trust ${r.sbcMustTrust.map((t) => t.name).join(', ')}${ev ? ' (Mozilla stopped trusting the EV root for TLS on 2026-04-15, so a current Mozilla-derived store may lack it: add it explicitly)' : ''}.`;
}

export default defineRule({
  meta: {
    id: 'byoc-host',
    area: 'sip',
    title: "The URI host is a BYOC Cloud proxy name, and the SBC trusts its region's roots",
    // error: a proxy of another region than the org's (or than the other URIs') makes the calls fail.
    severity: 'error',
    citations: [
      { source: 'BYOC_TLS_SPEC', section: 'Subject name validation; Certificate authorities by region' },
      { source: 'BYOC_SIP_ROUTING' },
    ],
    remediation:
      'Send inbound calls to lb01..lb04.voice.<region>.pure.cloud with ;tgrp and ;trunk-context in the user part, one URI per proxy.',
    docs: {
      what: 'Recognises the BYOC Cloud proxy host names per region (a table with known copy errors), names the region and the DigiCert roots the SBC must trust.',
      why: "The SBC validates Genesys' certificate against the host it dialled: only the lbNN proxy names are in Genesys' certificates; FQDN-style hosts fail that validation. An org is served by the proxies of its own region only: a proxy of another region fails the calls.",
    },
  },
  check({ sip }) {
    const findings: Finding[] = [];
    // The org's region: --region, else the region of the first URI naming a known proxy.
    const orgRegion = sip.region ?? sip.uris.map((u) => proxyRegion(u.uri.host)?.region).find((r) => r !== undefined);
    const firstProxyUri = sip.uris.find((u) => proxyRegion(u.uri.host));
    for (const { uri, index } of sip.uris) {
      const target = `uri[${index}]`;
      const known = proxyRegion(uri.host);
      const mark = { start: uri.hostStart, end: uri.hostEnd };
      if (known) {
        const evidence = { host: uri.host, uri: uri.raw, ...rootsFor(known.region), ...(known.doubt ? { doubt: known.doubt } : {}) };
        if (orgRegion && orgRegion !== known.region) {
          const against = sip.region ? `--region is ${sip.region}` : `uri[${firstProxyUri!.index}] names a ${orgRegion} proxy`;
          findings.push({
            status: 'fail',
            target,
            evidence: { ...evidence, expectedRegion: orgRegion, mark },
            message: `"${uri.host}" is a ${known.region} proxy, but ${against}; an org's calls only reach its own region's proxies, so calls sent here will fail.`,
            remediation: sip.region
              ? `Send the calls to lb01..lb04 of the org's region (${orgRegion}), or correct --region if ${known.region} is the org's region.`
              : `Use the proxies of one region, the org's own, in every URI (give --region to say which).`,
          });
        } else if (known.doubt) {
          findings.push({
            status: 'warn',
            target,
            evidence: { ...evidence, mark },
            message: `"${uri.host}" is listed for ${known.region}, but the Genesys host table is doubtful here: ${known.doubt}. Confirm the name with "Inbound Request-URI Reference" on the trunk. ${trustSentence(known.region)}`,
          });
        } else {
          findings.push({
            status: 'pass',
            target,
            evidence,
            message: `"${uri.host}" is a BYOC Cloud proxy in ${known.region} (${rootsFor(known.region).regionName}). ${trustSentence(known.region)}`,
          });
        }
        continue;
      }
      if (isGenesysHost(uri.host)) {
        const fqdnStyle = /\.byoc\.(mypurecloud|pure)\./.test(uri.host) || uri.host.endsWith('.byoc.mypurecloud.com');
        const typo = /\.voix\./.test(uri.host)
          ? ' ("voix" is a translation artefact in the French Genesys page: the real label is "voice")'
          : '';
        findings.push({
          status: 'warn',
          target,
          evidence: { host: uri.host, uri: uri.raw, mark },
          message: fqdnStyle
            ? `"${uri.host}" is an FQDN-style trunk host: Genesys' proxies present certificates for the lbNN names, so the SBC's subject-name check is expected to fail over TLS.`
            : `"${uri.host}" is a Genesys host name but not a known BYOC Cloud proxy${typo}.`,
        });
        continue;
      }
      // The SBC sends its calls to a Genesys proxy: any other host is a mistake, not a second SBC.
      const near = uri.hostType !== 'hostname' ? undefined : closest(uri.host, PROXY_NAMES);
      findings.push({
        status: 'fail',
        target,
        evidence: { host: uri.host, uri: uri.raw, mark, ...(near ? { didYouMean: near } : {}) },
        message:
          uri.hostType !== 'hostname'
            ? `"${uri.host}" is an IP address, not a BYOC Cloud proxy name: Genesys' proxies present certificates for lb01..lb04.voice.<region>.pure.cloud, so the SBC's check of Genesys' certificate fails, and the proxies' addresses change without notice.`
            : `"${uri.host}" is not a BYOC Cloud proxy${near ? ` (did you mean "${near}"?)` : ''}: calls to it never reach Genesys, and Genesys' certificate does not name it.`,
        remediation: `Send the calls to the proxies of the org's region, e.g. sip:+13175550100;tgrp=<trunk>;trunk-context=<domain>@${near ?? 'lb01.voice.use1.pure.cloud'}:5061;transport=tls (Admin > Telephony > Trunks > the trunk > Inbound Request-URI Reference lists them).`,
      });
    }
    if (findings.length === 0) {
      if (sip.region) {
        return [
          { status: 'skip', target: 'region', evidence: rootsFor(sip.region), message: `No --uri given. ${trustSentence(sip.region)}` },
        ];
      }
      return [{ status: 'skip', target: 'uri', message: 'No --uri given.' }];
    }
    return findings;
  },
});
