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
import type { FilteredViews } from '@/lib/trends/filters/filtered-views';
import { isUnfiltered, NO_FILTER } from '@/lib/view-filters';
import type { ViewFilter } from '@/lib/view-filters';
import type { TrendStore } from '../ingestion/trend-store';
import { filteredSeries } from '../ingestion/filtered-series';

export interface MessageSources {
  store: TrendStore;
  stats(): EngineStats;
  source(): SourceStatus;
  /** Length of the window whose top tags get series (5 m when configured, else the first). */
  seriesWindowMs: number;
  /** How many of that window's top tags get series. */
  seriesTopTags: number;
  /**
   * The latest numbers under `filter`; undefined where they are not here (yet): on an instance
   * that does not ingest, until the holder shares them.
   */
  filteredViews?(filter: ViewFilter): FilterViews | undefined;
}

/** What is read of the numbers under a filter: the job's `FilteredViews`, or a holder's as shared. */
export type FilterViews = Pick<FilteredViews, 'windows' | 'trending'>;

/** What a dashboard shows of a batch under a filter: windows and trending lists. */
export interface FilteredLatest {
  filter: ViewFilter;
  windows: WindowResult[];
  trending: TrendingTag[];
  cooling: TrendingTag[];
}

/**
 * The latest result under `filter`: the plain one when it narrows nothing; else assembled by
 * the job's filtered views (once per batch and filter: they cache), or the holder's as shared.
 * Undefined while they are not here (an instance that does not ingest, before the holder shares
 * them).
 */
export function filteredLatest(
  sources: MessageSources,
  latest: TrendsBatchResult | undefined,
  filter: ViewFilter,
): FilteredLatest | undefined {
  const plain = {
    filter: NO_FILTER,
    windows: latest?.windows ?? [],
    trending: latest?.trending ?? [],
    // A result restored from a checkpoint of an older version may lack it.
    cooling: latest?.cooling ?? [],
  };
  if (isUnfiltered(filter) || latest === undefined) return { ...plain, filter };
  const views = sources.filteredViews?.(filter);
  if (views === undefined) return undefined;
  return { filter, windows: views.windows(filter), ...views.trending(filter, plain) };
}

/** The series window's top tags (under the view's filter): every dashboard gets their series. */
export function topSeriesKeys(
  sources: MessageSources,
  latest: Pick<FilteredLatest, 'windows'> | undefined,
): string[] {
  const window =
    latest?.windows.find((candidate) => candidate.windowMs === sources.seriesWindowMs) ??
    latest?.windows[0];
  return (window?.top ?? []).slice(0, sources.seriesTopTags).map((tag) => tag.key);
}

/** Keys whose series a client gets: the top tags, then its watched ones. */
export function seriesKeys(
  sources: MessageSources,
  latest: Pick<FilteredLatest, 'windows'> | undefined,
  watched: readonly string[],
): string[] {
  const keys = new Set(topSeriesKeys(sources, latest));
  for (const key of watched) keys.add(key);
  return [...keys];
}

/** The snapshot under `view` (the latest result under the client's filter; default: unfiltered). */
export function buildSnapshot(
  sources: MessageSources,
  watched: readonly string[],
  view?: FilteredLatest,
): DashboardSnapshot {
  const latest = sources.store.latest();
  view ??= filteredLatest(sources, latest, NO_FILTER)!;
  return {
    batchTime: latest?.batchTime ?? null,
    windows: socketWindows(view.windows),
    trending: socketTrending(view.trending),
    cooling: view.cooling,
    trendWarmUpEndsMs: latest?.trendWarmUpEndsMs ?? null,
    series: seriesBlock(sources.store, seriesKeys(sources, view, watched), undefined, view.filter),
    stats: sources.stats(),
    source: sources.source(),
    filter: view.filter,
    languages: defaultLanguages(sources, latest),
  };
}

/**
 * The update for clients whose last message carried `afterBatchTime` (null: none yet), with the
 * series of `keys`: the top tags for the shared broadcast, top and watched ones for a catch-up.
 */
export function buildUpdate(
  sources: MessageSources,
  latest: TrendsBatchResult,
  view: FilteredLatest,
  keys: readonly string[],
  afterBatchTime: number | null,
): BatchUpdate {
  return {
    batchTime: latest.batchTime,
    windows: socketWindows(view.windows),
    trending: socketTrending(view.trending),
    cooling: view.cooling,
    // A result restored from a checkpoint of an older version may lack it.
    trendWarmUpEndsMs: latest.trendWarmUpEndsMs ?? null,
    series: seriesBlock(sources.store, keys, afterBatchTime ?? undefined, view.filter),
    stats: sources.stats(),
    source: sources.source(),
    filter: view.filter,
    languages: defaultLanguages(sources, latest),
  };
}

/** The languages of the default (series) window's posts, for the filter's choices. */
function defaultLanguages(sources: MessageSources, latest: TrendsBatchResult | undefined) {
  const window =
    latest?.windows.find((candidate) => candidate.windowMs === sources.seriesWindowMs) ??
    latest?.windows[0];
  return window?.languages ?? [];
}

/** The points after `afterBatchTime` of the watched keys that the shared update lacks. */
export function buildWatchedSeries(
  store: TrendStore,
  batchTime: number,
  extraKeys: readonly string[],
  afterBatchTime: number | null,
  filter: ViewFilter = NO_FILTER,
): WatchedSeriesUpdate {
  return { batchTime, series: seriesBlock(store, extraKeys, afterBatchTime ?? undefined, filter) };
}

/** The recent points of `keys` after `afterBatchTime`, each key with its display spelling. */
export function seriesBlock(
  store: TrendStore,
  keys: readonly string[],
  afterBatchTime?: number,
  filter: ViewFilter = NO_FILTER,
): SeriesBlock {
  return {
    tags: keys.map((key) => {
      const tag = store.spelling(key);
      return tag === undefined ? { key } : { key, tag };
    }),
    points: filteredSeries(store, filter, keys, afterBatchTime),
  };
}

/**
 * Windows cut to the tags a dashboard draws (the HTTP API keeps the full lists), without their
 * languages (the message carries the default window's once, as `languages`).
 */
function socketWindows(windows: readonly WindowResult[]): WindowResult[] {
  return windows.map(({ languages: _languages, ...window }) =>
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
