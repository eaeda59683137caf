import { ruleCases } from '../../helpers/cases.js';

ruleCases('chain-complete', [
  { name: 'leaf and intermediate reach the lab root', expect: 'pass', message: /reaches the root "CN=Test Lab Root CA/ },
  {
    name: 'missing intermediate names the issuer and its subject hash',
    chain: 'leaf-only.pem',
    expect: 'fail',
    message: /issuer .* is missing: "CN=Test Lab Issuing CA, O=Test Lab, C=US" \(subject hash [0-9a-f]{8}\)/,
  },
  { name: 'an unrelated extra certificate warns', chain: 'extra.pem', expect: 'warn', message: /not part of the path/ },
  { name: 'an issuer with the right name but another key is not the issuer', chain: 'forged.pem', expect: 'fail', message: /is missing/ },
  { name: 'a self-signed certificate that is no anchor fails', chain: 'self-signed.pem', expect: 'fail', message: /self-signed/ },
  {
    name: 'against the BYOC list, a private root is named as such (not "add the intermediate")',
    chain: 'good.pem',
    labRoot: false,
    expect: 'fail',
    message:
      /is issued under "CN=Test Lab Root CA[^"]*" \(subject hash [0-9a-f]{8}\), a root that is not on the BYOC Cloud accepted-CA list: .*a private CA cannot be used/,
  },
  {
    name: 'against the BYOC list, a missing issuer that is no root still asks for the intermediate, and mentions private CAs',
    chain: 'leaf-only.pem',
    labRoot: false,
    expect: 'fail',
    message: /issuer .* is missing: "CN=Test Lab Issuing CA/,
  },
]);
