import rule from '../../../rules/trust/root-accepted.js';
import { acceptedCas } from '../../../rules/data/accepted-cas.js';
import { ruleCases } from '../../helpers/cases.js';
import { ctx, decodePem, systemRoot } from '../../helpers/context.js';
import { fixtures } from '../../helpers/fixtures.js';

ruleCases('root-accepted', [
  { name: 'with --ca, the chain ends at one of its anchors', expect: 'pass', message: /one of the --ca trust anchors/ },
  { name: 'with --ca, a chain that misses its intermediate reaches no anchor', chain: 'leaf-only.pem', expect: 'fail' },
  {
    name: 'against the BYOC list, a private root is not accepted',
    chain: 'with-root.pem',
    labRoot: false,
    expect: 'fail',
    message: /The root "CN=Test Lab Root CA, O=Test Lab, C=US" \(subject hash [0-9a-f]{8}\) is not on the BYOC Cloud accepted-CA list/,
  },
]);

describe('root-accepted against real roots (pure rule over hand-built facts)', () => {
  async function leaf() {
    const { pki } = await fixtures();
    return decodePem(pki.leaf.pem)[0]!;
  }
  const worst = (findings: { status: string }[]) => ['fail', 'warn', 'pass', 'skip'].find((s) => findings.some((f) => f.status === s));

  test('DigiCert Global Root G2 passes, confirmed by fingerprint, with provider and hash', async () => {
    const root = systemRoot('607986c7');
    const findings = rule.check(
      ctx([
        { cert: await leaf(), role: 'leaf', inputIndex: 0 },
        { cert: root, role: 'root', origin: 'system-store' },
      ]),
    );
    expect(worst(findings)).toBe('pass');
    expect(findings[0]!.evidence).toMatchObject({
      provider: 'DigiCert',
      name: 'DigiCert Global Root G2',
      subjectHash: '607986c7',
      confirmedByFingerprint: true,
      sha256: root.sha256,
    });
  });

  test('DigiCert Global Root CA warns: Mozilla distrust for TLS from 2026-04-15', async () => {
    const findings = rule.check(
      ctx([
        { cert: await leaf(), role: 'leaf', inputIndex: 0 },
        { cert: systemRoot('3513523f'), role: 'root', origin: 'system-store' },
      ]),
    );
    expect(worst(findings)).toBe('warn');
    expect(findings.map((f) => f.message).join(' ')).toMatch(/Mozilla .* stopped trusting "DigiCert Global Root CA" .*2026-04-15/);
  });

  test('Entrust Root Certification Authority warns: expires on 2026-11-27 and distrusted after 2024-11-30', async () => {
    const findings = rule.check(
      ctx([
        { cert: await leaf(), role: 'leaf', inputIndex: 0 },
        { cert: systemRoot('6b99d060'), role: 'root', origin: 'system-store' },
      ]),
    );
    const text = findings.map((f) => f.message).join(' ');
    expect(worst(findings)).toBe('warn');
    expect(text).toMatch(/expires on 2026-11-27, in 5 days/);
    expect(text).toMatch(/Entrust/);
  });

  test('a root known only by hash (Certum CA) passes and says so', async () => {
    const cert = await leaf();
    const listed = acceptedCas.filter((r) => r.subjectHash === '442adcac');
    const findings = rule.check(ctx([{ cert, role: 'leaf', inputIndex: 0 }], { chain: { rootByHashOnly: listed } }));
    expect(worst(findings)).toBe('pass');
    expect(findings[0]!.message).toMatch(/matched by hash only/);
  });

  test('both Network Solutions rows share one hash: a collision lists both entries', () => {
    const rows = acceptedCas.filter((r) => r.subjectHash === '4304c5e5');
    expect(rows.map((r) => r.name)).toEqual([
      'Network Solutions Certificate Authority (Dec-2029)',
      'Network Solutions Certificate Authority (Dec-2030)',
    ]);
  });

  test('a root with a listed hash but another key warns instead of passing', async () => {
    const real = systemRoot('607986c7');
    const lookalike = { ...real, sha256: 'f'.repeat(64) };
    const findings = rule.check(
      ctx([
        { cert: await leaf(), role: 'leaf', inputIndex: 0 },
        { cert: lookalike, role: 'root', origin: 'system-store' },
      ]),
    );
    expect(worst(findings)).toBe('warn');
    expect(findings[0]!.message).toMatch(/not the one known for that entry/);
  });
});

describe('chain building when the listed root is not on this machine', () => {
  test('the top intermediate stays an intermediate; the root is matched by hash', async () => {
    const { buildChain } = await import('../../../src/x509/chain.js');
    const { fixtures: load } = await import('../../helpers/fixtures.js');
    const { pki } = await load();
    const [leafCert, intermediateCert] = [...decodePem(pki.leaf.pem), ...decodePem(pki.intermediate.pem)];
    const rootHash = intermediateCert!.issuerHash;
    const listed = [
      {
        provider: 'Test',
        name: 'Test Lab Root CA',
        subjectHash: rootHash,
        subjectHashOld: null,
        sha256: null,
        subject: null,
        notAfter: null,
        notes: [],
      },
    ];
    const chain = buildChain([leafCert!, intermediateCert!], {
      mode: 'byoc',
      issuersOf: () => [],
      isAnchor: () => false,
      acceptedByHash: (hash) => (hash === rootHash ? listed : []),
    });
    expect(chain.path.map((p) => p.role)).toEqual(['leaf', 'intermediate']);
    expect(chain.complete).toBe(true);
    expect(chain.rootByHashOnly).toEqual(listed);
    const findings = rule.check(ctx(chain.path, { chain }));
    expect(findings[0]!.status).toBe('pass');
    expect(findings[0]!.message).toMatch(/matched by hash only/);
  });
});
