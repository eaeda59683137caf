/**
 * The live probe: acting as BYOC Cloud's TLS client, offer each BYOC suite, group and TLS version
 * alone (one short TCP connection each, closed at ServerHelloDone, as sslscan does), read the
 * chain and CertificateRequest from the TLS 1.2 flight, and make one full handshake that carries a
 * SIP OPTIONS. Everything runs concurrently under one deadline, so a silent peer costs the timeout once.
 */
import { createHash } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { ProbeAttempt, ProbeCertificate, ProbeFacts, ProbeFault, ProbeVersion } from '../../model/probe.js';
import { decodeCertificate } from '../../x509/certificate.js';
import {
  ALERT_NAMES,
  clientHello,
  GROUP_CODES,
  groupName,
  LEGACY_SUITES,
  TLS13_SUITES,
  type HelloSpec,
  type ServerFlight,
} from './records.js';
import { session, type SessionOutcome } from './session.js';
import { offer, pooled, type Peer, type WireOutcome } from './wire.js';

export interface ProbeSuite {
  iana: string;
  code: number;
  openssl: string;
  keyExchange: 'RSA' | 'ECDHE';
}

export interface ProbeOptions {
  host: string;
  port: number;
  /** The name Genesys dials: SNI and the subject-name target. Defaults to `host` when it is a name. */
  sbcName?: string;
  timeoutS: number;
  /** How long to wait for the SIP answer after the handshake, seconds (default DEFAULT_SIP_WAIT_S, never past the timeout). */
  sipWaitS?: number;
  /** The suites BYOC Cloud offers, in its preference order (passed in: data belongs to the rules). */
  suites: readonly ProbeSuite[];
  /** The one group BYOC Cloud offers for ECDHE. */
  group: string;
  /** IANA names of TLS suites by code point, to name what a server selects. */
  suiteNames: ReadonlyMap<number, string>;
  concurrency?: number;
  userAgent: string;
}

export interface ProbeObservation {
  facts: ProbeFacts;
  /** The DER certificates as sent (with SNI), for the chain rules. */
  chainDer: Buffer[];
}

/**
 * The SIP answer's wait after the handshake: a busy SBC (one worker, a loaded host) can take seconds to
 * answer OPTIONS; 2 s gave a false "no SIP answer" from a real Kamailio on a loaded machine.
 */
const DEFAULT_SIP_WAIT_S = 4;

/** Groups probed one at a time with the ECDHE suites: BYOC's own, then what SBCs commonly enable instead. */
const PROBED_GROUPS = ['secp384r1', 'x25519', 'secp256r1', 'secp521r1', 'x448'];
/** Modern TLS 1.2 suites added to the TLS 1.2 version probe, so a server with an ECDSA key still shows TLS 1.2. */
const TLS12_EXTRA = [0xc02c, 0xc02b, 0xc024, 0xc023, 0xcca9, 0xcca8, 0x009f, 0x009e];

interface Offer {
  kind: ProbeAttempt['kind'];
  label: string;
  spec: HelloSpec;
}

function describeKey(der: Buffer): ProbeCertificate & { decoded: boolean } {
  try {
    const c = decodeCertificate(der);
    const key = c.publicKey.curve
      ? `${c.publicKey.type} ${c.publicKey.curve}`
      : `${c.publicKey.type}${c.publicKey.bits ? ` ${c.publicKey.bits}` : ''}`;
    return { subject: c.subject, issuer: c.issuer, sha256: c.sha256, key, decoded: true };
  } catch {
    return {
      subject: '(undecodable)',
      issuer: '(undecodable)',
      sha256: createHash('sha256').update(der).digest('hex'),
      key: 'unknown',
      decoded: false,
    };
  }
}

function resultOf(outcome: WireOutcome): Pick<ProbeAttempt, 'result' | 'alert'> {
  switch (outcome.kind) {
    case 'flight': {
      const f = outcome.flight;
      if (f.version && f.suite !== undefined) return { result: 'accepted' };
      if (f.alert) return { result: `alert ${f.alert.description}`, alert: ALERT_NAMES[f.alert.description] ?? 'unknown' };
      return { result: 'closed' };
    }
    case 'timeout':
      return { result: 'timeout' };
    case 'unreachable':
      return { result: 'unreachable' };
    default:
      return { result: outcome.kind };
  }
}

function faultOf(outcome: WireOutcome, where: string, timeoutS: number): ProbeFault | undefined {
  switch (outcome.kind) {
    case 'flight':
      return undefined;
    case 'refused':
      return {
        kind: 'refused',
        message: `Connection refused by ${where}: nothing listens on that port (is the SBC's TLS listener enabled, on this address?).`,
      };
    case 'timeout':
      return outcome.connected
        ? {
            kind: 'silent',
            message: `${where} accepted the TCP connection but did not answer the TLS ClientHello within ${timeoutS} s: not a TLS listener, or one that is stuck.`,
          }
        : {
            kind: 'timeout',
            message: `No TCP answer from ${where} within ${timeoutS} s: a firewall drops the connection, or the address is wrong.`,
          };
    case 'not-tls':
      return {
        kind: 'not-tls',
        message: `${where} answers in plain text, not TLS ("${outcome.preview.slice(0, 40)}"): this port runs another protocol (SIP over TCP?).`,
      };
    case 'reset':
      return { kind: 'reset', message: `${where} reset the connection during the TLS handshake (after ${outcome.bytes} bytes).` };
    case 'closed':
      return { kind: 'closed', message: `${where} closed the connection without answering the TLS ClientHello.` };
    case 'unreachable':
      return { kind: 'unreachable', message: `${where} is unreachable (${outcome.code}).` };
  }
}

export async function resolveTarget(host: string, timeoutS: number): Promise<{ address: string } | { fault: ProbeFault }> {
  if (isIP(host)) return { address: host };
  let timer: NodeJS.Timeout | undefined;
  try {
    const found = await Promise.race([
      lookup(host),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(Object.assign(new Error('timeout'), { code: 'ETIMEOUT' })), timeoutS * 1000);
      }),
    ]);
    return { address: found.address };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    const why = code === 'ENOTFOUND' ? 'no such host' : code === 'ETIMEOUT' ? `no answer within ${timeoutS} s` : code;
    return { fault: { kind: 'dns', message: `DNS lookup of ${host} failed (${why}): Genesys could not find the SBC either.` } };
  } finally {
    clearTimeout(timer);
  }
}

export async function probe(options: ProbeOptions): Promise<ProbeObservation> {
  const started = Date.now();
  const deadline = started + options.timeoutS * 1000;
  const sni = options.sbcName ?? (isIP(options.host) ? undefined : options.host);
  const base = {
    target: { host: options.host, address: '', port: options.port },
    sni: sni ?? null,
    timeoutS: options.timeoutS,
    versions: { TLSv1: false, 'TLSv1.1': false, 'TLSv1.2': false, 'TLSv1.3': false } as Record<ProbeVersion, boolean>,
    suites: Object.fromEntries(options.suites.map((s) => [s.iana, false])),
    groups: Object.fromEntries(PROBED_GROUPS.map((g) => [g, false])),
    negotiated: null,
    chainSent: [] as ProbeCertificate[],
    clientCertificate: 'unknown' as const,
    attempts: [] as ProbeAttempt[],
  };
  const resolved = await resolveTarget(options.host, options.timeoutS);
  if ('fault' in resolved) {
    return {
      facts: {
        ...base,
        ms: Date.now() - started,
        sip: { answered: false, error: 'closed', ms: 0, detail: 'DNS lookup failed' },
        fault: resolved.fault,
      },
      chainDer: [],
    };
  }
  const peer: Peer = { address: resolved.address, port: options.port };
  base.target.address = resolved.address;

  const byocGroup = GROUP_CODES[options.group]!;
  const ecdhe = options.suites.filter((s) => s.keyExchange === 'ECDHE').map((s) => s.code);
  const all = options.suites.map((s) => s.code);
  const offers: Offer[] = [
    {
      kind: 'byoc',
      label: `TLSv1.2, the ${all.length} BYOC suites, ${options.group}${sni ? `, SNI ${sni}` : ''}`,
      spec: { version: 'TLSv1.2', suites: all, groups: [byocGroup], sni },
    },
    ...(sni
      ? [
          {
            kind: 'sni' as const,
            label: `TLSv1.2, the ${all.length} BYOC suites, ${options.group}, no SNI`,
            spec: { version: 'TLSv1.2' as const, suites: all, groups: [byocGroup] },
          },
        ]
      : []),
    ...options.suites.map((s) => ({
      kind: 'suite' as const,
      label: `TLSv1.2 ${s.iana} alone`,
      spec: { version: 'TLSv1.2' as const, suites: [s.code], groups: [byocGroup], sni },
    })),
    ...PROBED_GROUPS.map((g) => ({
      kind: 'group' as const,
      label: `TLSv1.2 ECDHE with ${g} alone`,
      spec: { version: 'TLSv1.2' as const, suites: ecdhe, groups: [GROUP_CODES[g]!], sni },
    })),
    {
      kind: 'version',
      label: 'TLSv1.2 alone',
      spec: { version: 'TLSv1.2', suites: [...all, ...TLS12_EXTRA], groups: [byocGroup, 0x001d, 0x0017], sni },
    },
    {
      kind: 'version',
      label: 'TLSv1.3 alone',
      spec: { version: 'TLSv1.3', suites: TLS13_SUITES, groups: [0x001d, 0x0017, byocGroup], sni },
    },
    {
      kind: 'version',
      label: 'TLSv1.1 alone',
      spec: { version: 'TLSv1.1', suites: LEGACY_SUITES, groups: [0x001d, 0x0017, byocGroup], sni },
    },
    { kind: 'version', label: 'TLSv1 alone', spec: { version: 'TLSv1', suites: LEGACY_SUITES, groups: [0x001d, 0x0017, byocGroup], sni } },
  ];

  // The full handshake (and the SIP wait after it) runs beside the single offers, outside their cap.
  const sessionRun = session(peer, {
    sni,
    uriHost: sni ?? resolved.address,
    ciphers: options.suites.map((s) => s.openssl).join(':'),
    deadline,
    sipWaitMs: Math.min(options.timeoutS, options.sipWaitS ?? DEFAULT_SIP_WAIT_S) * 1000,
    userAgent: options.userAgent,
  });
  const outcomes = await pooled(
    offers.map((o) => async () => {
      const t0 = Date.now();
      if (t0 >= deadline) return { outcome: { kind: 'timeout', connected: false, bytes: 0 } as WireOutcome, ms: 0, tried: false };
      const outcome = await offer(peer, clientHello(o.spec), deadline);
      return { outcome, ms: Date.now() - t0, tried: true };
    }),
    options.concurrency ?? 8,
  );
  const sessionOutcome: SessionOutcome = await sessionRun;

  const flightOf = (o: WireOutcome): ServerFlight | undefined =>
    o.kind === 'flight' && o.flight.version && o.flight.suite !== undefined ? o.flight : undefined;
  const suiteName = (code: number) => options.suiteNames.get(code) ?? `0x${code.toString(16).padStart(4, '0')}`;
  // What the server picked from an offer, as the report names it.
  const selectedOf = (flight: ReturnType<typeof flightOf>) =>
    flight
      ? {
          selected: {
            version: flight.version!,
            suite: suiteName(flight.suite!),
            ...(flight.group !== undefined ? { group: groupName(flight.group) } : {}),
          },
        }
      : {};
  const attempts: ProbeAttempt[] = offers.map((o, i) => {
    const { outcome, ms, tried } = outcomes[i]!;
    const flight = flightOf(outcome);
    return {
      offer: o.label,
      kind: o.kind,
      ...(tried ? resultOf(outcome) : { result: 'not-tried' }),
      ...selectedOf(flight),
      ms,
      ...(!tried
        ? { note: 'the deadline had passed' }
        : outcome.kind === 'not-tls'
          ? { note: `plain text: "${outcome.preview.slice(0, 40)}"` }
          : {}),
    };
  });

  const facts: ProbeFacts = { ...base, ms: 0, sip: { answered: false, error: 'closed', ms: 0 }, attempts };
  offers.forEach((o, i) => {
    const flight = flightOf(outcomes[i]!.outcome);
    if (!flight) return;
    if (o.kind === 'version' && flight.version === o.spec.version) facts.versions[o.spec.version] = true;
    if (o.kind === 'suite' && o.spec.suites.includes(flight.suite!)) facts.suites[suiteName(flight.suite!)] = true;
    if (o.kind === 'group' && flight.group === o.spec.groups[0]) facts.groups[groupName(o.spec.groups[0]!)] = true;
    // A server that answers a BYOC-style offer speaks TLS 1.2 too, whatever the version probe saw.
    if ((o.kind === 'byoc' || o.kind === 'suite') && flight.version === 'TLSv1.2') facts.versions['TLSv1.2'] = true;
  });

  const groupOffers = offers.map((o, i) => ({ o, flight: flightOf(outcomes[i]!.outcome) })).filter((x) => x.o.kind === 'group');
  if (groupOffers.some((x) => x.flight?.suite !== undefined) && !groupOffers.some((x) => x.flight?.group !== undefined))
    facts.keyExchangeUnseen = true;

  // A server without secp384r1 may still enable ECDHE suites with other groups: offer each alone with
  // the groups it accepted, so the suite facts describe its cipher list, and tls-curves judges the group.
  const otherGroups = PROBED_GROUPS.filter((g) => g !== options.group && facts.groups[g]);
  if (!facts.groups[options.group] && otherGroups.length && Date.now() < deadline) {
    const more = options.suites.filter((s) => s.keyExchange === 'ECDHE');
    const extra = await pooled(
      more.map((s) => async () => {
        const t0 = Date.now();
        const outcome = await offer(
          peer,
          clientHello({ version: 'TLSv1.2', suites: [s.code], groups: otherGroups.map((g) => GROUP_CODES[g]!), sni }),
          deadline,
        );
        return { suite: s, outcome, ms: Date.now() - t0 };
      }),
      options.concurrency ?? 8,
    );
    facts.suitesWithOtherGroups = {};
    for (const { suite, outcome, ms } of extra) {
      const flight = flightOf(outcome);
      facts.suitesWithOtherGroups[suite.iana] = !!flight && flight.suite === suite.code;
      attempts.push({
        offer: `TLSv1.2 ${suite.iana} alone, groups ${otherGroups.join(':')}`,
        kind: 'suite',
        ...resultOf(outcome),
        ...selectedOf(flight),
        ms,
      });
    }
  }

  const byoc = flightOf(outcomes[0]!.outcome);
  if (byoc)
    facts.negotiated = {
      version: byoc.version!,
      suite: suiteName(byoc.suite!),
      group: byoc.group !== undefined ? groupName(byoc.group) : null,
    };
  // The chain as sent: from the BYOC-style offer, else from any TLS 1.2 flight that carried one.
  const withChain = [outcomes[0]!, ...outcomes.slice(1)].map((o) => flightOf(o.outcome)).find((f) => f?.certificates?.length);
  const chainDer = withChain?.certificates ?? [];
  facts.chainSent = chainDer.map((der) => {
    const { decoded: _decoded, ...summary } = describeKey(der);
    return summary;
  });
  if (sni) {
    const without = flightOf(outcomes[1]!.outcome)?.certificates;
    if (without && (without.length !== chainDer.length || without.some((der, i) => !der.equals(chainDer[i]!)))) {
      facts.chainWithoutSni = without.map((der) => {
        const { decoded: _decoded, ...summary } = describeKey(der);
        return summary;
      });
    }
  }

  const certificateRequest = withChain?.certificateRequest ?? byoc?.certificateRequest;
  const hs = sessionOutcome.handshake;
  if (hs.ok) facts.clientCertificate = certificateRequest ? 'requested' : 'none';
  else if (certificateRequest && hs.error !== 'timeout') facts.clientCertificate = 'required';
  else facts.clientCertificate = 'unknown';

  facts.attempts.push({
    offer: `full handshake as BYOC Cloud (node:tls, TLSv1.2, BYOC suites, ${options.group}, no client certificate)`,
    kind: 'handshake',
    result: hs.ok ? 'accepted' : hs.alert !== undefined ? `alert ${hs.alert}` : hs.error === 'timeout' ? 'timeout' : 'closed',
    ...(hs.ok
      ? { selected: { version: hs.protocol, suite: hs.suite, ...(hs.group ? { group: hs.group } : {}) } }
      : hs.alert !== undefined
        ? { alert: ALERT_NAMES[hs.alert] ?? 'unknown' }
        : {}),
    ms: hs.ms,
    ...(!hs.ok && hs.error !== 'timeout' ? { note: hs.error } : {}),
  });
  const sip = sessionOutcome.sip;
  if (sip) {
    facts.sip = sip;
    facts.attempts.push({
      offer: 'SIP OPTIONS over the TLS connection',
      kind: 'sip',
      result: sip.answered ? 'accepted' : sip.error,
      ms: sip.ms,
      ...(sip.answered ? { note: sip.statusLine } : sip.detail ? { note: sip.detail } : {}),
    });
  } else {
    facts.sip = { answered: false, error: 'closed', ms: 0, detail: `no TLS session to send OPTIONS on (${hs.ok ? 'closed' : hs.error})` };
  }

  if (!outcomes.some((o) => o.outcome.kind === 'flight')) {
    facts.fault = faultOf(
      outcomes[0]!.outcome,
      `${isIP(resolved.address) === 6 ? `[${resolved.address}]` : resolved.address}:${options.port}`,
      options.timeoutS,
    );
  }
  facts.ms = Date.now() - started;
  return { facts, chainDer };
}
