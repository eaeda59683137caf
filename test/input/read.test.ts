/** Every input is read with one cap, whatever kind of file it is: /dev/zero, a FIFO, stdin, a big file. */
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { isInputError } from '../../src/errors.js';
import { MAX_INPUT_BYTES, readCapped, readStreamCapped } from '../../src/input/read.js';
import { fixtures } from '../helpers/fixtures.js';
import { writeFiles } from '../helpers/pki.js';
import { BIN, cli } from '../helpers/run.js';

const ENDLESS = /goes on past 64 MiB \(a device or an endless stream\?\); a certificate chain is a few KiB \(limit 64 MiB\)/;

function expectOneLine(run: { status: number | null; stderr: string; stdout: string }, message: RegExp) {
  expect(run.status).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(run.stderr).toMatch(message);
}

describe('readCapped', () => {
  test('/dev/zero stops at the cap with one clear error', () => {
    expect(() => readCapped('/dev/zero', 'chain file')).toThrow(ENDLESS);
  });

  test('a regular file is read whole; a smaller cap refuses it by size', () => {
    const f = writeFiles({ 'a.pem': 'x'.repeat(5000) });
    expect(readCapped(f['a.pem']!, 'chain file')).toHaveLength(5000);
    expect(() => readCapped(f['a.pem']!, 'chain file', 4096)).toThrow(/chain file .*a\.pem is 5 KiB; .*limit 4 KiB/);
  });

  test('a stream past the cap is refused before it is all read', async () => {
    let produced = 0;
    const endless = new Readable({
      read() {
        produced += 65536;
        this.push(Buffer.alloc(65536));
      },
    });
    const error = await readStreamCapped(endless, '<stdin>', 1 << 20).catch((e: unknown) => e);
    expect(isInputError(error)).toBe(true);
    expect((error as Error).message).toMatch(/<stdin> goes on past 1 MiB/);
    expect(produced).toBeLessThan(4 << 20);
    expect(MAX_INPUT_BYTES).toBe(64 * 1024 * 1024);
  });
});

describe('the CLI on endless inputs', () => {
  test.each([
    ['CHAIN /dev/zero', ['/dev/zero'], /chain file \/dev\/zero goes on past/],
    ['hash /dev/zero', ['hash', '/dev/zero'], /file \/dev\/zero goes on past/],
  ])('%s', (_, args, message) => {
    const run = cli(args as string[]);
    expectOneLine(run, message);
  });

  test('--ca /dev/zero', async () => {
    const { files } = await fixtures();
    expectOneLine(cli([files['good.pem']!, '--ca', '/dev/zero', '--offline']), /--ca file \/dev\/zero goes on past/);
  });

  test('stdin from /dev/zero', () => {
    const zero = openSync('/dev/zero', 'r');
    try {
      const r = spawnSync(process.execPath, [BIN, '-'], { stdio: [zero, 'pipe', 'pipe'], encoding: 'utf8', timeout: 20_000 });
      expectOneLine(r, /<stdin> goes on past 64 MiB/);
    } finally {
      closeSync(zero);
    }
  });

  test('a FIFO fed without end', async () => {
    const dir = writeFiles({}).dir;
    const fifo = join(dir, 'endless.fifo');
    execFileSync('mkfifo', [fifo]);
    // A writer that never stops: `yes` into the FIFO, ended by its pid afterwards.
    const writer = spawn('sh', ['-c', `exec yes > '${fifo}'`], { stdio: 'ignore' });
    try {
      const run = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [BIN, fifo], { env: { ...process.env, NO_COLOR: '1' } });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d) => (stdout += d));
        child.stderr.on('data', (d) => (stderr += d));
        child.on('close', (status) => resolve({ status, stdout, stderr }));
      });
      expectOneLine(run, /chain file .*endless\.fifo goes on past 64 MiB/);
    } finally {
      writer.kill();
    }
  });
});
