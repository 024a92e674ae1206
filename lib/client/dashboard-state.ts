/**
 * The dashboard's view of the stream, built from one `snapshot` and then folded with `batch`
 * updates and per-tag history. Pure functions returning new objects, so React sees changes.
 */
import type { BatchUpdate, EngineStats, SeriesPoint, DashboardSnapshot } from '@/lib/protocol';
import type { WindowResult } from '@/lib/trends/types';
import { SERIES_LENGTH } from '@/lib/protocol';

/** One sample of the engine figures, taken per update, for the sparklines. */
export interface StatsSample {
  batchTime: number;
  processingMs: number;
  totalDelayMs: number;
  inputRatePerSec: number;
}

/** A snapshot kept current; `series` stays oldest first, at most `SERIES_LENGTH` points. */
export interface DashboardState extends DashboardSnapshot {
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
    series: sortedUnique(snapshot.series).slice(-SERIES_LENGTH),
    spellings: { ...snapshot.spellings },
    stats: snapshot.stats,
    source: snapshot.source,
    statsHistory: snapshot.batchTime === null ? [] : [sample(snapshot.batchTime, snapshot.stats)],
  };
}

/**
 * Folds one coalesced update in: the latest windows, trending, stats and source replace the old
 * ones; `points` newer than the last one held are appended and the series is cut to
 * `SERIES_LENGTH`. An update older than the state (a late message) changes nothing.
 */
export function applyBatch(state: DashboardState, update: BatchUpdate): DashboardState {
  if (state.batchTime !== null && update.batchTime < state.batchTime) return state;
  const lastTime = state.series.at(-1)?.batchTime ?? -Infinity;
  const fresh = sortedUnique(update.points.filter((point) => point.batchTime > lastTime));
  const series = fresh.length ? [...state.series, ...fresh].slice(-SERIES_LENGTH) : state.series;
  const advanced = state.batchTime === null || update.batchTime > state.batchTime;
  const statsHistory = advanced
    ? [...state.statsHistory, sample(update.batchTime, update.stats)].slice(-STATS_HISTORY_LENGTH)
    : state.statsHistory;
  return {
    batchTime: update.batchTime,
    windows: update.windows,
    trending: update.trending,
    cooling: update.cooling,
    trendWarmUpEndsMs: update.trendWarmUpEndsMs,
    series,
    spellings: { ...state.spellings, ...update.spellings },
    stats: update.stats,
    source: update.source,
    statsHistory,
  };
}

/**
 * Writes a tag's fetched history into the series: each history point sets the tag's count at
 * that batch time (adding the batch if it is missing), other tags' counts are kept. The series
 * stays sorted and cut to the newest `SERIES_LENGTH` points.
 */
export function mergeHistory(
  state: DashboardState,
  key: string,
  spelling: string,
  points: readonly TagHistoryPoint[],
): DashboardState {
  const byTime = new Map(state.series.map((point) => [point.batchTime, point]));
  for (const { batchTime, count } of points) {
    const existing = byTime.get(batchTime);
    byTime.set(batchTime, { batchTime, counts: { ...existing?.counts, [key]: count } });
  }
  const series = [...byTime.values()]
    .sort((a, b) => a.batchTime - b.batchTime)
    .slice(-SERIES_LENGTH);
  return { ...state, series, spellings: { [key]: spelling, ...state.spellings } };
}

/** The window with this label, or the state's first window when the label is unknown. */
export function findWindow(state: DashboardState, label: string): WindowResult | undefined {
  return state.windows.find((window) => window.label === label) ?? state.windows[0];
}

function sortedUnique(points: readonly SeriesPoint[]): SeriesPoint[] {
  const byTime = new Map(points.map((point) => [point.batchTime, point]));
  return [...byTime.values()].sort((a, b) => a.batchTime - b.batchTime);
}
