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
}

/** Posts and related tags live in the ingesting instance's job, like the history. */
const KEPT_ELSEWHERE = 'the posts and related tags are kept by the ingesting instance';

/** The tag's count, error bound and rank in every window, and its trending entry (or null). */
export function tagSummaryRoute(deps: DetailRouteDeps, encodedTag: string): RouteAnswer {
  const tag = checkTag(encodedTag);
  if (!tag.ok) return tag.answer;
  return json(200, tagSummary(deps, tag.value.key, tag.value.text));
}

/** The latest posts carrying the tag, newest first; `limit` 1–20, default 20. */
export function tagPostsRoute(
  deps: DetailRouteDeps,
  encodedTag: string,
  params: URLSearchParams,
): RouteAnswer {
  const limit = checkLimit(params, DETAIL_POSTS_LIMIT);
  if (!limit.ok) return limit.answer;
  const tag = checkTag(encodedTag);
  if (!tag.ok) return tag.answer;
  if (deps.detail() === undefined) return json(503, { error: KEPT_ELSEWHERE });
  return json(200, tagPosts(deps, tag.value.key, limit.value, tag.value.text));
}

/** The tags of the same posts in `window` (default: the API's), most shared first. */
export function tagRelatedRoute(
  deps: DetailRouteDeps,
  encodedTag: string,
  params: URLSearchParams,
): RouteAnswer {
  const window = checkWindow(params, deps.windows, deps.defaultWindow);
  if (!window.ok) return window.answer;
  const limit = checkLimit(params);
  if (!limit.ok) return limit.answer;
  const tag = checkTag(encodedTag);
  if (!tag.ok) return tag.answer;
  if (deps.detail() === undefined) return json(503, { error: KEPT_ELSEWHERE });
  return json(200, tagRelated(deps, tag.value.key, window.value, limit.value, tag.value.text));
}
