/** A problem with what the user gave us: one line on stderr, exit code 2. */
export class InputError extends Error {
  override name = 'InputError';
}

/** By name, not instanceof: lazily loaded chunks carry their own copy of the class. */
export function isInputError(error: unknown): error is InputError {
  return error instanceof Error && error.name === 'InputError';
}
