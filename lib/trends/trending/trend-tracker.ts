import { admitAuthorPost, decayAndAdd, newKeyTrend, noteAuthor, recentAuthors } from './key-trend';
import type { KeyTrend } from './key-trend';
import { selectTop } from '../sketches/top-n';
import { TrendRanking } from './trend-ranking';
import type { ScoredTag, TrendRankingSnapshot } from './trend-ranking';
import { restoreKeyTrends, snapshotKeyTrends } from './trend-tracker-snapshot';
import type { KeyTrendsSnapshot } from './trend-tracker-snapshot';
import { decayFactor, expectedShare, gatheredWeight, scoreWithShare } from './trending-score';
import type { TrendingScoreOptions } from './trending-score';
import type { TrendingTag } from '../types';

/** A checkpoint of the tracker, taken between batches. */
export interface TrendTrackerSnapshot {
  startMs: number | null;
  keys: KeyTrendsSnapshot;
  ranking: TrendRankingSnapshot;
}

/** A key that passed the gates, before its spelling and rates are looked up. */
interface Candidate {
  key: string;
  score: number;
  count: number;
  /** Decayed counts at the batch time. */
  fast: number;
  slow: number;
  authors: number;
}

export interface TrendingOptions extends TrendingScoreOptions {
  /** Weight of a retweet in the score (volume counts are unweighted). */
  retweetWeight: number;
  /** Posts per author per key per batch that count toward the score. */
  authorPostsPerBatch: number;
  /** Gates, over the shortest window. */
  minPosts: number;
  minAuthors: number;
  /** Distinct authors are counted up to this many per key. */
  maxTrackedAuthors: number;
  /** Hard bound on keys with trend state; the smallest baselines go first beyond it. */
  maxTrackedKeys: number;
  /** Length of the trending list. */
  maxTags: number;
}

/**
 * Per-key trend state and the trending list (see `trending-score.ts` for the formula). Feed each
 * batch's posts with `observe`, close it with `endBatch`, then `rank` the shortest window's keys.
 * `sweep` (about once a minute) forgets keys with nothing in the shortest window and less than
 * one decayed post of baseline, which bounds the state under a flood of one-off hashtags.
 */
export class TrendTracker {
  private keys = new Map<string, KeyTrend>();
  private touched: KeyTrend[] = [];
  private readonly ranking = new TrendRanking();
  /** When the job started: one batch interval before its first batch. */
  private startMs: number | undefined;

  constructor(
    private readonly options: TrendingOptions,
    /** The shortest window: the gates and the author counts look this far back. */
    private readonly gateWindowMs: number,
    private readonly batchIntervalMs: number,
  ) {}

  observe(key: string, author: string, isRetweet: boolean, batchMs: number): void {
    this.startMs ??= batchMs - this.batchIntervalMs;
    let trend = this.keys.get(key);
    if (trend === undefined) {
      trend = newKeyTrend(batchMs);
      this.keys.set(key, trend);
    }
    if (trend.batchMs !== batchMs) {
      trend.batchMs = batchMs;
      trend.batchWeight = 0;
      trend.firstAuthor = author;
      trend.firstAuthorPosts = 0;
      trend.batchAuthorPosts = undefined;
      this.touched.push(trend);
    }
    const { options } = this;
    if (admitAuthorPost(trend, author, options.authorPostsPerBatch)) {
      trend.batchWeight += isRetweet ? options.retweetWeight : 1;
    }
    noteAuthor(trend, author, batchMs, batchMs - this.gateWindowMs, options.maxTrackedAuthors);
  }

  /** Adds the batch's weighted posts to the decayed counts of the keys it touched. */
  endBatch(batchMs: number): void {
    this.startMs ??= batchMs - this.batchIntervalMs;
    const { fastHalfLifeMs, slowHalfLifeMs } = this.options;
    for (const trend of this.touched) {
      decayAndAdd(trend, batchMs, trend.batchWeight, fastHalfLifeMs, slowHalfLifeMs);
      trend.batchAuthorPosts = undefined;
    }
    this.touched = [];
  }

  /** The trending list at `batchMs` from the shortest window's `[key, posts]`, best first. */
  rank(
    batchMs: number,
    gateWindowCounts: Iterable<[string, number]>,
    spellingOf: (key: string) => string,
  ): TrendingTag[] {
    const candidates: Candidate[] = [];
    const share = expectedShare(batchMs - this.startMs!, this.options);
    const { minPosts } = this.options;
    // Most keys of the window are below the gate: one number read each, no destructuring.
    for (const pair of gateWindowCounts) {
      const count = pair[1];
      if (count < minPosts) continue;
      const candidate = this.score(pair[0], count, batchMs, share);
      if (candidate !== undefined) candidates.push(candidate);
    }
    const best = selectTop(candidates, this.options.maxTags, (a, b) =>
      a.score !== b.score ? a.score - b.score : a.key < b.key ? 1 : a.key > b.key ? -1 : 0,
    );
    // Spellings and rates only for the tags listed; the rates' divisors are the batch's.
    const ageMs = batchMs - this.startMs!;
    const { fastHalfLifeMs, slowHalfLifeMs } = this.options;
    const fastWeight = gatheredWeight(ageMs, fastHalfLifeMs);
    const slowWeight = gatheredWeight(ageMs, slowHalfLifeMs);
    return this.ranking.next(
      best.map(({ key, score, count, fast, slow, authors }): ScoredTag => ({
        key,
        tag: spellingOf(key),
        score,
        count,
        fastRatePerMin: (fast * 60_000) / fastWeight,
        slowRatePerMin: (slow * 60_000) / slowWeight,
        authors,
      })),
    );
  }

  /** Forgets keys idle for the whole shortest window whose baseline is under one post. */
  sweep(batchMs: number): void {
    const idleBeforeMs = batchMs - this.gateWindowMs;
    for (const [key, trend] of this.keys) {
      if (trend.batchMs <= idleBeforeMs && this.slowAt(trend, batchMs) < 1) this.keys.delete(key);
    }
    if (this.keys.size > this.options.maxTrackedKeys) this.evictSmallest(batchMs);
  }

  get size(): number {
    return this.keys.size;
  }

  /** Between batches (`endBatch` done): the per-key state and the previous ranking. */
  snapshot(): TrendTrackerSnapshot {
    return {
      startMs: this.startMs ?? null,
      keys: snapshotKeyTrends(this.keys),
      ranking: this.ranking.snapshot(),
    };
  }

  /** Loads a `snapshot()` into this fresh tracker; throws on malformed input. */
  restore(snapshot: TrendTrackerSnapshot): void {
    this.keys = restoreKeyTrends(snapshot.keys);
    this.ranking.restore(snapshot.ranking);
    this.startMs = snapshot.startMs ?? undefined;
    this.touched = [];
  }

  /** The key's score and decayed counts, when it passes the score and author gates. */
  private score(key: string, count: number, batchMs: number, share: number): Candidate | undefined {
    const trend = this.keys.get(key);
    if (trend === undefined) return undefined;
    const { fastHalfLifeMs, slowHalfLifeMs } = this.options;
    const elapsedMs = batchMs - trend.updatedMs;
    const fast = elapsedMs === 0 ? trend.fast : trend.fast * decayFactor(elapsedMs, fastHalfLifeMs);
    const slow = elapsedMs === 0 ? trend.slow : trend.slow * decayFactor(elapsedMs, slowHalfLifeMs);
    const score = scoreWithShare(fast, slow, share, this.options.priorPosts);
    if (!(score > 0)) return undefined;
    const authors = recentAuthors(trend, batchMs - this.gateWindowMs);
    if (authors < this.options.minAuthors) return undefined;
    return { key, score, count, fast, slow, authors };
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
