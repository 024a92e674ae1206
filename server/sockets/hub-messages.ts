/**
 * Builds the socket messages of `lib/protocol.ts` from the store and the running figures. The
 * shared `batch` update is built once per flush for every dashboard; only the parts a client
 * adds (its watched tags, a catch-up) are built per client.
 */
import type {
  BatchUpdate,
  DashboardSnapshot,
  EngineStats,
  SeriesBlock,
  SourceStatus,
  WatchedSeriesUpdate,
} from '@/lib/protocol';
import { SOCKET_TOP_TAGS } from '@/lib/protocol';
import type { TrendingTag, TrendsBatchResult, WindowResult } from '@/lib/trends/types';
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

/** The series window's top tags: every dashboard gets their series. */
export function topSeriesKeys(
  sources: MessageSources,
  latest: TrendsBatchResult | undefined,
): string[] {
  const window =
    latest?.windows.find((candidate) => candidate.windowMs === sources.seriesWindowMs) ??
    latest?.windows[0];
  return (window?.top ?? []).slice(0, sources.seriesTopTags).map((tag) => tag.key);
}

/** Keys whose series a client gets: the top tags, then its watched ones. */
export function seriesKeys(
  sources: MessageSources,
  latest: TrendsBatchResult | undefined,
  watched: readonly string[],
): string[] {
  const keys = new Set(topSeriesKeys(sources, latest));
  for (const key of watched) keys.add(key);
  return [...keys];
}

export function buildSnapshot(
  sources: MessageSources,
  watched: readonly string[],
): DashboardSnapshot {
  const latest = sources.store.latest();
  return {
    batchTime: latest?.batchTime ?? null,
    windows: socketWindows(latest?.windows ?? []),
    trending: socketTrending(latest?.trending ?? []),
    cooling: latest?.cooling ?? [],
    trendWarmUpEndsMs: latest?.trendWarmUpEndsMs ?? null,
    series: seriesBlock(sources.store, seriesKeys(sources, latest, watched)),
    stats: sources.stats(),
    source: sources.source(),
  };
}

/**
 * The update for clients whose last message carried `afterBatchTime` (null: none yet), with the
 * series of `keys`: the top tags for the shared broadcast, top and watched ones for a catch-up.
 */
export function buildUpdate(
  sources: MessageSources,
  latest: TrendsBatchResult,
  keys: readonly string[],
  afterBatchTime: number | null,
): BatchUpdate {
  return {
    batchTime: latest.batchTime,
    windows: socketWindows(latest.windows),
    trending: socketTrending(latest.trending),
    // A result restored from a checkpoint of an older version may lack these.
    cooling: latest.cooling ?? [],
    trendWarmUpEndsMs: latest.trendWarmUpEndsMs ?? null,
    series: seriesBlock(sources.store, keys, afterBatchTime ?? undefined),
    stats: sources.stats(),
    source: sources.source(),
  };
}

/** The points after `afterBatchTime` of the watched keys that the shared update lacks. */
export function buildWatchedSeries(
  store: TrendStore,
  batchTime: number,
  extraKeys: readonly string[],
  afterBatchTime: number | null,
): WatchedSeriesUpdate {
  return { batchTime, series: seriesBlock(store, extraKeys, afterBatchTime ?? undefined) };
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

/** Windows cut to the tags a dashboard draws; the HTTP API keeps the full lists. */
function socketWindows(windows: readonly WindowResult[]): WindowResult[] {
  return windows.map((window) =>
    window.top.length <= SOCKET_TOP_TAGS
      ? window
      : { ...window, top: window.top.slice(0, SOCKET_TOP_TAGS) },
  );
}

/**
 * Trending tags cut to what the dashboard lists, with the score and the rates rounded to the one
 * decimal the list shows (`trending-list.tsx`): 17-digit floats were a large part of each
 * entry's bytes. `rateMultiple` is left exact (its display rounds to significant digits).
 */
function socketTrending(trending: readonly TrendingTag[]): TrendingTag[] {
  const oneDecimal = (value: number) => Math.round(value * 10) / 10;
  return trending.slice(0, SOCKET_TOP_TAGS).map((tag) => ({
    ...tag,
    score: oneDecimal(tag.score),
    fastRatePerMin: oneDecimal(tag.fastRatePerMin),
    usualRatePerMin: oneDecimal(tag.usualRatePerMin),
  }));
}
