/**
 * > "your carrier or telephony provider must also support secure VoIP connections with SIP using TLS over
 * > TCP and SRTP" — Genesys BYOC Cloud TLS trunk transport protocol specification.
 * The target is SDES-SRTP: `RTP/SAVP` with `a=crypto` (RFC 4568). Genesys documents nothing on DTLS-SRTP
 * or on optional/optimistic SRTP: DTLS-only fails, fallbacks to plain RTP warn.
 */
import { defineRule } from '../../src/engine/define-rule.js';
import type { Finding } from '../../src/engine/types.js';
import { locationOf, quoteValue } from '../../src/model/endpoint.js';
import { mediaLabel, type MediaSettings } from '../../src/model/media.js';

const check = (m: MediaSettings) => (m.unresolved?.length ? ` Check: ${m.unresolved.join('; ')}.` : '');

function judge(m: MediaSettings): Finding {
  const who = mediaLabel(m);
  const offer = m.offer;
  const fix = `Set ${m.syntax.offerSdes()}.`;
  const base = {
    target: m.id,
    evidence: { offer: offer?.value ?? null, strictness: m.strictness?.value ?? null, setting: offer?.raw ?? null },
    ...(locationOf(offer) ? { location: locationOf(offer) } : locationOf(m.strictness) ? { location: locationOf(m.strictness) } : {}),
  };
  if (!offer)
    return { ...base, status: 'warn', message: `${who}: how it offers media to Genesys is not known.${check(m)}`, remediation: fix };
  const value = quoteValue(offer);
  switch (offer.value) {
    case 'none':
      // A product default with something the reader could not see (a dialplan, a script branch) is not proven.
      if (offer.from.kind === 'default' && m.unresolved?.length)
        return {
          ...base,
          status: 'warn',
          message: `${who}: ${value} sends plain RTP to Genesys unless what the files do not show changes it.${check(m)}`,
          remediation: fix,
        };
      return {
        ...base,
        status: 'fail',
        message: `${who}: ${value} sends plain RTP (RTP/AVP, no a=crypto) to Genesys; a BYOC Cloud TLS trunk needs SRTP.${check(m)}`,
        remediation: fix,
      };
    case 'dtls':
      return {
        ...base,
        status: 'fail',
        message: `${who}: ${value} offers DTLS-SRTP only, without a=crypto; Genesys expects SDES-SRTP (RTP/SAVP with a=crypto, RFC 4568).${check(m)}`,
        remediation: fix,
      };
    case 'sdes+dtls':
      return {
        ...base,
        status: 'warn',
        message: `${who}: ${value} offers DTLS-SRTP beside SDES (a=fingerprint with a=crypto); Genesys documents SDES only, and how it treats the DTLS part is not documented.${check(m)}`,
        remediation: fix,
      };
    case 'unchanged':
      return {
        ...base,
        status: 'warn',
        message: `${who}: ${value} passes on the media profile it receives: Genesys gets SRTP only if the other side offers it.${check(m)}`,
        remediation: fix,
      };
    case 'unknown':
      return { ...base, status: 'warn', message: `${who}: ${value} cannot be resolved from the files.${check(m)}`, remediation: fix };
    case 'sdes': {
      const strict = m.strictness;
      if (strict && strict.value !== 'mandatory') {
        const how =
          strict.value === 'optimistic'
            ? 'puts a=crypto in RTP/AVP (optimistic SRTP), which Genesys does not document'
            : 'falls back to plain RTP when the far end declines crypto';
        return {
          ...base,
          status: 'warn',
          message: `${who}: ${quoteValue(strict)} offers SDES-SRTP but ${how}.${check(m)}`,
          remediation: fix,
        };
      }
      if (m.unresolved?.length)
        return {
          ...base,
          status: 'warn',
          message: `${who}: ${value} offers SDES-SRTP, but something the files do not settle may undo it.${check(m)}`,
          remediation: fix,
        };
      return {
        ...base,
        status: 'pass',
        message: `${who}: ${value} offers SDES-SRTP (RTP/SAVP with a=crypto)${strict ? `, mandatory (${quoteValue(strict)})` : ''}.`,
      };
    }
  }
}

export default defineRule({
  meta: {
    id: 'srtp-offered',
    area: 'media',
    title: 'The SBC offers SDES-SRTP (RTP/SAVP with a=crypto) on the Genesys leg',
    severity: 'error',
    citations: [{ source: 'BYOC_TLS_SPEC', section: 'Requirements' }, { source: 'RFC4568' }, { source: 'SBC_PRODUCT_DOCS' }],
    remediation: "Make the leg to Genesys offer SDES-SRTP mandatorily, in the SBC's own syntax (the finding names the key).",
    docs: {
      what: 'For each leg that carries the Genesys trunk (an Asterisk endpoint on the TLS transport, a FreeSWITCH dial path to the Genesys gateway, an rtpengine call, an AudioCodes IP Group), reads how the SBC offers media after the product defaults: plain RTP fails, DTLS-SRTP only fails, optional or optimistic SRTP and DTLS beside SDES warn, a profile passed on unchanged or script logic that cannot be resolved warns with what to check.',
      why: 'A BYOC Cloud TLS trunk is SIP over TLS and SRTP. The common defaults send plain RTP even on a TLS transport (Asterisk media_encryption=no, FreeSWITCH outbound legs forbidden, AudioCodes EnableMediaSecurity=0), and calls then fail or carry no audio.',
    },
  },
  check({ media }) {
    if (!media)
      return [
        {
          status: 'skip',
          target: 'media',
          evidence: { reason: 'not-applicable' },
          message: 'Not applicable: no SBC configuration or trunk profile told how the SBC offers media to Genesys.',
        },
      ];
    if (!media.endpoints.length)
      return [{ status: 'skip', target: 'media', message: 'No leg to Genesys was found in the SBC configuration; SRTP was not checked.' }];
    return media.endpoints.map(judge);
  },
});
