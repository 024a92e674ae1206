import type { TrendingTag } from '@/lib/trends/types';

/** A tag that entered the top of the trending list, with its 1-based rank there. */
export interface TrendingEntry {
  tag: TrendingTag;
  rank: number;
}

/** At most one alert per tag per this long. */
export const ALERT_QUIET_MS = 15 * 60_000;

/**
 * Decides which tags to announce: those in the first `top` of the trending list ("Trending now")
 * that were not there at the previous batch and were not announced in the last `quietMs` (time
 * from the injected clock, in ms). The first list seen only sets the starting point: after a
 * restart or a change of ingesting instance, what was already in the top is not announced again.
 */
export class TrendingEntries {
  private previous: Set<string> | undefined;
  /** Key → time of its last alert; entries older than `quietMs` are forgotten. */
  private readonly lastAlertMs = new Map<string, number>();

  constructor(
    private readonly top: number,
    private readonly quietMs = ALERT_QUIET_MS,
  ) {}

  /** The tags of `trending` (best first) to announce now. */
  entering(trending: readonly TrendingTag[], nowMs: number): TrendingEntry[] {
    const current = trending.slice(0, this.top);
    const previous = this.previous;
    this.previous = new Set(current.map((tag) => tag.key));
    this.forgetBefore(nowMs - this.quietMs);
    if (previous === undefined) return [];
    const entries: TrendingEntry[] = [];
    current.forEach((tag, index) => {
      if (previous.has(tag.key) || this.lastAlertMs.has(tag.key)) return;
      this.lastAlertMs.set(tag.key, nowMs);
      entries.push({ tag, rank: index + 1 });
    });
    return entries;
  }

  private forgetBefore(oldestMs: number): void {
    for (const [key, atMs] of this.lastAlertMs) if (atMs <= oldestMs) this.lastAlertMs.delete(key);
  }
}
