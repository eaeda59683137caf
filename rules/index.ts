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
import daChain from './da/da-chain.js';
import daClientAuth from './da/da-client-auth.js';
import daRegion from './da/da-region.js';
import daRotation from './da/da-rotation.js';
import daTrusted from './da/da-trusted.js';
import daValidity from './da/da-validity.js';
import notRevoked from './crl/not-revoked.js';
import byocHost from './sip/byoc-host.js';
import hostNotIp from './sip/host-not-ip.js';
import sipPort from './sip/sip-port.js';
import sipOptions from './sip/sip-options.js';
import subjectName from './sip/subject-name.js';
import uriParams from './sip/uri-params.js';
import uriTransport from './sip/uri-transport.js';
import mtlsNotRequired from './tls/mtls-not-required.js';
import tlsCiphers from './tls/tls-ciphers.js';
import tlsCurves from './tls/tls-curves.js';
import tlsReachable from './tls/tls-reachable.js';
import tlsVersion from './tls/tls-version.js';
import rootAccepted from './trust/root-accepted.js';
import trustsGenesys from './trust/trusts-genesys.js';
import configValid from './config/config-valid.js';
import srtpOffered from './media/srtp-offered.js';
import srtpSuites from './media/srtp-suites.js';
import trunkEnabled from './genesys/trunk-enabled.js';
import trunkLink from './genesys/trunk-link.js';
import trunkProxies from './genesys/trunk-proxies.js';
import trunkTermination from './genesys/trunk-termination.js';
import trunkTls from './genesys/trunk-tls.js';
import genesysChainTrusted from './from-sbc/genesys-chain-trusted.js';
import genesysExpiry from './from-sbc/genesys-expiry.js';
import genesysName from './from-sbc/genesys-name.js';
import genesysTlsHandshake from './from-sbc/genesys-tls-handshake.js';
import { isDataActionsRule, isFromSbcRule, isGenesysRule, isTrunkRule, type AnyRule } from '../src/engine/types.js';

export const rules: readonly AnyRule[] = [
  byocHost,
  caConstraints,
  certValidity,
  chainComplete,
  chainOrder,
  chainSignatures,
  configValid,
  crlReachable,
  daChain,
  daClientAuth,
  daRegion,
  daRotation,
  daTrusted,
  daValidity,
  genesysChainTrusted,
  genesysExpiry,
  genesysName,
  genesysTlsHandshake,
  hostNotIp,
  keyStrength,
  leafKey,
  leafUsage,
  mtlsNotRequired,
  notRevoked,
  privateKey,
  rootAccepted,
  sipOptions,
  sipPort,
  srtpOffered,
  srtpSuites,
  subjectName,
  tlsCiphers,
  tlsCurves,
  tlsReachable,
  tlsVersion,
  trunkEnabled,
  trunkLink,
  trunkProxies,
  trunkTermination,
  trunkTls,
  trustsGenesys,
  uriParams,
  uriTransport,
];

/** The rules of the trunk check, of `byoc-check data-actions`, of `byoc-check genesys` and of `probe --from-sbc`. */
export const trunkRules = rules.filter(isTrunkRule);
export const dataActionsRules = rules.filter(isDataActionsRule);
export const genesysRules = rules.filter(isGenesysRule);
/** What the org's settings alone decide (`byoc-check genesys`); trunk-link needs the trunk profile too (`scan --genesys`). */
export const orgTrunkRules = genesysRules.filter((r) => r.meta.id !== trunkLink.meta.id);
export const trunkLinkRules = [trunkLink];
export const fromSbcRules = rules.filter(isFromSbcRule);
