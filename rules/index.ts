/** The rule catalog, sorted by id; kept in step with the files under rules/ by test/catalog.test.ts. */
import caConstraints from './cert/ca-constraints.js';
import certValidity from './cert/cert-validity.js';
import chainComplete from './cert/chain-complete.js';
import chainOrder from './cert/chain-order.js';
import chainSignatures from './cert/chain-signatures.js';
import keyStrength from './cert/key-strength.js';
import leafKey from './cert/leaf-key.js';
import leafUsage from './cert/leaf-usage.js';
import privateKey from './cert/private-key.js';
import crlReachable from './crl/crl-reachable.js';
import notRevoked from './crl/not-revoked.js';
import byocHost from './sip/byoc-host.js';
import hostNotIp from './sip/host-not-ip.js';
import sipPort from './sip/sip-port.js';
import subjectName from './sip/subject-name.js';
import uriParams from './sip/uri-params.js';
import uriTransport from './sip/uri-transport.js';
import tlsCiphers from './tls/tls-ciphers.js';
import tlsCurves from './tls/tls-curves.js';
import tlsVersion from './tls/tls-version.js';
import rootAccepted from './trust/root-accepted.js';
import type { Rule } from '../src/engine/types.js';

export const rules: readonly Rule[] = [
  byocHost,
  caConstraints,
  certValidity,
  chainComplete,
  chainOrder,
  chainSignatures,
  crlReachable,
  hostNotIp,
  keyStrength,
  leafKey,
  leafUsage,
  notRevoked,
  privateKey,
  rootAccepted,
  sipPort,
  subjectName,
  tlsCiphers,
  tlsCurves,
  tlsVersion,
  uriParams,
  uriTransport,
];
