/**
 * Client for the tag detail routes: `GET /api/trends/:tag`, `/posts?limit=20` and
 * `/related?window=5m&limit=20`, fetched together when a detail view opens (the socket's
 * `detail` updates follow after each batch).
 */
import type { TagDetailUpdate } from '@/lib/tag-detail-protocol';
import { DETAIL_POSTS_LIMIT } from '@/lib/tag-detail-protocol';

export async function fetchTagDetail(
  key: string,
  window: string,
  signal?: AbortSignal,
): Promise<TagDetailUpdate> {
  const base = `/api/trends/${encodeURIComponent(key)}`;
  const limit = String(DETAIL_POSTS_LIMIT);
  const related = new URLSearchParams({ window, limit });
  const [summary, posts, relatedAnswer] = await Promise.all([
    getJson(base, signal),
    getJson(`${base}/posts?limit=${limit}`, signal),
    getJson(`${base}/related?${related}`, signal),
  ]);
  const update = {
    summary,
    posts: (posts as { posts?: unknown }).posts,
    related: relatedAnswer,
  } as TagDetailUpdate;
  if (!Array.isArray(update.posts) || !Array.isArray(update.summary?.windows)) {
    throw new Error(`detail of ${key}: unexpected body`);
  }
  if (!Array.isArray(update.related?.related))
    throw new Error(`related of ${key}: unexpected body`);
  return update;
}

async function getJson(path: string, signal?: AbortSignal): Promise<unknown> {
  const response = await fetch(path, {
    signal,
    headers: { accept: 'application/json' },
    cache: 'no-store',
  });
  if (!response.ok) throw new Error(`${path.split('?')[0]}: HTTP ${response.status}`);
  return response.json();
}
