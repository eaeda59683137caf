/**
 * Certificates and CRLs made by the `openssl` command line, for what WebCrypto cannot make:
 * SHA-1 signatures, DSA and P-192 keys, arbitrary (critical) extensions written in OpenSSL's
 * extension syntax, raw DER extension values, CRLs with chosen extensions.
 * Validity starts when the certificate is made: check with `at: soon()`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'byoc-ossl-'));
let counter = 0;
const file = (name: string) => join(dir, `${counter++}-${name}`);

export function openssl(args: string[], input?: string): string {
  return execFileSync('openssl', args, { input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
}

/** A time just after every certificate made so far became valid. */
export const soon = () => new Date(Date.now() + 60_000);

const keyCache = new Map<string, string>();

/** A private key file: 'rsa:2048', 'rsa:1024', 'ec:P-256', 'ec:P-192', 'dsa:2048'. Cached per spec and slot. */
export function key(spec = 'rsa:2048', slot = 0): string {
  const id = `${spec}#${slot}`;
  const cached = keyCache.get(id);
  if (cached) return cached;
  const [alg, size] = spec.split(':') as [string, string];
  const out = file('key.pem');
  if (alg === 'rsa') openssl(['genpkey', '-algorithm', 'RSA', '-pkeyopt', `rsa_keygen_bits:${size}`, '-out', out]);
  else if (alg === 'ec')
    openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', `ec_paramgen_curve:${size}`, '-pkeyopt', 'ec_param_enc:named_curve', '-out', out]);
  else {
    const params = file('dsaparam.pem');
    openssl(['genpkey', '-genparam', '-algorithm', 'DSA', '-pkeyopt', `dsa_paramgen_bits:${size}`, '-out', params]);
    openssl(['genpkey', '-paramfile', params, '-out', out]);
  }
  keyCache.set(id, out);
  return out;
}

export interface Made {
  pem: string;
  certFile: string;
  keyFile: string;
  subj: string;
}

export interface MakeSpec {
  /** OpenSSL -subj form, e.g. "/CN=Lab Root". */
  subj: string;
  issuer?: Made;
  keyFile?: string;
  /** Extension lines in OpenSSL config syntax (v3 section). */
  ext: string[];
  md?: 'sha256' | 'sha1' | 'md5';
  days?: number;
  serial?: string;
}

/** Issues a certificate with exactly the extensions listed. */
export function make(spec: MakeSpec): Made {
  const keyFile = spec.keyFile ?? key();
  const csr = file('req.pem');
  openssl(['req', '-new', '-key', keyFile, '-subj', spec.subj, '-out', csr, '-config', '/dev/null']);
  const extFile = file('ext.cnf');
  writeFileSync(extFile, `[v3]\n${spec.ext.join('\n')}\n`);
  const certFile = file('cert.pem');
  const args = [
    'x509',
    '-req',
    '-in',
    csr,
    '-days',
    String(spec.days ?? 30),
    `-${spec.md ?? 'sha256'}`,
    '-extfile',
    extFile,
    '-extensions',
    'v3',
    '-set_serial',
    spec.serial ?? `0x${(0x5000 + counter).toString(16)}`,
    '-out',
    certFile,
  ];
  if (spec.issuer) args.push('-CA', spec.issuer.certFile, '-CAkey', spec.issuer.keyFile);
  else args.push('-signkey', keyFile);
  openssl(args);
  return { pem: readFileSync(certFile, 'utf8'), certFile, keyFile, subj: spec.subj };
}

export const ROOT_EXT = ['basicConstraints=critical,CA:TRUE', 'keyUsage=critical,keyCertSign,cRLSign', 'subjectKeyIdentifier=hash'];
export const CA_EXT = [...ROOT_EXT, 'authorityKeyIdentifier=keyid'];
export const LEAF_EXT = [
  'basicConstraints=critical,CA:FALSE',
  'keyUsage=critical,digitalSignature,keyEncipherment',
  'extendedKeyUsage=serverAuth',
  'subjectKeyIdentifier=hash',
  'authorityKeyIdentifier=keyid',
  'subjectAltName=DNS:sbc1.example.com',
];

export function write(name: string, content: string): string {
  const out = file(name);
  writeFileSync(out, content);
  return out;
}

/** A CRL from `issuer` (openssl ca -gencrl), revoking the given certificates, with extra CRL extension lines. */
export function crl(issuer: Made, options: { revoke?: Made[]; ext?: string[]; md?: string; days?: number } = {}): string {
  const base = file('ca');
  const index = `${base}-index.txt`;
  writeFileSync(index, '');
  writeFileSync(`${base}-crlnumber`, '1000\n');
  const config = write(
    'ca.cnf',
    [
      '[ca]',
      'default_ca = lab',
      '[lab]',
      `database = ${index}`,
      `crlnumber = ${base}-crlnumber`,
      `default_md = ${options.md ?? 'sha256'}`,
      `default_crl_days = ${options.days ?? 7}`,
      'crl_extensions = crl_ext',
      '[crl_ext]',
      ...(options.ext ?? ['authorityKeyIdentifier=keyid']),
      '',
    ].join('\n'),
  );
  for (const cert of options.revoke ?? [])
    openssl(['ca', '-config', config, '-keyfile', issuer.keyFile, '-cert', issuer.certFile, '-revoke', cert.certFile]);
  const out = file('crl.pem');
  openssl(['ca', '-config', config, '-gencrl', '-keyfile', issuer.keyFile, '-cert', issuer.certFile, '-out', out]);
  return out;
}

/** `openssl verify` of leaf (+ untrusted) against root; true when it accepts. */
export function opensslAccepts(root: string, leaf: string, untrusted: string[] = [], extra: string[] = []): boolean {
  const args = ['verify', '-purpose', 'sslserver', ...extra, '-CAfile', root];
  if (untrusted.length) args.push('-untrusted', write('untrusted.pem', untrusted.join('')));
  args.push(leaf);
  try {
    openssl(args);
    return true;
  } catch {
    return false;
  }
}
