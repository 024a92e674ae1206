import type { ScheduledTask } from '@/lib/engine';
import type { ServerClock } from './server-clock';

/**
 * Races `work` against a timer on `clock`. On timeout it rejects with `no response within N ms`;
 * `onLate` gets the result if the work still succeeds afterwards (to release what it opened).
 */
export async function withTimeout<T>(
  clock: ServerClock,
  work: Promise<T>,
  timeoutMs: number,
  onLate: (value: T) => void = () => undefined,
): Promise<T> {
  let timer: ScheduledTask | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = clock.setTimeout(() => {
      work.then(onLate, () => undefined);
      reject(new Error(`no response within ${timeoutMs} ms`));
    }, timeoutMs);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    timer?.cancel();
  }
}
