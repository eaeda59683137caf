import { main } from './cli/main.js';
import { readProcessStdin } from './input/certificates.js';

// Standard output may be a pipe whose reader left (`byoc-check ... | head -c1`: EPIPE) or a full
// disk (`>/dev/full`: ENOSPC). The first is the reader's choice: stop quietly. Anything else is
// one line on stderr and exit 2, never Node's unhandled-error stack trace.
let writeFailed = false;
let writeErrorReported = false;
function onStdoutError(error: NodeJS.ErrnoException): void {
  if (writeFailed) return;
  writeFailed = true;
  if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') return;
  writeErrorReported = true;
  process.exitCode = 2;
  try {
    process.stderr.write(`byoc-check: cannot write to standard output (${error.code ?? error.message})\n`);
  } catch {
    // stderr is gone too: the exit code says it.
  }
}
process.stdout.on('error', onStdoutError);
process.stderr.on('error', () => {});

// A pipe whose reader is slower than the report (`scan | jq`): node would queue every piece in memory
// (a 1,000-trunk JSON report is 44 MB), so the next piece waits until the pipe drains (or fails).
function writeStdout(text: string): void | Promise<void> {
  if (writeFailed) return;
  try {
    if (process.stdout.write(text)) return;
  } catch (error) {
    onStdoutError(error as NodeJS.ErrnoException);
    return;
  }
  return new Promise((resolve) => {
    const done = () => {
      process.stdout.off('drain', done).off('error', done).off('close', done);
      resolve();
    };
    process.stdout.on('drain', done).on('error', done).on('close', done);
  });
}

void main(process.argv.slice(2), {
  stdout: writeStdout,
  stderr: (text) => {
    try {
      process.stderr.write(text);
    } catch {
      // Nowhere left to say it.
    }
  },
  readStdin: readProcessStdin,
  stdoutIsTTY: process.stdout.isTTY === true,
  stderrIsTTY: process.stderr.isTTY === true,
  env: process.env,
  cwd: process.cwd(),
}).then((code) => {
  process.exitCode = writeErrorReported ? 2 : code;
});
