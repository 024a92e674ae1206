/**
 * What is behind a trend: the HTTP answers and socket messages of a tag's detail view, shared by
 * the server and the dashboard. Plain JSON, tags as data (never as object keys).
 */
import type { TagName } from './protocol';
import type { TrendingTag } from './trends/types';

/** A recent post carrying the tag. A retweet is shown once, as the post it retweets. */
export interface DetailPost {
  /** The original post's id (`https://x.com/i/web/status/ID`). */
  id: string;
  /** The text as sent, rendered by the browser as text, never as HTML. */
  text: string;
  /** `created_at` in ms since the epoch; null when the payload has none. */
  createdAtMs: number | null;
  /** The post's `lang`; null when absent. */
  lang: string | null;
  author: {
    /** `author_id`; null when absent. */
    id: string | null;
    /** From the `includes.users` expansion, when the payload has it. */
    username?: string;
    name?: string;
  };
  /** How many retweets of this post were counted (0 for an original seen alone). */
  repostCount: number;
  /** Batch time at which the post (or its latest retweet) was last seen. */
  lastSeenMs: number;
}

/** A tag that appears in the same posts, with the number of shared posts in the window. */
export interface RelatedTag extends TagName {
  count: number;
}

/** The tag's standing in one window; `rank` is 1-based in that window's top list, null if not in it. */
export interface DetailWindowCount {
  label: string;
  windowMs: number;
  count: number;
  error: number;
  rank: number | null;
}

/** `GET /api/trends/:tag` and the `summary` of a `TagDetailUpdate`. */
export interface TagSummary {
  key: string;
  tag: string;
  batchTime: number | null;
  windows: DetailWindowCount[];
  /** Its entry in the trending or cooling list, when it is in one. */
  trend: TrendingTag | null;
}

/** `GET /api/trends/:tag/posts?limit=20`: newest first. */
export interface TagPostsAnswer {
  key: string;
  tag: string;
  batchTime: number | null;
  posts: DetailPost[];
  /**
   * With several instances: true (HTTP 202, `posts` empty) when this instance does not ingest
   * and the ingesting one has not shared the tag's detail yet; asked again a batch later, it has.
   */
  pending?: true;
}

/** `GET /api/trends/:tag/related?window=5m&limit=20`: most shared posts first. */
export interface TagRelatedAnswer {
  key: string;
  tag: string;
  window: string;
  windowMs: number;
  batchTime: number | null;
  related: RelatedTag[];
  /**
   * Posts with the tag in the window, over its counted part: batches at or after
   * `countedSinceMs` (the tag is followed from when it first matters, and counted again from
   * later when the memory bound reclaimed it). Null when nothing is kept for the tag.
   */
  posts: number;
  countedSinceMs: number | null;
  /** Co-occurrences left out by the memory bound since the tag was followed (usually 0). */
  missed: number;
  /** As `TagPostsAnswer.pending` (HTTP 202, `related` empty). */
  pending?: true;
}

/** Sent on the `detail` event after each batch to a client that subscribed with `detail`. */
export interface TagDetailUpdate {
  summary: TagSummary;
  posts: DetailPost[];
  related: TagRelatedAnswer;
  /**
   * With several instances: true while the ingesting instance has not shared the tag's posts
   * and related tags with this one yet (`posts` and `related` empty); the update of the batch
   * that brings them follows.
   */
  pending?: true;
  /** Why `posts` and `related` are empty, when they are not here (yet): shown as is. */
  unavailable?: string;
}

/** What a client asks with the `detail` event; `null` ends the subscription. */
export interface TagDetailRequest {
  key: string;
  /** Window label for the related tags (a configured one; the default window otherwise). */
  window?: string;
}

/** Posts kept per tag and sent per update; the routes' `limit` is at most this. */
export const DETAIL_POSTS_LIMIT = 20;
