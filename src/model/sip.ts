export interface UriParam {
  name: string;
  value?: string;
  /** Offsets of `;name=value` in the original text, for marking it. */
  start: number;
  end: number;
}

export type HostType = 'hostname' | 'ipv4' | 'ipv6';

/** A SIP or SIPS URI (RFC 3261 section 19.1), with the offsets of each part in `raw`. */
export interface SipUri {
  raw: string;
  scheme: 'sip' | 'sips';
  /** The user part, unescaped, without its telephone-subscriber parameters. */
  user?: string;
  /** Parameters inside the user part (RFC 4904 tgrp, trunk-context, ...). */
  userParams: UriParam[];
  password?: string;
  host: string;
  hostType: HostType;
  port?: number;
  params: UriParam[];
  headers: Array<{ name: string; value: string }>;
  hostStart: number;
  hostEnd: number;
}

export interface UriInput {
  index: number;
  uri: SipUri;
  /** The Genesys region when the host is a known BYOC Cloud proxy. */
  byocRegion?: string;
}

/** A host Genesys dials and checks the SBC certificate against. */
export interface SbcEndpoint {
  index: number;
  raw: string;
  host: string;
  hostType: HostType;
  port?: number;
  /** 'sbc' from --sbc (a --uri names a Genesys proxy, never the SBC). */
  origin: 'sbc';
  /** Where the name came from when not typed by the user: `genesys: trunk "X" properties.trunk_transport_serverProxyList[0]`. */
  source?: string;
}

/** A name Genesys dials, as given: typed (`--sbc`, `sbc:`) or read from the org's trunk settings (with its source). */
export type SbcInput = string | { raw: string; source: string };

/** The tgrp the org's trunk expects the SBC to send: its Inbound SIP Termination Identifier. */
export interface ExpectedTgrp {
  value: string;
  trunk: string;
  source: string;
}

export interface SipFacts {
  uris: UriInput[];
  sbcs: SbcEndpoint[];
  /** --region, when given. */
  region?: string;
  /** Known from the org (`scan --genesys`): uri-params holds every URI to it. */
  tgrp?: ExpectedTgrp;
}
