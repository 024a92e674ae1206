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

/**
 * One line of a stream or fixture: `{ "data": …, "includes": … }`. `includes` and
 * `matching_rules` are typed as X documents them for the code that writes lines (fixtures, the
 * mock X API); the job never reads them and the parser does not check them, so on a parsed line
 * they hold whatever was sent.
 */
export interface StreamLine {
  data: Post;
  includes?: { users?: { id: string; username?: string; name?: string }[] };
  /** Rule ids were JSON numbers in 2021 recordings, and `tag` may be null. */
  matching_rules?: { id: string | number; tag?: string | null }[];
}

/**
 * What the job keeps of a post once parsed: one entry per distinct hashtag key, and what a tag's
 * detail shows of it. The detail fields are optional so that posts built by hand (tests, tools)
 * need only what counting needs; `toParsedPost` always sets every field (one object shape).
 */
export interface ParsedPost {
  id: string;
  authorId: string | undefined;
  isRetweet: boolean;
  /** For a retweet: the id of the retweeted post (the original the trend evidence groups by). */
  retweetOf?: string;
  /** Distinct hashtags of the post: counting key (NFKC, lower case) and the spelling seen. */
  tags: { key: string; spelling: string }[];
  /** The post's `text` as sent (a retweet's is `RT @author: …`); what a tag's detail shows. */
  text?: string;
  /** The post's `lang` in lower case; absent when missing or not a language code ("und"). */
  lang?: string;
  /** `created_at` in ms since the epoch; absent when missing or not a date. */
  createdAtMs?: number;
  /** The author's `username` and `name` from the line's `includes.users`, when it has them. */
  authorUsername?: string;
  authorName?: string;
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

/** `new` and `rising`: under "Trending now" (new = listed since the last batch); `cooling`: past its peak. */
export type TrendDirection = 'new' | 'rising' | 'cooling';

/** A trending hashtag with the numbers that say why (see lib/trends/trending/ and docs/trending.md). */
export interface TrendingTag {
  key: string;
  tag: string;
  /** The trending score, in Poisson standard deviations above the usual rate. */
  score: number;
  /** Posts in the shortest window (every post, retweets included). */
  count: number;
  /** Rate of trend evidence now (people and original posts, see trend-evidence.ts), per minute. */
  fastRatePerMin: number;
  /** Its usual rate: the 15-minute baseline, or its daily habit at this time of day if higher. */
  usualRatePerMin: number;
  /** fastRatePerMin / usualRatePerMin ("4.1× its usual rate"); null for a tag too new to have one. */
  rateMultiple: number | null;
  /** Distinct authors in the shortest window ("83 people in the last minute"). */
  authors: number;
  /** Distinct original posts in the shortest window (a retweet counts as the post it retweets). */
  originals: number;
  direction: TrendDirection;
  /** Batch time at which the tag entered the list. */
  trendingSinceMs: number;
  /** Rank change in "Trending now" since the previous batch (positive = up); null when new or cooling. */
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
  /**
   * The languages of the window's posts, most posts first (the job's result, with the filter
   * dimensions on; socket messages carry the default window's apart, as `languages`).
   */
  languages?: LanguageCount[];
}
/** Posts of one language (a post's `lang`, lower case; `und` without one) in a window. */
export interface LanguageCount {
  lang: string;
  posts: number;
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
  /**
   * The same per filter cell (keys `<cell>\0<tag>`, see `filters/filter-cells.ts`), for the
   * filtered series; absent without the filter dimensions.
   */
  filteredBatchCounts?: TagCount[];
  windows: WindowResult[];
  /** What is rising now, best score first; empty when nothing has strong evidence. */
  trending: TrendingTag[];
  /** Tags past their peak that rose in the last minutes, most recently rising first. */
  cooling: TrendingTag[];
  /**
   * While the trend view warms up, the batch time from which tags that were already busy when the
   * job started can trend (until then only tags first seen after the start can); null once warm.
   */
  trendWarmUpEndsMs: number | null;
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
  /**
   * Distinct keys the longest exact window holds at most (default 100,000). Beyond it new keys
   * are cut (see `ExactWindowAdmission`): the window turns `approximate` and its `error`s bound
   * what a key may lack, while keys already in it stay exact.
   */
  maxExactWindowKeys: number;
  /** Keys with a display spelling at most (default 100,000); least recently seen go first. */
  maxSpellingKeys: number;
  /** Post ids remembered for de-duplication at most (default 500,000); oldest go first. */
  maxDedupeIds: number;
  /**
   * Count per language and original/retweet cell too, so that every view can be filtered
   * (default true; see `filters/filter-cells.ts`).
   */
  filterDimensions: boolean;
}
