/**
 * The dashboard's view of the stream, built from one `snapshot` and then folded with `batch`
 * updates, watched-series updates and per-tag history. Pure functions returning new objects, so
 * React sees changes. Everything per tag is held in `Map`s: a hashtag may be `__proto__`.
 */
import type {
  BatchUpdate,
  DashboardSnapshot,
  EngineStats,
  SeriesBlock,
  SourceStatus,
  TrendingTag,
} from '@/lib/protocol';
import type { WindowResult } from '@/lib/trends/types';
import { SERIES_LENGTH } from '@/lib/protocol';

/** One sample of the engine figures, taken per update, for the sparklines. */
export interface StatsSample {
  batchTime: number;
  processingMs: number;
  totalDelayMs: number;
  inputRatePerSec: number;
}

/** One batch of the held series: count per hashtag key (absent keys count 0). */
export interface HeldPoint {
  batchTime: number;
  counts: ReadonlyMap<string, number>;
}

/** A snapshot kept current; `series` stays oldest first, at most `SERIES_LENGTH` points. */
export interface DashboardState {
  batchTime: number | null;
  windows: WindowResult[];
  /** What is rising now and what is cooling down (see `DashboardSnapshot`). */
  trending: TrendingTag[];
  cooling: TrendingTag[];
  trendWarmUpEndsMs: number | null;
  series: HeldPoint[];
  /** Display spelling per key of the series. */
  spellings: ReadonlyMap<string, string>;
  stats: EngineStats;
  source: SourceStatus;
  /** Recent engine samples, oldest first, at most `STATS_HISTORY_LENGTH`. */
  statsHistory: StatsSample[];
}

/** One point of a tag's history as `GET /api/trends/:tag/series` returns it. */
export interface TagHistoryPoint {
  batchTime: number;
  count: number;
}

export const STATS_HISTORY_LENGTH = 60;

function sample(batchTime: number, stats: EngineStats): StatsSample {
  return {
    batchTime,
    processingMs: stats.lastProcessingMs,
    totalDelayMs: stats.lastTotalDelayMs,
    inputRatePerSec: stats.inputRatePerSec,
  };
}

/** A fresh state from a snapshot; on reconnect it replaces everything held before. */
export function fromSnapshot(snapshot: DashboardSnapshot): DashboardState {
  return {
    batchTime: snapshot.batchTime,
    windows: snapshot.windows,
    trending: snapshot.trending,
    cooling: snapshot.cooling,
    trendWarmUpEndsMs: snapshot.trendWarmUpEndsMs,
    series: mergePoints([], blockPoints(snapshot.series)),
    spellings: mergeSpellings(new Map(), snapshot.series),
    stats: snapshot.stats,
    source: snapshot.source,
    statsHistory: snapshot.batchTime === null ? [] : [sample(snapshot.batchTime, snapshot.stats)],
  };
}

/**
 * Folds one coalesced update in: the latest windows, trending, stats and source replace the old
 * ones; its series points are merged into the held ones (see `mergeSeries`). An update older
 * than the state (a late message) changes nothing.
 */
export function applyBatch(state: DashboardState, update: BatchUpdate): DashboardState {
  if (state.batchTime !== null && update.batchTime < state.batchTime) return state;
  const advanced = state.batchTime === null || update.batchTime > state.batchTime;
  const statsHistory = advanced
    ? [...state.statsHistory, sample(update.batchTime, update.stats)].slice(-STATS_HISTORY_LENGTH)
    : state.statsHistory;
  return {
    ...mergeSeries(state, update.series),
    batchTime: update.batchTime,
    windows: update.windows,
    trending: update.trending,
    cooling: update.cooling,
    trendWarmUpEndsMs: update.trendWarmUpEndsMs,
    stats: update.stats,
    source: update.source,
    statsHistory,
  };
}

/**
 * Merges a block of per-batch counts: a point of a batch already held adds its tags' counts to
 * that batch (other tags' counts are kept), a new batch is inserted in time order. The series is
 * cut to the newest `SERIES_LENGTH` points. Spellings sent replace the known ones (the most
 * frequent spelling can change).
 */
export function mergeSeries(state: DashboardState, block: SeriesBlock): DashboardState {
  if (!block.points.length && !block.tags.length) return state;
  return {
    ...state,
    series: mergePoints(state.series, blockPoints(block)),
    spellings: mergeSpellings(state.spellings, block),
  };
}

/**
 * Writes a tag's fetched history into the series: each history point sets the tag's count at
 * that batch time (adding the batch if it is missing), other tags' counts are kept.
 */
export function mergeHistory(
  state: DashboardState,
  key: string,
  spelling: string,
  points: readonly TagHistoryPoint[],
): DashboardState {
  return mergeSeries(state, {
    tags: [{ key, tag: spelling }],
    points: points.map(({ batchTime, count }) => ({ batchTime, counts: [count] })),
  });
}

/** The window with this label, or the state's first window when the label is unknown. */
export function findWindow(state: DashboardState, label: string): WindowResult | undefined {
  return state.windows.find((window) => window.label === label) ?? state.windows[0];
}

/** The block's points as held points; a missing count reads 0. */
function blockPoints(block: SeriesBlock): HeldPoint[] {
  return block.points.map((point) => ({
    batchTime: point.batchTime,
    counts: new Map(block.tags.map((tag, index) => [tag.key, point.counts[index] ?? 0])),
  }));
}

function mergePoints(held: readonly HeldPoint[], incoming: readonly HeldPoint[]): HeldPoint[] {
  if (!incoming.length) return held as HeldPoint[];
  const byTime = new Map(held.map((point) => [point.batchTime, point]));
  for (const point of incoming) {
    const existing = byTime.get(point.batchTime);
    const counts = existing ? new Map([...existing.counts, ...point.counts]) : point.counts;
    byTime.set(point.batchTime, { batchTime: point.batchTime, counts });
  }
  return [...byTime.values()].sort((a, b) => a.batchTime - b.batchTime).slice(-SERIES_LENGTH);
}

function mergeSpellings(
  known: ReadonlyMap<string, string>,
  block: SeriesBlock,
): ReadonlyMap<string, string> {
  if (block.tags.every((tag) => tag.tag === undefined || known.get(tag.key) === tag.tag)) {
    return known;
  }
  const spellings = new Map(known);
  for (const tag of block.tags) if (tag.tag !== undefined) spellings.set(tag.key, tag.tag);
  return spellings;
}
