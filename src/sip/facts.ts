import { proxyRegion } from '../../rules/data/byoc-regions.js';
import { InputError } from '../errors.js';
import type { ExpectedTgrp, SbcEndpoint, SbcInput, SipFacts, UriInput } from '../model/sip.js';
import { parseHostPort, parseSipUri, SipUriError, unwrapPastedUri } from './uri.js';

export function gatherSipFacts(uriTexts: string[], sbcInputs: SbcInput[], region?: string, tgrp?: ExpectedTgrp): SipFacts {
  const uris: UriInput[] = uriTexts.map((text, index) => {
    try {
      const uri = parseSipUri(unwrapPastedUri(text));
      const known = proxyRegion(uri.host);
      return { index, uri, ...(known ? { byocRegion: known.region } : {}) };
    } catch (error) {
      if (error instanceof SipUriError) throw new InputError(`--uri: ${error.message}`);
      throw error;
    }
  });
  const sbcs: SbcEndpoint[] = sbcInputs.map((input, index) => {
    const given = typeof input === 'string' ? input : input.raw;
    const source = typeof input === 'string' ? {} : { source: input.source };
    const raw = unwrapPastedUri(given);
    try {
      // Some SBC consoles show the entry as a URI (sip:host:port;transport=tls); take its host and port.
      if (/^sips?:/i.test(raw)) {
        const uri = parseSipUri(raw);
        return {
          index,
          raw,
          host: uri.host,
          hostType: uri.hostType,
          ...(uri.port === undefined ? {} : { port: uri.port }),
          origin: 'sbc' as const,
          ...source,
        };
      }
      return { index, raw, ...parseHostPort(raw), origin: 'sbc' as const, ...source };
    } catch (error) {
      if (error instanceof SipUriError)
        throw new InputError(`${'source' in source ? source.source : '--sbc'} "${raw}": position ${error.position + 1}: ${error.reason}`);
      throw error;
    }
  });
  return { uris, sbcs, ...(region ? { region } : {}), ...(tgrp ? { tgrp } : {}) };
}
