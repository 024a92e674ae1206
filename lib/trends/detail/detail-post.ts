import type { ParsedPost } from '../types';
import type { StoredPost } from './detail-types';
import { cutText } from './text-cut';

/** `RT @name: ` at the start of a retweet's text: the retweeted author's username. */
const RETWEET_PREFIX = /^RT @(\w{1,50}): /u;

/** The id under which a post is kept: a retweet is kept as the post it retweets. */
export function originalIdOf(post: ParsedPost): string {
  return post.isRetweet ? (post.retweetOf ?? post.id) : post.id;
}

/**
 * A post as the detail keeps it. An original keeps its own fields. A retweet stands for its
 * original until that is seen: the text without the `RT @name: ` prefix, `name` as the author's
 * username, the original's author id and time unknown (null).
 */
export function toStoredPost(post: ParsedPost, batchTime: number, maxLength: number): StoredPost {
  const cut = (text: string | undefined) => (text === undefined ? null : cutText(text, maxLength));
  if (!post.isRetweet) {
    return {
      id: post.id,
      text: cut(post.text) ?? '',
      createdAtMs: post.createdAtMs ?? null,
      lang: cut(post.lang),
      authorId: cut(post.authorId),
      username: cut(post.authorUsername),
      name: cut(post.authorName),
      original: true,
      repostCount: 0,
      lastSeenMs: batchTime,
    };
  }
  const text = post.text ?? '';
  const prefix = RETWEET_PREFIX.exec(text);
  return {
    id: originalIdOf(post),
    text: cutText(prefix ? text.slice(prefix[0].length) : text, maxLength),
    createdAtMs: null,
    lang: cut(post.lang),
    authorId: null,
    username: prefix ? prefix[1]! : null,
    name: null,
    original: false,
    repostCount: 1,
    lastSeenMs: batchTime,
  };
}

/**
 * A post's sightings in one batch, as indexes into the batch's posts (-1 for none): its first
 * post, the original if seen, and the number of its retweets.
 */
export interface BatchSighting {
  first: number;
  original: number;
  reposts: number;
}

export function newSighting(): BatchSighting {
  return { first: -1, original: -1, reposts: 0 };
}

/**
 * A post first kept in this batch, from its sightings: the original if seen, else its first
 * retweet; `prepared[i]`, when defined, is `posts[i]` as `toStoredPost` builds it (made ahead).
 */
export function storedFromSighting(
  sighting: BatchSighting,
  posts: readonly ParsedPost[],
  prepared: readonly (StoredPost | undefined)[] | undefined,
  batchTime: number,
  maxLength: number,
): StoredPost {
  const index = sighting.original >= 0 ? sighting.original : sighting.first;
  const stored = prepared?.[index] ?? toStoredPost(posts[index]!, batchTime, maxLength);
  stored.repostCount = sighting.reposts;
  return stored;
}

/** `kept` seen again in a batch: each retweet counts, the original replaces a retweet's stand-in. */
export function mergeSightings(
  kept: StoredPost,
  sighting: BatchSighting,
  posts: readonly ParsedPost[],
  batchTime: number,
  maxLength: number,
): void {
  kept.lastSeenMs = Math.max(kept.lastSeenMs, batchTime);
  kept.repostCount += sighting.reposts;
  if (kept.original || sighting.original < 0) return;
  // The original after its retweets: its own text and author replace the retweet's.
  const own = toStoredPost(posts[sighting.original]!, kept.lastSeenMs, maxLength);
  Object.assign(kept, { ...own, repostCount: kept.repostCount });
}
