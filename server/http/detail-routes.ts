/** `GET /api/trends/:tag`, `GET /api/trends/:tag/posts`, `GET /api/trends/:tag/related`. */
import { DETAIL_POSTS_LIMIT } from '@/lib/tag-detail-protocol';
import type { WindowSpec } from '@/server/config';
import type { DetailSources } from '@/server/detail/detail-answers';
import { tagPosts, tagRelated, tagSummary } from '@/server/detail/detail-answers';
import { checkLimit, checkTag, checkWindow } from './query';
import type { RouteAnswer } from './respond';
import { json } from './respond';

export interface DetailRouteDeps extends DetailSources {
  windows: readonly WindowSpec[];
  defaultWindow: WindowSpec;
  /** With several instances: waits (about two batches at most) until `check()` holds. */
  waitForSharedViews?(check: () => boolean): Promise<boolean>;
}

/** The tag's count, error bound and rank in every window, and its trending entry (or null). */
export function tagSummaryRoute(deps: DetailRouteDeps, encodedTag: string): RouteAnswer {
  const tag = checkTag(encodedTag);
  if (!tag.ok) return tag.answer;
  return json(200, tagSummary(deps, tag.value.key, tag.value.text));
}

/** The latest posts carrying the tag, newest first; `limit` 1–20, default 20. */
export async function tagPostsRoute(
  deps: DetailRouteDeps,
  encodedTag: string,
  params: URLSearchParams,
): Promise<RouteAnswer> {
  const limit = checkLimit(params, DETAIL_POSTS_LIMIT);
  if (!limit.ok) return limit.answer;
  const tag = checkTag(encodedTag);
  if (!tag.ok) return tag.answer;
  const here = await detailHere(deps, tag.value.key);
  const answer = tagPosts(deps, tag.value.key, limit.value, tag.value.text);
  return here ? json(200, answer) : json(202, { ...answer, pending: true });
}

/** The tags of the same posts in `window` (default: the API's), most shared first. */
export async function tagRelatedRoute(
  deps: DetailRouteDeps,
  encodedTag: string,
  params: URLSearchParams,
): Promise<RouteAnswer> {
  const window = checkWindow(params, deps.windows, deps.defaultWindow);
  if (!window.ok) return window.answer;
  const limit = checkLimit(params);
  if (!limit.ok) return limit.answer;
  const tag = checkTag(encodedTag);
  if (!tag.ok) return tag.answer;
  const here = await detailHere(deps, tag.value.key, window.value.windowMs);
  const answer = tagRelated(deps, tag.value.key, window.value, limit.value, tag.value.text);
  return here ? json(200, answer) : json(202, { ...answer, pending: true });
}

/**
 * True when `key`'s detail is here. Posts and related tags live in the ingesting instance's job:
 * another instance asks the holder for them and waits until it shares them (one to two
 * batches); false when they did not come in time (the answer is then empty and `pending`).
 */
async function detailHere(
  deps: DetailRouteDeps,
  key: string,
  relatedWindowMs?: number,
): Promise<boolean> {
  const here = () => deps.detail(key, relatedWindowMs) !== undefined;
  if (here()) return true;
  return (await deps.waitForSharedViews?.(here)) ?? false;
}
