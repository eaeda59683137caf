/** What a command may touch of the process: its streams, environment and working directory (tests pass their own). */
export interface Io {
  /** A promise when the reader is behind (a pipe into jq): the next piece waits for it. */
  stdout(text: string): void | Promise<void>;
  stderr(text: string): void;
  readStdin(): Promise<Buffer>;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  env: Record<string, string | undefined>;
  /** The working directory: `scan` paths are relative to it, reports show file paths relative to it. */
  cwd: string;
}
