/**
 * Bounds on what a configuration can make a reader build. Hostile files (a pull request) can nest
 * defines or variables so that each doubles the last: without a cap 40 lines ask for a terabyte.
 * No real SBC value comes near these sizes; a value over the cap is noted and left unexpanded.
 */
/** The longest value a `#!define` or `$${var}` may expand to. */
export const MAX_EXPANDED_VALUE = 64 * 1024;
