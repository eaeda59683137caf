/** The scan's text view: what a telephony engineer reads first. */
import { writeTree } from '../helpers/pki.js';
import { cli } from '../helpers/run.js';

test('one [server:default] serving two listeners: each endpoint says which listener it is', () => {
  const dir = writeTree(
    {
      'kamailio.cfg':
        '#!KAMAILIO\nenable_tls=yes\nlisten=tls:10.0.0.10:5061\nlisten=tls:127.0.0.1:4443\nloadmodule "tls.so"\nmodparam("tls", "config", "tls.cfg")\nrequest_route { exit; }\n',
      'tls.cfg': '[server:default]\nmethod = TLSv1.2+\nrequire_certificate = yes\nverify_certificate = yes\n',
    },
    'byoc-scan-text-',
  );
  const run = cli(['scan', dir, '--offline']);
  expect(run.status).toBe(1);
  const headers = run.stdout.split('\n').filter((l) => /^ {4}server:default server /.test(l));
  expect(headers).toEqual([
    '    server:default server endpoint[0] tls.cfg:1, listening on tls:10.0.0.10:5061 (kamailio.cfg:3)',
    '    server:default server endpoint[1] tls.cfg:1, listening on tls:127.0.0.1:4443 (kamailio.cfg:4)',
  ]);
});
