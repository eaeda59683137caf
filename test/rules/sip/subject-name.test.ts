import { ruleCases } from '../../helpers/cases.js';

ruleCases('subject-name', [
  {
    name: 'no --sbc lists the names the certificate covers',
    expect: 'skip',
    message: /must be one of: sbc1\.example\.com, sbc2\.example\.com/,
  },
  { name: 'SAN dNSName, any case, trailing dot', options: { sbcs: ['SBC2.Example.com.:5061'] }, expect: 'pass' },
  { name: 'an --sbc entry written as a SIP URI', options: { sbcs: ['sip:sbc2.example.com:5061;transport=tls'] }, expect: 'pass' },
  {
    // --uri is the Request-URI the SBC sends to Genesys: its host is a proxy, never the SBC (byoc-host judges it)
    name: 'a customer host in --uri is not taken as an SBC name',
    options: { uris: ['sip:+1@sbc1.example.com;transport=tls'] },
    expect: 'skip',
    message: /No --sbc given/,
  },
  {
    name: 'a name the certificate lacks',
    options: { sbcs: ['sbc3.example.com'] },
    expect: 'fail',
    message: /does not name "sbc3\.example\.com" \(it names: sbc1\.example\.com, sbc2\.example\.com\)/,
  },
  {
    name: 'wildcard covers one label but warns',
    chain: 'wildcard.pem',
    options: { sbcs: ['sbc7.example.com'] },
    expect: 'warn',
    message: /wildcard "\*\.example\.com"/,
  },
  { name: 'wildcard never covers two labels', chain: 'wildcard.pem', options: { sbcs: ['a.b.example.com'] }, expect: 'fail' },
  {
    name: 'partial-label wildcard fails',
    chain: 'partial-wildcard.pem',
    options: { sbcs: ['sbc1.example.com'] },
    expect: 'fail',
    message: /partial-label wildcard/,
  },
  {
    name: 'CN only, no SAN at all: warns',
    chain: 'cn-only.pem',
    options: { sbcs: ['sbc1.example.com'] },
    expect: 'warn',
    message: /matches only the CN/,
  },
  {
    name: 'CN match does not count when SANs exist',
    chain: 'cn-not-san.pem',
    options: { sbcs: ['sbc9.example.com'] },
    expect: 'fail',
    message: /only in the CN/,
  },
  { name: 'IDN host matches its A-label', chain: 'idn.pem', options: { sbcs: ['bücher.example'] }, expect: 'pass' },
  { name: 'upper-case SAN entry matches', chain: 'idn.pem', options: { sbcs: ['sbc3.example.com'] }, expect: 'pass' },
  { name: 'SAN sip: URI (RFC 5922) counts', chain: 'sip-san.pem', options: { sbcs: ['sbc4.example.com'] }, expect: 'pass' },
  {
    name: 'IP entry compared with SAN iPAddress',
    chain: 'ip-san.pem',
    options: { sbcs: ['[2001:db8:0:0::10]:5061'] },
    expect: 'pass',
    message: /validates by host name/,
  },
]);

describe('subject-name: the CN repeats a SAN entry (CA/Browser Forum 7.1.4.3)', () => {
  test('warn by default, fail with --pki-profile strict, when the CN is not written as any SAN entry', async () => {
    const { CA_EXT, key, LEAF_EXT, make, ROOT_EXT, soon, write } = await import('../../helpers/openssl-pki.js');
    const { results, runCheck, worst } = await import('../../helpers/run.js');
    const root = make({ subj: '/CN=Lab CN Root', keyFile: key('rsa:2048', 40), ext: ROOT_EXT });
    const ica = make({ subj: '/CN=Lab CN CA', issuer: root, keyFile: key('rsa:2048', 41), ext: CA_EXT });
    const leaf = make({ subj: '/CN=SBC1.Example.com', issuer: ica, ext: LEAF_EXT });
    const options = { chain: write('chain.pem', leaf.pem + ica.pem), caFile: root.certFile, at: soon(), sbcs: ['sbc1.example.com'] };
    const report = await runCheck(options);
    expect(worst(report, 'subject-name')).toBe('warn');
    expect(results(report, 'subject-name')[0]!.message).toMatch(
      /The CN "SBC1.Example.com" is not written exactly as any SAN entry \(sbc1.example.com\)/,
    );
    expect(worst(await runCheck({ ...options, pkiProfile: 'strict' }), 'subject-name')).toBe('fail');
  });
});
