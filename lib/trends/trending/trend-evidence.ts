import type { Sighting } from './recent-sightings';

/**
 * How much one post adds to a hashtag's trend evidence. Volume counts every post; evidence
 * counts people and original posts, so that a few accounts cannot make a tag trend:
 *
 * - **An author counts at most once per key per evidence window** (the shortest window, 1 min):
 *   the first post of an author on the key counts, the author's further posts on it within the
 *   window add nothing. A handful of accounts posting all day weigh as much as a handful of posts
 *   a minute, whatever their volume.
 * - **A retweet counts `retweetWeight` (0.5) divided by the retweets of the same original post on
 *   the key within the window** (the n-th counts 0.5/n): the retweets of one post by k accounts
 *   weigh 0.5·(1 + 1/2 + … + 1/k) ≈ 0.5·ln k, e.g. 0.9 for k = 3 and 3.7 for k = 1,000 — little
 *   more than the post itself.
 *
 * `person` is the (key, author) sighting, already recorded for this post (`person.countedMs` is
 * updated when the post counts); `retweetHits` is, for a retweet, how many retweets of the same
 * post on the key the window holds, this one included.
 */
export function evidenceWeight(
  person: Sighting,
  retweetHits: number,
  batchMs: number,
  windowMs: number,
  retweetWeight: number,
): number {
  if (batchMs - person.countedMs < windowMs) return 0;
  person.countedMs = batchMs;
  return retweetHits > 0 ? retweetWeight / retweetHits : 1;
}
