import rule from '../../../rules/trust/trusts-genesys.js';
import { endpoint, fileValue, ruleTester } from '../../helpers/rule-tester.js';

const root = (subjectHash: string) => ({ subject: `CN=${subjectHash}`, subjectHash, sha256: '0'.repeat(64) });
const allRoots = [root('244b5494'), root('607986c7'), root('dd8e9d41')];
const client = (facts: Omit<Parameters<typeof endpoint>[0], 'role'>, region?: string) => ({
  tls: { endpoints: [endpoint({ role: 'client', ...facts })] },
  sip: { uris: [], sbcs: [], ...(region ? { region } : {}) },
});
const caList = fileValue('certs/ca.pem', 'tls.cfg', 9, 'ca_list');

ruleTester(rule, {
  skip: [
    { name: 'no client-side setting known', ctx: { tls: { endpoints: [endpoint({ role: 'server' })] } } },
    {
      name: 'CA list not in the repository',
      ctx: client({ verifyPeer: fileValue(true, 'tls.cfg', 8, 'verify_certificate'), caList, caListTried: ['certs/ca.pem'] }),
      message: /not in the repository \(tried certs\/ca.pem\)/,
    },
  ],
  pass: [
    {
      name: 'all three roots, no region',
      ctx: client({
        verifyPeer: fileValue(true, 'tls.cfg', 8, 'verify_certificate'),
        caList,
        caCertificates: fileValue(allRoots, 'certs/ca.pem', 1, 'ca_list'),
      }),
    },
    {
      name: 'G2 and G3 suffice in a G2 region',
      ctx: client(
        {
          verifyPeer: fileValue(true, 'tls.cfg', 8, 'verify_certificate'),
          caList,
          caCertificates: fileValue(allRoots.slice(1), 'certs/ca.pem', 1, 'ca_list'),
        },
        'euc2',
      ),
      message: /region euc2/,
    },
  ],
  warn: [
    {
      name: 'verification off',
      ctx: client({ verifyPeer: fileValue(false, 'tls.cfg', 8, 'verify_certificate', 'no') }),
      message: /would accept any certificate as Genesys/,
      fix: /verify_certificate = yes/,
    },
    {
      name: 'verification on but no CA list at all',
      ctx: client({ verifyPeer: fileValue(true, 'tls.cfg', 8, 'verify_certificate') }),
      message: /no CA list is configured/,
    },
  ],
  fail: [
    {
      name: 'the EV root missing in an EV region',
      ctx: client(
        {
          verifyPeer: fileValue(true, 'tls.cfg', 8, 'verify_certificate'),
          caList,
          caCertificates: fileValue(allRoots.slice(1), 'certs/ca.pem', 1, 'ca_list'),
        },
        'use1',
      ),
      message: /lacks DigiCert High Assurance EV Root CA \(hash 244b5494\), needed for region use1/,
      fix: /ca_list = certs\/ca.pem/,
    },
  ],
});
