/**
 * Bounds on what a configuration can make a reader build. Hostile files (a pull request) can nest
 * defines or variables so that each doubles the last: without a cap 40 lines ask for a terabyte.
 * No real SBC value comes near these sizes; a value over the cap is noted and left unexpanded.
 */
/** The longest value a `#!define` or `$${var}` may expand to. */
export const MAX_EXPANDED_VALUE = 64 * 1024;
/**
 * Includes a reader follows from one entry file (OpenSIPS include_file, FreeSWITCH X-PRE-PROCESS include):
 * a file included from many places counts each time. Real configurations include tens of files; past
 * either cap the rest is not read and a note says so. The nesting depth is each product's own limit.
 */
export const MAX_INCLUDED_FILES = 512;
/** The text those includes may add up to, counted the same way. */
export const MAX_INCLUDED_BYTES = 32 * 1024 * 1024;
