import type { BoardListing } from './trend-board';
import { gatheredWeight } from './trending-score';
import type { TrendDirection, TrendingTag } from '../types';

export interface TrendingTagContext {
  batchMs: number;
  /** When the job started watching (rates are corrected for its age, see `trending-score.ts`). */
  startMs: number;
  fastHalfLifeMs: number;
  /** A key seen for less than this (the baseline's half-life) has no usual rate of its own yet. */
  newForMs: number;
  spellingOf: (key: string) => string;
}

/** Builds the listed tags of one batch: the numbers that say why, rates per minute. */
export function trendingTagBuilder(context: TrendingTagContext) {
  const { batchMs, startMs, fastHalfLifeMs, newForMs, spellingOf } = context;
  const fastWeight = gatheredWeight(batchMs - startMs, fastHalfLifeMs);
  return (
    listing: BoardListing,
    direction: TrendDirection,
    rankChange: number | null,
  ): TrendingTag => {
    const { key, score, count, fast, expected, authors, originals, firstSeenMs } = listing.evidence;
    const isNew = batchMs - firstSeenMs < newForMs || expected < 1;
    return {
      key,
      tag: spellingOf(key),
      score,
      count,
      fastRatePerMin: (fast * 60_000) / fastWeight,
      usualRatePerMin: (expected * 60_000) / fastWeight,
      rateMultiple: isNew ? null : fast / expected,
      authors,
      originals,
      direction,
      trendingSinceMs: listing.sinceMs,
      rankChange,
    };
  };
}
