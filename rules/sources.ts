/** The closed registry of documents rules may cite. */
export const sources = {
  BYOC_TLS_SPEC: {
    title: 'Genesys Cloud: TLS trunk transport protocol specification (BYOC Cloud)',
    url: 'https://help.mypurecloud.com/articles/tls-trunk-transport-protocol-specification/',
  },
  BYOC_CIPHER_DEPRECATION: {
    title: 'Genesys Cloud: Deprecation: BYOC Cloud SIP TLS ciphers (announced 2025-03-24)',
    url: 'https://help.mypurecloud.com/announcements/deprecation-byoc-cloud-sip-tls-ciphers/',
  },
  BYOC_SIP_ROUTING: {
    title: 'Genesys Cloud: Configure SIP routing for a BYOC Cloud trunk',
    url: 'https://help.mypurecloud.com/articles/configure-sip-routing-for-a-byoc-cloud-trunk/',
  },
  BYOC_TRUNK_SETTINGS: {
    title: 'Genesys Cloud: External trunk settings (SIP Servers or Proxies)',
    url: 'https://help.mypurecloud.com/?p=130654',
  },
  DA_MTLS: {
    title: 'Genesys Cloud: MTLS support for data actions',
    url: 'https://help.mypurecloud.com/articles/mtls-support-for-data-actions/',
  },
  DA_CERTIFICATES_API: {
    title: 'Genesys Cloud Platform API: GET /api/v2/integrations/actions/certificates (ActionCertificateListing)',
    url: 'https://developer.genesys.cloud/platform/api/integrations',
  },
  GENESYS_TRUNKBASE_API: {
    title:
      'Genesys Cloud Platform API: GET /api/v2/telephony/providers/edges/trunkbasesettings (TrunkBase properties, as the platform SDKs and the AppFoundry BYOC Cloud wizard use them)',
    url: 'https://developer.genesys.cloud/telephony/telephony-apis',
  },
  RFC3261: { title: 'RFC 3261: SIP: Session Initiation Protocol', url: 'https://www.rfc-editor.org/rfc/rfc3261' },
  RFC4904: { title: 'RFC 4904: Representing Trunk Groups in tel/sip URIs', url: 'https://www.rfc-editor.org/rfc/rfc4904' },
  RFC4568: {
    title: 'RFC 4568: Session Description Protocol (SDP) Security Descriptions for Media Streams (SDES)',
    url: 'https://www.rfc-editor.org/rfc/rfc4568',
  },
  RFC6188: { title: 'RFC 6188: The Use of AES-192 and AES-256 in Secure RTP', url: 'https://www.rfc-editor.org/rfc/rfc6188' },
  GENESYS_TRUNK_SRTP: {
    title:
      'Genesys Cloud trunk base settings: trunk_media_srtpCipherSuites (values the Genesys Terraform provider validates; default AES_CM_128_HMAC_SHA1_80)',
    url: 'https://registry.terraform.io/providers/MyPureCloud/genesyscloud/latest/docs/resources/telephony_providers_edges_trunkbasesettings',
  },
  RFC5246: { title: 'RFC 5246: The TLS Protocol Version 1.2', url: 'https://www.rfc-editor.org/rfc/rfc5246' },
  RFC5280: { title: 'RFC 5280: Internet X.509 PKI Certificate and CRL Profile', url: 'https://www.rfc-editor.org/rfc/rfc5280' },
  RFC5922: { title: 'RFC 5922: Domain Certificates in SIP', url: 'https://www.rfc-editor.org/rfc/rfc5922' },
  RFC6125: {
    title: 'RFC 6125: Representation and Verification of Domain-Based Application Service Identity',
    url: 'https://www.rfc-editor.org/rfc/rfc6125',
  },
  RFC8996: { title: 'RFC 8996: Deprecating TLS 1.0 and TLS 1.1', url: 'https://www.rfc-editor.org/rfc/rfc8996' },
  RFC9325: { title: 'RFC 9325: Recommendations for Secure Use of TLS', url: 'https://www.rfc-editor.org/rfc/rfc9325' },
  OPENSSL_CIPHERS: { title: 'OpenSSL ciphers(1): cipher list format', url: 'https://docs.openssl.org/3.0/man1/openssl-ciphers/' },
  OPENSSL_GROUPS: {
    title: 'OpenSSL SSL_CTX_set1_groups_list(3): group list format',
    url: 'https://docs.openssl.org/3.0/man3/SSL_CTX_set1_curves/',
  },
  OPENSSL_VERIFY: {
    title: 'OpenSSL 3 openssl-verification-options(1) and SSL_CTX_set_security_level(3)',
    url: 'https://docs.openssl.org/3.0/man1/openssl-verification-options/',
  },
  JAVA_DISABLED_ALGORITHMS: {
    title: 'Java SE java.security: jdk.certpath.disabledAlgorithms',
    url: 'https://www.java.com/en/configure_crypto.html',
  },
  CABF_BR: {
    title: 'CA/Browser Forum Baseline Requirements for TLS Server Certificates',
    url: 'https://cabforum.org/working-groups/server/baseline-requirements/',
  },
  MOZILLA_ROOT_PROGRAM: { title: 'Mozilla Root Store Policy and CA distrust announcements', url: 'https://wiki.mozilla.org/CA' },
  SBC_PRODUCT_DOCS: {
    title:
      'SBC product documentation: Kamailio tls module, OpenSIPS tls_mgm, FreeSWITCH mod_sofia, Asterisk res_pjsip, AudioCodes INI parameters',
    url: 'https://www.kamailio.org/docs/modules/stable/modules/tls.html',
  },
  BYOC_CHECK: { title: 'byoc-check: operational advice from field experience (not a Genesys requirement)' },
} as const;

export type SourceId = keyof typeof sources;
