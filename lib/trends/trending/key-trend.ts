import { decayFactor } from './trending-score';

/**
 * What the trend tracker keeps per hashtag key: the decayed counts of `trending-score.ts`, this
 * batch's weighted posts (with each author capped), and the recent distinct authors.
 *
 * Decay is lazy: `fast` and `slow` hold their values as of `updatedMs` and are decayed when the
 * key is next touched or read, so an idle key costs nothing per batch.
 */
export interface KeyTrend {
  fast: number;
  slow: number;
  updatedMs: number;
  /** Batch of the last post; `batchWeight` and the author counts belong to it. */
  batchMs: number;
  batchWeight: number;
  /** The batch's first author and its posts, so a one-author batch needs no map. */
  firstAuthor: string;
  firstAuthorPosts: number;
  batchAuthorPosts: Map<string, number> | undefined;
  /** Author → batch time of their last post on this key; at most `maxTrackedAuthors`. */
  authors: Map<string, number>;
  /** Batch in which `authors` was last pruned: at most one scan per batch when it is full. */
  authorsPrunedMs: number;
}

export function newKeyTrend(batchMs: number): KeyTrend {
  return {
    fast: 0,
    slow: 0,
    updatedMs: batchMs,
    batchMs: -Infinity,
    batchWeight: 0,
    firstAuthor: '',
    firstAuthorPosts: 0,
    batchAuthorPosts: undefined,
    authors: new Map(),
    authorsPrunedMs: -Infinity,
  };
}

/** Counts a post of `author` in the current batch; false once the author has had `cap` posts. */
export function admitAuthorPost(trend: KeyTrend, author: string, cap: number): boolean {
  if (author === trend.firstAuthor) return ++trend.firstAuthorPosts <= cap;
  const counts = (trend.batchAuthorPosts ??= new Map());
  const posts = (counts.get(author) ?? 0) + 1;
  counts.set(author, posts);
  return posts <= cap;
}

/**
 * Remembers that `author` posted at `batchMs`. When `max` authors are tracked, those older than
 * `sinceMs` make room (one scan per batch at most); if all are recent the key already passes any
 * author gate below `max`, so a new author is simply not recorded (distinct authors saturate at
 * `max`).
 */
export function noteAuthor(
  trend: KeyTrend,
  author: string,
  batchMs: number,
  sinceMs: number,
  max: number,
): void {
  const authors = trend.authors;
  if (authors.size >= max && !authors.has(author)) {
    if (trend.authorsPrunedMs === batchMs) return;
    trend.authorsPrunedMs = batchMs;
    for (const [known, lastMs] of authors) if (lastMs <= sinceMs) authors.delete(known);
    if (authors.size >= max) return;
  }
  authors.set(author, batchMs);
}

/** Distinct authors with a post after `sinceMs`. */
export function recentAuthors(trend: KeyTrend, sinceMs: number): number {
  let count = 0;
  for (const lastMs of trend.authors.values()) if (lastMs > sinceMs) count++;
  return count;
}

/** Decays both counts to `timeMs` and adds `weight` posts at that time. */
export function decayAndAdd(
  trend: KeyTrend,
  timeMs: number,
  weight: number,
  fastHalfLifeMs: number,
  slowHalfLifeMs: number,
): void {
  const elapsedMs = timeMs - trend.updatedMs;
  if (elapsedMs > 0) {
    trend.fast *= decayFactor(elapsedMs, fastHalfLifeMs);
    trend.slow *= decayFactor(elapsedMs, slowHalfLifeMs);
    trend.updatedMs = timeMs;
  }
  trend.fast += weight;
  trend.slow += weight;
}
