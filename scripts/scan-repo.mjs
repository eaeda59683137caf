// A generated SBC configuration repository for `byoc-check scan` at scale (the bench and
// test/scan/scale.test.ts): N trunks, each with its own configuration in one of four formats
// (Kamailio kamailio.cfg + tls.cfg, OpenSIPS, Asterisk pjsip.conf, a FreeSWITCH sofia profile) and
// its own chain file (leaf + intermediate) issued under one lab root, plus a byoc-check.yaml that
// declares every trunk. Deterministic in structure, names, serials and dates; RSA key generation
// dominates, so a handful of keys is shared by all leaves.
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto);

/** Bump when the layout changes: cached repositories are keyed by it. */
export const SCAN_REPO_VERSION = 1;
/** The check time to pass as --at: every certificate is valid then. */
export const SCAN_REPO_AT = '2027-01-01T00:00:00Z';

/** A dozen cipher strings as SBC configurations write them (OpenSSL syntax; Asterisk gets names). */
export const CIPHER_LISTS = [
  'ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256',
  'HIGH:!aNULL:!MD5',
  'ECDHE+AESGCM:!aNULL',
  'DEFAULT',
  'ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256:AES256-GCM-SHA384:AES256-SHA',
  'HIGH:!aNULL:!eNULL:!EXPORT:!DES:!RC4:!3DES:!MD5:!PSK',
  'ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305',
  'AES256-SHA:AES128-SHA',
  'ECDHE-RSA-AES128-SHA256:ECDHE-RSA-AES256-SHA384',
  'kEECDH+AESGCM:kEDH+AESGCM',
  'ALL:!ADH:!LOW:!EXP:!MD5:@STRENGTH',
  'ECDHE-RSA-AES256-GCM-SHA384',
];
const ASTERISK_CIPHERS = CIPHER_LISTS.filter((c) => /^[A-Z0-9]+-[A-Z0-9-]+(:[A-Z0-9-]+)*$/.test(c)).map((c) => c.split(':').join(', '));

const RSA = { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' };
const SIGN = { name: 'RSASSA-PKCS1-v1_5' };
const LEAF_KEYS = 4;

const pad = (i) => String(i).padStart(4, '0');

async function certificate({ serial, subject, issuer, publicKey, signingKey, ca, notBefore, notAfter, dns, issuerPublicKey }) {
  const extensions = [
    new x509.BasicConstraintsExtension(ca, ca && issuer ? 0 : undefined, true),
    new x509.KeyUsagesExtension(
      ca
        ? x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign
        : x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment,
      true,
    ),
    await x509.SubjectKeyIdentifierExtension.create(publicKey),
  ];
  if (!ca) extensions.push(new x509.ExtendedKeyUsageExtension(['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.2'], false));
  if (dns)
    extensions.push(
      new x509.SubjectAlternativeNameExtension(
        dns.map((value) => ({ type: 'dns', value })),
        false,
      ),
    );
  if (issuerPublicKey) extensions.push(await x509.AuthorityKeyIdentifierExtension.create(issuerPublicKey));
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serial,
    subject,
    issuer: issuer ?? subject,
    notBefore: new Date(notBefore),
    notAfter: new Date(notAfter),
    publicKey,
    signingKey,
    signingAlgorithm: SIGN,
    extensions,
  });
  return `${cert.toString('pem')}\n`;
}

function trunkFiles(i, chainPem) {
  const n = pad(i);
  const ciphers = CIPHER_LISTS[i % CIPHER_LISTS.length];
  const method = i % 3 === 0 ? 'TLSv1.2' : 'TLSv1.2+';
  const host = `10.${Math.floor(i / 250)}.${i % 250}.10`;
  const files = {};
  let config;
  switch (i % 4) {
    case 0: {
      config = `kamailio/trunk${n}/kamailio.cfg`;
      files[config] =
        `#!KAMAILIO\n# SBC for trunk${n}\nchildren=4\nlisten=udp:${host}:5060\nlisten=tls:${host}:5061\nenable_tls=yes\nloadmodule "sl.so"\nloadmodule "tls.so"\nmodparam("tls", "config", "/etc/kamailio/trunk${n}/tls.cfg")\nrequest_route {\n\tsl_send_reply("200", "OK");\n}\n`;
      files[`kamailio/trunk${n}/tls.cfg`] =
        `[server:default]\nmethod = ${method}\ncipher_list = ${ciphers}\ncertificate = /etc/ssl/byoc/trunk${n}.pem\nprivate_key = /etc/ssl/private/trunk${n}.key\nverify_certificate = no\nrequire_certificate = no\n\n[client:default]\nmethod = TLSv1.2+\nverify_certificate = yes\nca_list = /etc/ssl/byoc/lab-root.pem\n`;
      break;
    }
    case 1: {
      config = `opensips/trunk${n}/opensips.cfg`;
      files[config] =
        `# OpenSIPS SBC for trunk${n}\nsocket=udp:${host}:5060\nsocket=tls:${host}:5061\nloadmodule "tls_openssl.so"\nloadmodule "tls_mgm.so"\nloadmodule "proto_tls.so"\nmodparam("tls_mgm", "server_domain", "sbc")\nmodparam("tls_mgm", "match_ip_address", "[sbc]*")\nmodparam("tls_mgm", "certificate", "[sbc]/etc/ssl/byoc/trunk${n}.pem")\nmodparam("tls_mgm", "private_key", "[sbc]/etc/ssl/private/trunk${n}.key")\nmodparam("tls_mgm", "tls_method", "[sbc]${method === 'TLSv1.2' ? 'TLSv1_2' : 'TLSv1_2-'}")\nmodparam("tls_mgm", "ciphers_list", "[sbc]${ciphers}")\nmodparam("tls_mgm", "verify_cert", "[sbc]0")\nmodparam("tls_mgm", "require_cert", "[sbc]0")\nroute {\n\texit;\n}\n`;
      break;
    }
    case 2: {
      config = `asterisk/trunk${n}/pjsip.conf`;
      files[config] =
        `; pjsip.conf for trunk${n}\n[global]\ntype=global\n\n[transport-tls]\ntype=transport\nprotocol=tls\nbind=${host}:5061\ncert_file=/etc/ssl/byoc/trunk${n}.pem\npriv_key_file=/etc/ssl/private/trunk${n}.key\nmethod=tlsv1_2\ncipher=${ASTERISK_CIPHERS[i % ASTERISK_CIPHERS.length]}\n\n[transport-udp]\ntype=transport\nprotocol=udp\nbind=${host}:5060\n`;
      break;
    }
    default: {
      config = `freeswitch/trunk${n}/sip_profiles/external.xml`;
      files[config] =
        `<profile name="external">\n  <settings>\n    <param name="sip-port" value="5080"/>\n    <param name="sip-ip" value="${host}"/>\n    <param name="tls" value="true"/>\n    <param name="tls-sip-port" value="5061"/>\n    <param name="tls-cert-dir" value="/etc/freeswitch/tls/trunk${n}"/>\n    <param name="tls-version" value="tlsv1.2"/>\n    <param name="tls-ciphers" value="${ciphers}"/>\n  </settings>\n</profile>\n`;
      files[`freeswitch/tls/trunk${n}/agent.pem`] = chainPem;
    }
  }
  if (i % 4 !== 3) files[`certs/trunk${n}.pem`] = chainPem;
  return { config, files };
}

/**
 * Writes the repository into `dir` (replacing it; with `cache`, a complete `dir` is reused as is).
 * Returns the scan root, the CA file name relative to it and the check time.
 */
export async function generateScanRepo(dir, trunks, { cache = false } = {}) {
  // The folder appears by one rename once complete, so its existence means it is whole.
  if (cache && existsSync(join(dir, 'byoc-check.yaml'))) return { dir, ca: 'lab-root.pem', at: SCAN_REPO_AT, trunks };
  const temp = `${dir}.tmp-${process.pid}`;
  rmSync(temp, { recursive: true, force: true });
  const write = (path, text) => {
    mkdirSync(dirname(join(temp, path)), { recursive: true });
    writeFileSync(join(temp, path), text);
  };
  const gen = () => webcrypto.subtle.generateKey(RSA, true, ['sign', 'verify']);
  const rootKeys = await gen();
  const intKeys = await gen();
  const leafKeys = await Promise.all(Array.from({ length: LEAF_KEYS }, gen));
  const rootName = 'CN=BYOC Bench Lab Root CA,O=Bench Lab,C=US';
  const intName = 'CN=BYOC Bench Lab Issuing CA,O=Bench Lab,C=US';
  const root = await certificate({
    serial: '01',
    subject: rootName,
    publicKey: rootKeys.publicKey,
    signingKey: rootKeys.privateKey,
    ca: true,
    notBefore: '2020-01-01',
    notAfter: '2040-01-01',
  });
  const intermediate = await certificate({
    serial: '02',
    subject: intName,
    issuer: rootName,
    publicKey: intKeys.publicKey,
    signingKey: rootKeys.privateKey,
    issuerPublicKey: rootKeys.publicKey,
    ca: true,
    notBefore: '2024-01-01',
    notAfter: '2032-01-01',
  });
  write('lab-root.pem', root);
  const profile = [
    '# Generated by scripts/scan-repo.mjs: one entry per trunk.',
    'version: 1',
    'pathMap:',
    '  /etc/kamailio: kamailio',
    '  /etc/ssl/byoc: certs',
    '  /etc/freeswitch: freeswitch',
    'trunks:',
  ];
  for (let i = 0; i < trunks; i++) {
    const n = pad(i);
    const name = `sbc${n}.carrier${i % 7}.example.com`;
    const keys = leafKeys[i % LEAF_KEYS];
    const leaf = await certificate({
      serial: (0x1000 + i).toString(16),
      subject: `CN=${name},O=Carrier ${i % 7},C=US`,
      issuer: intName,
      publicKey: keys.publicKey,
      signingKey: intKeys.privateKey,
      issuerPublicKey: intKeys.publicKey,
      ca: false,
      notBefore: '2026-06-01',
      notAfter: '2027-06-01',
      dns: [name],
    });
    const { config, files } = trunkFiles(i, leaf + intermediate);
    for (const [path, text] of Object.entries(files)) write(path, text);
    profile.push(
      `  - name: trunk${n}`,
      '    region: use1',
      `    sbc: [${name}:5061]`,
      `    uris: ["sip:+1317555${n};tgrp=trunk${n};trunk-context=byoc.example.com@lb01.voice.use1.pure.cloud:5061;transport=tls"]`,
      `    config: ${config}`,
    );
  }
  write('byoc-check.yaml', `${profile.join('\n')}\n`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dirname(dir), { recursive: true });
  renameSync(temp, dir);
  return { dir, ca: 'lab-root.pem', at: SCAN_REPO_AT, trunks };
}
