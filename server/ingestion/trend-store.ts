/**
 * Where the server keeps what the job produced, for the HTTP API and the socket hub. An interface
 * with an in-memory default, so a shared store (e.g. Redis, for several instances) can plug in.
 */
import type { SeriesPoint } from '@/lib/protocol';
import { SERIES_LENGTH } from '@/lib/protocol';
import type { TrendsBatchResult } from '@/lib/trends/types';

export interface TrendStore {
  /** Keeps `result` as the latest and its `batchCounts` (and per cell) in the recent series. */
  record(result: TrendsBatchResult): void;
  /** The latest batch's result; undefined before the first batch. */
  latest(): TrendsBatchResult | undefined;
  /**
   * Per-batch counts of `keys` (zeros included; `counts[i]` is the count of `keys[i]`) for the
   * recent batches after `afterBatchTime` (all recent ones when omitted), oldest first, at most
   * `SERIES_LENGTH` points.
   */
  series(keys: readonly string[], afterBatchTime?: number): SeriesPoint[];
  /** Display spelling of a key seen in the recent batches or latest windows, else undefined. */
  spelling(key: string): string | undefined;
}

/** The store in a checkpoint: the latest result and the recent batches' counts in columns. */
export interface TrendStoreSnapshot {
  latest: TrendsBatchResult | null;
  batches: { batchTime: number; keys: string[]; counts: number[]; tags: string[] }[];
}

interface StoredBatch {
  batchTime: number;
  /** key → count and spelling in that batch. */
  counts: Map<string, { count: number; tag: string }>;
}

/** Keeps the last `capacity` batches (default `SERIES_LENGTH`): memory is bounded. */
export class InMemoryTrendStore implements TrendStore {
  private readonly batches: StoredBatch[] = [];
  private last: TrendsBatchResult | undefined;
  /** key → spelling in `last`'s windows then trending list; built at the first lookup. */
  private lastSpellings: Map<string, string> | undefined;

  constructor(private readonly capacity = SERIES_LENGTH) {}

  record(result: TrendsBatchResult): void {
    this.last = result;
    this.lastSpellings = undefined;
    const counts = new Map(result.batchCounts.map((c) => [c.key, { count: c.count, tag: c.tag }]));
    // Cell keys (`<cell>\0<tag>`) never equal a tag key: the filtered series live beside.
    for (const c of result.filteredBatchCounts ?? [])
      counts.set(c.key, { count: c.count, tag: c.tag });
    this.batches.push({ batchTime: result.batchTime, counts });
    if (this.batches.length > this.capacity) this.batches.shift();
  }

  latest(): TrendsBatchResult | undefined {
    return this.last;
  }

  snapshot(): TrendStoreSnapshot {
    return {
      latest: this.last ?? null,
      batches: this.batches.map(({ batchTime, counts }) => ({
        batchTime,
        keys: [...counts.keys()],
        counts: Array.from(counts.values(), (entry) => entry.count),
        tags: Array.from(counts.values(), (entry) => entry.tag),
      })),
    };
  }

  /** Replaces the content with a `snapshot()`; checks it whole first, changing nothing on a throw. */
  restore(snapshot: TrendStoreSnapshot): void {
    const batches = snapshot.batches
      .slice(-this.capacity)
      .map(({ batchTime, keys, counts, tags }) => {
        if (
          typeof batchTime !== 'number' ||
          counts.length !== keys.length ||
          tags.length !== keys.length
        ) {
          throw new TypeError('store snapshot: a batch is malformed');
        }
        const byKey = new Map<string, { count: number; tag: string }>();
        keys.forEach((key, index) => byKey.set(key, { count: counts[index]!, tag: tags[index]! }));
        return { batchTime, counts: byKey };
      });
    const latest = snapshot.latest;
    if (
      latest !== null &&
      (typeof latest.batchTime !== 'number' || !Array.isArray(latest.windows))
    ) {
      throw new TypeError('store snapshot: the latest result is malformed');
    }
    this.batches.splice(0, Infinity, ...batches);
    this.last = latest ?? undefined;
    this.lastSpellings = undefined;
  }

  series(keys: readonly string[], afterBatchTime = -Infinity): SeriesPoint[] {
    const points: SeriesPoint[] = [];
    for (const batch of this.batches) {
      if (batch.batchTime <= afterBatchTime) continue;
      const counts = keys.map((key) => batch.counts.get(key)?.count ?? 0);
      points.push({ batchTime: batch.batchTime, counts });
    }
    return points;
  }

  spelling(key: string): string | undefined {
    return this.latestWindowSpelling(key) ?? this.batchSpelling(key);
  }

  /** A map, not a search of every list: the hub asks for each watched key every update. */
  private latestWindowSpelling(key: string): string | undefined {
    if (this.last === undefined) return undefined;
    this.lastSpellings ??= spellingsOf(this.last);
    return this.lastSpellings.get(key);
  }

  private batchSpelling(key: string): string | undefined {
    for (let i = this.batches.length - 1; i >= 0; i--) {
      const found = this.batches[i]!.counts.get(key);
      if (found) return found.tag;
    }
    return undefined;
  }
}

/** The first spelling of each key in the result's windows, in order, then its trending list. */
function spellingsOf(result: TrendsBatchResult): Map<string, string> {
  const spellings = new Map<string, string>();
  const keep = (tag: { key: string; tag: string }): void => {
    if (!spellings.has(tag.key)) spellings.set(tag.key, tag.tag);
  };
  for (const window of result.windows) window.top.forEach(keep);
  result.trending.forEach(keep);
  return spellings;
}
