/** A problem with what the user gave us: one line on stderr, exit code 2. */
export class InputError extends Error {
  override name = 'InputError';
}
