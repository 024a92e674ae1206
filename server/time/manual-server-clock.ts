import { ManualClock } from '@/lib/engine';
import type { ScheduledTask } from '@/lib/engine';
import { nextEventLoopTurn, sleepOn } from './server-clock';
import type { ServerClock } from './server-clock';

export interface ManualServerClockOptions {
  /** Start time in ms (wall and monotonic alike). Default 0. */
  startMs?: number;
  /**
   * Whoever sleeps moves the clock to their wake time at once (a replay at 1× runs instantly,
   * with the same pacing decisions). Default false: only `advance` moves the clock.
   */
  advanceOnSleep?: boolean;
}

/**
 * A `ServerClock` for tests: time moves only when told (`advance`, `advanceTo`, or a sleep with
 * `advanceOnSleep`). After each due task it lets the event loop turn once, so that code woken by
 * the task (a sleeper's continuation) runs and schedules its next timer within the same advance.
 * `monotonicNow()` equals `now()`.
 */
export class ManualServerClock extends ManualClock implements ServerClock {
  /** Every sleep's requested duration, in order. */
  readonly slept: number[] = [];
  private readonly advanceOnSleep: boolean;

  constructor(options: ManualServerClockOptions = {}) {
    super(options.startMs ?? 0);
    this.advanceOnSleep = options.advanceOnSleep ?? false;
  }

  override schedule(atMs: number, task: () => void | Promise<void>): ScheduledTask {
    return super.schedule(atMs, async () => {
      await task();
      await nextEventLoopTurn();
    });
  }

  monotonicNow(): number {
    return this.now();
  }

  setTimeout(task: () => void, delayMs: number): ScheduledTask {
    return this.schedule(this.now() + Math.max(0, delayMs), task);
  }

  async sleep(delayMs: number, signal?: AbortSignal): Promise<void> {
    this.slept.push(delayMs);
    const woken = sleepOn((task, ms) => this.setTimeout(task, ms), delayMs, signal);
    if (this.advanceOnSleep && !signal?.aborted) await this.advance(Math.max(0, delayMs));
    return woken;
  }

  yield(): Promise<void> {
    return nextEventLoopTurn();
  }
}
