/**
 * One offer on one TCP connection: send a ClientHello, read the server's first flight, close.
 * Every failure mode of the network has its own outcome and none of them can outlive the deadline.
 */
import { connect, type Socket } from 'node:net';
import { readServerFlight, type ServerFlight } from './records.js';

export type WireOutcome =
  | { kind: 'flight'; flight: ServerFlight }
  | { kind: 'timeout'; connected: boolean; bytes: number }
  | { kind: 'refused' }
  | { kind: 'closed'; bytes: number }
  | { kind: 'reset'; bytes: number }
  | { kind: 'unreachable'; code: string }
  | { kind: 'not-tls'; preview: string };

export interface Peer {
  address: string;
  port: number;
}

/** Sends `hello` and resolves with what came back, at the latest at `deadline` (epoch ms). */
export function offer(peer: Peer, hello: Buffer, deadline: number): Promise<WireOutcome> {
  return new Promise((resolve) => {
    let received: Buffer = Buffer.alloc(0);
    let connected = false;
    let done = false;
    const socket: Socket = connect({ host: peer.address, port: peer.port, noDelay: true });
    const finish = (outcome: WireOutcome) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.removeAllListeners('data');
      socket.on('error', () => {});
      socket.destroy();
      resolve(outcome);
    };
    const timer = setTimeout(() => finish({ kind: 'timeout', connected, bytes: received.length }), Math.max(0, deadline - Date.now()));
    socket.on('connect', () => {
      connected = true;
      socket.write(hello);
    });
    socket.on('data', (chunk: Buffer) => {
      received = received.length ? Buffer.concat([received, chunk]) : chunk;
      const flight = readServerFlight(received);
      if (flight.notTls !== undefined && (flight.complete || received.length >= 5)) finish({ kind: 'not-tls', preview: flight.notTls });
      else if (flight.complete) finish({ kind: 'flight', flight });
      else if (received.length > 256 * 1024) finish({ kind: 'flight', flight: { ...flight, complete: true } });
    });
    socket.on('end', () => {
      const flight = readServerFlight(received);
      if (flight.notTls !== undefined) finish({ kind: 'not-tls', preview: flight.notTls });
      else if (flight.version || flight.alert) finish({ kind: 'flight', flight: { ...flight, complete: true } });
      else finish({ kind: 'closed', bytes: received.length });
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNREFUSED') return finish({ kind: 'refused' });
      if (error.code === 'ECONNRESET' || error.code === 'EPIPE') {
        const flight = readServerFlight(received);
        if (flight.notTls !== undefined) return finish({ kind: 'not-tls', preview: flight.notTls });
        if (flight.version || flight.alert) return finish({ kind: 'flight', flight: { ...flight, complete: true } });
        return finish({ kind: 'reset', bytes: received.length });
      }
      finish({ kind: 'unreachable', code: error.code ?? error.message });
    });
  });
}

/** Runs `tasks` with at most `limit` in flight, results in task order. */
export async function pooled<T>(tasks: Array<() => Promise<T>>, limit: number, options: { releaseAfterMs?: number } = {}): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  const running: Array<Promise<void>> = [];
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      const done = tasks[i]!().then((r) => {
        results[i] = r;
      });
      running.push(done);
      if (options.releaseAfterMs === undefined) {
        await done;
        continue;
      }
      // A task still waiting after releaseAfterMs (a silent peer sitting out its timeout) gives its slot to
      // the next one and finishes in the background: one silent target never holds up the others.
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([done, new Promise<void>((resolve) => (timer = setTimeout(resolve, options.releaseAfterMs)))]);
      clearTimeout(timer);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  await Promise.all(running);
  return results;
}
