import { ruleCases } from '../../helpers/cases.js';
import { CA_EXT, key, LEAF_EXT, make, ROOT_EXT, soon, write } from '../../helpers/openssl-pki.js';
import { results, runCheck, worst } from '../../helpers/run.js';

ruleCases('key-strength', [
  { name: 'RSA 2048 leaf, intermediate and root', expect: 'pass', message: /All 3 key\(s\) on the path give at least 112 bits/ },
  {
    name: 'RSA 1024 leaf',
    chain: 'rsa1024.pem',
    expect: 'fail',
    message: /leaf "CN=sbc1.example.com": RSA 1024 bits gives 80 bits of security, under the 112/,
  },
  { name: 'RSA 1024 intermediate', chain: 'weak-intermediate.pem', expect: 'fail', message: /intermediate .*RSA 1024 bits gives 80 bits/ },
  { name: "ECDSA P-256 leaf (its type is leaf-key's concern)", chain: 'ecdsa.pem', expect: 'pass' },
]);

describe('key-strength on keys WebCrypto cannot make', () => {
  async function chainWith(spec: string, where: 'leaf' | 'ica', pkiProfile: 'default' | 'strict' = 'default') {
    const root = make({ subj: '/CN=Lab Key Root', keyFile: key('rsa:2048', 30), ext: ROOT_EXT });
    const ica = make({ subj: '/CN=Lab Key CA', issuer: root, keyFile: where === 'ica' ? key(spec) : key('rsa:2048', 31), ext: CA_EXT });
    const leaf = make({
      subj: '/CN=sbc1.example.com',
      issuer: ica,
      keyFile: where === 'leaf' ? key(spec) : key('rsa:2048', 32),
      ext: LEAF_EXT,
    });
    return runCheck({ chain: write('chain.pem', leaf.pem + ica.pem), caFile: root.certFile, at: soon(), pkiProfile });
  }

  test('fail: a P-192 intermediate (96 bits; Java disables EC under 224 bits)', async () => {
    const report = await chainWith('ec:P-192', 'ica');
    expect(worst(report, 'key-strength')).toBe('fail');
    expect(results(report, 'key-strength')[0]!.message).toMatch(/EC prime192v1 gives 96 bits of security/);
  });

  test('warn: a DSA 2048 intermediate (OpenSSL and Java accept it; fail with --pki-profile strict)', async () => {
    const report = await chainWith('dsa:2048', 'ica');
    expect(worst(report, 'key-strength')).toBe('warn');
    expect(results(report, 'key-strength')[0]!.message).toMatch(/DSA keys are no longer allowed by the CA\/Browser Forum/);
    expect(worst(await chainWith('dsa:2048', 'ica', 'strict'), 'key-strength')).toBe('fail');
  });

  test('warn: an RSA modulus that is not a whole number of bytes', async () => {
    const report = await chainWith('rsa:2052', 'leaf');
    expect(worst(report, 'key-strength')).toBe('warn');
    expect(results(report, 'key-strength')[0]!.message).toMatch(/2052 bits is not a whole number of bytes/);
  });
});
