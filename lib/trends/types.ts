/**
 * Contracts of the hashtag job (pure: no I/O). The server feeds `StreamLine`s in and reads one
 * `TrendsBatchResult` out per batch; `lib/protocol.ts` builds the browser's messages from it.
 */

/** One hashtag entity as the X API v2 sends it: `tag` has no `#`, indices are code points. */
export interface HashtagEntity {
  start: number;
  end: number;
  tag: string;
}

/** The fields of an X API v2 post that the job reads (others are ignored). */
export interface Post {
  id: string;
  text: string;
  created_at?: string;
  lang?: string;
  author_id?: string;
  entities?: { hashtags?: HashtagEntity[] };
  note_tweet?: { text: string; entities?: { hashtags?: HashtagEntity[] } };
  referenced_tweets?: { type: 'retweeted' | 'quoted' | 'replied_to'; id: string }[];
}

/** One line of a stream or fixture: `{ "data": …, "includes": … }`. */
export interface StreamLine {
  data: Post;
  includes?: { users?: { id: string; username?: string; name?: string }[] };
  matching_rules?: { id: string; tag?: string }[];
}

/** What the job keeps of a post once parsed: one entry per distinct hashtag key. */
export interface ParsedPost {
  id: string;
  authorId: string | undefined;
  isRetweet: boolean;
  /** Distinct hashtags of the post: counting key (NFKC, lower case) and the spelling seen. */
  tags: { key: string; spelling: string }[];
}

export interface TagCount {
  /** Counting key: NFKC-normalised, lower-cased tag without `#`. */
  key: string;
  /** Display spelling: the most frequent spelling seen for this key. */
  tag: string;
  count: number;
  /** Upper bound of the overcount in heavy-hitters mode; 0 when the count is exact. */
  error: number;
}

export type TrendDirection = 'rising' | 'falling' | 'steady' | 'new';

export interface TrendingTag {
  key: string;
  tag: string;
  /** The trending score (see lib/trends/trending-score.ts for the formula). */
  score: number;
  /** Posts in the shortest window. */
  count: number;
  /** Fast and slow decayed rates, posts per minute. */
  fastRatePerMin: number;
  slowRatePerMin: number;
  /** Distinct authors seen in the shortest window (gate against single-author spam). */
  authors: number;
  direction: TrendDirection;
  /** Rank change against the previous batch (positive = moved up), null when newly ranked. */
  rankChange: number | null;
}

export interface WindowResult {
  /** Label as configured, e.g. `5m`. */
  label: string;
  windowMs: number;
  /** Posts in the window (every post, with or without hashtags). */
  tweets: number;
  /** Top-N hashtags by volume, highest first. */
  top: TagCount[];
  /** True when this window runs in heavy-hitters mode and counts carry an error bound. */
  approximate: boolean;
}

export interface TrendsBatchResult {
  /** The batch's time in ms on the stream's clock (end of the batch interval). */
  batchTime: number;
  /** Posts in this batch, after de-duplication by id. */
  batchTweets: number;
  /** Duplicates dropped in this batch (same id seen within the longest window). */
  duplicates: number;
  /** This batch's per-hashtag counts, highest first, capped at `seriesTagsPerBatch`. */
  batchCounts: TagCount[];
  windows: WindowResult[];
  trending: TrendingTag[];
}

export interface TrendsJobOptions {
  /** Window lengths in ms, each a multiple of the batch interval; default 1 m, 5 m, 15 m, 60 m. */
  windowsMs: number[];
  /** Top-N size per window (default 100, the API's upper limit). */
  topN: number;
  /** How many of a batch's tags to report in `batchCounts` (default 500). */
  seriesTagsPerBatch: number;
  /**
   * Windows at or above this length run in heavy-hitters mode (Space-Saving) with at most
   * `heavyHittersCapacity` counters per pane; shorter windows are exact.
   */
  heavyHittersFromMs: number;
  heavyHittersCapacity: number;
}
