/** Contracts of what the job keeps behind a trend: latest posts and co-occurring tags (pure data). */

export interface TagDetailOptions {
  /** Posts kept per tag, newest first (the routes' upper limit). */
  postsPerTag: number;
  /** Tags with a detail at most; the least recently seen go first. */
  maxTags: number;
  /**
   * Units of co-occurrence state at most: one per (tag, batch) bucket and one per co-occurring
   * tag counted in a bucket. Beyond it the least recently seen tags lose their counts (see
   * `CoOccurrence`), so the related tags of a tag are counted from a later time on.
   */
  maxRelatedUnits: number;
  /** Longer texts (and names) are cut to this many UTF-16 units, on a code point boundary. */
  maxTextLength: number;
  /** The longest window: co-occurrence buckets older than this are dropped. */
  longestWindowMs: number;
}

/** A post as kept: shared by every tag whose list holds it (its text is kept once). */
export interface StoredPost {
  /** The original's id (a retweet is kept as the post it retweets). */
  id: string;
  text: string;
  createdAtMs: number | null;
  lang: string | null;
  authorId: string | null;
  username: string | null;
  name: string | null;
  /** True once the original itself was seen (its text and author replace a retweet's). */
  original: boolean;
  repostCount: number;
  lastSeenMs: number;
}

/** A checkpoint of the detail state: posts once, lists by post index, buckets as columns. */
export interface TagDetailSnapshot {
  posts: StoredPost[];
  /** `[key, indexes into posts (newest first)]`, least recently seen tag first. */
  lists: [string, number[]][];
  /** `[key, countedSinceMs, buckets]`, least recently seen tag first. */
  coOccurrence: [string, number, CoOccurrenceBucketSnapshot[]][];
}

/** One batch of one tag: `[batchTime, posts with the tag, co-tag keys, their counts]`. */
export type CoOccurrenceBucketSnapshot = [number, number, string[], number[]];

/** Related tags of one tag in one window. */
export interface RelatedCounts {
  /** `[key, posts shared]`, most first, ties by key. */
  related: [string, number][];
  /** Posts with the tag in the window (over the counted part of it). */
  posts: number;
  /** Batches at or after this time are counted; null when nothing is kept for the tag. */
  countedSinceMs: number | null;
  /** Co-occurrences of the tag left out since it was followed (0 unless one batch filled the bound). */
  missed: number;
}
