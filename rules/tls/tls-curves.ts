/**
 * > "* For ECDHE key exchange, only the secp384r1 curve is supported." — Genesys BYOC Cloud TLS
 * > trunk specification, Supported cipher suites (note on the ECDHE suites).
 */
import { BYOC_GROUP, byocSuites } from '../data/byoc-suites.js';
import { defineRule } from '../../src/engine/define-rule.js';
import type { Finding } from '../../src/engine/types.js';
import { endpointLabel, locationOf, quoteValue } from '../../src/model/endpoint.js';

const ecdhe = new Set(byocSuites.filter((s) => s.keyExchange === 'ECDHE').map((s) => s.iana));
const rsa = new Set(byocSuites.filter((s) => s.keyExchange === 'RSA').map((s) => s.iana));

export default defineRule({
  meta: {
    id: 'tls-curves',
    area: 'tls',
    title: 'ECDHE uses secp384r1 (P-384), the only curve BYOC Cloud supports',
    severity: 'error',
    citations: [{ source: 'BYOC_TLS_SPEC', section: 'Supported cipher suites (ECDHE note)' }, { source: 'OPENSSL_GROUPS' }],
    remediation: 'Add secp384r1 (P-384) to the SBC\'s ECDHE curve / group list, for example "secp384r1:X25519:prime256v1".',
    docs: {
      what: "Parses each endpoint's group list exactly as OpenSSL does (`:`-separated names; a list OpenSSL rejects fails) and checks that secp384r1 is among the groups it enables when an ECDHE BYOC suite is enabled.",
      why: 'Without secp384r1 no ECDHE suite can be negotiated: the handshake falls back to RSA key exchange (no forward secrecy) or fails; a group list OpenSSL rejects stops the SBC from starting TLS at all.',
    },
  },
  check({ tls }) {
    const judged = tls.endpoints.filter((e) => e.curves);
    // A configuration that sets no group list (Kamailio, FreeSWITCH, Asterisk have no such setting) leaves OpenSSL's defaults.
    const defaults: Finding[] = tls.endpoints
      .filter((e) => !e.curves && e.format !== 'flags' && e.format !== 'probe')
      .map((e) => ({
        status: 'pass',
        target: e.id,
        evidence: { curves: null, groups: 'OpenSSL defaults' },
        message: `${endpointLabel(e)}: no group list is set, so OpenSSL's default groups apply (X25519, P-256, P-384, ...), which include secp384r1.`,
      }));
    if (judged.length === 0 && defaults.length === 0)
      return [
        {
          status: 'skip',
          target: 'settings',
          message: "No group list given (--curves, or an SBC configuration that sets one); OpenSSL's default groups include secp384r1.",
        },
      ];
    return [
      ...defaults,
      ...judged.map((endpoint): Finding => {
        const setting = endpoint.curves!;
        const groups = endpoint.groups ?? [];
        const enabled = endpoint.enabledSuites;
        const ecdheOn = enabled ? enabled.some((s) => ecdhe.has(s)) : true;
        const rsaOn = enabled ? enabled.some((s) => rsa.has(s)) : true;
        const unknown = endpoint.groupsUnknownHere ?? [];
        const base = {
          target: endpoint.id,
          evidence: {
            curves: setting.value,
            groups,
            ecdheSuitesEnabled: ecdheOn,
            rsaSuitesEnabled: rsaOn,
            ...(unknown.length ? { unknownToThisOpenssl: unknown } : {}),
            openssl: endpoint.openssl,
          },
          ...(locationOf(setting) ? { location: locationOf(setting) } : {}),
        };
        const who = endpointLabel(endpoint);
        const value = quoteValue(setting);
        const fix = endpoint.syntax.curves ? `Set ${endpoint.syntax.curves('secp384r1:X25519:prime256v1')}.` : undefined;
        if (endpoint.groupError) {
          return {
            ...base,
            status: 'fail',
            message: `${who}, ${value}: ${endpoint.groupError}. The SBC will not start TLS with it.`,
            ...(fix ? { remediation: fix } : {}),
          };
        }
        const unknownNote = unknown.length
          ? ` ${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} unknown to OpenSSL ${endpoint.openssl ?? ''} used here (newer OpenSSL releases know ${unknown.length === 1 ? 'it' : 'them'}); judged without ${unknown.length === 1 ? 'it' : 'them'}.`.replace(
              ' )',
              ')',
            )
          : '';
        if (!ecdheOn)
          return {
            ...base,
            status: unknown.length ? 'warn' : 'pass',
            message: `${who}, no ECDHE BYOC suite is enabled, so the group list does not matter for BYOC Cloud.${unknownNote}`,
          };
        if (groups.includes(BYOC_GROUP.name))
          return { ...base, status: unknown.length ? 'warn' : 'pass', message: `${who}, ${value} includes secp384r1.${unknownNote}` };
        if (rsaOn) {
          return {
            ...base,
            status: 'warn',
            message: `${who}, ${value} lacks secp384r1: ECDHE will not be used with Genesys, and the handshake falls back to RSA key exchange, without forward secrecy.${unknownNote}`,
            ...(fix ? { remediation: fix } : {}),
          };
        }
        return {
          ...base,
          status: 'fail',
          message: `${who}, ${value} lacks secp384r1 and only ECDHE BYOC suites are enabled: Genesys and the SBC cannot agree on a key exchange.${unknownNote}`,
          ...(fix ? { remediation: fix } : {}),
        };
      }),
    ];
  },
});
