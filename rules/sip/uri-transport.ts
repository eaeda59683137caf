/**
 * > "transport — host part — transport protocol — UDP / TCP / TLS" (SIP URI attributes table)
 * — Genesys BYOC Cloud TLS trunk specification, SIP URI. RFC 3261 19.1.1: the transport
 * parameter is a uri-parameter, after the host.
 */
import { defineRule } from '../../src/engine/define-rule.js';
import type { Finding } from '../../src/engine/types.js';
import { paramText, uriEvidence } from '../../src/sip/uri.js';

export default defineRule({
  meta: {
    id: 'uri-transport',
    area: 'sip',
    title: 'The URI asks for TLS: ;transport=tls after the host (or sips:)',
    severity: 'error',
    citations: [
      { source: 'BYOC_TLS_SPEC', section: 'SIP URI' },
      { source: 'RFC3261', section: '19.1.1, 26.2' },
    ],
    remediation:
      'Append ;transport=tls after the host and port, e.g. sip:+13175550100;tgrp=x;trunk-context=y@lb01.voice.use1.pure.cloud:5061;transport=tls',
    docs: {
      what: "Checks the transport parameter among the host part's uri-parameters, and the sips: scheme.",
      why: 'Without transport=tls the SBC sends the INVITE over UDP or TCP, which a secure trunk does not accept.',
    },
  },
  check({ sip }) {
    if (sip.uris.length === 0) return [{ status: 'skip', target: 'uri', message: 'No --uri given.' }];
    return sip.uris.map(({ uri, index }): Finding => {
      const target = `uri[${index}]`;
      const param = uri.params.find((p) => p.name === 'transport');
      const transport = param?.value?.toLowerCase();
      const inUser = uri.userParams.find((p) => p.name === 'transport');
      const evidence = {
        uri: uri.raw,
        parsed: uriEvidence(uri),
        transport: transport ?? null,
        ...(param ? { mark: { start: param.start, end: param.end } } : {}),
      };
      if (transport === 'tls') {
        return {
          status: 'pass',
          target,
          evidence,
          message: `${uri.scheme === 'sips' ? 'sips: with ' : ''};transport=tls is set on the host part.`,
        };
      }
      if (param) {
        return {
          status: 'fail',
          target,
          evidence,
          message: `${paramText(uri, param)} selects ${String(param.value ?? 'no transport').toUpperCase()}, not TLS; a secure trunk needs ;transport=tls.`,
          remediation: `Replace ${paramText(uri, param)} with ;transport=tls.`,
        };
      }
      if (uri.scheme === 'sips') {
        return {
          status: 'warn',
          target,
          evidence,
          message: 'sips: alone asks for TLS (RFC 3261), but Genesys documents ;transport=tls; some SBCs map sips: differently.',
          remediation: 'Add ;transport=tls after the host.',
        };
      }
      const userNote = inUser ? ' (the ;transport in the user part, before the @, does not count)' : '';
      return {
        status: 'fail',
        target,
        evidence: {
          ...evidence,
          ...(inUser ? { mark: { start: inUser.start, end: inUser.end } } : { mark: { start: uri.hostStart, end: uri.raw.length } }),
        },
        message: `No ;transport=tls on the host part${userNote}: the SBC will default to UDP for sip: URIs.`,
      };
    });
  },
});
