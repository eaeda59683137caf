/**
 * The one full handshake of the probe, made by Node's TLS stack as BYOC Cloud would make it (TLS 1.2,
 * the eight BYOC suites, secp384r1, no client certificate), then a SIP OPTIONS request over that
 * connection (RFC 3261 11, 18.1.1). It tells whether the handshake completes without a client
 * certificate and whether a SIP stack listens behind the TLS port.
 */
import { randomBytes } from 'node:crypto';
import { connect, type TLSSocket } from 'node:tls';
import type { Peer } from './wire.js';

export interface SessionOptions {
  sni?: string;
  /** The host the OPTIONS Request-URI names (the SBC's name, or its address). */
  uriHost: string;
  ciphers: string;
  /** Epoch ms by which the TLS handshake must be done. */
  deadline: number;
  /** How long to wait for a SIP answer once the handshake is done, in ms. */
  sipWaitMs: number;
  userAgent: string;
}

export type SipOutcome =
  | { answered: true; status: number; reason: string; server?: string; ms: number; statusLine: string }
  | { answered: false; error: 'timeout' | 'closed' | 'not-sip'; ms: number; detail?: string };

export interface SessionOutcome {
  handshake:
    { ok: true; ms: number; protocol: string; suite: string; group?: string } | { ok: false; ms: number; error: string; alert?: number };
  sip?: SipOutcome;
}

/** An OPTIONS request as RFC 3261 wants it: Via with rport and a magic-cookie branch, Max-Forwards, tags. */
export function optionsRequest(
  target: { host: string; port: number },
  local: { address: string; port: number },
  userAgent: string,
): string {
  const id = () => randomBytes(8).toString('hex');
  const hostPart = (h: string) => (h.includes(':') ? `[${h}]` : h);
  const uri = `sip:${hostPart(target.host)}:${target.port};transport=tls`;
  return [
    `OPTIONS ${uri} SIP/2.0`,
    `Via: SIP/2.0/TLS ${hostPart(local.address)}:${local.port};rport;branch=z9hG4bK${id()}`,
    'Max-Forwards: 70',
    `From: <sip:byoc-check@${hostPart(local.address)}>;tag=${id()}`,
    `To: <${uri}>`,
    `Call-ID: ${id()}@byoc-check`,
    'CSeq: 1 OPTIONS',
    `Contact: <sip:byoc-check@${hostPart(local.address)}:${local.port};transport=tls>`,
    'Accept: application/sdp',
    `User-Agent: ${userAgent}`,
    'Content-Length: 0',
    '',
    '',
  ].join('\r\n');
}

/** Header values stay printable and short: they go to a terminal and a support ticket. */
function clean(text: string): string {
  return text
    .replace(/[^\x20-\x7e]+/g, ' ')
    .trim()
    .slice(0, 200);
}

/** A SIP response's status line and Server/User-Agent header; undefined until the header block is complete. */
export function parseSipResponse(
  text: string,
): { status: number; reason: string; server?: string; statusLine: string } | 'not-sip' | undefined {
  const trimmed = text.replace(/^(\r\n)+/, '');
  if (trimmed.length >= 8 && !trimmed.startsWith('SIP/2.0 ')) return 'not-sip';
  if (trimmed.length < 8 && !'SIP/2.0 '.startsWith(trimmed)) return 'not-sip';
  const end = trimmed.indexOf('\r\n\r\n');
  if (end < 0) return trimmed.length > 65536 ? 'not-sip' : undefined;
  const lines = trimmed.slice(0, end).split('\r\n');
  const m = /^SIP\/2\.0 (\d{3}) ?(.*)$/.exec(lines[0]!);
  if (!m) return 'not-sip';
  const header = (name: string) =>
    lines
      .slice(1)
      .find((l) => new RegExp(`^${name}\\s*:`, 'i').test(l))
      ?.replace(/^[^:]*:\s*/, '');
  const server = header('Server') ?? header('User-Agent');
  return {
    status: Number(m[1]),
    reason: clean(m[2]!),
    statusLine: clean(lines[0]!),
    ...(server !== undefined ? { server: clean(server) } : {}),
  };
}

function alertOf(error: Error & { code?: string }): number | undefined {
  const m = /SSL alert number (\d+)/.exec(error.message) ?? /ALERT_(\w+)/.exec(error.code ?? '');
  return m && /^\d+$/.test(m[1]!) ? Number(m[1]) : undefined;
}

export function session(peer: Peer, options: SessionOptions): Promise<SessionOutcome> {
  return new Promise((resolve) => {
    const started = Date.now();
    let outcome: SessionOutcome | undefined;
    let sipStarted = 0;
    let received = '';
    let finished = false;
    const finish = (sip?: SipOutcome) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      socket.removeAllListeners('data');
      socket.on('error', () => {});
      socket.destroy();
      resolve({ ...outcome!, ...(sip ? { sip } : {}) });
    };
    const socket: TLSSocket = connect({
      host: peer.address,
      port: peer.port,
      ...(options.sni ? { servername: options.sni } : {}),
      ciphers: options.ciphers,
      ecdhCurve: 'secp384r1',
      minVersion: 'TLSv1.2',
      maxVersion: 'TLSv1.2',
      rejectUnauthorized: false,
      // Nothing to resume: each probe run is a fresh client, as a new BYOC Cloud connection is.
      session: undefined,
    });
    let timer = setTimeout(
      () => {
        outcome = { handshake: { ok: false, ms: Date.now() - started, error: 'timeout' } };
        finish();
      },
      Math.max(0, options.deadline - Date.now()),
    );
    socket.on('secureConnect', () => {
      const cipher = socket.getCipher();
      const key = socket.getEphemeralKeyInfo() as { name?: string } | null;
      outcome = {
        handshake: {
          ok: true,
          ms: Date.now() - started,
          protocol: socket.getProtocol() ?? cipher.version,
          suite: cipher.standardName,
          ...(key?.name ? { group: key.name } : {}),
        },
      };
      clearTimeout(timer);
      sipStarted = Date.now();
      timer = setTimeout(
        () => finish(outcome?.sip ?? { answered: false, error: 'timeout', ms: Date.now() - sipStarted }),
        options.sipWaitMs,
      );
      socket.write(
        optionsRequest(
          { host: options.uriHost, port: peer.port },
          { address: socket.localAddress ?? '0.0.0.0', port: socket.localPort ?? 0 },
          options.userAgent,
        ),
      );
    });
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      received += chunk;
      const parsed = parseSipResponse(received);
      if (parsed === 'not-sip')
        return finish({ answered: false, error: 'not-sip', ms: Date.now() - sipStarted, detail: clean(received.slice(0, 80)) });
      if (!parsed) return;
      // A provisional answer proves a SIP stack; keep waiting for the final one within the same bound.
      if (parsed.status < 200) {
        received = received.slice(received.indexOf('\r\n\r\n') + 4);
        outcome = { ...outcome!, sip: { answered: true, ...parsed, ms: Date.now() - sipStarted } };
        return;
      }
      finish({ answered: true, ...parsed, ms: Date.now() - sipStarted });
    });
    const closed = (error?: Error & { code?: string }) => {
      if (!outcome) {
        const alert = error ? alertOf(error) : undefined;
        outcome = {
          handshake: {
            ok: false,
            ms: Date.now() - started,
            error: error ? clean(error.message) : 'closed',
            ...(alert !== undefined ? { alert } : {}),
          },
        };
        return finish();
      }
      if (outcome.sip) return finish(outcome.sip);
      finish({ answered: false, error: 'closed', ms: Date.now() - sipStarted, ...(error ? { detail: clean(error.message) } : {}) });
    };
    socket.on('error', closed);
    socket.on('close', () => closed());
  });
}
