import { countsAt, decayAndAdd, newKeyTrend } from './key-trend';
import type { KeyTrend } from './key-trend';
import { RecentCounts } from './recent-counts';
import { RecentSightings } from './recent-sightings';
import { evictLeastRecentlySeen } from '../sketches/evict-least-recent';
import { selectTop } from '../sketches/top-n';
import { TrendBoard } from './trend-board';
import type { BoardListing } from './trend-board';
import { evidenceWeight } from './trend-evidence';
import { passesTrendGates } from './trend-gates';
import type { TrendEvidence } from './trend-gates';
import { TrendMemory } from './trend-memory';
import { TrendRanking } from './trend-ranking';
import { restoreKeyTrends, snapshotKeyTrends } from './trend-tracker-snapshot';
import type { OpenBatchEvidence, TrendTrackerSnapshot } from './trend-tracker-snapshot';
import { decayFactor, expectedShare, gatheredWeight, scoreWithShare } from './trending-score';
import { trendingTagBuilder } from './trending-tag';
import type { TrendingOptions } from './trending-options';
import type { TrendingTag } from '../types';

export type { TrendingOptions };

/** The lists of one batch. */
export interface TrendLists {
  trending: TrendingTag[];
  cooling: TrendingTag[];
  warmUpEndsMs: number | null;
}

/**
 * Per-key trend state and the trending lists (score: `trending-score.ts`; evidence per post:
 * `trend-evidence.ts`; gates: `trend-gates.ts`; rising and cooling: `trend-board.ts`; daily
 * habits: `trend-memory.ts`). Feed each batch's posts with `observe`, close it with `endBatch`,
 * then `rank` the shortest window's keys. `sweep` (about once a minute) forgets keys with nothing
 * in the shortest window and less than one decayed post of baseline. All state is plain data.
 */
export class TrendTracker {
  private keys = new Map<string, KeyTrend>();
  private touched: KeyTrend[] = [];
  private readonly authors: RecentSightings;
  /** Original posts per key, and the distinct posts retweeted per key, in the window. */
  private readonly originalPosts: RecentCounts;
  private readonly retweeted: RecentSightings;
  private readonly memory: TrendMemory;
  private readonly board: TrendBoard;
  private readonly ranking = new TrendRanking();
  /** When the job started watching: one batch interval before its first batch. */
  private startMs: number | undefined;
  private openBatchMs = -Infinity;
  private lastPostMs = -Infinity;

  constructor(
    private readonly options: TrendingOptions,
    /** The shortest window: evidence, gates and author counts look this far back. */
    private readonly gateWindowMs: number,
    private readonly batchIntervalMs: number,
  ) {
    this.authors = new RecentSightings(gateWindowMs);
    this.originalPosts = new RecentCounts(gateWindowMs);
    this.retweeted = new RecentSightings(gateWindowMs);
    this.memory = new TrendMemory({
      memoryMs: options.dailyMemoryMs,
      toleranceMs: options.dailyToleranceMs,
      maxKeys: options.maxRememberedKeys,
    });
    this.board = new TrendBoard(options);
  }

  /** One post of `author` with hashtag `key`; `retweetOf` is the retweeted post's id, if any. */
  observe(key: string, author: string, retweetOf: string | undefined, batchMs: number): void {
    this.openBatch(batchMs);
    if (batchMs - this.lastPostMs > this.options.restartAfterSilenceMs) {
      this.startMs = batchMs - this.batchIntervalMs;
    }
    this.lastPostMs = batchMs;
    let trend = this.keys.get(key);
    if (trend === undefined) {
      trend = newKeyTrend(batchMs);
      this.keys.set(key, trend);
    }
    if (trend.batchMs !== batchMs) {
      trend.batchMs = batchMs;
      trend.batchWeight = 0;
      this.touched.push(trend);
    }
    const person = this.authors.sight(key, author, batchMs);
    let retweetHits = 0;
    if (retweetOf === undefined) this.originalPosts.add(key, batchMs);
    else retweetHits = this.retweeted.sight(key, retweetOf, batchMs).hits;
    trend.batchWeight += evidenceWeight(
      person,
      retweetHits,
      batchMs,
      this.gateWindowMs,
      this.options.retweetWeight,
    );
  }

  /** Adds the batch's evidence to the decayed counts of the keys it touched. */
  endBatch(batchMs: number): void {
    this.openBatch(batchMs);
    this.addTouched(batchMs);
    // The bound holds every batch: the least recently seen go first, keys seen in the gate
    // window last, so a flood of one-off tags evicts one-off tags.
    const { maxTrackedKeys } = this.options;
    evictLeastRecentlySeen(this.keys, maxTrackedKeys, lastPostMs, batchMs - this.gateWindowMs);
  }

  /** The lists at `batchMs` from the shortest window's `[key, posts]`. */
  rank(
    batchMs: number,
    gateWindowCounts: Iterable<[string, number]>,
    spellingOf: (key: string) => string,
  ): TrendLists {
    const startMs = (this.startMs ??= batchMs - this.batchIntervalMs);
    const share = expectedShare(batchMs - startMs, this.options);
    const passing: TrendEvidence[] = [];
    const listedCounts = new Map<string, number>();
    const { minPosts } = this.options;
    // Most keys of the window are below the first gate: one number read each.
    for (const pair of gateWindowCounts) {
      const count = pair[1];
      if (this.board.has(pair[0])) listedCounts.set(pair[0], count);
      if (count < minPosts) continue;
      const evidence = this.evidence(pair[0], count, batchMs, share);
      if (evidence && passesTrendGates(evidence, this.options, startMs, batchMs)) {
        passing.push(evidence);
      }
    }
    const { rising, cooling } = this.board.next(passing, batchMs, (key) =>
      this.evidence(key, listedCounts.get(key) ?? 0, batchMs, share),
    );
    const best = selectTop(rising, this.options.maxTags, byScoreThenKey);
    for (const listing of best)
      this.memory.note(listing.evidence.key, batchMs, listing.evidence.fast);
    const changes = this.ranking.next(best.map((listing) => listing.evidence.key));
    const coolest = cooling
      .sort(
        (a, b) =>
          this.board.lastRisingMs(b.evidence.key) - this.board.lastRisingMs(a.evidence.key) ||
          byScoreThenKey(b, a),
      )
      .slice(0, this.options.maxTags);
    const toTag = trendingTagBuilder({
      batchMs,
      startMs,
      fastHalfLifeMs: this.options.fastHalfLifeMs,
      newForMs: this.options.slowHalfLifeMs,
      spellingOf,
    });
    const warmUpEndsMs = startMs + this.options.warmUpMs;
    return {
      trending: best.map((listing, rank) =>
        toTag(listing, changes[rank] === null ? 'new' : 'rising', changes[rank]!),
      ),
      cooling: coolest.map((listing) => toTag(listing, 'cooling', null)),
      warmUpEndsMs: warmUpEndsMs > batchMs ? warmUpEndsMs : null,
    };
  }

  /** Forgets keys idle for the whole shortest window whose baseline is under one post. */
  sweep(batchMs: number): void {
    const idleBeforeMs = batchMs - this.gateWindowMs;
    for (const [key, trend] of this.keys) {
      if (trend.batchMs <= idleBeforeMs && this.slowAt(trend, batchMs) < 1) this.keys.delete(key);
    }
    if (this.keys.size > this.options.maxTrackedKeys) this.evictSmallest(batchMs);
    this.memory.sweep(batchMs);
  }

  get size(): number {
    return this.keys.size;
  }

  /** Between batches (`endBatch` done): everything the next batches depend on. */
  snapshot(): TrendTrackerSnapshot {
    return {
      startMs: this.startMs ?? null,
      lastPostMs: Number.isFinite(this.lastPostMs) ? this.lastPostMs : null,
      keys: snapshotKeyTrends(this.keys),
      authors: this.authors.snapshot(),
      originalPosts: this.originalPosts.snapshot(),
      retweeted: this.retweeted.snapshot(),
      board: this.board.snapshot(),
      memory: this.memory.snapshot(),
      ranking: this.ranking.snapshot(),
      ...(this.touched.length === 0 ? {} : { openBatch: this.openBatchEvidence() }),
    };
  }

  /** Adds the open batch's evidence to the decayed counts of the keys it touched. */
  private addTouched(batchMs: number): void {
    const { fastHalfLifeMs, slowHalfLifeMs } = this.options;
    for (const trend of this.touched) {
      decayAndAdd(trend, batchMs, trend.batchWeight, fastHalfLifeMs, slowHalfLifeMs);
    }
    this.touched = [];
  }

  /** The evidence of the batch being observed, not yet added (`endBatch`). */
  private openBatchEvidence(): OpenBatchEvidence {
    const keys: string[] = [];
    const weights: number[] = [];
    for (const [key, trend] of this.keys) {
      if (trend.batchMs !== this.openBatchMs) continue;
      keys.push(key);
      weights.push(trend.batchWeight);
    }
    return { batchMs: this.openBatchMs, keys, weights };
  }

  /** Loads a `snapshot()` into this fresh tracker; throws on malformed input. */
  restore(snapshot: TrendTrackerSnapshot): void {
    this.keys = restoreKeyTrends(snapshot.keys);
    this.authors.restore(snapshot.authors);
    this.originalPosts.restore(snapshot.originalPosts);
    this.retweeted.restore(snapshot.retweeted);
    this.board.restore(snapshot.board);
    this.memory.restore(snapshot.memory);
    this.ranking.restore(snapshot.ranking);
    this.startMs = snapshot.startMs ?? undefined;
    this.lastPostMs = snapshot.lastPostMs ?? -Infinity;
    this.touched = [];
    const open = snapshot.openBatch;
    if (open === undefined) return;
    this.openBatchMs = open.batchMs;
    open.keys.forEach((key, index) => {
      const trend = this.keys.get(key);
      if (trend === undefined) throw new TypeError(`trend snapshot: open batch key ${key} unknown`);
      trend.batchWeight = open.weights[index] ?? 0;
      this.touched.push(trend);
    });
  }

  private openBatch(batchMs: number): void {
    if (batchMs === this.openBatchMs) return;
    // Evidence of a batch that never ended (restored while open, then skipped while the process
    // was down) counts at its own time, once.
    if (this.touched.length > 0) this.addTouched(this.openBatchMs);
    this.startMs ??= batchMs - this.batchIntervalMs;
    this.openBatchMs = batchMs;
    this.authors.expire(batchMs);
    this.originalPosts.expire(batchMs);
    this.retweeted.expire(batchMs);
  }

  /** What the gates read of `key` at `batchMs`; undefined when the key has no state. */
  private evidence(
    key: string,
    count: number,
    batchMs: number,
    share: number,
  ): TrendEvidence | undefined {
    const trend = this.keys.get(key);
    if (trend === undefined) return undefined;
    const { fast, slow } = countsAt(
      trend,
      batchMs,
      this.options.fastHalfLifeMs,
      this.options.slowHalfLifeMs,
    );
    const startMs = this.startMs!;
    const { warmUpMs, minQuietPosts, fastHalfLifeMs } = this.options;
    // Warming up, a key the job saw emerge is measured against the rate it had before it
    // appeared, nothing (see `trend-gates.ts`); others against their baseline.
    let emerged = false;
    if (batchMs - startMs < warmUpMs) {
      const ageMs = Math.max(batchMs - trend.firstSeenMs, this.batchIntervalMs);
      const ratePerMs = fast / gatheredWeight(ageMs, fastHalfLifeMs);
      // Silent from the start to the beginning of the batch of its first post.
      const silentMs = trend.firstSeenMs - this.batchIntervalMs - startMs;
      emerged = silentMs * ratePerMs >= minQuietPosts;
    }
    const baseline = emerged ? 0 : slow * share;
    const expected = Math.max(baseline, this.memory.expectedFastAt(key, batchMs));
    return {
      key,
      count,
      fast,
      slow,
      expected,
      score: scoreWithShare(fast, expected, 1, this.options.priorPosts),
      authors: this.authors.distinct(key),
      // A retweeted post that was itself posted in the window counts twice: rare, and in favour.
      originals: this.originalPosts.count(key) + this.retweeted.distinct(key),
      firstSeenMs: trend.firstSeenMs,
      emerged,
    };
  }

  private slowAt(trend: KeyTrend, batchMs: number): number {
    return trend.slow * decayFactor(batchMs - trend.updatedMs, this.options.slowHalfLifeMs);
  }

  private evictSmallest(batchMs: number): void {
    const baselines = Float64Array.from(this.keys.values(), (trend) => this.slowAt(trend, batchMs));
    baselines.sort();
    const threshold = baselines[this.keys.size - this.options.maxTrackedKeys]!;
    for (const [key, trend] of this.keys) {
      if (this.keys.size <= this.options.maxTrackedKeys) break;
      if (this.slowAt(trend, batchMs) <= threshold) this.keys.delete(key);
    }
  }
}

function byScoreThenKey(a: BoardListing, b: BoardListing): number {
  const { score: scoreA, key: keyA } = a.evidence;
  const { score: scoreB, key: keyB } = b.evidence;
  if (scoreA !== scoreB) return scoreA - scoreB;
  return keyA < keyB ? 1 : keyA > keyB ? -1 : 0;
}

const lastPostMs = (trend: KeyTrend): number => trend.batchMs;
