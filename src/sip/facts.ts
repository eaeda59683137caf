import { proxyRegion } from '../../rules/data/byoc-regions.js';
import { InputError } from '../errors.js';
import type { SbcEndpoint, SipFacts, UriInput } from '../model/sip.js';
import { parseHostPort, parseSipUri, SipUriError, unwrapPastedUri } from './uri.js';

export function gatherSipFacts(uriTexts: string[], sbcTexts: string[], region?: string): SipFacts {
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
  const sbcs: SbcEndpoint[] = sbcTexts.map((given, index) => {
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
        };
      }
      return { index, raw, ...parseHostPort(raw), origin: 'sbc' as const };
    } catch (error) {
      if (error instanceof SipUriError) throw new InputError(`--sbc "${raw}": position ${error.position + 1}: ${error.reason}`);
      throw error;
    }
  });
  return { uris, sbcs, ...(region ? { region } : {}) };
}
