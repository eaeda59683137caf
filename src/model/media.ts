/**
 * Media facts of the Genesys leg (issue 16): whether the SBC offers SDES-SRTP to Genesys, how strictly,
 * and with which suites. Same provenance style as the TLS facts in ./endpoint.ts; rules never know
 * which provider (reader, trunk profile, a later Genesys API provider) filled them.
 */
import type { SourceLocation } from './location.js';
import type { SbcFormat, Sourced } from './endpoint.js';

/**
 * How the SBC offers media keys on the Genesys leg:
 * - `sdes`: `RTP/SAVP` with `a=crypto` (RFC 4568), what Genesys expects;
 * - `none`: plain `RTP/AVP`;
 * - `dtls`: DTLS-SRTP only (no `a=crypto`);
 * - `sdes+dtls`: both offered (rtpengine without `DTLS=off`);
 * - `unchanged`: the SBC passes the SDP profile it received (rtpengine without a transport flag);
 * - `unknown`: script logic a reader cannot resolve statically.
 */
export type SrtpOffer = 'sdes' | 'none' | 'dtls' | 'sdes+dtls' | 'unchanged' | 'unknown';

/** `mandatory`: a call without SRTP fails; `optional`: falls back to RTP; `optimistic`: crypto in `RTP/AVP` (OSRTP). */
export type SrtpStrictness = 'mandatory' | 'optional' | 'optimistic';

/** Media settings of one trunk/endpoint/dial path that carries the Genesys leg. */
export interface MediaSettings {
  /** Report id, assigned by the gatherer (`media[0]`). */
  id: string;
  format: SbcFormat;
  /** The endpoint or dial path as written: `[genesys]` endpoint, gateway `genesys`, `route[TO_GENESYS]`, `IPProfile 1`. */
  name: string;
  declared?: SourceLocation;
  offer?: Sourced<SrtpOffer>;
  strictness?: Sourced<SrtpStrictness>;
  /** Suites offered, as written by the product (normalise with `canonicalSuite` before comparing). */
  suites?: Sourced<string[]>;
  /** Suite spellings the product itself rejects (FreeSWITCH "INVALID SUITE SUPPLIED"): config-valid reports them. */
  rejectedSuites?: Sourced<string[]>;
  /** Where the static reading stopped, and what to check by hand; a warning, never a guess. */
  unresolved?: string[];
  /** How to write each media setting in the product's own syntax, for fixes. */
  syntax: MediaSyntax;
}

/** Fixes in the product's syntax: `media_encryption=sdes` (pjsip), `<action application="export" data="rtp_secure_media=mandatory"/>`. */
export interface MediaSyntax {
  offerSdes(): string;
  suites(canonical: readonly string[]): string;
}

/** The Genesys trunk's accepted suites: the org's `trunk_media_srtpCipherSuites` when known, else the platform default. */
export interface GenesysMediaFacts {
  suites: Sourced<string[]>;
}

const PRODUCT: Record<SbcFormat, string> = {
  flags: 'The trunk profile',
  probe: 'The probe',
  asterisk: 'Asterisk',
  freeswitch: 'FreeSWITCH',
  kamailio: 'Kamailio',
  opensips: 'OpenSIPS',
  audiocodes: 'AudioCodes',
};

/** "FreeSWITCH gateway genesys, bridge in ...": the leg as a finding names it. */
export function mediaLabel(m: Pick<MediaSettings, 'format' | 'name'>): string {
  return m.name ? `${PRODUCT[m.format]} ${m.name}` : PRODUCT[m.format];
}

/** The media facts of one trunk check: the legs that carry the Genesys trunk, and what Genesys accepts when known. */
export interface MediaFacts {
  endpoints: MediaSettings[];
  genesys?: GenesysMediaFacts;
}

/** Genesys' platform default for `trunk_media_srtpCipherSuites` (Terraform provider validation list, default value). */
export const GENESYS_DEFAULT_SUITES: readonly string[] = ['AES_CM_128_HMAC_SHA1_80'];

/**
 * One spelling per suite, the RFC 4568/6188 one: Genesys and old drafts write `AES_CM_256_HMAC_SHA1_80`,
 * RFC 6188, Asterisk, rtpengine and FreeSWITCH `AES_256_CM_HMAC_SHA1_80`; AudioCodes writes dashes.
 * Returns undefined for a name that is not an SRTP suite.
 */
export function canonicalSuite(name: string): string | undefined {
  const upper = name.trim().toUpperCase().replace(/-/g, '_');
  const old = /^AES_CM_(192|256)_(HMAC_SHA1_(?:80|32))$/.exec(upper);
  if (old) return `AES_${old[1]}_CM_${old[2]}`;
  return KNOWN_SUITES.has(upper) ? upper : undefined;
}

const KNOWN_SUITES = new Set([
  'AES_CM_128_HMAC_SHA1_80',
  'AES_CM_128_HMAC_SHA1_32',
  'AES_192_CM_HMAC_SHA1_80',
  'AES_192_CM_HMAC_SHA1_32',
  'AES_256_CM_HMAC_SHA1_80',
  'AES_256_CM_HMAC_SHA1_32',
  'AEAD_AES_128_GCM',
  'AEAD_AES_256_GCM',
  'F8_128_HMAC_SHA1_80',
  'F8_128_HMAC_SHA1_32',
  'NULL_HMAC_SHA1_80',
  'NULL_HMAC_SHA1_32',
]);

/** The canonical suites both sides share, in the SBC's order. */
export function sharedSuites(offered: readonly string[], accepted: readonly string[]): string[] {
  const wanted = new Set(accepted.map(canonicalSuite).filter((s): s is string => s !== undefined));
  return offered.map(canonicalSuite).filter((s): s is string => s !== undefined && wanted.has(s));
}
