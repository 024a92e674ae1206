/** `GET /api/trends`, `GET /api/trends/:tag/series`, `GET /api/trending`. */
import type { WindowSpec } from '@/server/config';
import type { TagHistory } from '@/lib/trends/history/tag-history';
import type { TrendStore } from '@/server/ingestion/trend-store';
import { checkLimit, checkTag, checkWindow } from './query';
import type { RouteAnswer } from './respond';
import { json } from './respond';

export interface TrendsRouteDeps {
  store: TrendStore;
  /** The configured windows, shortest first. */
  windows: readonly WindowSpec[];
  /** Answered when `window` is not given (`5m` when configured, else the first). */
  defaultWindow: WindowSpec;
  batchIntervalMs: number;
  /** The per-minute history: this instance's own, or the ingesting instance's as last shared. */
  history(): TagHistory | Promise<TagHistory | undefined>;
}

/** The latest batch's top tags of one window; before the first batch `batchTime` is null. */
export function trendsRoute(deps: TrendsRouteDeps, params: URLSearchParams): RouteAnswer {
  const window = checkWindow(params, deps.windows, deps.defaultWindow);
  if (!window.ok) return window.answer;
  const limit = checkLimit(params);
  if (!limit.ok) return limit.answer;
  const { label, windowMs } = window.value;
  const latest = deps.store.latest();
  const result = latest?.windows.find((candidate) => candidate.windowMs === windowMs);
  return json(200, {
    window: label,
    windowMs,
    batchTime: latest?.batchTime ?? null,
    tweets: result?.tweets ?? 0,
    approximate: result?.approximate ?? false,
    tags: (result?.top ?? [])
      .slice(0, limit.value)
      .map(({ tag, key, count, error }) => ({ tag, key, count, error })),
  });
}

/** Per-batch counts of one tag over the recent batches, zeros included. */
export function seriesRoute(deps: TrendsRouteDeps, encodedTag: string): RouteAnswer {
  const tag = checkTag(encodedTag);
  if (!tag.ok) return tag.answer;
  const { text, key } = tag.value;
  const points = deps.store
    .series([key])
    .map((point) => ({ batchTime: point.batchTime, count: point.counts[0] ?? 0 }));
  return json(200, {
    tag: deps.store.spelling(key) ?? text.replace(/^[#＃]/, ''),
    key,
    batchIntervalMs: deps.batchIntervalMs,
    points,
  });
}

/**
 * The latest trending lists: `trending` is what rises now (score order, may be empty),
 * `cooling` what is past its peak; `warmUpEndsMs` is set while the trend view warms up.
 */
export function trendingRoute(deps: TrendsRouteDeps, params: URLSearchParams): RouteAnswer {
  const limit = checkLimit(params);
  if (!limit.ok) return limit.answer;
  const latest = deps.store.latest();
  return json(200, {
    batchTime: latest?.batchTime ?? null,
    trending: (latest?.trending ?? []).slice(0, limit.value),
    cooling: (latest?.cooling ?? []).slice(0, limit.value),
    warmUpEndsMs: latest?.trendWarmUpEndsMs ?? null,
  });
}
