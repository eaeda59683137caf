import rule from '../../../rules/from-sbc/genesys-chain-trusted.js';
import { cert, facts, failedHandshake, fromSbcRuleCases, intermediate, proxy } from '../../helpers/from-sbc.js';

const unverified = { ok: false, code: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY' };

fromSbcRuleCases(rule, [
  {
    name: 'verified, anchored at the root in the CA file',
    facts: facts([proxy()]),
    expect: 'pass',
    message: /anchored at .*DigiCert Global Root G2 \(hash 607986c7\)/,
  },
  {
    name: 'the CA file lacks the DigiCert root: named by hash, with the region note',
    facts: facts([
      proxy({
        verify: unverified,
        path: {
          missingIssuer: {
            subject: 'C=US, O=DigiCert Inc, OU=www.digicert.com, CN=DigiCert Global Root G2',
            hash: '607986c7',
            commonNames: ['DigiCert Global Root G2'],
          },
        },
      }),
    ]),
    expect: 'fail',
    message:
      /sbc-ca\.pem lacks DigiCert Global Root G2 \(subject hash 607986c7\), the DigiCert root Genesys uses .*unable to get local issuer certificate.*Region use1's proxies chain to DigiCert High Assurance EV Root CA/,
  },
  {
    name: 'leaf only: the intermediate is missing',
    facts: facts([
      proxy({
        chain: [cert()],
        verify: { ok: false, code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' },
        path: {
          missingIssuer: {
            subject: 'C=US, O=DigiCert Inc, CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1',
            hash: '22222222',
            commonNames: ['DigiCert Global G2 TLS RSA SHA256 2020 CA1'],
          },
        },
      }),
    ]),
    expect: 'fail',
    message: /sent only its leaf certificate: the intermediate .*CA1 is missing.*unable to verify the first certificate/,
  },
  {
    name: 'an issuer that is no Genesys root',
    facts: facts([
      proxy({
        chain: [
          cert(),
          intermediate({ issuer: 'CN=Corporate Proxy Root', issuerHash: '33333333', issuerCommonNames: ['Corporate Proxy Root'] }),
        ],
        verify: unverified,
        path: { missingIssuer: { subject: 'CN=Corporate Proxy Root', hash: '33333333', commonNames: ['Corporate Proxy Root'] } },
      }),
    ]),
    expect: 'fail',
    message: /does not hold CN=Corporate Proxy Root, the issuer of the topmost certificate .* not one of the DigiCert roots Genesys uses/,
  },
  {
    name: 'the path reaches the CA file but OpenSSL refuses it',
    facts: facts([proxy({ verify: { ok: false, code: 'CERT_HAS_EXPIRED' } })]),
    expect: 'fail',
    message: /reaches .*DigiCert Global Root G2 in sbc-ca\.pem, but OpenSSL refuses it \(OpenSSL: certificate has expired/,
  },
  {
    name: 'the proxy sends a root the CA file does not hold: said, and recognised as a Genesys root',
    facts: facts([
      proxy({
        chain: [
          cert(),
          intermediate(),
          intermediate({
            subject: 'C=US, O=DigiCert Inc, OU=www.digicert.com, CN=DigiCert Global Root G2',
            subjectHash: '607986c7',
            selfSigned: true,
          }),
        ],
        verify: { ok: false, code: 'SELF_SIGNED_CERT_IN_CHAIN' },
        path: {},
      }),
    ]),
    expect: 'fail',
    message:
      /sent its root .*DigiCert Global Root G2, which sbc-ca\.pem does not hold \(OpenSSL: self-signed certificate in certificate chain.*It is DigiCert Global Root G2, a DigiCert root Genesys uses/,
  },
  { name: 'no chain: the handshake failed', facts: facts([failedHandshake({ failure: 'refused', message: 'refused' })]), expect: 'skip' },
]);
