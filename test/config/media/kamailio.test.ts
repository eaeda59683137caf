/** SRTP on the Genesys leg of a Kamailio/OpenSIPS route script: rtpengine flag strings, $var flags, rtpproxy. */
import { kamailioMedia, opensipsMedia, rtpengineFlags, RTPENGINE_SUITES } from '../../../src/config/media/kamailio.js';
import { briefMedia, readMedia } from '../../helpers/sbc.js';

const NG = 'rtpengine docs/ng_control_protocol.md';
const DEFAULT_SUITES = `${RTPENGINE_SUITES.join(',')} @ default: rtpengine offers every suite it supports without SDES-only-/SDES-no- flags (${NG})`;
const cfg = (routes: string) => `#!KAMAILIO
listen=tls:10.0.0.10:5061
loadmodule "tls.so"
loadmodule "rtpengine.so"
modparam("rtpengine", "rtpengine_sock", "udp:127.0.0.1:2223")

request_route {
  route(TO_GENESYS);
}

${routes}`;
const read = (text: string, extra: Record<string, string> = {}) =>
  readMedia(kamailioMedia, { 'kamailio.cfg': text, ...extra }, 'kamailio.cfg');

describe('rtpengineFlags', () => {
  test.each([
    ['RTP/SAVP DTLS=off', 'sdes', 'mandatory'],
    ['transport-protocol=RTP/SAVP DTLS=off replace-origin', 'sdes', 'mandatory'],
    ['RTP/SAVP', 'sdes+dtls', 'mandatory'],
    ['SRTP AVP DTLS=no', 'sdes', 'mandatory'],
    ['RTP/SAVP SDES-off', 'dtls', 'mandatory'],
    ['UDP/TLS/RTP/SAVP', 'dtls', undefined],
    ['RTP/AVP', 'none', undefined],
    ['RTP', 'none', undefined],
    ['OSRTP-offer DTLS=off', 'sdes', 'optimistic'],
    ['RTP/AVP OSRTP', 'sdes+dtls', 'optimistic'],
    ['replace-origin trust-address', 'unchanged', undefined],
    ['', 'unchanged', undefined],
  ])('%s', (flags, offer, strictness) => {
    const r = rtpengineFlags(flags);
    expect([r.offer, r.strictness]).toEqual([offer, strictness]);
  });

  test('SDES-only- narrows the suites, SDES-no- removes from the default list; other words are kept for the fix', () => {
    expect(rtpengineFlags('RTP/SAVP DTLS=off SDES-only-AES_CM_128_HMAC_SHA1_80 ICE=remove')).toEqual({
      offer: 'sdes',
      strictness: 'mandatory',
      suites: ['AES_CM_128_HMAC_SHA1_80'],
      other: ['ICE=remove'],
    });
    expect(rtpengineFlags('RTP/SAVP DTLS=off SDES-no-AES_CM_128_HMAC_SHA1_80').suites).toEqual(
      RTPENGINE_SUITES.filter((s) => s !== 'AES_CM_128_HMAC_SHA1_80'),
    );
  });
});

test('trap: RTP/SAVP without DTLS=off offers DTLS-SRTP beside SDES; the route is named', () => {
  const out = read(cfg('route[TO_GENESYS] {\n  rtpengine_offer("RTP/SAVP replace-origin");\n  t_relay();\n}\n'));
  expect(out.media.map(briefMedia)).toEqual([
    {
      name: 'rtpengine_offer in route[TO_GENESYS]',
      offer: 'sdes+dtls @ kamailio.cfg:12 rtpengine_offer',
      strictness: 'mandatory @ kamailio.cfg:12 rtpengine_offer',
      suites: DEFAULT_SUITES,
    },
  ]);
  expect(out.media[0]!.syntax.offerSdes()).toBe(
    'rtpengine_offer("replace-origin RTP/SAVP DTLS=off") in route[TO_GENESYS] (kamailio.cfg:12)',
  );
});

test('flags in a $var assigned once are followed to the assignment; assigned twice, they are what to check', () => {
  const once = read(cfg('route[TO_GENESYS] {\n  $var(rtpflags) = "RTP/SAVP DTLS=off";\n  rtpengine_manage("$var(rtpflags)");\n}\n'));
  expect(once.media.map(briefMedia)).toEqual([
    {
      name: 'rtpengine_manage in route[TO_GENESYS]',
      offer: 'sdes @ kamailio.cfg:12 $var(rtpflags)',
      strictness: 'mandatory @ kamailio.cfg:12 $var(rtpflags)',
      suites: DEFAULT_SUITES,
    },
  ]);
  const twice = read(
    cfg(
      'route[TO_GENESYS] {\n  $var(f) = "RTP/AVP";\n  if (is_method("INVITE")) { $var(f) = "RTP/SAVP"; }\n  rtpengine_offer($var(f));\n}\n',
    ),
  );
  expect(twice.media.map(briefMedia)).toEqual([
    {
      name: 'rtpengine_offer in route[TO_GENESYS]',
      offer: 'unknown @ kamailio.cfg:14 rtpengine_offer',
      unresolved:
        'rtpengine_offer at kamailio.cfg:14: $var(f) is assigned 2 times or from an expression (kamailio.cfg:12, kamailio.cfg:13); check the flags it passes (RTP/SAVP, DTLS=off)',
    },
  ]);
});

test('calls that differ are each what to check; a call without transport keeps the SDP profile', () => {
  const out = read(
    cfg('route[TO_GENESYS] {\n  rtpengine_offer("RTP/SAVP DTLS=off");\n}\n\nonreply_route[CARRIER] {\n  rtpengine_answer();\n}\n'),
  );
  expect(out.media.map((m) => [m.name, m.offer?.value, m.unresolved?.length])).toEqual([
    ['rtpengine_offer in route[TO_GENESYS]', 'sdes', 1],
    ['rtpengine_answer in onreply_route[CARRIER]', 'unchanged', 2],
  ]);
  expect(out.media[1]!.unresolved![0]).toBe(
    'rtpengine_answer at kamailio.cfg:16 names no transport (RTP/SAVP): the SDP keeps the profile it came with; check what the other side offers',
  );
});

test('included route files are read; rtpproxy or no relay at all is said, not judged', () => {
  const included = read(cfg('include_file "routes/genesys.cfg"\n'), {
    'routes/genesys.cfg': 'route[TO_GENESYS] {\n  rtpengine_offer("RTP/AVP");\n}\n',
  });
  expect(included.media.map((m) => [m.name, show(m.offer)])).toEqual([
    ['rtpengine_offer in route[TO_GENESYS]', 'none routes/genesys.cfg:2'],
  ]);
  expect(included.files).toEqual(['routes/genesys.cfg']);
  const proxy = read('loadmodule "rtpproxy.so"\nroute {\n  rtpproxy_offer("co");\n}\n');
  expect(proxy.media.map(briefMedia)).toEqual([
    {
      name: 'rtpproxy',
      offer: "unchanged @ default: Kamailio itself never changes the SDP's media profile; only a media relay does",
      unresolved:
        'media is relayed by rtpproxy (kamailio.cfg:1), which has no SDES: the SDP Genesys gets carries whatever crypto the B2BUA or phone behind Kamailio wrote; check that box',
    },
  ]);
  const none = readMedia(opensipsMedia, { 'opensips.cfg': 'socket=tls:10.0.0.10:5061\nroute {\n  t_relay();\n}\n' }, 'opensips.cfg');
  expect(none.media.map((m) => [m.format, m.offer?.value, m.unresolved])).toEqual([
    [
      'opensips',
      'unchanged',
      ["no rtpengine or rtpproxy call: OpenSIPS forwards the SDP as the B2BUA or phone behind it wrote it; check that box's SRTP settings"],
    ],
  ]);
});

function show(v: { value: unknown; from: { kind: string; file?: string; line?: number } } | undefined): string {
  return v ? `${String(v.value)} ${v.from.file}:${v.from.line}` : '';
}

test('flags in a #!define are followed to it; one under #!ifdef is what to check, not a guess', () => {
  const defined = read(`#!define RTPE_FLAGS "RTP/SAVP DTLS=off"\n${cfg('route[TO_GENESYS] {\n  rtpengine_offer(RTPE_FLAGS);\n}\n')}`);
  expect(defined.media.map((m) => [show(m.offer), m.offer?.from.kind === 'file' ? m.offer.from.key : ''])).toEqual([
    ['sdes kamailio.cfg:1', '#!define RTPE_FLAGS'],
  ]);
  const conditional = read(
    `#!ifdef WITH_SRTP\n#!define RTPE_FLAGS "RTP/SAVP DTLS=off"\n#!endif\n${cfg('route[TO_GENESYS] {\n  rtpengine_offer(RTPE_FLAGS);\n}\n')}`,
  );
  expect(conditional.media.map(briefMedia)).toEqual([
    {
      name: 'rtpengine_offer in route[TO_GENESYS]',
      offer: 'unknown @ kamailio.cfg:15 rtpengine_offer',
      unresolved:
        'rtpengine_offer at kamailio.cfg:15: flags given as #!define RTPE_FLAGS (kamailio.cfg:2), defined under #!ifdef, more than once or not as one string; check the flags it passes (RTP/SAVP, DTLS=off)',
    },
  ]);
});

test('media calls and includes inside a switched-off #!ifdef are not read, as Kamailio does not read them; #!else, #!ifndef and MOD_ are followed', () => {
  const routes = (body: string) => cfg(`route[TO_GENESYS] {\n${body}\n}\n`);
  // NAT_ROLE is not defined: the include and the call under it are passed over, with a note
  const off = read(routes('#!ifdef NAT_ROLE\n  rtpengine_offer("RTP/SAVP DTLS=off");\n#!endif'), {});
  expect(off.media.map((m) => m.offer?.value)).toEqual(['unchanged']);
  expect(off.notes.map((n) => n.message)).toContainEqual(
    'media calls and includes inside #!ifdef NAT_ROLE are not read: no #!define in the scanned files sets NAT_ROLE (Kamailio started with -A NAT_ROLE would read them)',
  );
  const included = read(cfg('#!ifdef NAT_ROLE\ninclude_file "nat.cfg"\n#!endif\n'), {
    'nat.cfg': 'route[TO_GENESYS] {\n  rtpengine_offer("RTP/SAVP DTLS=off");\n}\n',
  });
  expect([included.media.map((m) => m.offer?.value), included.files]).toEqual([['unchanged'], []]);
  // defined, the same lines are read; #!else takes the other branch; a loaded module defines MOD_<name>
  const on = read(
    `#!define NAT_ROLE\n${routes('#!ifdef NAT_ROLE\n  rtpengine_offer("RTP/SAVP DTLS=off");\n#!else\n  rtpengine_offer("RTP/AVP");\n#!endif')}`,
  );
  expect(on.media.map((m) => [m.offer?.value, m.offer?.from.kind === 'file' && m.offer.from.line])).toEqual([['sdes', 14]]);
  const other = read(routes('#!ifdef NAT_ROLE\n  rtpengine_offer("RTP/SAVP DTLS=off");\n#!else\n  rtpengine_offer("RTP/AVP");\n#!endif'));
  expect(other.media.map((m) => m.offer?.value)).toEqual(['none']);
  const mod = read(
    routes(
      '#!ifdef MOD_rtpengine\n  rtpengine_offer("RTP/SAVP DTLS=off");\n#!endif\n#!ifndef MOD_rtpengine\n  rtpengine_offer("RTP/AVP");\n#!endif',
    ),
  );
  expect(mod.media.map((m) => m.offer?.value)).toEqual(['sdes']);
});

test('OpenSIPS has no #!ifdef: such lines are comments, and the calls under them are read', () => {
  const r = readMedia(
    opensipsMedia,
    {
      'opensips.cfg':
        'socket=tls:10.0.0.10:5061\nroute {\n#!ifdef NAT_ROLE\n  rtpengine_offer("RTP/SAVP DTLS=off");\n#!endif\n  t_relay();\n}\n',
    },
    'opensips.cfg',
  );
  expect(r.media.map((m) => m.offer?.value)).toEqual(['sdes']);
});

test('flags built at run time in an xavp are what to check, named whole ($xavp(r=>$T_branch_idx), WebRTC-to-SIP)', () => {
  const r = read(cfg('route[TO_GENESYS] {\n  rtpengine_manage($xavp(r=>$T_branch_idx));\n}\n'));
  expect(r.media.map((m) => [m.offer?.value, m.unresolved?.join(' ')])).toEqual([
    ['unknown', expect.stringContaining('$xavp(r=>$T_branch_idx)')],
  ]);
});
