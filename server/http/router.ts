import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { Readiness } from './health-routes';
import { healthRoute, metricsRoute, readyRoute } from './health-routes';
import type { RouteAnswer } from './respond';
import { json, send } from './respond';
import type { TrendsRouteDeps } from './trends-routes';
import { languagesRoute, seriesRoute, trendingRoute, trendsRoute } from './trends-routes';
import { historyRoute } from './history-route';
import type { DetailRouteDeps } from './detail-routes';
import { tagPostsRoute, tagRelatedRoute, tagSummaryRoute } from './detail-routes';

export interface RouterDeps extends TrendsRouteDeps, DetailRouteDeps {
  registry: Registry;
  readiness(): Readiness;
  logger?: Logger;
}

const OPERATIONS_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

/** Longer request targets are refused with 400 before any parsing. */
export const MAX_URL_LENGTH = 4096;

type Handler = (
  params: URLSearchParams,
  match: RegExpExecArray,
) => RouteAnswer | Promise<RouteAnswer>;

/**
 * The server's own HTTP routes: `/healthz`, `/readyz`, `/metrics` and `/api/*`; everything else
 * belongs to Next. Answers are JSON (`/metrics`: Prometheus text). Any request a client can make
 * ends in an answer, never in an exception: malformed targets are 400s.
 */
export function createRouter(deps: RouterDeps) {
  // Matched against the raw (percent-encoded) path, so an encoded `/` stays inside its segment.
  const routes: [RegExp, Handler][] = [
    [/^\/healthz$/, () => healthRoute()],
    [/^\/readyz$/, () => readyRoute(deps.readiness())],
    [/^\/metrics$/, () => metricsRoute(deps.registry)],
    [/^\/api\/trends$/, (params) => trendsRoute(deps, params)],
    [/^\/api\/trends\/([^/]+)\/series$/, (params, match) => seriesRoute(deps, match[1]!, params)],
    [
      /^\/api\/trends\/([^/]+)\/history$/,
      (params, match) => historyRoute(deps, match[1]!, params, Date.now()),
    ],
    [/^\/api\/trends\/([^/]+)$/, (_params, match) => tagSummaryRoute(deps, match[1]!)],
    [/^\/api\/trends\/([^/]+)\/posts$/, (params, match) => tagPostsRoute(deps, match[1]!, params)],
    [
      /^\/api\/trends\/([^/]+)\/related$/,
      (params, match) => tagRelatedRoute(deps, match[1]!, params),
    ],
    [/^\/api\/trending$/, (params) => trendingRoute(deps, params)],
    [/^\/api\/languages$/, (params) => languagesRoute(deps, params)],
  ];

  /** True when `url` is one of ours (the caller hands the rest to Next). */
  function owns(url: string): boolean {
    const path = rawPath(url);
    return path === '/api' || path.startsWith('/api/') || OPERATIONS_PATHS.has(path);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const headOnly = req.method === 'HEAD';
    let answer: RouteAnswer;
    try {
      answer = await answerFor(req);
    } catch (error) {
      deps.logger?.error({ err: error, url: req.url?.slice(0, 200) }, 'route failed');
      answer = json(500, { error: 'internal error' });
    }
    send(res, answer, headOnly, req.headers['accept-encoding']);
  }

  async function answerFor(req: IncomingMessage): Promise<RouteAnswer> {
    const url = req.url ?? '/';
    if (url.length > MAX_URL_LENGTH) return json(400, { error: 'request URL too long' });
    const path = rawPath(url);
    for (const [pattern, handler] of routes) {
      const match = pattern.exec(path);
      if (!match) continue;
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        return json(405, { error: 'method not allowed' }, { allow: 'GET, HEAD' });
      }
      return handler(new URLSearchParams(url.slice(path.length + 1)), match);
    }
    return json(404, { error: 'not found' });
  }

  return { owns, handle };
}

/** The path part of a request target, still percent-encoded. */
function rawPath(url: string): string {
  const end = url.indexOf('?');
  return end === -1 ? url : url.slice(0, end);
}
