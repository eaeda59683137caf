/**
 * --crl, --max-depth and --pki-profile: CRL files judged as `openssl verify -crl_check` judges
 * them, the verify depth as `openssl verify -verify_depth` counts it, and the flags' input errors.
 */
import { CA_EXT, crl, key, LEAF_EXT, make, opensslAccepts, ROOT_EXT, soon, write } from '../helpers/openssl-pki.js';
import { cli, results, runCheck, worst } from '../helpers/run.js';

const ROOT = () => make({ subj: '/CN=Lab CRL Root', keyFile: key('rsa:2048', 50), ext: ROOT_EXT });

function pki(icaExt = CA_EXT) {
  const root = ROOT();
  const ica = make({ subj: '/CN=Lab CRL CA', issuer: root, keyFile: key('rsa:2048', 51), ext: icaExt });
  const leaf = make({ subj: '/CN=sbc1.example.com', issuer: ica, ext: LEAF_EXT });
  return { root, ica, leaf, chain: write('chain.pem', leaf.pem + ica.pem) };
}

describe('--crl (offline)', () => {
  test('a revoked leaf fails not-revoked; crl-reachable does not fetch what the file covers', async () => {
    const { root, ica, leaf, chain } = pki();
    const file = crl(ica, { revoke: [leaf] });
    const report = await runCheck({ chain, caFile: root.certFile, at: soon(), crlFiles: [file], offline: true });
    expect(worst(report, 'not-revoked')).toBe('fail');
    expect(results(report, 'not-revoked')[0]!.message).toMatch(/leaf "CN=sbc1.example.com" \(serial [0-9A-F]+\) was revoked on/);
    expect(worst(report, 'crl-reachable')).toBe('skip');
    expect(opensslAccepts(root.certFile, leaf.certFile, [ica.pem], ['-crl_check', '-CRLfile', file])).toBe(false);
  });

  test('a current CRL that does not list the leaf passes', async () => {
    const { root, ica, leaf, chain } = pki();
    const file = crl(ica);
    const report = await runCheck({ chain, caFile: root.certFile, at: soon(), crlFiles: [file], offline: true });
    expect(worst(report, 'not-revoked')).toBe('pass');
    expect(opensslAccepts(root.certFile, leaf.certFile, [ica.pem], ['-crl_check', '-CRLfile', file])).toBe(true);
  });

  test.each([
    [
      'its issuer has a keyUsage without cRLSign',
      { icaExt: [...CA_EXT.filter((e) => !e.startsWith('keyUsage')), 'keyUsage=critical,keyCertSign'] },
      /without cRLSign/,
    ],
    [
      'it has a critical extension OpenSSL does not handle',
      { crlExt: ['authorityKeyIdentifier=keyid', '1.2.3.4=critical,ASN1:NULL'] },
      /unhandled critical CRL extension/,
    ],
    ['it expired', { later: 10 }, /it expired \(nextUpdate/],
  ])('a CRL OpenSSL refuses fails not-revoked: %s', async (_, spec: { icaExt?: string[]; crlExt?: string[]; later?: number }, message) => {
    const { root, ica, leaf, chain } = pki(spec.icaExt);
    const file = crl(ica, { ext: spec.crlExt, days: 7 });
    const at = new Date(soon().getTime() + (spec.later ?? 0) * 86_400_000);
    const report = await runCheck({ chain, caFile: root.certFile, at, crlFiles: [file], offline: true });
    expect(worst(report, 'not-revoked')).toBe('fail');
    expect(
      results(report, 'not-revoked')
        .map((r) => r.message)
        .join(),
    ).toMatch(message);
    if (!spec.later) expect(opensslAccepts(root.certFile, leaf.certFile, [ica.pem], ['-crl_check', '-CRLfile', file])).toBe(false);
  });

  test('a CRL of another issuer listing the same serial is ignored', async () => {
    const { root, leaf, chain } = pki();
    const other = make({ subj: '/CN=Other CA', keyFile: key('rsa:2048', 52), ext: ROOT_EXT });
    const file = crl(other, { revoke: [{ ...leaf }] });
    const report = await runCheck({ chain, caFile: root.certFile, at: soon(), crlFiles: [file], offline: true });
    expect(worst(report, 'not-revoked')).toBe('skip');
  });

  test('a file that is no CRL is an input error (exit 2, one line)', () => {
    const { root, chain } = pki();
    const run = cli([chain, '--ca', root.certFile, '--offline', '--crl', chain]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^byoc-check: --crl file .* is not a CRL \(a PEM file without an X509 CRL block\)\n$/);
  });
});

describe('--max-depth counts intermediates as openssl verify -verify_depth does', () => {
  test.each([
    [0, false],
    [1, true],
  ])('depth %i with one intermediate', async (depth, accepted) => {
    const { root, ica, leaf, chain } = pki();
    const report = await runCheck({ chain, caFile: root.certFile, at: soon(), maxDepth: depth });
    expect(worst(report, 'chain-complete')).toBe(accepted ? 'pass' : 'fail');
    expect(opensslAccepts(root.certFile, leaf.certFile, [ica.pem], ['-verify_depth', String(depth)])).toBe(accepted);
  });

  test('input errors name the flag', () => {
    const { chain } = pki();
    expect(cli([chain, '--offline', '--max-depth', '-1']).stderr).toMatch(
      /^byoc-check: --max-depth must be a whole number from 0 to 100; got -1\n$/,
    );
    expect(cli([chain, '--offline', '--pki-profile', 'webpki']).stderr).toMatch(
      /^byoc-check: --pki-profile must be one of default, strict; got "webpki"\n$/,
    );
    expect(cli(['--help']).stdout).toMatch(/--crl[\s\S]*--max-depth[\s\S]*--pki-profile/);
  });
});
