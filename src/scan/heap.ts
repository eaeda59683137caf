/**
 * A full garbage collection whenever the heap has grown well past what the last one left. Judging a
 * trunk allocates about 400 KB, and V8 promotes whatever is in flight at each scavenge (about 1.3 MB
 * each time, 95% of the survivors); left alone, the old space of a 5,000-trunk scan filled with 220 MB
 * of dead objects before V8 collected them, and the process kept the pages. Node gives scripts gc()
 * only under --expose-gc: the flag is set for the moment it takes to fetch the function, as jest's
 * leak detector does; without it the heap is simply left to V8.
 */
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const MiB = 1024 * 1024;
/** Headroom over half again the live heap; until the first collection, the live heap is taken to be this. */
const SLACK = 32 * MiB;
const FIRST_LIVE = 64 * MiB;

function fetchGc(): (() => void) | undefined {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  try {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return undefined;
  } finally {
    setFlagsFromString('--no-expose-gc');
  }
}

export class HeapKeeper {
  private gc: (() => void) | null | undefined;
  private live: number;
  private readonly slack: number;
  private readonly every: number;
  private calls = 0;

  /** `every`: look at the heap on every so many calls (a look costs about a microsecond; a scan reads thousands of files). */
  constructor({ firstLive = FIRST_LIVE, slack = SLACK, every = 8 } = {}) {
    this.live = firstLive;
    this.slack = slack;
    this.every = every;
  }

  /** Call between small units of work (a file read): looks on every `every`th call. Whether it collected. */
  check(): boolean {
    return ++this.calls % this.every === 0 && this.checkNow();
  }

  /** Call between large units of work (a batch of trunks): collects when the heap holds half again what was live, plus slack. */
  checkNow(): boolean {
    const used = getHeapStatistics().used_heap_size;
    if (used < 1.5 * this.live + this.slack) return false;
    if (this.gc === undefined) this.gc = fetchGc() ?? null;
    if (!this.gc) return false;
    this.gc();
    this.live = getHeapStatistics().used_heap_size;
    return true;
  }
}
