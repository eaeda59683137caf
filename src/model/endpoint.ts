/**
 * TLS endpoints: one TLS context of the SBC in one role, as a provider (CLI flags, a trunk profile, an
 * SBC configuration reader, the live probe) found it. Every value carries where it came from, so a
 * finding can name the file, line and key as the user wrote them; rules never know which provider ran.
 */
import type { SourceLocation } from './location.js';

export type TlsVersion = '1.0' | '1.1' | '1.2' | '1.3';
export type TlsRole = 'server' | 'client';

export type SbcFormat = 'flags' | 'kamailio' | 'opensips' | 'freeswitch' | 'asterisk' | 'audiocodes' | 'probe';

/** Where a value came from. */
export type Provenance =
  /** A line of a configuration file (or the trunk profile); `key` as written there. */
  | { kind: 'file'; file: string; line: number; key: string }
  /** The product's documented default, e.g. "Kamailio compiled default for a tls.cfg domain without `method`: TLSv1+". */
  | { kind: 'default'; text: string }
  /** A command-line flag, e.g. `--ciphers`. */
  | { kind: 'flag'; flag: string }
  /** Observed on the wire by the live probe. */
  | { kind: 'probe'; text: string }
  /** A property of the org's Genesys Cloud trunk settings, e.g. `genesys: trunk "X" properties.trunk_media_srtpCipherSuites`. */
  | { kind: 'api'; text: string };

/** A value and its provenance. `raw` is the value as written, when the value is a translation of it. */
export interface Sourced<T> {
  value: T;
  from: Provenance;
  raw?: string;
}

/**
 * How to write a setting in the product's own syntax, for fixes: `cipher_list = X` in a Kamailio
 * tls.cfg, `cipher=a,b` in pjsip.conf, `--ciphers 'X'` for flags. Each provider supplies its own.
 */
export interface ProductSyntax {
  /** `value` is an OpenSSL cipher string (`:`-separated); products with other list syntaxes convert it. */
  ciphers(value: string): string;
  /** The setting that allows TLS 1.2 (and drops 1.0/1.1) on this endpoint. */
  allowTls12(): string;
  /** The setting for the ECDHE group list; absent when the product has none. */
  curves?(value: string): string;
  /** The setting that stops the endpoint from asking for (or requiring) a client certificate. */
  noClientCertificate(): string;
  /** The setting that makes a client-role endpoint verify the server's certificate. */
  verifyPeer(): string;
  /** The setting that names the CA file the endpoint trusts. */
  caList(path: string): string;
}

/** One TLS context of the SBC in one role, with every value's provenance. Absent = not set and no default known. */
export interface TlsEndpointSettings {
  /** Report id, assigned by the gatherer: `endpoint[2]`, or `settings.server` for flags. */
  id: string;
  format: SbcFormat;
  /** Where the endpoint is declared (the section header, the transport, the profile). */
  declared?: SourceLocation;
  /** The endpoint's name as written: `server:default`, `transport-tls`, `TLSContexts 0 "default"`. */
  name: string;
  role: TlsRole;
  /** Server role: the TLS listener Genesys connects to. */
  listen?: Sourced<{ host?: string; port: number }>;
  /** The certificate file the endpoint sends (path as written, resolved by the gatherer). */
  certificate?: Sourced<string>;
  /** Files the product falls back to when `certificate` is absent (FreeSWITCH tls.pem). */
  certificateFallbacks?: string[];
  privateKey?: Sourced<string>;
  caList?: Sourced<string>;
  caPath?: Sourced<string>;
  /** The TLS versions the endpoint enables, after the product's own semantics (`TLSv1.2` exact vs `TLSv1.2+`). */
  versions?: Sourced<TlsVersion[]>;
  /** The TLS 1.2 (and older) cipher list as an OpenSSL cipher string. */
  ciphers?: Sourced<string>;
  /** TLS 1.3 suites, when the product sets them separately. */
  tls13Suites?: Sourced<string>;
  /** The ECDHE group list as OpenSSL parses it (`secp384r1:X25519`); absent = OpenSSL's default groups. */
  curves?: Sourced<string>;
  /** Server role: the handshake fails without a client certificate. */
  requireClientCert?: Sourced<boolean>;
  /** Server role: the SBC asks for a client certificate (CertificateRequest), required or not. */
  requestClientCert?: Sourced<boolean>;
  /** Client role: the SBC verifies the server's certificate. */
  verifyPeer?: Sourced<boolean>;
  /** SNI / server name the domain is selected by or sends. */
  serverName?: Sourced<string>;
  /**
   * Set when the SBC loads this context at start-up but no connection uses it (a Kamailio
   * [server:default] when every listener has its own domain): why. Only whether it loads is judged.
   */
  unused?: string;
  syntax: ProductSyntax;
}

/** What a configuration says the SBC would refuse to load, found while reading (config-valid judges it). */
export interface ConfigProblem {
  code:
    | 'unknown-option'
    | 'invalid-value'
    | 'unknown-method'
    | 'no-listener'
    | 'missing-file'
    | 'syntax'
    | 'unresolved-variable'
    /** The SBC runs but opens no TLS listener: Genesys cannot connect at all. */
    | 'no-tls'
    | 'other';
  message: string;
  location: SourceLocation;
  /** The fix in the product's syntax. */
  fix?: string;
  /** The endpoint name it concerns, when one. */
  endpoint?: string;
  /** `no-tls`: why, in the product's terms (the message is this after the common statement). */
  why?: string;
}

/**
 * The SBC opens no TLS listener at all: Genesys cannot connect. `why` in the product's terms, `fix` in
 * its syntax; `why` is kept apart so the scan can restate it when another file of the SBC serves TLS.
 */
export function noTlsProblem(why: string, location: SourceLocation, fix: string): ConfigProblem {
  return { code: 'no-tls', message: `The SBC does not listen for TLS, so Genesys cannot connect: ${why}`, why, location, fix };
}

export function sourced<T>(value: T, from: Provenance, raw?: string): Sourced<T> {
  return raw === undefined ? { value, from } : { value, from, raw };
}

/** The location of a value that came from a file; undefined for flags, defaults and probes. */
export function locationOf(value: Sourced<unknown> | undefined): SourceLocation | undefined {
  const from = value?.from;
  return from?.kind === 'file' ? { file: from.file, line: from.line, key: from.key } : undefined;
}

/** The value as the user wrote it, for messages. */
export function written(value: Sourced<unknown>): string {
  return value.raw ?? (Array.isArray(value.value) ? value.value.join(',') : String(value.value));
}

/** "As TLS server (Genesys dials the SBC)", plus the endpoint's name when it came from a configuration. */
export function endpointLabel(endpoint: Pick<TlsEndpointSettings, 'role' | 'format' | 'name'>): string {
  const role = endpoint.role === 'server' ? 'As TLS server (Genesys dials the SBC)' : 'As TLS client (the SBC dials Genesys)';
  return endpoint.format === 'flags' ? role : `${role}, ${endpoint.name}`;
}

/** A value for a message: `"HIGH:!kRSA"` (a flag), `cipher_list = "HIGH" (kamailio/tls.cfg:14)`, `"TLSv1+" (Kamailio default ...)`. */
export function quoteValue(value: Sourced<unknown>): string {
  // A string that differs from what was written ($${var}, a #!define) shows both.
  const text =
    typeof value.value === 'string' && value.raw !== undefined && value.raw !== value.value
      ? `"${value.value}" (written "${value.raw}")`
      : `"${written(value)}"`;
  const from = value.from;
  if (from.kind === 'file') return `${from.key} = ${text} (${from.file}:${from.line})`;
  if (from.kind === 'default') return `${text} (${from.text})`;
  if (from.kind === 'probe') return `${text} (observed)`;
  if (from.kind === 'api') return `${text} (${from.text})`;
  return text;
}
