import { SystemClock } from '@/lib/engine';
import type { ScheduledTask } from '@/lib/engine';
import { nextEventLoopTurn, sleepOn } from './server-clock';
import type { ServerClock } from './server-clock';

/** Real time: `Date.now()`, `performance.now()`, `setTimeout` and `setImmediate`. */
export class SystemServerClock extends SystemClock implements ServerClock {
  monotonicNow(): number {
    return performance.now();
  }

  setTimeout(task: () => void, delayMs: number): ScheduledTask {
    const handle = setTimeout(task, Math.max(0, delayMs));
    return { cancel: () => clearTimeout(handle) };
  }

  sleep(delayMs: number, signal?: AbortSignal): Promise<void> {
    return sleepOn((task, ms) => this.setTimeout(task, ms), delayMs, signal);
  }

  yield(): Promise<void> {
    return nextEventLoopTurn();
  }
}

/** The clock every server part uses unless a test injects another. */
export const systemServerClock: ServerClock = new SystemServerClock();
