/**
 * The mock's `GET /2/tweets/search/recent`: posts with id > `since_id`, newest first,
 * `max_results` (10–100) a page, `next_token` to older pages, `meta` as X sends it (`data` and
 * `newest_id` absent when nothing matched), and a per-window rate limit in `x-rate-limit-*`.
 */
import type { ServerResponse } from 'node:http';
import type { MockPost } from './mock-posts';

export interface RateWindow {
  limit: number;
  windowMs: number;
  startedAtMs: number;
  used: number;
}

/** Counts the request; returns the headers to send and whether the budget was already spent. */
export function takeRateLimit(
  window: RateWindow,
  nowMs: number,
): { headers: Record<string, string>; limited: boolean } {
  if (nowMs >= window.startedAtMs + window.windowMs) {
    window.startedAtMs = nowMs;
    window.used = 0;
  }
  window.used += 1;
  const limited = window.used > window.limit;
  return {
    limited,
    headers: {
      'x-rate-limit-limit': String(window.limit),
      'x-rate-limit-remaining': String(Math.max(0, window.limit - window.used)),
      'x-rate-limit-reset': String(Math.ceil((window.startedAtMs + window.windowMs) / 1000)),
    },
  };
}

export interface SearchAnswer {
  status: number;
  body: unknown;
  /** Posts returned (so the mock can record them as sent). */
  posts: MockPost[];
}

/** Answers a search over `posts` (ascending ids) for the request's query parameters. */
export function answerSearch(posts: readonly MockPost[], params: URLSearchParams): SearchAnswer {
  const maxResults = Number(params.get('max_results') ?? '10');
  const query = params.get('query') ?? '';
  const balanced = query.split('(').length === query.split(')').length;
  if (!query || !balanced || !Number.isInteger(maxResults) || maxResults < 10 || maxResults > 100)
    return {
      status: 400,
      posts: [],
      body: {
        title: 'Invalid Request',
        detail: 'a valid query and max_results 10-100 are required',
      },
    };
  const sinceId = params.get('since_id');
  const untilId = params.get('next_token')
    ? Buffer.from(params.get('next_token')!, 'base64url').toString()
    : undefined;
  const matching = posts
    .filter((post) => sinceId === null || BigInt(post.data.id) > BigInt(sinceId))
    .filter((post) => untilId === undefined || BigInt(post.data.id) < BigInt(untilId))
    .reverse();
  const page = matching.slice(0, maxResults);
  const meta: Record<string, unknown> = { result_count: page.length };
  if (page.length > 0) {
    meta.newest_id = page[0]!.data.id;
    meta.oldest_id = page[page.length - 1]!.data.id;
  }
  if (matching.length > page.length)
    meta.next_token = Buffer.from(page[page.length - 1]!.data.id).toString('base64url');
  const body: Record<string, unknown> = { meta };
  if (page.length > 0) {
    body.data = page.map((post) => post.data);
    const users = new Map(page.map((post) => [post.user.id, post.user]));
    body.includes = { users: [...users.values()] };
  }
  return { status: 200, body, posts: page };
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}
