/**
 * `probe --from-sbc`: connect to a Genesys SIP proxy as the SBC does. A TLS 1.2 client (node:tls, so the
 * machine's OpenSSL) with the SBC's cipher and group settings, trusting only the SBC's CA file, sending the
 * proxy name as SNI. The bytes the proxy sends are tapped on their way in, so the chain is reported exactly
 * as sent (node's own peer chain appends issuers from the trust store). Facts only; rules judge them. Every
 * outcome, a silent peer included, ends by the deadline.
 */
import { X509Certificate } from 'node:crypto';
import { connect as tcpConnect, isIP, type Socket } from 'node:net';
import { Duplex } from 'node:stream';
import { checkServerIdentity, connect as tlsConnect, createSecureContext, type TLSSocket } from 'node:tls';
import { InputError } from '../../errors.js';
import type { CertificateFacts } from '../../model/certificate.js';
import type { FromSbcFacts, FromSbcHandshake, FromSbcTarget, HandshakeFailure, ReceivedCertificate } from '../../model/from-sbc.js';
import { customAnchors } from '../../trust/anchors.js';
import { decodeCertificate } from '../../x509/certificate.js';
import { buildChain } from '../../x509/chain.js';
import { ALERT_NAMES, readServerFlight } from './records.js';
import { resolveTarget } from './handshakes.js';

export interface SbcClientOptions {
  /** The proxy name (SNI, hostname verification). */
  host: string;
  port: number;
  name: string;
  /** `--connect-to`: connect here instead. */
  via?: { address: string; port: number };
  region?: string;
  /** The SBC's CA file, decoded. */
  ca: CertificateFacts[];
  /** OpenSSL cipher string (IANA names already translated) and group list, when the SBC's are given. */
  ciphers?: string;
  curves?: string;
  timeoutS: number;
  /** IANA suite names by OpenSSL name, to report the negotiated suite as Genesys' documents name it. */
  ianaByOpenssl: ReadonlyMap<string, string>;
}

/** The OpenSSL reason inside a node error message: "...:tlsv1 alert protocol version:..." -> "tlsv1 alert protocol version". */
function opensslReason(error: NodeJS.ErrnoException): string {
  const m = /(?:SSL routines|routines)(?::[^:]*)?:([^:\n]+)(?::|$)/.exec(error.message);
  return (m ? m[1]! : error.message).replace(/\s+/g, ' ').trim().slice(0, 200);
}

function received(der: Buffer): ReceivedCertificate | undefined {
  try {
    const c = decodeCertificate(der);
    return {
      subject: c.subject,
      issuer: c.issuer,
      subjectHash: c.subjectHash,
      issuerHash: c.issuerHash,
      issuerCommonNames: issuerCommonNames(der),
      selfSigned: c.subjectCanon === c.issuerCanon,
      notBefore: c.notBefore.toISOString(),
      notAfter: c.notAfter.toISOString(),
      sha256: c.sha256,
      san: c.san.dns,
    };
  } catch {
    return undefined;
  }
}

function issuerCommonNames(der: Buffer): string[] {
  try {
    return new X509Certificate(der).issuer
      .split('\n')
      .filter((l) => l.startsWith('CN='))
      .map((l) => l.slice(3));
  } catch {
    return [];
  }
}

export async function connectAsSbc(o: SbcClientOptions): Promise<FromSbcTarget> {
  const started = Date.now();
  const deadline = started + o.timeoutS * 1000;
  const sni = isIP(o.host) ? null : o.host;
  const base: Omit<FromSbcTarget, 'handshake'> = {
    name: o.name,
    host: o.host,
    port: o.port,
    ...(o.via ? { connectTo: `${o.via.address.includes(':') ? `[${o.via.address}]` : o.via.address}:${o.via.port}` } : {}),
    ...(o.region ? { region: o.region } : {}),
    sni,
    chain: [],
    verify: null,
    path: null,
    identity: null,
  };
  const fail = (failure: HandshakeFailure, message: string, connected: boolean, alert?: string): FromSbcTarget => ({
    ...base,
    handshake: { ok: false, failure, message, connected, ...(alert ? { alert } : {}), ms: Date.now() - started },
  });
  let address = o.via?.address;
  if (!address) {
    const resolved = await resolveTarget(o.host, o.timeoutS);
    if ('fault' in resolved) return fail('dns', resolved.fault.message.replace(/: Genesys could not find the SBC either\.$/, '.'), false);
    address = resolved.address;
  }
  const port = o.via?.port ?? o.port;
  const where = `${o.name}${o.via ? ` (at ${base.connectTo})` : ''}`;

  return new Promise<FromSbcTarget>((resolve) => {
    const tapped: Buffer[] = [];
    let tappedBytes = 0;
    let connected = false;
    let done = false;
    const raw: Socket = tcpConnect({ host: address, port, noDelay: true });
    const bridge = new Duplex({
      read() {},
      write(chunk: Buffer, _encoding, callback) {
        if (raw.destroyed) return callback();
        raw.write(chunk, () => callback());
      },
      final(callback) {
        raw.end();
        callback();
      },
    });
    raw.on('connect', () => (connected = true));
    raw.on('data', (chunk: Buffer) => {
      if (tappedBytes < 512 * 1024) {
        tapped.push(chunk);
        tappedBytes += chunk.length;
      }
      bridge.push(chunk);
    });
    raw.on('end', () => bridge.push(null));
    let tls: TLSSocket | undefined;
    const finish = (result: FromSbcTarget) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      tls?.removeAllListeners();
      tls?.on('error', () => {});
      tls?.destroy();
      raw.on('error', () => {});
      raw.destroy();
      resolve(result);
    };
    /** What the proxy sent before it stopped: its alert, or nothing. */
    const flight = () => readServerFlight(Buffer.concat(tapped));
    const failed = (error: NodeJS.ErrnoException) => {
      const f = flight();
      if (f.notTls !== undefined)
        return finish(fail('not-tls', `${where} answers in plain text, not TLS ("${f.notTls.slice(0, 40)}").`, connected));
      const alert = f.alert ? (ALERT_NAMES[f.alert.description] ?? `alert ${f.alert.description}`) : undefined;
      const code = error.code ?? '';
      if (code === 'ECONNREFUSED') return finish(fail('refused', `Connection refused by ${where}: nothing listens on that port.`, false));
      if (code === 'ECONNRESET' || code === 'EPIPE') {
        if (!alert) return finish(fail('reset', `${where} reset the connection during the TLS handshake.`, connected));
      }
      if (/^E[A-Z]+$/.test(code) && !alert && !code.startsWith('ERR_'))
        return finish(fail('unreachable', `${where} is unreachable (${code}).`, connected));
      const reason = code.startsWith('ERR_SSL') || code.startsWith('ERR_TLS') ? opensslReason(error) : error.message || code;
      finish(fail('tls', reason, connected, alert));
    };
    raw.on('error', (error: NodeJS.ErrnoException) => {
      if (!tls) return;
      failed(error);
    });
    const timer = setTimeout(
      () =>
        finish(
          connected
            ? fail(
                'silent',
                `${where} accepted the TCP connection but did not complete the TLS handshake within ${o.timeoutS} s: not a TLS listener, or one that is stuck.`,
                true,
              )
            : fail(
                'timeout',
                `No TCP answer from ${where} within ${o.timeoutS} s: a firewall drops the connection, or the address is wrong.`,
                false,
              ),
        ),
      Math.max(0, deadline - Date.now()),
    );
    try {
      tls = tlsConnect({
        socket: bridge,
        ...(sni ? { servername: sni } : {}),
        minVersion: 'TLSv1.2',
        maxVersion: 'TLSv1.2',
        ...(o.ciphers ? { ciphers: o.ciphers } : {}),
        ...(o.curves ? { ecdhCurve: o.curves } : {}),
        ca: o.ca
          .map((c) => c.der.toString('base64'))
          .map((b) => `-----BEGIN CERTIFICATE-----\n${b.replace(/(.{64})/g, '$1\n')}\n-----END CERTIFICATE-----\n`),
        rejectUnauthorized: false,
        // hostname verification is a fact of its own, below
        checkServerIdentity: () => undefined,
      });
    } catch (error) {
      return finish(fail('tls', opensslReason(error as NodeJS.ErrnoException), false));
    }
    tls.on('error', failed);
    tls.on('secureConnect', () => {
      const s = tls!;
      const f = flight();
      const ders = f.certificates ?? [];
      const chain = ders.map(received).filter((c): c is ReceivedCertificate => c !== undefined);
      const cipher = s.getCipher();
      const key = s.getEphemeralKeyInfo() as { type?: string; name?: string } | null;
      const handshake: FromSbcHandshake = {
        ok: true,
        connected: true,
        version: s.getProtocol() ?? 'unknown',
        suite: o.ianaByOpenssl.get(cipher.name) ?? cipher.standardName ?? cipher.name,
        ...(key?.name ? { group: key.name } : {}),
        ms: Date.now() - started,
      };
      const peer = s.getPeerCertificate();
      const identityError = peer && Object.keys(peer).length ? checkServerIdentity(o.host, peer) : undefined;
      const verify = s.authorized
        ? { ok: true }
        : {
            ok: false,
            code: String((s.authorizationError as unknown as { code?: string })?.code ?? s.authorizationError),
            message: String(s.authorizationError),
          };
      let path: FromSbcTarget['path'] = null;
      try {
        const decoded = ders.map((d) => decodeCertificate(d));
        if (decoded.length) {
          const built = buildChain(decoded, customAnchors(o.ca));
          const top = built.path.at(-1);
          path = {
            ...(built.complete && top
              ? { anchor: { subject: top.cert.subject, subjectHash: top.cert.subjectHash, notAfter: top.cert.notAfter.toISOString() } }
              : {}),
            ...(built.missingIssuer
              ? {
                  missingIssuer: {
                    ...built.missingIssuer,
                    commonNames: top ? issuerCommonNames(top.cert.der) : [],
                  },
                }
              : {}),
          };
        }
      } catch {
        path = null;
      }
      finish({
        ...base,
        handshake,
        chain,
        verify: ders.length ? verify : null,
        path,
        identity: ders.length ? (identityError ? { ok: false, message: identityError.message } : { ok: true }) : null,
      });
    });
  });
}

/**
 * The SBC's client settings as OpenSSL takes them: IANA names translated as the chain check's --ciphers does,
 * each string tried on a TLS context first, so a setting OpenSSL rejects is a clear input error, not a failed handshake.
 */
export async function clientSettings(flags: { ciphers?: string; curves?: string }): Promise<FromSbcFacts['settings']> {
  const { cipherTerms, toOpenSslTerms } = await import('../../tls/facts.js');
  let opensslCiphers: string | null = null;
  if (flags.ciphers !== undefined) {
    const mapped = toOpenSslTerms(cipherTerms(flags.ciphers));
    if (mapped.terms.length === 0)
      throw new InputError(
        `--ciphers '${flags.ciphers}': only TLS 1.3 suite names, which do not apply to TLS 1.2 (BYOC Cloud speaks TLS 1.2 only)`,
      );
    opensslCiphers = mapped.terms.join(':');
    try {
      createSecureContext({ ciphers: opensslCiphers, minVersion: 'TLSv1.2', maxVersion: 'TLSv1.2' });
    } catch (error) {
      throw new InputError(
        `--ciphers '${flags.ciphers}': OpenSSL rejects it (${(error as Error).message})${mapped.unknownIana.length ? `; unknown names: ${mapped.unknownIana.join(', ')}` : ''}`,
      );
    }
  }
  if (flags.curves !== undefined) {
    try {
      createSecureContext({ ecdhCurve: flags.curves });
    } catch (error) {
      throw new InputError(`--curves '${flags.curves}': OpenSSL rejects the group list (${(error as Error).message})`);
    }
  }
  return { ciphers: flags.ciphers ?? null, opensslCiphers, curves: flags.curves ?? null };
}
