import rule from '../../../rules/config/config-valid.js';
import type { CertificateLoadFacts } from '../../../src/model/tls.js';
import { endpoint, fileValue, ruleTester } from '../../helpers/rule-tester.js';

const LOAD: CertificateLoadFacts = {
  certificateFile: 'sbc.pem',
  first: { subject: 'CN=sbc.example.com', ca: false, keyType: 'RSA', keyBits: 2048, securityBits: 112 },
  weakestCa: { subject: 'CN=Lab Root', securityBits: 112 },
};

ruleTester(rule, {
  skip: [{ name: 'no configuration read (single-chain check)', ctx: {} }],
  pass: [
    {
      name: 'a configuration without problems',
      ctx: { config: { files: ['kamailio/tls.cfg'], problems: [] } },
      message: /nothing the SBC would refuse/,
    },
    {
      name: '@SECLEVEL=2 with an RSA 2048 key and a matching key',
      ctx: {
        config: { files: ['tls.cfg'], problems: [] },
        tls: {
          endpoints: [
            endpoint({
              role: 'server',
              ciphers: fileValue('DEFAULT:@SECLEVEL=2', 'tls.cfg', 5, 'cipher_list'),
              certificateLoad: { ...LOAD, keyFile: 'sbc.key', keyMatches: true },
            }),
          ],
        },
      },
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
      message:
        /OpenSSL selects no cipher from "RC4:EXP" \(no cipher match\); Kamailio refuses to start \("Failure to set SSL context cipher list"\)/,
    },
    {
      name: 'a domain no connection uses still has to load (config.endpoints holds it)',
      ctx: {
        config: {
          files: ['tls.cfg'],
          problems: [],
          endpoints: [
            endpoint({
              role: 'server',
              unused: 'every listen=tls socket has its own [server:IP:PORT] domain',
              ciphers: fileValue('NOSUCHCIPHER', 'tls.cfg', 9, 'cipher_list'),
              cipherError: 'no cipher match',
            }),
          ],
        },
        tls: { endpoints: [] },
      },
      message: /server:default \(loaded at start-up, used by no connection\): OpenSSL selects no cipher/,
    },
    {
      name: 'the private key belongs to another certificate',
      ctx: {
        config: { files: ['tls.cfg'], problems: [] },
        tls: {
          endpoints: [
            endpoint({
              role: 'server',
              privateKey: fileValue('sbc.key', 'tls.cfg', 4, 'private_key'),
              certificateLoad: { ...LOAD, keyFile: 'sbc.key', keyMatches: false },
            }),
          ],
        },
      },
      message: /the private key sbc.key does not belong to the certificate "CN=sbc.example.com" in sbc.pem; Kamailio refuses to load/,
      fix: /private_key = "sbc.key" \(tls.cfg:4\)/,
    },
    {
      name: 'the chain file starts with the CA: OpenSSL takes the first block as the SBC certificate',
      ctx: {
        config: { files: ['tls.cfg'], problems: [] },
        tls: {
          endpoints: [
            endpoint({
              role: 'server',
              certificateLoad: {
                ...LOAD,
                first: { ...LOAD.first, subject: 'CN=Lab Root', ca: true },
                leafLater: { index: 1, subject: 'CN=sbc' },
              },
            }),
          ],
        },
      },
      message: /sbc.pem starts with the CA certificate "CN=Lab Root".*block 2/,
      fix: /the SBC certificate first/,
    },
    {
      name: '@SECLEVEL=3 with an RSA 2048 key: every handshake fails',
      ctx: {
        config: { files: ['tls.cfg'], problems: [] },
        tls: {
          endpoints: [
            endpoint({ role: 'server', ciphers: fileValue('DEFAULT:@SECLEVEL=3', 'tls.cfg', 5, 'cipher_list'), certificateLoad: LOAD }),
          ],
        },
      },
      message: /@SECLEVEL=3 needs keys of 128-bit strength or more \(RSA 3072.*RSA 2048 key has 112.*"ee key too small"/,
      fix: /cipher_list = DEFAULT:@SECLEVEL=2/,
    },
  ],
});
