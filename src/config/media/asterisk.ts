/**
 * SRTP on the Genesys leg of an Asterisk pjsip.conf: the `type=endpoint` sections that use a TLS transport
 * (named by `transport=`, or reached through an AOR contact with `transport=tls` / `sips:`), with templates
 * and inheritance as the reader resolves them. Options and defaults: res_pjsip/pjsip_config.xml and
 * pjsip_configuration.c (`media_encryption` no|sdes|dtls, default no; `webrtc=yes` forces DTLS),
 * res_pjsip_sdp_rtp.c (optimistic crypto in RTP/AVP, `force_avp`), res_srtp.c (suites offered).
 */
import { posix } from 'node:path';
import type { SourceLocation } from '../../engine/types.js';
import { sourced, type ConfigProblem, type Provenance, type Sourced } from '../../model/endpoint.js';
import type { MediaSettings, MediaSyntax, SrtpOffer, SrtpStrictness } from '../../model/media.js';
import { bool, effectiveEntries, indexSections, lastOf, parseFile, type Entry, type Parsed, type Section } from '../readers/asterisk.js';
import type { FileNote, ReaderInput } from '../types.js';
import type { MediaOutput } from './types.js';
import { pathsNamed, sharedFolders } from '../paths.js';

const DOCS = 'https://docs.asterisk.org/Asterisk_22_Documentation/API_Documentation/Module_Configuration/res_pjsip/';
const TAG_80 = 'AES_CM_128_HMAC_SHA1_80';
const TAG_32 = 'AES_CM_128_HMAC_SHA1_32';

const at = (e: Entry): Provenance => ({ kind: 'file', file: e.file, line: e.line, key: e.key });

function syntaxFor(name: string): MediaSyntax {
  return {
    offerSdes: () => `media_encryption=sdes (with media_encryption_optimistic=no and webrtc=no) in endpoint [${name}]`,
    suites: (canonical) =>
      canonical.includes(TAG_80)
        ? `srtp_tag_32=no in endpoint [${name}] (Asterisk then offers ${TAG_80})`
        : canonical.includes(TAG_32)
          ? `srtp_tag_32=yes in endpoint [${name}] (Asterisk then offers ${TAG_32})`
          : `Asterisk offers only ${TAG_80} (or ${TAG_32} with srtp_tag_32=yes): add ${TAG_80} to the Genesys trunk's SRTP cipher suites`,
  };
}

/** Whether an AOR contact names TLS: `sips:` or `;transport=tls`. */
const tlsContact = (value: string) => /^\s*sips:/i.test(value) || /;\s*transport\s*=\s*tls\b/i.test(value);

/** `modules.conf` beside pjsip.conf (or anywhere in the scan): res_srtp.so must be loaded for any SRTP. */
/** Of several files, the one sharing the most folders with `from`; none when two are as near (another SBC's tree is not a guess). */
function nearest(candidates: readonly string[], from: string): string | undefined {
  if (candidates.length <= 1) return candidates[0];
  const ranked = candidates.map((p) => ({ p, k: sharedFolders(p, from) })).sort((a, b) => b.k - a.k);
  return ranked[0]!.k > ranked[1]!.k ? ranked[0]!.p : undefined;
}

function srtpModule(input: ReaderInput): { path?: string; problem?: string } {
  const opened = input.open('modules.conf', input.file);
  const file =
    opened.file ??
    (() => {
      const p = nearest(pathsNamed(input.paths, 'modules.conf'), input.file.path);
      return p ? input.open(p, input.file).file : undefined;
    })();
  if (!file) return {};
  const lines = file.text.split(/\r?\n/);
  let autoload = true;
  let loaded = false;
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!.replace(/;.*$/, '').trim();
    if (/^noload\s*=>?\s*res_srtp(\.so)?$/i.test(line))
      return {
        path: file.path,
        problem: `${file.path}:${n + 1} has noload => res_srtp.so: without res_srtp Asterisk offers no SRTP at all; remove that line`,
      };
    if (/^autoload\s*=\s*(no|false|0)$/i.test(line)) autoload = false;
    if (/^(load|require)\s*=>?\s*res_srtp(\.so)?$/i.test(line)) loaded = true;
  }
  if (autoload || loaded) return { path: file.path };
  return {
    path: file.path,
    problem: `${file.path} has autoload=no and no load => res_srtp.so: Asterisk offers no SRTP without res_srtp; add load => res_srtp.so`,
  };
}

function readEndpoint(
  section: Section,
  entries: Entry[],
  transport: string,
  viaContact: boolean,
  srtp: string | undefined,
  problems: ConfigProblem[],
): MediaSettings {
  const name = section.name;
  const declared: SourceLocation = { file: section.file, line: section.line, key: `[${name}]` };
  const get = (key: string) => lastOf(entries, key);
  const unresolved: string[] = [];
  if (viaContact)
    unresolved.push(
      `endpoint [${name}] names no transport; pjsip picks ${transport} only through the AOR contact's TLS URI: check that calls to Genesys leave through it`,
    );

  let offer: Sourced<SrtpOffer>;
  const webrtc = get('webrtc');
  const encryption = get('media_encryption');
  if (webrtc && bool(webrtc.value)) {
    offer = sourced<SrtpOffer>('dtls', at(webrtc), webrtc.value);
  } else if (!encryption || encryption.value === '') {
    offer = sourced<SrtpOffer>('none', {
      kind: 'default',
      text: `Asterisk default when media_encryption is not set: no, plain RTP even on a TLS transport (${DOCS})`,
    });
  } else {
    const v = encryption.value.toLowerCase();
    const known: Record<string, SrtpOffer> = { no: 'none', sdes: 'sdes', dtls: 'dtls' };
    offer = sourced<SrtpOffer>(known[v] ?? 'unknown', at(encryption), encryption.value);
    if (!known[v])
      problems.push({
        code: 'invalid-value',
        message: `endpoint ${name}: media_encryption=${encryption.value} is not no, sdes or dtls; Asterisk refuses the endpoint`,
        location: { file: encryption.file, line: encryption.line, key: encryption.key },
        fix: 'media_encryption=sdes',
        endpoint: name,
      });
    if (!known[v])
      unresolved.push(
        `media_encryption=${encryption.value} (${encryption.file}:${encryption.line}) is not no, sdes or dtls; Asterisk refuses the endpoint`,
      );
  }
  const out: MediaSettings = {
    id: '',
    format: 'asterisk',
    name: `endpoint [${name}] (transport ${transport})`,
    declared,
    offer,
    syntax: syntaxFor(name),
  };
  if (offer.value === 'sdes') {
    const optimistic = get('media_encryption_optimistic');
    const forceAvp = get('force_avp');
    if (optimistic && bool(optimistic.value)) out.strictness = sourced<SrtpStrictness>('optimistic', at(optimistic), optimistic.value);
    else if (forceAvp && bool(forceAvp.value)) out.strictness = sourced<SrtpStrictness>('optimistic', at(forceAvp), forceAvp.value);
    else
      out.strictness = sourced<SrtpStrictness>('mandatory', {
        kind: 'default',
        text: `Asterisk default media_encryption_optimistic=no: RTP/SAVP, and a failed crypto negotiation ends the call (${DOCS})`,
      });
    const tag32 = get('srtp_tag_32');
    out.suites =
      tag32 && bool(tag32.value)
        ? sourced([TAG_32], at(tag32), tag32.value)
        : sourced([TAG_80], {
            kind: 'default',
            text: `Asterisk offers ${TAG_80} only while srtp_tag_32=no, the default (res_srtp.c; 192/256-bit and GCM suites only when compiled in)`,
          });
    if (srtp) unresolved.push(srtp);
  }
  if (unresolved.length) out.unresolved = unresolved;
  return out;
}

/** The media settings of every pjsip endpoint that reaches Genesys over a TLS transport. */
export function asteriskMedia(input: ReaderInput): MediaOutput {
  // chan_sip's sip.conf: the TLS reader says it is not judged; its media (encryption=yes) neither.
  if (posix.basename(input.file.path) === 'sip.conf') return { media: [], notes: [] };
  const notes: FileNote[] = [];
  // Parse problems are the TLS reader's to report (same file, same parser); not repeated here.
  const scratch: FileNote[] = [];
  const parsed: Parsed = { sections: [], lastByName: new Map(), files: [] };
  try {
    parseFile(input.file, input, parsed, scratch, 0, []);
  } catch {
    return { media: [], notes };
  }
  const index = indexSections(parsed.sections);
  const concrete = parsed.sections.filter((s) => !s.template).map((s) => ({ section: s, entries: effectiveEntries(s, index, scratch) }));
  const typeOf = (entries: Entry[]) => lastOf(entries, 'type')?.value.toLowerCase();
  const tls = new Set<string>();
  for (const c of concrete)
    if (typeOf(c.entries) === 'transport' && lastOf(c.entries, 'protocol')?.value.toLowerCase() === 'tls') tls.add(c.section.name);
  if (!tls.size) return { media: [], notes };
  const tlsAors = new Set<string>();
  for (const c of concrete)
    if (typeOf(c.entries) === 'aor' && c.entries.some((e) => e.key.toLowerCase() === 'contact' && tlsContact(e.value)))
      tlsAors.add(c.section.name);
  const only = tls.size === 1 ? [...tls][0]! : undefined;
  const modules = srtpModule(input);
  const srtp = modules.problem;
  const media: MediaSettings[] = [];
  const problems: ConfigProblem[] = [];
  for (const c of concrete) {
    if (typeOf(c.entries) !== 'endpoint') continue;
    const transport = lastOf(c.entries, 'transport')?.value;
    if (transport) {
      if (tls.has(transport)) media.push(readEndpoint(c.section, c.entries, transport, false, srtp, problems));
      continue;
    }
    const aors = (lastOf(c.entries, 'aors')?.value ?? '').split(',').map((a) => a.trim());
    if (aors.some((a) => tlsAors.has(a)))
      media.push(readEndpoint(c.section, c.entries, only ?? [...tls].join(' or '), true, srtp, problems));
  }
  if (!media.length)
    notes.push({
      location: { file: input.file.path },
      level: 'info',
      message: `no pjsip endpoint uses the TLS transport${tls.size > 1 ? 's' : ''} ${[...tls].join(', ')}: the SRTP settings of the Genesys leg are not in this file`,
    });
  const files = [...parsed.files.filter((f) => f !== input.file.path), ...(modules.path ? [modules.path] : [])];
  return { media, notes, problems, files };
}
