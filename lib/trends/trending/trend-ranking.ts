import type { TrendDirection, TrendingTag } from '../types';

/** A ranked candidate before direction and rank change are known. */
export type ScoredTag = Omit<TrendingTag, 'direction' | 'rankChange'>;

/** The previous batch's ranking: keys best first and their scores. */
export interface TrendRankingSnapshot {
  keys: string[];
  scores: number[];
}

/** Relative score change under which a tag counts as steady between two batches. */
const STEADY_BAND = 0.02;

/**
 * Remembers the previous batch's ranking to give each tag its `direction` and `rankChange`:
 * `new` (and a null rank change) for a tag that was not ranked in the previous batch; otherwise
 * `rising` or `falling` when the score moved more than 2 % since then, else `steady`.
 */
export class TrendRanking {
  private previous = new Map<string, { rank: number; score: number }>();

  /** `scored` is this batch's ranking, best first. */
  next(scored: ScoredTag[]): TrendingTag[] {
    const current = new Map<string, { rank: number; score: number }>();
    const ranked: TrendingTag[] = [];
    for (let rank = 0; rank < scored.length; rank++) {
      const tag = scored[rank]!;
      current.set(tag.key, { rank, score: tag.score });
      const before = this.previous.get(tag.key);
      // Written out (same fields, same order as a spread): this runs for every listed tag.
      ranked.push({
        key: tag.key,
        tag: tag.tag,
        score: tag.score,
        count: tag.count,
        fastRatePerMin: tag.fastRatePerMin,
        slowRatePerMin: tag.slowRatePerMin,
        authors: tag.authors,
        direction: before === undefined ? 'new' : directionOf(before.score, tag.score),
        rankChange: before === undefined ? null : before.rank - rank,
      });
    }
    this.previous = current;
    return ranked;
  }

  snapshot(): TrendRankingSnapshot {
    const ranked = [...this.previous].sort((a, b) => a[1].rank - b[1].rank);
    return { keys: ranked.map(([key]) => key), scores: ranked.map(([, entry]) => entry.score) };
  }

  restore(snapshot: TrendRankingSnapshot): void {
    if (snapshot.keys.length !== snapshot.scores.length) {
      throw new TypeError('ranking snapshot: keys and scores differ in length');
    }
    this.previous = new Map(
      snapshot.keys.map((key, rank) => [key, { rank, score: snapshot.scores[rank]! }]),
    );
  }
}

function directionOf(previousScore: number, score: number): TrendDirection {
  const band = STEADY_BAND * Math.max(Math.abs(previousScore), 1);
  if (score > previousScore + band) return 'rising';
  if (score < previousScore - band) return 'falling';
  return 'steady';
}
