import { PerformanceObserver } from 'node:perf_hooks';

/** A span of time on `performance.now()`'s clock, ms. */
export interface TimeSpan {
  startMs: number;
  endMs: number;
}

/** How long `spans` (sorted or not, not overlapping each other) cover of `within`, ms. */
export function overlapMs(spans: readonly TimeSpan[], within: TimeSpan): number {
  let covered = 0;
  for (const span of spans) {
    const from = Math.max(span.startMs, within.startMs);
    const to = Math.min(span.endMs, within.endMs);
    if (to > from) covered += to - from;
  }
  return covered;
}

/**
 * Records the garbage collector's pauses of this thread (`gc` performance entries) from now until
 * `stop()`. Node hands the entries over on a later turn of the event loop: read `pauses` after
 * awaiting one (`settled()`).
 */
export function recordGcPauses() {
  const pauses: TimeSpan[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      pauses.push({ startMs: entry.startTime, endMs: entry.startTime + entry.duration });
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  return {
    pauses,
    /** Resolves once the pauses so far have been handed over. */
    settled: () => new Promise<void>((resolve) => setTimeout(resolve, 0)),
    stop: () => observer.disconnect(),
  };
}
