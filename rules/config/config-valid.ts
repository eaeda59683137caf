/**
 * What the SBC itself would refuse to load: an option the product does not know, a value or TLS
 * method its version does not accept, a certificate file that is not there, a server domain that
 * matches no TLS listener, a cipher string or group list from which OpenSSL selects nothing.
 * Sources: each product's documentation (Kamailio tls module, OpenSIPS tls_mgm, FreeSWITCH
 * mod_sofia, Asterisk res_pjsip, AudioCodes INI reference) and OpenSSL ciphers(1).
 */
import { defineRule } from '../../src/engine/define-rule.js';
import type { Finding } from '../../src/engine/types.js';
import { endpointLabel, locationOf, quoteValue } from '../../src/model/endpoint.js';
import type { TlsEndpointFacts } from '../../src/model/tls.js';

/** The product's own words when its TLS context does not load, where known. */
const PRODUCT_ERROR: Partial<Record<TlsEndpointFacts['format'], string>> = {
  kamailio: 'Kamailio refuses to start ("Failure to set SSL context cipher list")',
  opensips: 'OpenSIPS refuses to start (tls_mgm cannot set the cipher list)',
  freeswitch: 'the Sofia profile does not start TLS',
};

/** OpenSSL's security levels (SSL_CTX_set_security_level): the minimum key strength in bits each requires. */
const LEVEL_BITS = [0, 80, 112, 128, 192, 256];

/** The effective @SECLEVEL of a cipher string: the last one written (OpenSSL applies them in order). */
function securityLevel(ciphers: string): number | undefined {
  let level: number | undefined;
  for (const m of ciphers.matchAll(/@SECLEVEL=(\d)/gi)) level = Number(m[1]);
  return level;
}

function keyText(k: { keyType: string; keyBits?: number }): string {
  return `${k.keyType}${k.keyBits ? ` ${k.keyBits}` : ''}`;
}

/** What OpenSSL finds when the SBC loads its certificate and key files. */
function certificateLoadFindings(endpoint: TlsEndpointFacts, label: string): Finding[] {
  const load = endpoint.certificateLoad;
  if (!load) return [];
  const out: Finding[] = [];
  const certAt = locationOf(endpoint.certificate) ?? endpoint.declared;
  const where = certAt ? { location: certAt } : {};
  const product = endpoint.format === 'kamailio' ? 'Kamailio' : endpoint.format === 'opensips' ? 'OpenSIPS' : 'The SBC';
  if (load.leafLater) {
    out.push({
      status: 'fail',
      target: endpoint.id,
      ...where,
      evidence: { code: 'chain-file-order', first: load.first.subject, leaf: load.leafLater.subject },
      message: `${label}: ${load.certificateFile} starts with the CA certificate "${load.first.subject}"; OpenSSL takes the first PEM block as the SBC's own certificate, so the SBC's key does not match it and ${product} does not load the TLS context (the SBC certificate "${load.leafLater.subject}" is block ${load.leafLater.index + 1}).`,
      remediation: `Reorder ${load.certificateFile}: the SBC certificate first, then each intermediate, the root last or not at all.`,
    });
  } else if (load.keyMatches === false) {
    out.push({
      status: 'fail',
      target: endpoint.id,
      ...(locationOf(endpoint.privateKey) ? { location: locationOf(endpoint.privateKey) } : where),
      evidence: { code: 'key-mismatch', certificate: load.certificateFile, key: load.keyFile },
      message: `${label}: the private key ${load.keyFile} does not belong to the certificate "${load.first.subject}" in ${load.certificateFile}; ${product} refuses to load the TLS context (OpenSSL: "key values mismatch").`,
      remediation: `Point ${endpoint.privateKey ? quoteValue(endpoint.privateKey) : 'the private key setting'} at the key the certificate was issued for, or the certificate at the one issued for this key.`,
    });
  }
  const level = endpoint.ciphers ? securityLevel(endpoint.ciphers.value) : undefined;
  if (level !== undefined && level > 0 && level < LEVEL_BITS.length) {
    const need = LEVEL_BITS[level]!;
    const weak =
      load.first.securityBits && load.first.securityBits < need
        ? { what: `the SBC certificate's ${keyText(load.first)} key`, bits: load.first.securityBits, error: 'ee key too small' }
        : load.weakestCa && load.weakestCa.securityBits < need
          ? {
              what: `the CA certificate "${load.weakestCa.subject}" in the chain file`,
              bits: load.weakestCa.securityBits,
              error: 'ca key too small',
            }
          : undefined;
    if (weak)
      out.push({
        status: 'fail',
        target: endpoint.id,
        ...(locationOf(endpoint.ciphers) ? { location: locationOf(endpoint.ciphers) } : where),
        evidence: { code: 'security-level', level, requiredBits: need, keyBits: weak.bits },
        message: `${label}: @SECLEVEL=${level} needs keys of ${need}-bit strength or more (RSA ${[0, 1024, 2048, 3072, 7680, 15360][level]}, ECDSA P-${[0, 160, 224, 256, 384, 512][level]}), and ${weak.what} has ${weak.bits}: OpenSSL refuses to use it ("${weak.error}"), so every TLS handshake fails.`,
        remediation: `Lower the level, ${endpoint.syntax.ciphers(endpoint.ciphers!.value.replace(/@SECLEVEL=\d/gi, '@SECLEVEL=2'))}, or reissue the certificate with a stronger key.`,
      });
  }
  return out;
}

export default defineRule({
  meta: {
    id: 'config-valid',
    area: 'config',
    title: 'The SBC configuration loads and opens a TLS listener: no unknown options, values, methods, missing files or unmatched domains',
    severity: 'error',
    citations: [{ source: 'SBC_PRODUCT_DOCS' }, { source: 'OPENSSL_CIPHERS' }],
    remediation: 'Correct the setting as the finding says; the SBC refuses to start (or to load its TLS context) with it.',
    docs: {
      what: "Reports what the SBC product would refuse to load in the configuration files scan read: unknown options, invalid values or TLS methods, certificate, key or CA files the repository lacks (relative paths), a private key that is not the certificate's, a chain file that starts with a CA, an @SECLEVEL the key cannot meet, server domains without a matching TLS listener, cipher strings (IANA names included) or group lists OpenSSL rejects; and an SBC that runs without any TLS listener (TLS off, its module not loaded, or compiled out by #!ifdef).",
      why: 'An SBC that does not start, or starts without its TLS context, carries no calls at all, whatever the certificate says.',
    },
  },
  check({ config, tls }) {
    if (!config)
      return [
        {
          status: 'skip',
          target: 'config',
          evidence: { reason: 'not-applicable' },
          message: 'Not applicable: no SBC configuration was read (`byoc-check scan` reads the configuration repository).',
        },
      ];
    const loaded = (config.endpoints ?? tls.endpoints).filter((e) => e.format !== 'flags' && e.format !== 'probe');
    const findings: Finding[] = config.problems.map((p) => ({
      status: 'fail',
      // one target per file, so JUnit and SARIF show one case per file (`config[kamailio/tls.cfg]`)
      target:
        (p.endpoint ? loaded.find((e) => e.name === p.endpoint && e.declared?.file === p.location.file)?.id : undefined) ??
        `config[${p.location.file}]`,
      location: p.location,
      evidence: { code: p.code },
      message: p.message,
      ...(p.fix ? { remediation: p.fix } : {}),
    }));
    for (const endpoint of loaded) {
      const label = `${endpointLabel(endpoint)}${endpoint.unused ? ' (loaded at start-up, used by no connection)' : ''}`;
      // AudioCodes devices run their own OpenSSL build: whether it loads the string is theirs to say (tls-ciphers still judges it).
      if (endpoint.cipherError && endpoint.ciphers && endpoint.format !== 'audiocodes') {
        findings.push({
          status: 'fail',
          target: endpoint.id,
          ...(locationOf(endpoint.ciphers) ? { location: locationOf(endpoint.ciphers) } : {}),
          evidence: { code: 'invalid-value', opensslError: endpoint.cipherError },
          message: `${label}: OpenSSL selects no cipher from "${endpoint.ciphers.raw ?? endpoint.ciphers.value}" (${endpoint.cipherError}); ${PRODUCT_ERROR[endpoint.format] ?? "the SBC's TLS context will not load"}.`,
          remediation: `Set ${endpoint.syntax.ciphers(endpoint.suggestedFix ?? 'ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256')}.`,
        });
      }
      if (endpoint.groupError && endpoint.curves) {
        findings.push({
          status: 'fail',
          target: endpoint.id,
          ...(locationOf(endpoint.curves) ? { location: locationOf(endpoint.curves) } : {}),
          evidence: { code: 'invalid-value' },
          message: `${label}: ${endpoint.groupError}; the SBC will not start TLS with "${endpoint.curves.raw ?? endpoint.curves.value}".`,
        });
      }
      findings.push(...certificateLoadFindings(endpoint, label));
    }
    if (findings.length === 0)
      return config.files.map((file) => ({
        status: 'pass' as const,
        target: `config[${file}]`,
        location: { file },
        message: `${file}: nothing the SBC would refuse to load.`,
      }));
    return findings;
  },
});
