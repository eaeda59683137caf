/**
 * What the live probe observed on the wire, as the report's `probe` object carries it (field names
 * are a public contract). Rules read it through the check context; the probe fills it.
 */
export type ProbeVersion = 'TLSv1' | 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3';

export interface ProbeCertificate {
  subject: string;
  issuer: string;
  sha256: string;
  /** "RSA 2048", "EC P-384". */
  key: string;
  /** Set when OpenSSL cannot parse the certificate as sent: why (a TLS client aborts the handshake on it). */
  unparseable?: string;
}

export interface ProbeAttempt {
  /** What was offered: "TLSv1.2 TLS_RSA_WITH_AES_256_CBC_SHA", "TLSv1.2 ECDHE group x25519", "SIP OPTIONS". */
  offer: string;
  kind: 'version' | 'suite' | 'group' | 'byoc' | 'sni' | 'handshake' | 'sip';
  /** accepted | alert N | timeout | refused | closed | reset | not-tls | unreachable | not-tried */
  result: string;
  /** The alert's name when `result` is an alert (RFC 8446 6). */
  alert?: string;
  /** What the server selected, when it answered with a ServerHello. */
  selected?: { version?: string; suite?: string; group?: string };
  ms: number;
  note?: string;
}

export type ProbeSip =
  | { answered: true; status: number; reason: string; server?: string; ms: number; statusLine: string }
  | { answered: false; error: 'timeout' | 'closed' | 'not-sip'; ms: number; detail?: string };

/** Why no TLS handshake could be observed at all. */
export interface ProbeFault {
  kind: 'dns' | 'refused' | 'timeout' | 'silent' | 'not-tls' | 'reset' | 'closed' | 'alert' | 'unreachable';
  message: string;
}

export interface ProbeFacts {
  target: { host: string; address: string; port: number };
  /** The name sent as SNI (the name Genesys dials), null when there is none (an IP address without --sbc). */
  sni: string | null;
  timeoutS: number;
  /** Wall time of the whole probe, ms. */
  ms: number;
  versions: Record<ProbeVersion, boolean>;
  /** The eight BYOC suites by IANA name: true when the server selected it offered alone. */
  suites: Record<string, boolean>;
  /**
   * Only when the server refuses secp384r1 but accepts other groups: each BYOC ECDHE suite offered alone
   * with those groups, true when selected. The SBC's cipher list enables them; its group list is the problem.
   */
  suitesWithOtherGroups?: Record<string, boolean>;
  /** Each group offered alone with the BYOC ECDHE suites: true when the server used it. */
  groups: Record<string, boolean>;
  /** The handshake BYOC Cloud would make: its version, suite and group; null when the server refused it. */
  negotiated: { version: string; suite: string; group: string | null } | null;
  /** The Certificate message as sent (order, duplicates, root or not); empty when none was seen. */
  chainSent: ProbeCertificate[];
  /** The chain sent without SNI, when it differs from the one sent with SNI. */
  chainWithoutSni?: ProbeCertificate[];
  /** How the server treats a client without a certificate (BYOC Cloud never sends one). */
  clientCertificate: 'none' | 'requested' | 'required' | 'unknown';
  sip: ProbeSip;
  /** Set when no TLS server answered at all. */
  fault?: ProbeFault;
  /**
   * The server answered the group offers with a ServerHello but never sent its ServerKeyExchange (it
   * could not sign it): which groups it accepts is unknown, and tls-curves does not judge them.
   */
  keyExchangeUnseen?: boolean;
  attempts: ProbeAttempt[];
}
