/**
 * What reaches the terminal: control characters from arguments, file names, PEM labels and
 * certificate names are escaped (one line per error), and a closed or full stdout is no crash.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { main, type Io } from '../../src/cli/main.js';
import { printable } from '../../src/util/text.js';
import { name, selfSigned, stringValue, toPem, UTF8 } from '../helpers/craft.js';
import { fixtures } from '../helpers/fixtures.js';
import { writeFiles } from '../helpers/pki.js';
import { BIN, cli } from '../helpers/run.js';

// Anything a terminal acts on: C0 (but the newline ending a line), DEL, C1, bidi controls.
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('printable', () => {
  test.each([
    ['a\nb', 'a\\nb'],
    ['\x1b[31mred', '\\x1b[31mred'],
    ['tab\there', 'tab\\there'],
    ['bell\x07 del\x7f c1\u009b', 'bell\\x07 del\\x7f c1\\x9b'],
    ['rtl\u202eevil', 'rtl\\u202eevil'],
    ['plain é ü 日本', 'plain é ü 日本'],
  ])('%j', (input, expected) => {
    expect(printable(input)).toBe(expected);
  });
});

function memoryIo(): Io & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout(t: string) {
      io.out += t;
    },
    stderr(t: string) {
      io.err += t;
    },
    readStdin: async () => Buffer.alloc(0),
    stdoutIsTTY: false,
    stderrIsTTY: false,
    env: {},
    cwd: process.cwd(),
  };
  return io;
}

describe('errors quoting user text stay one escaped line', () => {
  let files: Record<string, string>;
  let f: Record<string, string>;
  beforeAll(async () => {
    files = (await fixtures()).files;
    f = writeFiles({
      'label.pem': '-----BEGIN \x1b]0;owned\x07X-----\nAAAA\n-----END \x1b]0;owned\x07X-----\n',
      'bad\x1b[2Jname.pem': 'nothing here',
    });
  });

  const cases: Array<[string, () => string[], RegExp]> = [
    [
      'a newline and an escape in --sbc',
      () => [files['good.pem']!, '--offline', '--sbc', 'sbc1.example.com\n\x1b[31mfake line'],
      /--sbc "sbc1\.example\.com\\n\\x1b\[31mfake line"/,
    ],
    ['an escape sequence in a PEM label', () => [f['label.pem']!], /found: \\x1b\]0;owned\\x07X/],
    ['an escape sequence in a file name', () => [f['bad\x1b[2Jname.pem']!], /bad\\x1b\[2Jname\.pem/],
    ['a control character in an unknown rule id', () => ['explain', 'root\x1b[8m'], /no rule "root\\x1b\[8m"/],
    [
      'a newline in --uri',
      () => [files['good.pem']!, '--offline', '--uri', 'sip:+1@lb01.voice.use1.pure.cloud\n;transport=tls'],
      /--uri: invalid SIP URI "sip:\+1@lb01\.voice\.use1\.pure\.cloud\\n;transport=tls"/,
    ],
    ['an escape in an unknown option', () => [files['good.pem']!, '--cipher\x1b[5m'], /unknown option --cipher\\x1b\[5m/],
  ];

  test.each(cases)('%s', (_, args, message) => {
    const run = cli(args());
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.endsWith('\n')).toBe(true);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).not.toMatch(RAW_CONTROL);
  });

  test('in-process too: main() escapes before io.stderr', async () => {
    const io = memoryIo();
    expect(await main(['explain', 'x\ny\x1b'], io)).toBe(2);
    expect(io.err).toBe('byoc-check: no rule "x\\ny\\x1b"; `byoc-check rules` lists them\n');
  });
});

describe('the text report escapes what comes from the certificate and the arguments', () => {
  test('a subject with an escape sequence, a newline and a bidi override', () => {
    const evil = 'sbc1.example.com\n\x1b[32m✔ pass all good\u202e';
    const der = selfSigned(name([[['CN', stringValue(UTF8, evil)]]]));
    const f = writeFiles({ 'evil\x1b[1m.pem': toPem(der) });
    const run = cli([f['evil\x1b[1m.pem']!, '--ca', f['evil\x1b[1m.pem']!, '--offline', '--sbc', 'sbc1.example.com']);
    expect(run.status).not.toBe(2);
    expect(run.stdout).toContain('sbc1.example.com\\n\\x1b[32m✔ pass all good\\u202e');
    expect(run.stdout).toContain('evil\\x1b[1m.pem');
    expect(run.stdout).not.toMatch(RAW_CONTROL);
    expect(run.stderr).not.toMatch(RAW_CONTROL);
  });
});

describe('standard output closed or full', () => {
  test('a reader that goes away (EPIPE) ends quietly, with no stack trace', async () => {
    const { files } = await fixtures();
    // `rules --format json` and a JSON report are far larger than what a pipe buffers at once.
    for (const args of [
      ['rules', '--format', 'json'],
      ['cas', '--format', 'json'],
      [files['good.pem']!, '--offline', '--format', 'json', '--ca', files['root.pem']!],
    ]) {
      const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [BIN, ...args]);
        child.stdout.destroy();
        let stderr = '';
        child.stderr.on('data', (d) => (stderr += d));
        child.on('close', (code) => resolve({ code, stderr }));
      });
      expect(result.stderr).toBe('');
      expect(result.code).not.toBe(2);
    }
  });

  test('`| head -c1` in a shell', async () => {
    const { files } = await fixtures();
    const r = spawnSync(
      'sh',
      [
        '-c',
        `"${process.execPath}" "${BIN}" rules --format json | head -c1; "${process.execPath}" "${BIN}" "${files['good.pem']}" --offline --format json | head -c1`,
      ],
      { encoding: 'utf8' },
    );
    expect(r.stdout).toBe('{{');
    expect(r.stderr).toBe('');
  });

  test('a reader slower than the report: each piece waits for the pipe, none is queued in memory', async () => {
    const { files } = await fixtures();
    const good = readFileSync(files['good.pem']!, 'utf8');
    // 150 lone certificate files are 150 trunks: a JSON report of several MB, far more than a pipe holds.
    const repo = writeFiles(Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`sbc${i}.pem`, good])));
    // Preloaded into the CLI: the most output node ever held queued, written to fd 3 at exit.
    const spy = writeFiles({
      'spy.cjs':
        "let most = 0; const w = process.stdout.write.bind(process.stdout); process.stdout.write = (...a) => { const r = w(...a); most = Math.max(most, process.stdout.writableLength); return r; }; process.on('exit', () => require('fs').writeSync(3, String(most)));",
    });
    const result = await new Promise<{ bytes: number; most: number; code: number | null }>((resolve) => {
      const child = spawn(process.execPath, ['--require', spy['spy.cjs']!, BIN, 'scan', repo.dir, '--offline', '--format', 'json'], {
        stdio: ['ignore', 'pipe', 'ignore', 'pipe'],
      });
      let bytes = 0;
      let most = '';
      child.stdout!.pause();
      // The reader looks away for a while, then reads everything.
      setTimeout(() => child.stdout!.on('data', (d: Buffer) => (bytes += d.length)).resume(), 300);
      child.stdio[3]!.on('data', (d) => (most += d));
      child.on('close', (code) => resolve({ bytes, most: Number(most), code }));
    });
    expect(result.code).toBe(1);
    expect(result.bytes).toBeGreaterThan(2_000_000);
    expect(result.most).toBeLessThan(256 * 1024);
  });

  test('a full disk (/dev/full) is one line and exit 2', () => {
    const full = openSync('/dev/full', 'w');
    try {
      for (const args of [['rules'], ['cas', '--format', 'json']]) {
        const r = spawnSync(process.execPath, [BIN, ...args], { stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
        expect(r.status).toBe(2);
        expect(r.stderr).toBe('byoc-check: cannot write to standard output (ENOSPC)\n');
      }
    } finally {
      closeSync(full);
    }
  });
});
