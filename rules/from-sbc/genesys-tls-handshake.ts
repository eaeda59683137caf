/**
 * > "Only TLS 1.2 is supported" on BYOC Cloud endpoints; for ECDHE "only the secp384r1 curve" — Genesys
 * > Cloud, TLS trunk transport protocol specification (Requirements, Supported cipher suites). Both sides act
 * > as TLS client and server: the SBC dials Genesys for calls towards Genesys.
 */
import { BYOC_GROUP, byocSuites } from '../data/byoc-suites.js';
import { defineFromSbcRule } from '../../src/engine/define-rule.js';
import type { Finding } from '../../src/engine/types.js';
import { proxyTarget } from '../../src/model/from-sbc.js';

const BYOC_FIX =
  "Let the SBC's client side offer TLS 1.2 with at least one BYOC Cloud suite that is not deprecated (ECDHE-RSA-AES256-GCM-SHA384, ECDHE-RSA-AES128-GCM-SHA256, AES256-GCM-SHA384, AES128-GCM-SHA256) and secp384r1 among its groups.";

export default defineFromSbcRule({
  meta: {
    id: 'genesys-tls-handshake',
    area: 'from-sbc',
    scope: 'from-sbc',
    title: 'The SBC, as a TLS 1.2 client with its own settings, completes a handshake with the Genesys proxy',
    severity: 'error',
    citations: [
      { source: 'BYOC_TLS_SPEC', section: 'Requirements (TLS 1.2 only; secp384r1 for ECDHE); Supported cipher suites' },
      { source: 'RFC5246', section: '7.4.1 (hello messages), 7.2 (alerts)' },
    ],
    remediation: BYOC_FIX,
    docs: {
      what: "`probe --from-sbc` connects to each Genesys SIP proxy (port 5061 unless given) as the SBC does: TLS 1.2 only, the SBC's client cipher list (--ciphers) and groups (--curves) when given, SNI the proxy name. Passes when the handshake completes and names the suite and group; fails with the network's or OpenSSL's reason (no TCP answer, a silent peer, a protocol_version or handshake_failure alert). Warns when the suite negotiated is deprecated by Genesys, is no BYOC Cloud suite, or (with --curves) ECDHE ran on another group than secp384r1.",
      why: 'For calls towards Genesys the SBC is the TLS client: when its settings share no version, suite or group with the proxy, every call attempt fails at the handshake before any SIP is sent.',
    },
  },
  check({ targets, settings }) {
    if (targets.length === 0) return [{ status: 'skip', target: 'genesys', message: 'No Genesys proxy was given.' }];
    const given = [
      ...(settings.ciphers
        ? [
            `--ciphers '${settings.ciphers}'${settings.opensslCiphers && settings.opensslCiphers !== settings.ciphers ? ` (OpenSSL: ${settings.opensslCiphers})` : ''}`,
          ]
        : []),
      ...(settings.curves ? [`--curves '${settings.curves}'`] : []),
    ];
    return targets.map((t): Finding => {
      const h = t.handshake;
      const target = proxyTarget(t);
      const evidence = { proxy: t.name, ...(t.connectTo ? { connectTo: t.connectTo } : {}), handshake: h };
      if (h.ok) {
        const done = `${t.name}: ${h.version} handshake completed with ${h.suite}${h.group ? `, group ${h.group}` : ''} in ${h.ms} ms${given.length ? `, with the SBC's ${given.join(' and ')}` : ''}`;
        const suite = byocSuites.find((b) => b.iana === h.suite);
        if (!suite)
          return {
            status: 'warn',
            target,
            evidence,
            message: `${done}; ${h.suite} is not a BYOC Cloud suite: a Genesys proxy would not select it, so this server does not behave as one.`,
          };
        if (suite.status === 'deprecated')
          return {
            status: 'warn',
            target,
            evidence,
            message: `${done}; ${h.suite} is deprecated by Genesys (${suite.note}): once it is removed, the SBC as set cannot connect.`,
          };
        if (suite.keyExchange === 'ECDHE' && settings.curves && h.group && !/^(secp384r1|P-384)$/i.test(h.group))
          return {
            status: 'warn',
            target,
            evidence,
            message: `${done}; ECDHE on ${h.group}, while BYOC Cloud supports ${BYOC_GROUP.name} only: a Genesys proxy would not use it.`,
          };
        return { status: 'pass', target, evidence, message: `${done}.` };
      }
      if (h.failure !== 'tls')
        return {
          status: 'fail',
          target,
          evidence,
          message: `${h.message} The SBC cannot reach this Genesys proxy either.`,
          remediation:
            'Check DNS and the route from the SBC to the Genesys proxies of your region, and that the firewall lets the SBC out to them on TCP 5061.',
        };
      const reason = `${h.alert ? `alert ${h.alert}; ` : ''}OpenSSL: ${h.message}`;
      const text = `${h.alert ?? ''} ${h.message ?? ''}`.toLowerCase();
      if (/protocol[ _]version|unsupported protocol|wrong version number|no protocols available/.test(text))
        return {
          status: 'fail',
          target,
          evidence,
          message: `${t.name} refuses TLS 1.2 (${reason}): the SBC as set offers TLS 1.2 only, as BYOC Cloud requires, and this server does not accept it (BYOC Cloud proxies speak TLS 1.2 only; is this a Genesys proxy?).`,
          remediation: 'Connect to the BYOC Cloud proxies of your region (lb01..lb04.voice.REGION.pure.cloud:5061), which speak TLS 1.2.',
        };
      if (/handshake[ _]failure|insufficient[ _]security|no shared cipher|no cipher|no suitable|illegal parameter/.test(text))
        return {
          status: 'fail',
          target,
          evidence,
          message: given.length
            ? `${t.name} and the SBC's client settings share no cipher suite or group (${reason}): ${given.join(' and ')}. Genesys accepts only the BYOC Cloud suites, ECDHE with secp384r1.`
            : `${t.name} refused the handshake (${reason}) although the default OpenSSL client offer was used.`,
          remediation: BYOC_FIX,
        };
      return {
        status: 'fail',
        target,
        evidence,
        message: `The TLS handshake with ${t.name} failed (${reason})${given.length ? `; the SBC's ${given.join(' and ')} were used` : ''}.`,
      };
    });
  },
});
