/** Judged on endpoints: from the live probe (through its provider) and from a configuration file. */
import { byocSuites } from '../../../rules/data/byoc-suites.js';
import rule from '../../../rules/tls/mtls-not-required.js';
import type { TlsEndpointFacts } from '../../../src/model/tls.js';
import { flagSyntax } from '../../../src/providers/flags.js';
import { probeEndpoint } from '../../../src/providers/probe.js';
import { ctx } from '../../helpers/context.js';
import { probeFacts } from '../../helpers/probe-facts.js';

const names = new Map(byocSuites.map((s) => [s.iana, s.openssl]));
const observed = (clientCertificate: 'none' | 'requested' | 'required' | 'unknown') => probeEndpoint(probeFacts({ clientCertificate }), names)!;
const fromFile: TlsEndpointFacts = {
  id: 'endpoint[0]', format: 'kamailio', name: 'server:default', role: 'server', syntax: { ...flagSyntax, noClientCertificate: () => 'require_certificate = no' },
  requireClientCert: { value: true, from: { kind: 'file', file: 'tls.cfg', line: 7, key: 'require_certificate' } },
};
const clientRole: TlsEndpointFacts = { ...fromFile, id: 'endpoint[1]', role: 'client', name: 'client:default' };

describe('mtls-not-required', () => {
  test.each<{ name: string; endpoints: TlsEndpointFacts[]; expect: string; message: RegExp }>([
    { name: 'nothing known', endpoints: [], expect: 'skip', message: /unknown/ },
    { name: 'the probe could not tell', endpoints: [observed('unknown')], expect: 'skip', message: /unknown/ },
    { name: 'a client-role endpoint is not judged', endpoints: [clientRole], expect: 'skip', message: /unknown/ },
    { name: 'no CertificateRequest on the wire', endpoints: [observed('none')], expect: 'pass', message: /does not ask.*observed: TLS 1\.2 handshake without a client certificate at sbc1\.example\.com:5061/ },
    { name: 'requested, the handshake completes', endpoints: [observed('requested')], expect: 'warn', message: /asks for a client certificate but continues without one/ },
    { name: 'required, the handshake fails', endpoints: [observed('required')], expect: 'fail', message: /requires a client certificate .*every handshake fails/ },
    { name: 'required in a configuration file', endpoints: [fromFile], expect: 'fail', message: /tls\.cfg:7 require_certificate/ },
  ])('$expect: $name', ({ endpoints, expect: status, message }) => {
    const findings = rule.check(ctx([], { tls: { endpoints } }));
    expect(findings).toHaveLength(1);
    expect(findings[0]!.status).toBe(status);
    expect(findings[0]!.message).toMatch(message);
    if (status === 'fail' && endpoints[0]!.format === 'kamailio') {
      expect(findings[0]!.location).toEqual({ file: 'tls.cfg', line: 7, key: 'require_certificate' });
      expect(findings[0]!.remediation).toBe('Set require_certificate = no.');
    }
  });
});
