import type { Clock, ScheduledTask } from '../types';

/**
 * Wall-clock time (`Date.now()`) with `setTimeout`. A task scheduled in the past runs as soon
 * as the event loop allows, so an overrunning batch delays the next one instead of losing it.
 */
export class SystemClock implements Clock {
  now(): number {
    return Date.now();
  }

  schedule(atMs: number, task: () => void | Promise<void>): ScheduledTask {
    const handle = setTimeout(
      () => {
        void task();
      },
      Math.max(0, atMs - Date.now()),
    );
    return { cancel: () => clearTimeout(handle) };
  }
}
