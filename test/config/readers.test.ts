/** Meta-tests for the SBC readers: one file per format, registered once, each with fixtures and a test. */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readers } from '../../src/config/readers/index.js';
import { ROOT } from '../helpers/run.js';

const files = readdirSync(join(ROOT, 'src', 'config', 'readers'))
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
  .map((f) => f.replace(/\.ts$/, ''));

test('every reader file is registered, once, sorted by format, named after its format', () => {
  expect(readers.map((r) => r.format)).toEqual([...files].sort());
});

const registered = readers.map((r) => [r.format, r] as const);
(registered.length ? describe.each(registered) : describe.skip.each([['none', undefined as never]]))('%s', (format, reader) => {
  test('has fixtures and a test file', () => {
    expect(existsSync(join(ROOT, 'test', 'fixtures', 'sbc', format))).toBe(true);
    expect(existsSync(join(ROOT, 'test', 'config', 'readers', `${format}.test.ts`))).toBe(true);
  });

  test('describes itself', () => {
    expect(reader.describe.length).toBeGreaterThan(20);
  });

  test('never throws on text that is not its format, and does not claim it', () => {
    const foreign = { path: 'notes.txt', text: 'hello\n[section]\nkey = value\n<xml/>\n' };
    expect(reader.detect(foreign)).toBe(false);
  });
});
