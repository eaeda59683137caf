/**
 * Name constraints as OpenSSL processes them (crypto/x509/v3_ncons.c): every form it evaluates,
 * the forms it cannot (unchecked constraint), malformed names, its work limit, and the dialled
 * SBC host behind a wildcard. Each chain is also given to `openssl verify` where it has a view.
 */
import type { CertificateFacts } from '../../src/model/certificate.js';
import { NAME_CHECK_MAX, nameConstraintViolations } from '../../src/x509/name-constraints.js';
import { decodePem } from '../helpers/context.js';
import { CA_EXT, key, LEAF_EXT, make, opensslAccepts, ROOT_EXT, soon, write } from '../helpers/openssl-pki.js';
import { results, runCheck, worst } from '../helpers/run.js';

const leafExt = (san: string) => [...LEAF_EXT.filter((e) => !e.startsWith('subjectAltName')), `subjectAltName=${san}`];

async function constrained(nc: string, san: string, options: { subj?: string; sbcs?: string[]; pkiProfile?: 'default' | 'strict' } = {}) {
  const root = make({ subj: '/CN=Lab NC Root', keyFile: key('rsa:2048', 20), ext: ROOT_EXT });
  const ica = make({ subj: '/O=Lab/CN=Lab NC CA', issuer: root, keyFile: key('rsa:2048', 21), ext: [...CA_EXT, nc] });
  const leaf = make({ subj: options.subj ?? '/O=Lab/CN=sbc1.example.com', issuer: ica, ext: leafExt(san) });
  const report = await runCheck({
    chain: write('chain.pem', leaf.pem + ica.pem),
    caFile: root.certFile,
    at: soon(),
    sbcs: options.sbcs ?? [],
    pkiProfile: options.pkiProfile,
  });
  return {
    report,
    openssl: opensslAccepts(root.certFile, leaf.certFile, [ica.pem]),
    messages: results(report, 'ca-constraints')
      .map((r) => `${r.status}: ${r.message}`)
      .join('\n'),
  };
}

describe('forms OpenSSL evaluates, with its verdict', () => {
  test.each([
    ['DNS inside the permitted subtree', 'nameConstraints=critical,permitted;DNS:example.com', 'DNS:sbc1.example.com', true, /pass/],
    [
      'DNS outside the permitted subtree',
      'nameConstraints=critical,permitted;DNS:example.org',
      'DNS:sbc1.example.com',
      false,
      /outside the permitted DNS names/,
    ],
    [
      'e-mail in an excluded domain',
      'nameConstraints=critical,excluded;email:evil.example',
      'DNS:sbc1.example.com,email:ops@evil.example',
      false,
      /e-mail address "ops@evil.example" is in the excluded/,
    ],
    [
      'URI host outside the permitted subtree',
      'nameConstraints=critical,permitted;URI:.example.com,permitted;DNS:example.com',
      'DNS:sbc1.example.com,URI:sip://sbc1.other.org',
      false,
      /URI host "sbc1.other.org" is outside/,
    ],
    [
      'subject inside the permitted directory name',
      'nameConstraints=critical,permitted;dirName:dir_sect\n[dir_sect]\nO=Lab',
      'DNS:sbc1.example.com',
      true,
      /pass/,
    ],
    [
      'subject in an excluded directory name',
      'nameConstraints=critical,excluded;dirName:dir_sect\n[dir_sect]\nO=Lab',
      'DNS:sbc1.example.com',
      false,
      /the subject "O=Lab, CN=sbc1.example.com" is in the excluded directory names subtree/,
    ],
    [
      'otherName under an otherName constraint (OpenSSL cannot evaluate it)',
      'nameConstraints=critical,excluded;otherName:1.2.3.4;UTF8:x',
      'DNS:sbc1.example.com,otherName:1.2.3.4;UTF8:y',
      false,
      /unchecked constraint: its otherName SAN \(1\.2\.3\.4\)/,
    ],
  ])('%s', async (_, nc, san, accepted, message) => {
    const { report, openssl, messages } = await constrained(nc, san);
    expect(openssl).toBe(accepted);
    expect(worst(report, 'ca-constraints')).toBe(accepted ? 'pass' : 'fail');
    expect(messages).toMatch(message);
  });

  test('a malformed iPAddress SAN fails instead of being dropped', async () => {
    // SAN: dNSName sbc1.example.com and a 5-byte iPAddress (c0 00 02 00 18).
    const san = 'DER:30:19:82:10:73:62:63:31:2e:65:78:61:6d:70:6c:65:2e:63:6f:6d:87:05:c0:00:02:00:18';
    const { report, openssl, messages } = await constrained(
      'nameConstraints=critical,permitted;IP:192.0.2.0/255.255.255.0,permitted;DNS:example.com',
      san,
    );
    expect(openssl).toBe(false);
    expect(worst(report, 'ca-constraints')).toBe('fail');
    expect(messages).toMatch(/malformed name \(iPAddress of 5 bytes/);
  });

  test('a leading-period dNSName constraint warns (OpenSSL accepts it) and fails in the strict profile', async () => {
    const { report, openssl, messages } = await constrained('nameConstraints=critical,permitted;DNS:.example.com', 'DNS:sbc1.example.com');
    expect(openssl).toBe(true);
    expect(worst(report, 'ca-constraints')).toBe('warn');
    expect(messages).toMatch(/starts with a period/);
    const strict = await constrained('nameConstraints=critical,permitted;DNS:.example.com', 'DNS:sbc1.example.com', {
      pkiProfile: 'strict',
    });
    expect(worst(strict.report, 'ca-constraints')).toBe('fail');
  });
});

describe('the dialled host behind a wildcard (CVE-2025-61727)', () => {
  test.each([
    ['bar.example.com', 'fail'],
    ['foo.example.com', 'pass'],
  ])('excluded bar.example.com, SAN *.example.com, dialled %s: %s', async (host, status) => {
    const { report, messages } = await constrained('nameConstraints=critical,excluded;DNS:bar.example.com', 'DNS:*.example.com', {
      sbcs: [host],
    });
    expect(worst(report, 'ca-constraints')).toBe(status);
    if (status === 'fail') expect(messages).toMatch(/forbid the dialled host "bar.example.com" \(matched through a wildcard\)/);
  });
});

describe("OpenSSL's work limit", () => {
  const [leaf] = decodePem(make({ subj: '/CN=sbc1.example.com', keyFile: key('rsa:2048', 22), ext: LEAF_EXT }).pem);
  const [ca] = decodePem(
    make({ subj: '/CN=Lab NC CA', keyFile: key('rsa:2048', 21), ext: [...ROOT_EXT, 'nameConstraints=critical,permitted;DNS:example.com'] })
      .pem,
  );
  const widen = (n: number) => ({
    cert: { ...leaf!, san: { ...leaf!.san, dns: Array.from({ length: n }, (_, i) => `h${i}.example.com`) } } as CertificateFacts,
    ca: {
      ...ca!,
      nameConstraints: {
        critical: true,
        excluded: [],
        permitted: Array.from({ length: n }, (_, i) => ({ type: 'dns' as const, value: `c${i}.example.com` })),
      },
    } as CertificateFacts,
  });

  test('2,048 names against 2,048 constraints is refused at once, as OpenSSL refuses it', () => {
    const { cert, ca: issuer } = widen(2048);
    const problems = nameConstraintViolations(issuer, cert);
    expect(problems).toEqual([expect.stringMatching(/2049 names against 2048 constraints exceeds OpenSSL's work limit \(1048576/)]);
  });

  test('just under the limit is checked name by name', () => {
    const names = 1024;
    const constraints = Math.floor(NAME_CHECK_MAX / (names + 1));
    const { cert } = widen(names);
    const issuer = {
      ...ca!,
      nameConstraints: {
        critical: true,
        excluded: [],
        permitted: Array.from({ length: constraints }, () => ({ type: 'dns' as const, value: 'example.com' })),
      },
    } as CertificateFacts;
    expect(nameConstraintViolations(issuer, cert)).toEqual([]);
  });
});
