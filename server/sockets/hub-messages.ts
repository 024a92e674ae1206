/** Builds the socket messages of `lib/protocol.ts` from the store and the running figures. */
import type {
  BatchUpdate,
  EngineStats,
  DashboardSnapshot,
  SeriesBlock,
  SourceStatus,
} from '@/lib/protocol';
import type { TrendsBatchResult } from '@/lib/trends/types';
import type { TrendStore } from '../ingestion/trend-store';

export interface MessageSources {
  store: TrendStore;
  stats(): EngineStats;
  source(): SourceStatus;
  /** Length of the window whose top tags get series (5 m when configured, else the first). */
  seriesWindowMs: number;
  /** How many of that window's top tags get series. */
  seriesTopTags: number;
}

/** Keys whose series a client gets: the series window's top tags, then its watched ones. */
export function seriesKeys(
  sources: MessageSources,
  latest: TrendsBatchResult | undefined,
  watched: readonly string[],
): string[] {
  const window =
    latest?.windows.find((candidate) => candidate.windowMs === sources.seriesWindowMs) ??
    latest?.windows[0];
  const keys = new Set((window?.top ?? []).slice(0, sources.seriesTopTags).map((tag) => tag.key));
  for (const key of watched) keys.add(key);
  return [...keys];
}

export function buildSnapshot(
  sources: MessageSources,
  watched: readonly string[],
): DashboardSnapshot {
  const latest = sources.store.latest();
  const keys = seriesKeys(sources, latest, watched);
  return {
    batchTime: latest?.batchTime ?? null,
    windows: latest?.windows ?? [],
    trending: latest?.trending ?? [],
    cooling: latest?.cooling ?? [],
    trendWarmUpEndsMs: latest?.trendWarmUpEndsMs ?? null,
    series: seriesBlock(sources.store, keys),
    stats: sources.stats(),
    source: sources.source(),
  };
}

/** The update for a client whose last message carried `afterBatchTime` (null: none yet). */
export function buildUpdate(
  sources: MessageSources,
  latest: TrendsBatchResult,
  watched: readonly string[],
  afterBatchTime: number | null,
): BatchUpdate {
  const keys = seriesKeys(sources, latest, watched);
  return {
    batchTime: latest.batchTime,
    windows: latest.windows,
    trending: latest.trending,
    // A result restored from a checkpoint of an older version may lack these.
    cooling: latest.cooling ?? [],
    trendWarmUpEndsMs: latest.trendWarmUpEndsMs ?? null,
    series: seriesBlock(sources.store, keys, afterBatchTime ?? undefined),
    stats: sources.stats(),
    source: sources.source(),
  };
}

/** The recent points of `keys` after `afterBatchTime`, each key with its display spelling. */
export function seriesBlock(
  store: TrendStore,
  keys: readonly string[],
  afterBatchTime?: number,
): SeriesBlock {
  return {
    tags: keys.map((key) => {
      const tag = store.spelling(key);
      return tag === undefined ? { key } : { key, tag };
    }),
    points: store.series(keys, afterBatchTime),
  };
}
