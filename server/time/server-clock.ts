import type { Clock, ScheduledTask } from '@/lib/engine';

/**
 * The only source of time for the server's own code: the sockets hub's pacing, the X sources'
 * backoff, timeouts and watchdog, and the fixture replay's pacing. It extends the engine's
 * `Clock` (so one object can drive both), and is injected everywhere so that tests advance a
 * `ManualServerClock` instead of sleeping.
 */
export interface ServerClock extends Clock {
  /** Wall-clock time in ms since the epoch (what `untilMs` and rate-limit resets are in). */
  now(): number;
  /** A clock that never jumps (for durations and pacing); its origin is arbitrary. */
  monotonicNow(): number;
  /** Runs `task` once, `delayMs` (clamped at 0) from now. */
  setTimeout(task: () => void, delayMs: number): ScheduledTask;
  /** Resolves `delayMs` from now, or at once (never rejects) when `signal` aborts. */
  sleep(delayMs: number, signal?: AbortSignal): Promise<void>;
  /**
   * Lets pending I/O callbacks (HTTP, sockets, signals) run between bursts of synchronous work.
   * Takes no clock time.
   */
  yield(): Promise<void>;
}

/** `sleep` for any clock that can set a timeout. */
export function sleepOn(
  setTimer: (task: () => void, delayMs: number) => ScheduledTask,
  delayMs: number,
  signal?: AbortSignal,
): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const wake = (): void => {
      timer.cancel();
      signal?.removeEventListener('abort', wake);
      resolve();
    };
    const timer = setTimer(wake, delayMs);
    signal?.addEventListener('abort', wake, { once: true });
  });
}

/** One turn of the event loop: I/O callbacks and every queued microtask run first. */
export function nextEventLoopTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
