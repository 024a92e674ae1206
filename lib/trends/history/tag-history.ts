import type { HistoryMinute, TagHistoryOptions, TagHistorySnapshot } from './tag-history-types';

export const MINUTE_MS = 60_000;

export const DEFAULT_HISTORY_OPTIONS: Readonly<TagHistoryOptions> = Object.freeze({
  retainMinutes: 24 * 60,
  maxTrackedTags: 1000,
  maxWatchedTags: 500,
});

interface TrackedTag {
  /** The one string kept for this key: every minute refers to it. */
  key: string;
  sinceMinute: number;
  lastTopMinute: number;
}

/** A closed minute: tracked keys with posts, sorted (binary search), and their counts. */
interface ClosedMinute {
  keys: string[];
  counts: Float64Array;
}

/**
 * Per-minute counts of the tags that matter, for 24 hours: every tag in a window's top list (or
 * the trending list) during a minute, and every watched tag. Once tracked, a tag's minutes are
 * exact, zeros included, until 24 h after it last mattered.
 *
 * Every key's count is summed over the open minute (one map of that minute's keys); when the
 * minute closes only the tracked keys with posts are kept, so a tag that enters a top list
 * mid-minute has that whole minute exact. Bound: `retainMinutes × (maxTrackedTags +
 * maxWatchedTags)` entries of 16 bytes (a shared key reference and a count): 35 MB at most with
 * the defaults, a few MB in practice, as few tracked tags have posts in a given minute.
 *
 * A batch at `batchTime` covers `(batchTime − interval, batchTime]`: it belongs to the minute
 * holding `batchTime − 1`.
 */
export class TagHistory {
  private readonly options: TagHistoryOptions;
  private firstMinute: number | undefined;
  private openMinute: number | undefined;
  private open = new Map<string, number>();
  private readonly minutes = new Map<number, ClosedMinute>();
  private readonly tracked = new Map<string, TrackedTag>();
  private watched: string[] = [];
  private gaps: [number, number][] = [];

  constructor(options: Partial<TagHistoryOptions> = {}) {
    this.options = { ...DEFAULT_HISTORY_OPTIONS, ...options };
  }

  /** Adds a batch's `[key, count]` pairs (every key of the batch). */
  addBatch(pairs: readonly [string, number][], batchTime: number): void {
    const minute = minuteOf(batchTime);
    if (this.openMinute !== minute) {
      if (this.openMinute !== undefined) this.closeMinute(this.openMinute);
      this.openMinute = minute;
      this.firstMinute ??= minute;
      this.forgetBefore(minute - (this.options.retainMinutes - 1) * MINUTE_MS);
      this.trackWatched();
    }
    const open = this.open;
    for (let index = 0; index < pairs.length; index++) {
      const [key, count] = pairs[index]!;
      open.set(key, (open.get(key) ?? 0) + count);
    }
  }

  /** Keys in a top list at this batch: tracked from their current minute on. */
  noteTop(keys: Iterable<string>): void {
    const minute = this.openMinute;
    if (minute === undefined) return;
    for (const key of keys) this.track(key, minute);
  }

  /** The keys dashboards watch now (replaces the previous set). */
  setWatched(keys: Iterable<string>): void {
    this.watched = [...keys].slice(0, this.options.maxWatchedTags);
    this.trackWatched();
  }

  /** The process was down over `[fromMs, toMs)`: those minutes are marked, not zero. */
  noteGap(fromMs: number, toMs: number): void {
    if (toMs > fromMs) this.gaps.push([fromMs, toMs]);
  }

  /** True for a tag the history keeps now: it was in a top list lately, or is watched. */
  readonly isTracked = (key: string): boolean => this.tracked.has(key);

  /** Start of the minute the latest batch belongs to; undefined before the first batch. */
  get latestMinute(): number | undefined {
    return this.openMinute;
  }

  /** `key`'s minutes from `fromMinute` to `toMinute` (starts of minutes), oldest first. */
  minutesOf(key: string, fromMinute: number, toMinute: number): HistoryMinute[] {
    const tracked = this.tracked.get(key);
    const points: HistoryMinute[] = [];
    for (let time = fromMinute; time <= toMinute; time += MINUTE_MS) {
      points.push(this.minuteOf(key, tracked, time));
    }
    return points;
  }

  /** Tracked tags and kept minute entries, for the memory bound. */
  sizes(): { trackedTags: number; minuteEntries: number; openKeys: number } {
    let minuteEntries = 0;
    for (const minute of this.minutes.values()) minuteEntries += minute.keys.length;
    return { trackedTags: this.tracked.size, minuteEntries, openKeys: this.open.size };
  }

  snapshot(): TagHistorySnapshot {
    return {
      firstMinute: this.firstMinute ?? null,
      openMinute: this.openMinute ?? null,
      openKeys: [...this.open.keys()],
      openCounts: Float64Array.from(this.open.values()),
      minutes: [...this.minutes].map(([time, { keys, counts }]) => [time, keys, counts]),
      tracked: [...this.tracked.values()].map((tag) => [
        tag.key,
        tag.sinceMinute,
        tag.lastTopMinute,
      ]),
      gaps: this.gaps.map(([from, to]) => [from, to]),
    };
  }

  /** Loads a `snapshot()` into this fresh history; throws on malformed input. */
  restore(snapshot: TagHistorySnapshot): void {
    if (snapshot.openKeys.length !== snapshot.openCounts.length) {
      throw new TypeError('history snapshot: open keys and counts differ in length');
    }
    for (const [key, sinceMinute, lastTopMinute] of snapshot.tracked) {
      this.tracked.set(key, { key, sinceMinute, lastTopMinute });
    }
    const shared = (key: string) => this.tracked.get(key)?.key ?? key;
    for (const [time, keys, counts] of snapshot.minutes) {
      if (keys.length !== counts.length)
        throw new TypeError('history snapshot: a minute is malformed');
      this.minutes.set(time, { keys: keys.map(shared), counts: Float64Array.from(counts) });
    }
    this.open = new Map(snapshot.openKeys.map((key, index) => [key, snapshot.openCounts[index]!]));
    this.firstMinute = snapshot.firstMinute ?? undefined;
    this.openMinute = snapshot.openMinute ?? undefined;
    this.gaps = snapshot.gaps.map(([from, to]) => [from, to]);
  }

  private minuteOf(key: string, tracked: TrackedTag | undefined, time: number): HistoryMinute {
    if (this.firstMinute === undefined || time < this.firstMinute) {
      return { time, count: null, state: 'before-start' };
    }
    if (this.isDown(time)) return { time, count: null, state: 'down' };
    if (tracked === undefined || time < tracked.sinceMinute) {
      return { time, count: null, state: 'untracked' };
    }
    if (time === this.openMinute) return { time, count: this.open.get(key) ?? 0, state: 'counted' };
    const minute = this.minutes.get(time);
    // A minute neither kept nor down is one the history never saw whole: unknown.
    if (minute === undefined) return { time, count: null, state: 'untracked' };
    const at = binarySearch(minute.keys, key);
    return { time, count: at === -1 ? 0 : minute.counts[at]!, state: 'counted' };
  }

  /** A minute counts as down when the process was down for all of it. */
  private isDown(time: number): boolean {
    return this.gaps.some(([from, to]) => from <= time && time + MINUTE_MS <= to);
  }

  private track(key: string, minute: number): void {
    const tag = this.tracked.get(key);
    if (tag !== undefined) tag.lastTopMinute = minute;
    else this.tracked.set(key, { key, sinceMinute: minute, lastTopMinute: minute });
  }

  private trackWatched(): void {
    if (this.openMinute === undefined) return;
    for (const key of this.watched) this.track(key, this.openMinute);
  }

  private closeMinute(minute: number): void {
    const kept: [string, number][] = [];
    for (const tag of this.tracked.values()) {
      const count = this.open.get(tag.key);
      if (count !== undefined && count > 0) kept.push([tag.key, count]);
    }
    kept.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    this.minutes.set(minute, {
      keys: kept.map(([key]) => key),
      counts: Float64Array.from(kept, ([, count]) => count),
    });
    this.open = new Map();
  }

  /** Drops minutes, gaps and tags older than the retention; bounds the tracked tags. */
  private forgetBefore(oldestMinute: number): void {
    for (const time of this.minutes.keys()) if (time < oldestMinute) this.minutes.delete(time);
    this.gaps = this.gaps.filter(([, to]) => to > oldestMinute);
    const watched = new Set(this.watched);
    for (const [key, tag] of this.tracked) {
      if (tag.lastTopMinute < oldestMinute && !watched.has(key)) this.tracked.delete(key);
    }
    const excess = this.tracked.size - this.options.maxTrackedTags - watched.size;
    if (excess <= 0) return;
    const oldest = [...this.tracked.values()]
      .filter((tag) => !watched.has(tag.key))
      .sort((a, b) => a.lastTopMinute - b.lastTopMinute)
      .slice(0, excess);
    for (const tag of oldest) this.tracked.delete(tag.key);
  }
}

export function minuteOf(batchTime: number): number {
  return Math.floor((batchTime - 1) / MINUTE_MS) * MINUTE_MS;
}

function binarySearch(keys: readonly string[], key: string): number {
  let low = 0;
  let high = keys.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const probe = keys[middle]!;
    if (probe === key) return middle;
    if (probe < key) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}
