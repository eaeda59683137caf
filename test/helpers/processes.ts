/** Small loopback and child-process steps shared by the suites that start real peers (Kamailio). */
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { connect as netConnect, createServer } from 'node:net';

/** A free TCP port on 127.0.0.1 (bound, read, released). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

/** True when 127.0.0.1:port accepts a TCP connection within 500 ms. */
export function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = netConnect({ host: '127.0.0.1', port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * True once `pid` has forked a child (Linux's /proc). Kamailio binds every listener before it forks its
 * workers, so a forked Kamailio whose TLS port refuses TCP has no TLS listener at all.
 */
export function hasForked(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim() !== '';
  } catch {
    return false;
  }
}

/** SIGTERM, then SIGKILL after 3 s; resolves when the child has exited. */
export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
  await gone;
  clearTimeout(timer);
}
