import type { KeyTrend } from './key-trend';
import { newKeyTrend } from './key-trend';
import type { RecentCountsSnapshot } from './recent-counts';
import type { RecentSightingsSnapshot } from './recent-sightings';
import type { TrendBoardSnapshot } from './trend-board';
import type { TrendMemorySnapshot } from './trend-memory';

/**
 * A checkpoint of the tracker, taken between batches: plain data, numbers in typed-array
 * columns. The start time carries the warm-up over a restart: a restored tracker is as warm as
 * the one that was saved. Posts are observed as they arrive, so a checkpoint may come while a
 * batch is open: its evidence so far is in `openBatch`, added at that batch's `endBatch`.
 */
export interface TrendTrackerSnapshot {
  startMs: number | null;
  lastPostMs: number | null;
  keys: KeyTrendsSnapshot;
  authors: RecentSightingsSnapshot;
  originalPosts: RecentCountsSnapshot;
  retweeted: RecentSightingsSnapshot;
  board: TrendBoardSnapshot;
  memory: TrendMemorySnapshot;
  /** The previous batch's "rising now" keys, best first (for rank changes). */
  ranking: string[];
  /** The open batch's evidence per key touched so far; absent between batches (older too). */
  openBatch?: OpenBatchEvidence;
}

export interface OpenBatchEvidence {
  batchMs: number;
  keys: string[];
  weights: number[];
}

/** Per-key decayed counts in columns; the batch's own evidence is not kept (it is added by then). */
export interface KeyTrendsSnapshot {
  keys: string[];
  /** `fast, slow, updatedMs, firstSeenMs, batchMs` per key. */
  numbers: Float64Array;
}

const FIELDS = 5;

export function snapshotKeyTrends(trends: Map<string, KeyTrend>): KeyTrendsSnapshot {
  const keys = [...trends.keys()];
  const numbers = new Float64Array(keys.length * FIELDS);
  let at = 0;
  for (const trend of trends.values()) {
    numbers.set([trend.fast, trend.slow, trend.updatedMs, trend.firstSeenMs, trend.batchMs], at);
    at += FIELDS;
  }
  return { keys, numbers };
}

export function restoreKeyTrends(snapshot: KeyTrendsSnapshot): Map<string, KeyTrend> {
  const { keys, numbers } = snapshot;
  if (numbers.length !== keys.length * FIELDS) {
    throw new TypeError('trend snapshot: columns differ in length');
  }
  const trends = new Map<string, KeyTrend>();
  for (let index = 0; index < keys.length; index++) {
    const at = index * FIELDS;
    const trend = newKeyTrend(numbers[at + 3]!);
    trend.fast = numbers[at]!;
    trend.slow = numbers[at + 1]!;
    trend.updatedMs = numbers[at + 2]!;
    trend.batchMs = numbers[at + 4]!;
    trends.set(keys[index]!, trend);
  }
  return trends;
}
