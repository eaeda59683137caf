/**
 * Changed-file selection by set look-ups agrees with the definition it replaced (a file is
 * selected when it is a given path or lies under one), on generated repository paths.
 */
import fc from 'fast-check';
import { changedFileSelector, foldersOf } from '../../src/scan/select.js';

const segment = fc.constantFrom('kamailio', 'tls', 'certs', 'a', 'b', 'trunk0001', 'x.pem', 'tls.cfg');
const path = fc.array(segment, { minLength: 1, maxLength: 4 }).map((s) => s.join('/'));
const byDefinition = (given: string[]) => (file: string) => given.some((p) => p === '.' || file === p || file.startsWith(`${p}/`));

test('selects exactly the files the prefix definition selects', () => {
  fc.assert(
    fc.property(
      fc.array(fc.oneof(path, fc.constant('.')), { maxLength: 6 }),
      fc.array(path, { minLength: 1, maxLength: 20 }),
      (given, files) => {
        const fast = changedFileSelector(given);
        const slow = byDefinition(given);
        for (const file of files) expect(fast(file)).toBe(slow(file));
      },
    ),
    { numRuns: 500 },
  );
});

test('a folder selects what is under it, not a sibling that shares its prefix', () => {
  const selected = changedFileSelector(['kamailio/tls']);
  expect(selected('kamailio/tls/chain.pem')).toBe(true);
  expect(selected('kamailio/tls')).toBe(true);
  expect(selected('kamailio/tls.cfg')).toBe(false);
  expect(selected('kamailio/tlsx/chain.pem')).toBe(false);
  expect(selected('kamailio')).toBe(false);
});

test('foldersOf lists every folder holding a file, at any depth', () => {
  fc.assert(
    fc.property(fc.array(path, { maxLength: 20 }), path, (files, candidate) => {
      expect(foldersOf(files).has(candidate)).toBe(files.some((f) => f.startsWith(`${candidate}/`)));
    }),
    { numRuns: 500 },
  );
});
