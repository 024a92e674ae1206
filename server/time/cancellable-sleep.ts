import type { ServerClock } from './server-clock';

/** A wait that `cancel()` ends early (so `stop()` never waits out a backoff). */
export interface CancellableSleep {
  readonly done: Promise<void>;
  cancel(): void;
}

export function cancellableSleep(clock: ServerClock, delayMs: number): CancellableSleep {
  const controller = new AbortController();
  return {
    done: clock.sleep(Math.max(0, delayMs), controller.signal),
    cancel: () => controller.abort(),
  };
}
