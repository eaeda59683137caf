/**
 * SRTP on the Genesys leg of an AudioCodes Mediant SBC (.ini): the IP Group whose Proxy Set reaches Genesys
 * (a TLS proxy address, or a pure.cloud host), its IP Profile's `SBCMediaSecurityBehaviour`, and the global
 * `EnableMediaSecurity` every SRTP setting needs (without it any mode other than "as is" is discarded) and
 * `SRTPofferedSuites`. Parameters: AudioCodes Mediant 800B/1000/4000 SBC User's Manuals.
 */
import type { SourceLocation } from '../../engine/types.js';
import { sourced, type Provenance, type Sourced } from '../../model/endpoint.js';
import type { MediaSettings, MediaSyntax, SrtpOffer, SrtpStrictness } from '../../model/media.js';
import { cell, parseIni, type Ini, type Row } from '../readers/audiocodes.js';
import type { FileNote, ReaderInput } from '../types.js';
import type { MediaOutput } from './types.js';

const MANUAL = "AudioCodes Mediant SBC User's Manual";

/** IpProfile_SBCMediaSecurityBehaviour: 0 as is (default), 1 SRTP, 2 RTP, 3 both. */
const SBC_MODES: Record<string, { offer: SrtpOffer; strictness?: SrtpStrictness; text: string }> = {
  '0': { offer: 'unchanged', text: 'as is' },
  '1': { offer: 'sdes', strictness: 'mandatory', text: 'SRTP' },
  '2': { offer: 'none', text: 'RTP' },
  '3': { offer: 'sdes', strictness: 'optional', text: 'both (SRTP and RTP)' },
};
/** MediaSecurityBehaviour (Gateway application): 0 preferable (default), 1 mandatory, 2 disable, 3 preferable single media. */
const GW_MODES: Record<string, { offer: SrtpOffer; strictness?: SrtpStrictness; text: string }> = {
  '0': { offer: 'sdes', strictness: 'optional', text: 'preferable' },
  '1': { offer: 'sdes', strictness: 'mandatory', text: 'mandatory' },
  '2': { offer: 'none', text: 'disable' },
  '3': { offer: 'sdes', strictness: 'optional', text: 'preferable, single media' },
};
const SUITES: Record<string, string[]> = {
  '0': ['AES-CM-128-HMAC-SHA1-80', 'AES-CM-128-HMAC-SHA1-32'],
  '1': ['AES-CM-128-HMAC-SHA1-80'],
  '2': ['AES-CM-128-HMAC-SHA1-32'],
};

function syntaxFor(profile: string): MediaSyntax {
  return {
    offerSdes: () => `EnableMediaSecurity = 1 and, in IP Profile ${profile}, SBCMediaSecurityBehaviour = 1 (SRTP)`,
    suites: (canonical) =>
      canonical.includes('AES_CM_128_HMAC_SHA1_80')
        ? 'SRTPofferedSuites = 1 (AES-CM-128-HMAC-SHA1-80)'
        : canonical.includes('AES_CM_128_HMAC_SHA1_32')
          ? 'SRTPofferedSuites = 2 (AES-CM-128-HMAC-SHA1-32)'
          : 'SRTPofferedSuites = 0 (all) and add AES_CM_128_HMAC_SHA1_80 to the Genesys trunk',
  };
}

/** Proxy Set indexes whose addresses are TLS (TransportType 2) or a Genesys host. */
function genesysProxySets(ini: Ini): Set<string> {
  const out = new Set<string>();
  for (const r of ini.tables.get('proxyip')?.rows ?? []) {
    const set = cell(r, 'ProxySetId')?.value;
    const transport = cell(r, 'TransportType')?.value;
    const address = cell(r, 'IpAddress')?.value ?? '';
    if (set !== undefined && (transport === '2' || /pure\.cloud/i.test(address))) out.add(set);
  }
  return out;
}

/** The media settings of the IP Group(s) whose Proxy Set reaches Genesys. */
export function audiocodesMedia(input: ReaderInput): MediaOutput {
  const file = input.file.path;
  const notes: FileNote[] = [];
  // Parse notes are the TLS reader's to report (same file, same parser).
  const ini = parseIni(file, input.file.text, []);
  const at = (line: number, key: string): Provenance => ({ kind: 'file', file, line, key });
  const global = (name: string) => ini.globals.get(name.toLowerCase());
  const proxySets = ini.tables.get('proxyset')?.rows ?? [];
  const genesysSets = genesysProxySets(ini);
  const setNames = new Set(proxySets.filter((r) => genesysSets.has(r.index)).map((r) => cell(r, 'ProxyName')?.value ?? ''));
  const groups = (ini.tables.get('ipgroup')?.rows ?? []).filter((g) => {
    const name = cell(g, 'ProxySetName')?.value;
    const id = cell(g, 'ProxySetId')?.value;
    return (name !== undefined && name !== '' && setNames.has(name)) || (id !== undefined && genesysSets.has(id));
  });
  if (!groups.length) {
    notes.push({
      location: { file },
      level: 'info',
      message: 'no IP Group whose Proxy Set has a TLS (TransportType 2) or pure.cloud address: SRTP on the Genesys leg not read',
    });
    return { media: [], notes };
  }
  const profiles = ini.tables.get('ipprofile')?.rows ?? [];
  const byName = new Map(profiles.map((p) => [cell(p, 'ProfileName')?.value ?? '', p]));
  const byIndex = new Map(profiles.map((p) => [p.index, p]));
  const enable = global('EnableMediaSecurity');
  const suitesParam = global('SRTPofferedSuites');
  const gwGlobal = global('MediaSecurityBehaviour');
  const media: MediaSettings[] = [];
  for (const g of groups) {
    const groupName = cell(g, 'Name')?.value ?? g.index;
    const profileName = cell(g, 'IPProfileName', 'ProfileName')?.value;
    const profileId = cell(g, 'ProfileId', 'IPProfileId')?.value;
    const profile: Row | undefined = profileName ? byName.get(profileName) : profileId !== undefined ? byIndex.get(profileId) : undefined;
    const label = profile ? `"${cell(profile, 'ProfileName')?.value ?? profile.index}"` : profileName ? `"${profileName}"` : '(none)';
    const declared: SourceLocation = { file, line: g.line, key: `IPGroup ${g.index}` };
    const unresolved: string[] = [];
    if ((profileName || profileId) && !profile)
      unresolved.push(`IP Group ${groupName} names IP Profile ${profileName ?? profileId}, which is not in this file: export the full INI`);

    // The mode: the IP Profile's SBC setting; the Gateway application's only where the profile has none.
    let mode: { offer: SrtpOffer; strictness?: SrtpStrictness; text: string } | undefined;
    let modeFrom: Provenance;
    let modeRaw: string | undefined;
    const sbc = profile ? cell(profile, 'SBCMediaSecurityBehaviour') : undefined;
    const gwProfile = profile ? cell(profile, 'MediaSecurityBehaviour') : undefined;
    if (sbc && sbc.value !== '') {
      mode = SBC_MODES[sbc.value];
      modeFrom = at(profile!.line, sbc.column);
      modeRaw = sbc.value;
    } else if ((gwProfile && gwProfile.value !== '' && gwProfile.value !== '-1') || gwGlobal) {
      const from =
        gwProfile && gwProfile.value !== '-1' && gwProfile.value !== ''
          ? { v: gwProfile.value, p: at(profile!.line, gwProfile.column) }
          : { v: gwGlobal!.value, p: at(gwGlobal!.line, gwGlobal!.key) };
      mode = GW_MODES[from.v];
      modeFrom = from.p;
      modeRaw = from.v;
      unresolved.push(
        `the mode comes from MediaSecurityBehaviour, the Gateway application's setting; SBC calls follow the IP Profile's SBCMediaSecurityBehaviour (default 0, as is): check which application carries the Genesys trunk`,
      );
    } else {
      mode = SBC_MODES['0'];
      modeFrom = {
        kind: 'default',
        text: `AudioCodes default IpProfile_SBCMediaSecurityBehaviour = 0, as is: the SBC passes the media security it received (${MANUAL})`,
      };
    }
    if (!mode) {
      unresolved.push(`media security mode ${modeRaw} is not a value the manuals document`);
      mode = { offer: 'unknown', text: String(modeRaw) };
    }
    const out: MediaSettings = {
      id: '',
      format: 'audiocodes',
      name: `IP Group ${groupName} (IP Profile ${label})`,
      declared,
      syntax: syntaxFor(label),
    };
    if (!enable || enable.value !== '1') {
      const discarded =
        mode.offer !== 'unchanged' && mode.offer !== 'none'
          ? `; the ${mode.text} mode (${modeFrom.kind === 'file' ? `${modeFrom.key} = ${modeRaw}, ${file}:${modeFrom.line}` : modeRaw}) is discarded without it`
          : '';
      out.offer = enable
        ? sourced<SrtpOffer>('none', at(enable.line, enable.key), enable.value)
        : sourced<SrtpOffer>('none', {
            kind: 'default',
            text: `AudioCodes default EnableMediaSecurity = 0: no SRTP at all (${MANUAL})${discarded}`,
          });
      if (enable && discarded)
        notes.push({
          location: { file, line: enable.line, key: enable.key },
          level: 'warn',
          message: `EnableMediaSecurity = ${enable.value}${discarded}`,
        });
    } else {
      out.offer = sourced(mode.offer, modeFrom, modeRaw);
      if (mode.strictness) out.strictness = sourced(mode.strictness, modeFrom, modeRaw);
      if (mode.offer === 'sdes') {
        const value = suitesParam?.value ?? '0';
        const list = SUITES[value];
        const from: Provenance = suitesParam
          ? at(suitesParam.line, suitesParam.key)
          : { kind: 'default', text: `AudioCodes default SRTPofferedSuites = 0: all suites the device supports (${MANUAL})` };
        if (list) out.suites = sourced(list, from, suitesParam?.value) as Sourced<string[]>;
        else
          unresolved.push(
            `SRTPofferedSuites = ${value} (${file}:${suitesParam!.line}): a value whose suites are not verified; check the device's manual`,
          );
      }
    }
    if (unresolved.length) out.unresolved = unresolved;
    media.push(out);
  }
  return { media, notes };
}
