/**
 * The answers of a tag's detail view, built from the store (shared by every instance) and the
 * job's detail (kept where the job runs): the HTTP routes and the socket's `detail` event send
 * the same shapes (`lib/tag-detail-protocol.ts`).
 */
import type {
  DetailPost,
  DetailWindowCount,
  TagPostsAnswer,
  TagRelatedAnswer,
  TagSummary,
} from '@/lib/tag-detail-protocol';
import type { StoredPost } from '@/lib/trends/detail/detail-types';
import type { TagDetail } from '@/lib/trends/detail/tag-detail';
import type { TrendsBatchResult } from '@/lib/trends/types';
import type { WindowSpec } from '../config';
import type { TrendStore } from '../ingestion/trend-store';

/** What the answers read of a tag's detail: the job's `TagDetail`, or a holder's as shared. */
export type DetailReader = Pick<TagDetail, 'postsOf' | 'relatedOf'>;

export interface DetailSources {
  store: TrendStore;
  /**
   * The detail of `key` (with its related tags in `relatedWindowMs`): the job's where this
   * instance ingests; on a follower, the holder's as shared, undefined while not shared yet.
   */
  detail(key: string, relatedWindowMs?: number): DetailReader | undefined;
}

/** The tag's display spelling: as last seen, else as asked without its `#`. */
export function spellingOf(store: TrendStore, key: string, asked?: string): string {
  return store.spelling(key) ?? asked?.replace(/^[#＃]/, '') ?? key;
}

/**
 * Its count, error bound and rank in every window, and its trending entry. A tag outside a
 * window's top list has `rank: null` and the count the detail holds (posts since it was
 * followed, so at most the window's), or 0 where no detail is kept.
 */
export function tagSummary(sources: DetailSources, key: string, asked?: string): TagSummary {
  const latest = sources.store.latest();
  const detail = sources.detail(key);
  const windows = (latest?.windows ?? []).map((window): DetailWindowCount => {
    const rank = window.top.findIndex((tag) => tag.key === key);
    const entry = rank === -1 ? undefined : window.top[rank]!;
    const count =
      entry?.count ?? detail?.relatedOf(key, window.windowMs, latest!.batchTime).posts ?? 0;
    return {
      label: window.label,
      windowMs: window.windowMs,
      count,
      error: entry?.error ?? 0,
      rank: entry === undefined ? null : rank + 1,
    };
  });
  return {
    key,
    tag: spellingOf(sources.store, key, asked),
    batchTime: latest?.batchTime ?? null,
    windows,
    trend: trendOf(latest, key),
  };
}

function trendOf(latest: TrendsBatchResult | undefined, key: string) {
  const inList = (list: TrendsBatchResult['trending'] | undefined) =>
    list?.find((tag) => tag.key === key);
  return inList(latest?.trending) ?? inList(latest?.cooling) ?? null;
}

/** The tag's latest posts, newest first, at most `limit`; empty where no detail is here. */
export function tagPosts(
  sources: DetailSources,
  key: string,
  limit: number,
  asked?: string,
): TagPostsAnswer {
  const posts = sources.detail(key)?.postsOf(key) ?? [];
  return {
    key,
    tag: spellingOf(sources.store, key, asked),
    batchTime: sources.store.latest()?.batchTime ?? null,
    posts: posts.slice(0, limit).map(toDetailPost),
  };
}

/** The tags of the same posts in `window`, most shared first, at most `limit`. */
export function tagRelated(
  sources: DetailSources,
  key: string,
  window: WindowSpec,
  limit: number,
  asked?: string,
): TagRelatedAnswer {
  const batchTime = sources.store.latest()?.batchTime ?? null;
  const counts =
    batchTime === null
      ? undefined
      : sources.detail(key, window.windowMs)?.relatedOf(key, window.windowMs, batchTime);
  return {
    key,
    tag: spellingOf(sources.store, key, asked),
    window: window.label,
    windowMs: window.windowMs,
    batchTime,
    related: (counts?.related ?? []).slice(0, limit).map(([other, count]) => ({
      key: other,
      tag: spellingOf(sources.store, other),
      count,
    })),
    posts: counts?.posts ?? 0,
    countedSinceMs: counts?.countedSinceMs ?? null,
    missed: counts?.missed ?? 0,
  };
}

export function toDetailPost(post: StoredPost): DetailPost {
  const author: DetailPost['author'] = { id: post.authorId };
  if (post.username !== null) author.username = post.username;
  if (post.name !== null) author.name = post.name;
  return {
    id: post.id,
    text: post.text,
    createdAtMs: post.createdAtMs,
    lang: post.lang,
    author,
    repostCount: post.repostCount,
    lastSeenMs: post.lastSeenMs,
  };
}
