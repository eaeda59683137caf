/** What a command may touch of the process: its streams, environment and working directory (tests pass their own). */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  readStdin(): Promise<Buffer>;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  env: Record<string, string | undefined>;
  /** The working directory: `scan` paths are relative to it, reports show file paths relative to it. */
  cwd: string;
}
