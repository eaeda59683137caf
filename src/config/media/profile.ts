/**
 * Media facts the trunk profile states (`srtp: sdes|none`, `srtpSuites: [...]`) for what no reader can
 * see: a B2BUA behind the proxy, script branches, a device without a reader. Each value cites its
 * byoc-check.yaml line. A statement replaces only the legs a reader could not settle.
 */
import { sourced, type Provenance } from '../../model/endpoint.js';
import { canonicalSuite, type MediaSettings, type SrtpOffer, type SrtpStrictness } from '../../model/media.js';

/** What profileMedia reads of a trunk of the profile (src/scan/profile.ts ProfileTrunk has it; providers do not import the scanner). */
export interface ProfileMediaTrunk {
  name: string;
  line: number;
  /** Line of each key of the trunk. */
  lines: Record<string, number>;
  srtp?: 'sdes' | 'none';
  srtpSuites?: string[];
}

/** The trunk's profile-stated leg, or undefined when the profile says nothing about media. */
export function profileMedia(trunk: ProfileMediaTrunk, file: string): MediaSettings | undefined {
  if (!trunk.srtp && !trunk.srtpSuites) return undefined;
  const at = (key: string): Provenance => ({ kind: 'file', file, line: trunk.lines[key] ?? trunk.line, key });
  const out: MediaSettings = {
    id: '',
    format: 'flags',
    name: `trunk ${trunk.name}`,
    declared: { file, line: trunk.line, key: `trunk ${trunk.name}` },
    syntax: {
      offerSdes: () => `the SBC to offer SDES-SRTP (RTP/SAVP with a=crypto, mandatory), then srtp: sdes in trunk ${trunk.name} of ${file}`,
      suites: (canonical) =>
        `the SBC to offer ${canonical[0] ?? 'AES_CM_128_HMAC_SHA1_80'}, and list it in srtpSuites of trunk ${trunk.name} (${file})`,
    },
  };
  if (trunk.srtp) {
    out.offer = sourced<SrtpOffer>(trunk.srtp, at('srtp'));
    if (trunk.srtp === 'sdes') out.strictness = sourced<SrtpStrictness>('mandatory', at('srtp'));
  }
  if (trunk.srtpSuites) {
    out.suites = sourced(trunk.srtpSuites, at('srtpSuites'));
    const unknown = trunk.srtpSuites.filter((s) => canonicalSuite(s) === undefined);
    if (unknown.length)
      out.unresolved = [`srtpSuites names ${unknown.join(', ')}, which is no SRTP suite byoc-check knows; check the spelling`];
  }
  // srtpSuites alone says the SBC offers SDES: it lists what it offers.
  if (!out.offer) out.offer = sourced<SrtpOffer>('sdes', at('srtpSuites'));
  return out;
}

/** Readers' legs plus the profile's: the profile replaces the legs a reader left open (unknown, unchanged or with something to check). */
export function mergeProfileMedia(fromReaders: readonly MediaSettings[], fromProfile: MediaSettings | undefined): MediaSettings[] {
  if (!fromProfile) return [...fromReaders];
  const settled = fromReaders.filter(
    (m) => m.offer && m.offer.value !== 'unknown' && m.offer.value !== 'unchanged' && !m.unresolved?.length,
  );
  return [fromProfile, ...settled];
}
