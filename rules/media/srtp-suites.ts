/**
 * The SRTP suites the SBC offers must include one the Genesys trunk accepts: its
 * `trunk_media_srtpCipherSuites` when the org's settings are known, else the platform default
 * AES_CM_128_HMAC_SHA1_80. Names are compared in one spelling (RFC 4568/6188: Genesys' `AES_CM_256_...`
 * is RFC 6188's `AES_256_CM_...`); a spelling the SBC itself rejects (FreeSWITCH "INVALID SUITE SUPPLIED")
 * is left out of its offer and fails.
 */
import { defineRule } from '../../src/engine/define-rule.js';
import type { Finding } from '../../src/engine/types.js';
import { locationOf, quoteValue, sourced, written } from '../../src/model/endpoint.js';
import { canonicalSuite, GENESYS_DEFAULT_SUITES, mediaLabel, sharedSuites } from '../../src/model/media.js';

export default defineRule({
  meta: {
    id: 'srtp-suites',
    area: 'media',
    title: 'The SRTP suites the SBC offers share one with the Genesys trunk',
    severity: 'error',
    citations: [{ source: 'GENESYS_TRUNK_SRTP' }, { source: 'RFC4568' }, { source: 'RFC6188' }, { source: 'SBC_PRODUCT_DOCS' }],
    remediation:
      "Offer a suite the Genesys trunk accepts (AES_CM_128_HMAC_SHA1_80 by default), in the SBC's own spelling, or add the SBC's suite to the trunk's SRTP cipher suites.",
    docs: {
      what: "For each leg that offers SDES-SRTP to Genesys, compares the suites it offers (after the product's defaults and its own name parser) with the trunk's trunk_media_srtpCipherSuites, or AES_CM_128_HMAC_SHA1_80 when the org's settings are not known. Spellings are normalised (AES_CM_256_HMAC_SHA1_80 = AES_256_CM_HMAC_SHA1_80, AudioCodes dashes); a name the SBC rejects fails.",
      why: 'Without a shared suite the crypto negotiation fails and the call has no audio. Asterisk with srtp_tag_32=yes offers only the 32-bit tag, and FreeSWITCH drops the old AES_CM_256 spellings its own sample vars.xml suggests, then offers no crypto at all.',
    },
  },
  check({ media }) {
    if (!media)
      return [
        {
          status: 'skip',
          target: 'media',
          evidence: { reason: 'not-applicable' },
          message: 'Not applicable: no SBC configuration or trunk profile told which SRTP suites the SBC offers.',
        },
      ];
    const accepted =
      media.genesys?.suites ??
      sourced([...GENESYS_DEFAULT_SUITES], {
        kind: 'default',
        text: "Genesys default trunk_media_srtpCipherSuites; the org's trunk settings were not read",
      });
    const wanted = accepted.value.map((s) => canonicalSuite(s) ?? s);
    const legs = media.endpoints.filter((m) => m.offer?.value === 'sdes' || m.offer?.value === 'sdes+dtls');
    if (!legs.length)
      return [
        { status: 'skip', target: 'media', message: 'No leg offers SDES-SRTP to Genesys (srtp-offered says why); no suites to compare.' },
      ];
    const genesys = quoteValue(accepted);
    return legs.map((m): Finding => {
      const who = mediaLabel(m);
      const fix = `Set ${m.syntax.suites(wanted)}.`;
      const suites = m.suites;
      const base = {
        target: m.id,
        evidence: { offered: suites?.value ?? null, accepted: accepted.value, rejected: m.rejectedSuites?.value ?? null },
        ...(locationOf(suites) ? { location: locationOf(suites) } : {}),
      };
      if (!suites)
        return {
          ...base,
          status: 'warn',
          message: `${who}: the SRTP suites it offers are not known; Genesys accepts ${genesys}.`,
          remediation: fix,
        };
      const shared = sharedSuites(suites.value, accepted.value);
      if (m.rejectedSuites?.value.length) {
        const left = suites.value.length
          ? `it offers only ${suites.value.join(', ')}`
          : 'no suite is left, so it offers no a=crypto at all';
        return {
          ...base,
          ...(locationOf(m.rejectedSuites) ? { location: locationOf(m.rejectedSuites) } : {}),
          status: 'fail',
          message: `${who}: ${quoteValue(m.rejectedSuites)} names ${m.rejectedSuites.value.join(', ')}, which the product rejects (FreeSWITCH logs "INVALID SUITE SUPPLIED"; it knows the RFC spellings, e.g. AES_256_CM_HMAC_SHA1_80); ${left}${shared.length ? '' : `, none of which Genesys accepts (${genesys})`}.`,
          remediation: fix,
        };
      }
      if (!shared.length)
        return {
          ...base,
          status: 'fail',
          message: `${who}: ${quoteValue(suites)} shares no SRTP suite with Genesys, which accepts ${genesys}.`,
          remediation: fix,
        };
      return {
        ...base,
        status: 'pass',
        message: `${who}: ${quoteValue(suites)} includes ${shared.join(', ')}, which Genesys accepts (${written(accepted)}).`,
      };
    });
  },
});
