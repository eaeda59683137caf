import rule from '../../../rules/config/config-valid.js';
import { endpoint, fileValue, ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  skip: [{ name: 'no configuration read (single-chain check)', ctx: {} }],
  pass: [
    {
      name: 'a configuration without problems',
      ctx: { config: { files: ['kamailio/tls.cfg'], problems: [] } },
      message: /nothing the SBC would refuse/,
    },
  ],
  fail: [
    {
      name: 'an unknown option stops Kamailio',
      ctx: {
        config: {
          files: ['tls.cfg'],
          problems: [
            {
              code: 'unknown-option',
              message: 'tls.cfg:7: "ciphers_list" is not a Kamailio tls.cfg option; Kamailio refuses to start.',
              location: { file: 'tls.cfg', line: 7, key: 'ciphers_list' },
              fix: 'cipher_list = ...',
            },
          ],
        },
      },
      message: /refuses to start/,
      fix: /cipher_list/,
    },
    {
      name: 'a cipher string OpenSSL selects nothing from',
      ctx: {
        config: { files: ['tls.cfg'], problems: [] },
        tls: {
          endpoints: [
            endpoint({ role: 'server', ciphers: fileValue('RC4:EXP', 'tls.cfg', 3, 'cipher_list'), cipherError: 'no cipher match' }),
          ],
        },
      },
      message: /OpenSSL selects no cipher from "RC4:EXP"/,
    },
  ],
});
