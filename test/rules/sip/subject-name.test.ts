import { ruleCases } from '../../helpers/cases.js';

ruleCases('subject-name', [
  { name: 'no --sbc lists the names the certificate covers', expect: 'skip', message: /must be one of: sbc1\.example\.com, sbc2\.example\.com/ },
  { name: 'SAN dNSName, any case, trailing dot', options: { sbcs: ['SBC2.Example.com.:5061'] }, expect: 'pass' },
  { name: 'an --sbc entry written as a SIP URI', options: { sbcs: ['sip:sbc2.example.com:5061;transport=tls'] }, expect: 'pass' },
  { name: 'a customer host in --uri counts as an SBC address', options: { uris: ['sip:+1@sbc1.example.com;transport=tls'] }, expect: 'pass' },
  { name: 'a name the certificate lacks', options: { sbcs: ['sbc3.example.com'] }, expect: 'fail', message: /does not name "sbc3\.example\.com" \(it names: sbc1\.example\.com, sbc2\.example\.com\)/ },
  { name: 'wildcard covers one label but warns', chain: 'wildcard.pem', options: { sbcs: ['sbc7.example.com'] }, expect: 'warn', message: /wildcard "\*\.example\.com"/ },
  { name: 'wildcard never covers two labels', chain: 'wildcard.pem', options: { sbcs: ['a.b.example.com'] }, expect: 'fail' },
  { name: 'partial-label wildcard fails', chain: 'partial-wildcard.pem', options: { sbcs: ['sbc1.example.com'] }, expect: 'fail', message: /partial-label wildcard/ },
  { name: 'CN only, no SAN at all: warns', chain: 'cn-only.pem', options: { sbcs: ['sbc1.example.com'] }, expect: 'warn', message: /matches only the CN/ },
  { name: 'CN match does not count when SANs exist', chain: 'cn-not-san.pem', options: { sbcs: ['sbc9.example.com'] }, expect: 'fail', message: /only in the CN/ },
  { name: 'IDN host matches its A-label', chain: 'idn.pem', options: { sbcs: ['bücher.example'] }, expect: 'pass' },
  { name: 'upper-case SAN entry matches', chain: 'idn.pem', options: { sbcs: ['sbc3.example.com'] }, expect: 'pass' },
  { name: 'SAN sip: URI (RFC 5922) counts', chain: 'sip-san.pem', options: { sbcs: ['sbc4.example.com'] }, expect: 'pass' },
  { name: 'IP entry compared with SAN iPAddress', chain: 'ip-san.pem', options: { sbcs: ['[2001:db8:0:0::10]:5061'] }, expect: 'pass', message: /validates by host name/ },
]);
