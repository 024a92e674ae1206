/** Factories of protocol messages for the client state tests. */
import type {
  BatchUpdate,
  EngineStats,
  DashboardSnapshot,
  SeriesBlock,
  SourceStatus,
} from '@/lib/protocol';
import type { TagCount, TrendingTag, WindowResult } from '@/lib/trends/types';
import type { HeldPoint } from './dashboard-state';

export function engineStats(overrides: Partial<EngineStats> = {}): EngineStats {
  return {
    batchIntervalMs: 2000,
    batches: 1,
    inputRatePerSec: 10,
    lastProcessingMs: 5,
    lastSchedulingDelayMs: 0,
    lastTotalDelayMs: 5,
    droppedTweets: 0,
    badLines: 0,
    duplicateTweets: 0,
    tweetsIngested: 20,
    failedBatches: 0,
    ...overrides,
  };
}

export function sourceStatus(overrides: Partial<SourceStatus> = {}): SourceStatus {
  return {
    kind: 'fixture',
    speed: 10,
    label: 'replay 10×',
    connection: { state: 'live' },
    reconnects: 0,
    errors: 0,
    tweetsPerSec: 10,
    ...overrides,
  };
}

export function tagCount(key: string, count: number, error = 0): TagCount {
  return { key, tag: key, count, error };
}

export function windowResult(label: string, windowMs: number, top: TagCount[]): WindowResult {
  const tweets = top.reduce((sum, tag) => sum + tag.count, 0);
  return { label, windowMs, tweets, top, approximate: false };
}

/** A held point; counts as `[key, count]` pairs, so any key (even `__proto__`) can be given. */
export function point(batchTime: number, counts: Iterable<[string, number]>): HeldPoint {
  return { batchTime, counts: new Map(counts) };
}

/**
 * A series block from points given as `[batchTime, [key, count][]]`: the block's tags are every
 * key seen (spelled by `spellings`, else left unspelled), absent counts 0.
 */
export function block(
  points: [number, [string, number][]][],
  spellings: [string, string][] = [],
): SeriesBlock {
  const keys = [...new Set(points.flatMap(([, counts]) => counts.map(([key]) => key)))];
  const spelled = new Map(spellings);
  return {
    tags: keys.map((key) => {
      const tag = spelled.get(key);
      return tag === undefined ? { key } : { key, tag };
    }),
    points: points.map(([batchTime, counts]) => {
      const byKey = new Map(counts);
      return { batchTime, counts: keys.map((key) => byKey.get(key) ?? 0) };
    }),
  };
}

export function snapshot(overrides: Partial<DashboardSnapshot> = {}): DashboardSnapshot {
  return {
    batchTime: 2000,
    windows: [windowResult('1m', 60_000, [tagCount('a', 3)])],
    trending: [],
    cooling: [],
    trendWarmUpEndsMs: null,
    series: block([[2000, [['a', 3]]]], [['a', 'A']]),
    stats: engineStats(),
    source: sourceStatus(),
    ...overrides,
  };
}

export function batchUpdate(batchTime: number, overrides: Partial<BatchUpdate> = {}): BatchUpdate {
  return {
    batchTime,
    windows: [windowResult('1m', 60_000, [tagCount('a', 4)])],
    trending: [],
    cooling: [],
    trendWarmUpEndsMs: null,
    series: block([[batchTime, [['a', 1]]]]),
    stats: engineStats({ batches: batchTime / 2000 }),
    source: sourceStatus(),
    ...overrides,
  };
}

export function trendingTag(key: string, overrides: Partial<TrendingTag> = {}): TrendingTag {
  return {
    key,
    tag: key,
    score: 8,
    count: 40,
    fastRatePerMin: 30,
    usualRatePerMin: 5,
    rateMultiple: 6,
    authors: 25,
    originals: 30,
    direction: 'rising',
    trendingSinceMs: 0,
    rankChange: null,
    ...overrides,
  };
}
