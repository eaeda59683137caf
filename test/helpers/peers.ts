/**
 * Real peers on 127.0.0.1 for the live probe: `openssl s_server` with a given configuration,
 * Kamailio with a TLS listener that answers OPTIONS, and misbehaving TCP listeners. Ports are
 * always free ports chosen by the kernel; nothing assumes 5061.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Peer {
  port: number;
  close(): Promise<void>;
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** `openssl s_server` on a free port; resolves once it prints its ACCEPT line. stdin stays open (EOF stops it). */
export function sServer(args: string[]): Promise<Peer> {
  return new Promise((resolve, reject) => {
    const child = spawn('openssl', ['s_server', '-accept', '127.0.0.1:0', '-naccept', '1000', ...args], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`s_server did not start: ${out}`)), 30_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /ACCEPT 127\.0\.0\.1:(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        child.stdout!.resume();
        resolve({ port: Number(m[1]), close: () => stop(child) });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`s_server exited (${code}): ${out}`));
    });
  });
}

/** A TCP peer of our own making, which knows how many connections were open as it accepted each one. */
export interface CountingPeer extends Peer {
  /** For each accepted connection in turn, how many earlier ones were still open. */
  openAtAccept(): number[];
}

function listen(onConnection: (socket: Socket) => void): Promise<CountingPeer> {
  const sockets = new Set<Socket>();
  const openAtAccept: number[] = [];
  const server: Server = createServer((socket) => {
    openAtAccept.push(sockets.size);
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
    onConnection(socket);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({
        port: (server.address() as AddressInfo).port,
        openAtAccept: () => [...openAtAccept],
        close: () =>
          new Promise<void>((done) => {
            for (const s of sockets) s.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}

/** Accepts TCP connections and never sends a byte. */
export const silentListener = () => listen(() => {});
/** A plain-text speaker: an SSH-like banner on connect. */
export const plainTextSpeaker = () => listen((socket) => socket.write('SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n'));
/** Resets every connection as soon as the ClientHello arrives. */
export const resetter = () => listen((socket) => socket.once('data', () => socket.resetAndDestroy()));

/**
 * A TLS 1.2 server whose Certificate message carries bytes no X.509 parser accepts: it answers any
 * ClientHello with ServerHello (ECDHE-RSA-AES256-GCM-SHA384), Certificate and ServerHelloDone.
 */
export const brokenCertificateServer = () =>
  listen((socket) =>
    socket.once('data', () => {
      const u24 = (n: number) => Buffer.from([(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff]);
      const handshake = (type: number, body: Buffer) => Buffer.concat([Buffer.from([type]), u24(body.length), body]);
      // extended_master_secret and renegotiation_info, as OpenSSL servers send them
      const extensions = Buffer.from([0x00, 0x17, 0x00, 0x00, 0xff, 0x01, 0x00, 0x01, 0x00]);
      const serverHello = Buffer.concat([
        Buffer.from([0x03, 0x03]),
        Buffer.alloc(32, 0x42),
        Buffer.from([0x00, 0xc0, 0x30, 0x00]),
        Buffer.from([0x00, extensions.length]),
        extensions,
      ]);
      const junk = Buffer.from('3082000a0201000205deadbeef00', 'hex'); // a DER SEQUENCE that is no certificate
      const certificate = Buffer.concat([u24(junk.length + 3), u24(junk.length), junk]);
      const flight = Buffer.concat([handshake(2, serverHello), handshake(11, certificate), handshake(14, Buffer.alloc(0))]);
      socket.write(Buffer.concat([Buffer.from([0x16, 0x03, 0x03, flight.length >> 8, flight.length & 0xff]), flight]));
    }),
  );

/** A port nothing listens on (bound by the kernel, then released). */
export async function refusedPort(): Promise<number> {
  const peer = await listen(() => {});
  await peer.close();
  return peer.port;
}

export const hasKamailio = spawnSync('kamailio', ['-v'], { stdio: 'ignore' }).status === 0;

/** Kamailio with a TLS listener on a free port whose request route answers OPTIONS with 200. */
export async function kamailio(files: { chain: string; key: string }, tls: { method?: string; ciphers?: string } = {}): Promise<Peer> {
  const port = await refusedPort();
  const dir = mkdtempSync(join(tmpdir(), 'byoc-kamailio-'));
  writeFileSync(
    join(dir, 'tls.cfg'),
    [
      '[server:default]',
      `method = ${tls.method ?? 'TLSv1.2+'}`,
      'verify_certificate = no',
      'require_certificate = no',
      `private_key = ${files.key}`,
      `certificate = ${files.chain}`,
      ...(tls.ciphers ? [`cipher_list = ${tls.ciphers}`] : []),
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'kamailio.cfg'),
    [
      '#!KAMAILIO',
      'debug=1',
      'log_stderror=yes',
      'fork=yes',
      'children=2',
      'tcp_children=2',
      'enable_tls=yes',
      'auto_aliases=no',
      `listen=tls:127.0.0.1:${port}`,
      'mpath="/usr/lib/x86_64-linux-gnu/kamailio/modules/:/usr/lib/kamailio/modules/"',
      'loadmodule "tls.so"',
      'loadmodule "sl.so"',
      'loadmodule "maxfwd.so"',
      `modparam("tls", "config", "${join(dir, 'tls.cfg')}")`,
      'request_route {',
      '  if (!mf_process_maxfwd_header("10")) { sl_send_reply("483", "Too Many Hops"); exit; }',
      '  if (method=="OPTIONS") { sl_send_reply("200", "OK"); exit; }',
      '  sl_send_reply("403", "Forbidden");',
      '}',
      '',
    ].join('\n'),
  );
  const child = spawn('kamailio', ['-f', join(dir, 'kamailio.cfg'), '-DD', '-E', '-Y', dir, '-P', join(dir, 'kamailio.pid')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  child.stderr!.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)));
  // Ready when the TLS port accepts connections.
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`kamailio exited: ${log}`);
    if (await canConnect(port)) break;
    if (Date.now() - started > 30_000) {
      await stop(child);
      throw new Error(`kamailio did not listen on ${port}: ${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { port, close: () => stop(child) };
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect({ host: '127.0.0.1', port });
    s.on('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.on('error', () => resolve(false));
  });
}
