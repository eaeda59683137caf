/**
 * What `byoc-check probe --from-sbc` observed when it connected to a Genesys SIP proxy as the SBC does (a
 * TLS 1.2 client with the SBC's cipher and group settings, trusting the SBC's CA file). Field names are a
 * public contract (the report's `fromSbc` object); rules read these facts, the provider fills them.
 */

/** A certificate as the proxy sent it, in the order sent. */
export interface ReceivedCertificate {
  subject: string;
  issuer: string;
  /** OpenSSL subject and issuer hashes (openssl x509 -subject_hash / -issuer_hash). */
  subjectHash: string;
  issuerHash: string;
  /** Subject common names (for issuer names such as "DigiCert Global Root G2"). */
  issuerCommonNames: string[];
  selfSigned: boolean;
  notBefore: string;
  notAfter: string;
  sha256: string;
  san: string[];
}

export type HandshakeFailure =
  | 'dns'
  | 'refused'
  | 'timeout'
  | 'silent'
  | 'reset'
  | 'closed'
  | 'unreachable'
  | 'not-tls'
  /** The proxy answered with an alert or the client refused to continue (OpenSSL's reason in `message`). */
  | 'tls';

export interface FromSbcHandshake {
  ok: boolean;
  /** Set when !ok. */
  failure?: HandshakeFailure;
  /** OpenSSL's reason or the network's, for a human ("tlsv1 alert protocol version"). */
  message?: string;
  /** The alert the proxy sent, by RFC 8446 name ("protocol_version", "handshake_failure"). */
  alert?: string;
  /** Whether the TCP connection was made (a silent TLS peer vs. a dropped connection). */
  connected: boolean;
  version?: string;
  /** IANA name of the negotiated suite. */
  suite?: string;
  group?: string;
  ms: number;
}

export interface FromSbcTarget {
  /** As written (or expanded from a region): the proxy name the SBC dials, HOST:PORT. */
  name: string;
  host: string;
  port: number;
  /** `--connect-to`: where the connection actually went. */
  connectTo?: string;
  /** The BYOC region of this proxy name, when the name is a known proxy (or the REGION expanded). */
  region?: string;
  /** The SNI sent: the host name. */
  sni: string | null;
  handshake: FromSbcHandshake;
  /** The Certificate message as received (empty when the handshake gave none). */
  chain: ReceivedCertificate[];
  /** OpenSSL's verification of that chain against the CA file; null when no certificate was received. */
  verify: { ok: boolean; code?: string; message?: string } | null;
  /** Path building against the CA file: the anchor reached, or the issuer that neither the proxy nor the file holds. */
  path: {
    anchor?: { subject: string; subjectHash: string; notAfter: string };
    missingIssuer?: { subject: string; hash: string; commonNames: string[] };
  } | null;
  /** Hostname verification as node:tls checkServerIdentity does it (RFC 6125); null when no certificate. */
  identity: { ok: boolean; message?: string } | null;
}

export interface FromSbcFacts {
  now: Date;
  warnDays: number;
  /** The SBC's CA file (--ca): what it trusts. */
  ca: { file: string; certificates: Array<{ subject: string; subjectHash: string; notAfter: string }> };
  /** The SBC's client settings as given (--ciphers, --curves), and the OpenSSL cipher string used. */
  settings: { ciphers: string | null; opensslCiphers: string | null; curves: string | null };
  targets: FromSbcTarget[];
}

/** The results' target for one proxy: proxy[lb01.voice.use1.pure.cloud:5061]. */
export const proxyTarget = (t: Pick<FromSbcTarget, 'name'>): string => `proxy[${t.name}]`;

/** No certificate to judge: the handshake failed before one arrived (genesys-tls-handshake says why). */
export const noChain = (t: FromSbcTarget) => ({
  status: 'skip' as const,
  target: proxyTarget(t),
  evidence: { reason: 'no-chain', proxy: t.name },
  message: `${t.name}: no certificate received (the handshake failed: see genesys-tls-handshake), so there is nothing to judge.`,
});
