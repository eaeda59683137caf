/**
 * Path verdicts against `openssl verify -x509_strict -purpose sslserver`: where OpenSSL accepts
 * a chain, no path rule may fail, and where it refuses one, some path rule must fail. Known,
 * deliberate differences are listed with their reason.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { decodePem } from '../helpers/context.js';
import { fixtures } from '../helpers/fixtures.js';
import { NOW, writeFiles } from '../helpers/pki.js';
import { runCheck } from '../helpers/run.js';

const PATH_RULES = ['chain-complete', 'chain-signatures', 'root-accepted', 'cert-validity', 'ca-constraints', 'leaf-usage', 'key-strength'];

/** Where byoc-check is stricter than OpenSSL on purpose. */
const STRICTER: Record<string, string> = {
  'weak-intermediate.pem':
    'an RSA 1024 issuing key fails key-strength (OpenSSL at security level 1 accepts 1024 bits; level 2, the Debian/Ubuntu/RHEL default, does not)',
  'rsa1024.pem': 'an RSA 1024 leaf fails key-strength (as above)',
  'no-eku.pem': 'the strict profile fails a leaf without extendedKeyUsage (CA/Browser Forum 7.1.2.7.10)',
};

function opensslVerify(chainFile: string, rootFile: string): boolean {
  const pems = readFileSync(chainFile, 'utf8')
    .split(/(?=-----BEGIN CERTIFICATE-----)/)
    .filter((p) => p.includes('BEGIN CERTIFICATE'));
  // OpenSSL is told which certificate is the leaf: the first one that is not a CA, as byoc-check picks it.
  const leafAt = Math.max(
    0,
    pems.findIndex((p) => !decodePem(p)[0]!.basicConstraints?.ca),
  );
  const others = pems.filter((_, i) => i !== leafAt);
  const f = writeFiles({ 'leaf.pem': pems[leafAt]!, 'untrusted.pem': others.join('') || '\n' });
  const args = [
    'verify',
    '-x509_strict',
    '-purpose',
    'sslserver',
    '-attime',
    String(Math.floor(NOW.getTime() / 1000)),
    '-CAfile',
    rootFile,
  ];
  if (others.length) args.push('-untrusted', f['untrusted.pem']!);
  args.push(f['leaf.pem']!);
  return spawnSync('openssl', args, { encoding: 'utf8' }).status === 0;
}

const CHAINS = [
  'good.pem',
  'leaf-only.pem',
  'reversed.pem',
  'with-root.pem',
  'extra.pem',
  'self-signed.pem',
  'ecdsa.pem',
  'rsa1024.pem',
  'client-only.pem',
  'no-eku.pem',
  'ca-leaf.pem',
  'only-signature.pem',
  'only-encipherment.pem',
  'neither-usage.pem',
  'expired.pem',
  'not-yet.pem',
  'expiring.pem',
  'tampered.pem',
  'forged.pem',
  'weak-intermediate.pem',
  'not-ca.pem',
  'no-certsign.pem',
  'pathlen.pem',
];

describe('path verdicts agree with openssl verify', () => {
  test.each(CHAINS)('%s', async (name) => {
    const { files } = await fixtures();
    const report = await runCheck({ chain: files[name]!, caFile: files['root.pem'], at: NOW, pkiProfile: 'strict' });
    const failed = report.results.filter((r) => r.status === 'fail' && PATH_RULES.includes(r.rule)).map((r) => r.rule);
    const ours = failed.length === 0;
    const openssl = opensslVerify(files[name]!, files['root.pem']!);
    if (STRICTER[name]) {
      expect({ openssl, ours }).toEqual({ openssl: true, ours: false });
    } else {
      expect({ name, ours, failed }).toEqual({ name, ours: openssl, failed: openssl ? [] : expect.arrayContaining([expect.any(String)]) });
    }
  });
});
