import rule from '../../../rules/tls/mtls-not-required.js';
import { endpoint, fileValue, ruleTester } from '../../helpers/rule-tester.js';

const server = (facts: Parameters<typeof endpoint>[0]) => ({ tls: { endpoints: [endpoint(facts)] } });

ruleTester(rule, {
  skip: [{ name: 'no client-certificate setting known', ctx: server({ role: 'server' }) }],
  pass: [
    {
      name: 'explicitly off',
      ctx: server({ role: 'server', requireClientCert: fileValue(false, 'tls.cfg', 5, 'require_certificate', 'no') }),
      message: /no client certificate is asked for/,
    },
  ],
  warn: [
    {
      name: 'requested, not required',
      ctx: server({ role: 'server', requestClientCert: fileValue(true, 'tls.cfg', 4, 'verify_certificate', 'yes') }),
      message: /verify_certificate = "yes" \(tls.cfg:4\).*asks for a client certificate/,
      fix: /require_certificate = no/,
    },
  ],
  fail: [
    {
      name: 'required (OpenSIPS default require_cert on)',
      ctx: server({
        role: 'server',
        requireClientCert: { value: true, from: { kind: 'default', text: 'OpenSIPS tls_mgm default require_cert 1' } },
      }),
      message: /requires a client certificate, and Genesys presents none/,
    },
    {
      name: 'client-role endpoints are not judged',
      ctx: {
        tls: {
          endpoints: [
            endpoint({ role: 'client', requireClientCert: fileValue(true, 'a', 1, 'k') }),
            endpoint({ role: 'server', requireClientCert: fileValue(true, 'a', 2, 'k') }),
          ],
        },
      },
      message: /^fail: As TLS server/,
    },
  ],
});
