/** The scan's garbage collection between units of work (src/scan/heap.ts): it collects only past its threshold, and frees what is dead. */
import { getHeapStatistics } from 'node:v8';
import { HeapKeeper } from '../../src/scan/heap.js';

const MiB = 1024 * 1024;

test('it looks at the heap on every so many calls only', () => {
  const keeper = new HeapKeeper({ firstLive: 1, slack: 0, every: 3 });
  expect([keeper.check(), keeper.check(), keeper.check()]).toEqual([false, false, true]);
});

test('below its threshold it leaves the heap to V8', () => {
  const keeper = new HeapKeeper({ firstLive: 4096 * MiB, slack: 0 });
  expect(keeper.checkNow()).toBe(false);
});

test('past its threshold it collects, the dead objects go, and gc() is not left exposed', () => {
  const exposedBefore = typeof (globalThis as { gc?: unknown }).gc;
  const keeper = new HeapKeeper({ firstLive: 1 * MiB, slack: 0 });
  let garbage: string[] | undefined = Array.from({ length: 400_000 }, (_, i) => `dead object ${i} `.repeat(4));
  const withGarbage = getHeapStatistics().used_heap_size;
  expect(garbage.length).toBe(400_000);
  garbage = undefined;
  expect(keeper.checkNow()).toBe(true);
  // about 60 MB of strings and their array were dead
  expect(getHeapStatistics().used_heap_size).toBeLessThan(withGarbage - 30 * MiB);
  expect(typeof (globalThis as { gc?: unknown }).gc).toBe(exposedBefore);
});
