/** `GET /api/trends`, `GET /api/trends/:tag/series`, `GET /api/trending`, `GET /api/languages`. */
import type { WindowSpec } from '@/server/config';
import type { TagHistory } from '@/lib/trends/history/tag-history';
import type { FilteredViews } from '@/lib/trends/filters/filtered-views';
import type { TrendsBatchResult, WindowResult } from '@/lib/trends/types';
import { isUnfiltered } from '@/lib/view-filters';
import type { LanguagesAnswer, ViewFilter } from '@/lib/view-filters';
import type { TrendStore } from '@/server/ingestion/trend-store';
import { filteredSeries } from '@/server/ingestion/filtered-series';
import { checkFilter, filterFields } from './filter-query';
import { checkLimit, checkTag, checkWindow } from './query';
import type { Checked } from './query';
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
  /** The latest filtered numbers (the pipeline's); undefined where another instance ingests. */
  filteredViews(): FilteredViews | undefined;
}

/** The latest batch's top tags of one window; before the first batch `batchTime` is null. */
export function trendsRoute(deps: TrendsRouteDeps, params: URLSearchParams): RouteAnswer {
  const window = checkWindow(params, deps.windows, deps.defaultWindow);
  if (!window.ok) return window.answer;
  const limit = checkLimit(params);
  if (!limit.ok) return limit.answer;
  const filter = checkRouteFilter(deps, params);
  if (!filter.ok) return filter.answer;
  const { label, windowMs } = window.value;
  const latest = deps.store.latest();
  const windows = latestWindows(deps, latest, filter.value);
  if (!windows.ok) return windows.answer;
  const result = windows.value.find((candidate) => candidate.windowMs === windowMs);
  return json(200, {
    window: label,
    windowMs,
    batchTime: latest?.batchTime ?? null,
    ...filterFields(filter.value),
    tweets: result?.tweets ?? 0,
    approximate: result?.approximate ?? false,
    tags: (result?.top ?? [])
      .slice(0, limit.value)
      .map(({ tag, key, count, error }) => ({ tag, key, count, error })),
  });
}

/** Per-batch counts of one tag over the recent batches, zeros included (under the filter). */
export function seriesRoute(
  deps: TrendsRouteDeps,
  encodedTag: string,
  params: URLSearchParams,
): RouteAnswer {
  const tag = checkTag(encodedTag);
  if (!tag.ok) return tag.answer;
  const filter = checkRouteFilter(deps, params);
  if (!filter.ok) return filter.answer;
  const { text, key } = tag.value;
  const points = filteredSeries(deps.store, filter.value, [key]).map((point) => ({
    batchTime: point.batchTime,
    count: point.counts[0] ?? 0,
  }));
  return json(200, {
    tag: deps.store.spelling(key) ?? text.replace(/^[#＃]/, ''),
    key,
    ...filterFields(filter.value),
    batchIntervalMs: deps.batchIntervalMs,
    points,
  });
}

/**
 * The latest trending lists: `trending` is what rises now (score order, may be empty),
 * `cooling` what is past its peak; `warmUpEndsMs` is set while the trend view warms up. Under a
 * filter: the lists narrowed to the tags the filter's posts carry (see `FilteredViews.trending`).
 */
export function trendingRoute(deps: TrendsRouteDeps, params: URLSearchParams): RouteAnswer {
  const limit = checkLimit(params);
  if (!limit.ok) return limit.answer;
  const filter = checkRouteFilter(deps, params);
  if (!filter.ok) return filter.answer;
  const latest = deps.store.latest();
  let lists = { trending: latest?.trending ?? [], cooling: latest?.cooling ?? [] };
  if (latest !== undefined && !isUnfiltered(filter.value)) {
    const views = deps.filteredViews();
    if (views === undefined) return notHere();
    lists = views.trending(filter.value, lists);
  }
  return json(200, {
    batchTime: latest?.batchTime ?? null,
    ...filterFields(filter.value),
    trending: lists.trending.slice(0, limit.value),
    cooling: lists.cooling.slice(0, limit.value),
    warmUpEndsMs: latest?.trendWarmUpEndsMs ?? null,
  });
}

/** `GET /api/languages?window=5m`: the languages of the window's posts, most posts first. */
export function languagesRoute(deps: TrendsRouteDeps, params: URLSearchParams): RouteAnswer {
  const window = checkWindow(params, deps.windows, deps.defaultWindow);
  if (!window.ok) return window.answer;
  const { label, windowMs } = window.value;
  const latest = deps.store.latest();
  const answer: LanguagesAnswer = {
    window: label,
    windowMs,
    batchTime: latest?.batchTime ?? null,
    languages: languagesOf(latest, windowMs),
  };
  return json(200, answer);
}

function languagesOf(latest: TrendsBatchResult | undefined, windowMs: number) {
  const window = latest?.windows.find((candidate) => candidate.windowMs === windowMs);
  return window?.languages ?? [];
}

function checkRouteFilter(deps: TrendsRouteDeps, params: URLSearchParams): Checked<ViewFilter> {
  return checkFilter(params, () =>
    languagesOf(deps.store.latest(), deps.defaultWindow.windowMs).map(({ lang }) => lang),
  );
}

/** Every window of the latest batch under `filter` (the plain result when it narrows nothing). */
function latestWindows(
  deps: TrendsRouteDeps,
  latest: TrendsBatchResult | undefined,
  filter: ViewFilter,
): Checked<WindowResult[]> {
  if (latest === undefined) return { ok: true, value: [] };
  if (isUnfiltered(filter)) return { ok: true, value: latest.windows };
  const views = deps.filteredViews();
  if (views === undefined) return { ok: false, answer: notHere() };
  return { ok: true, value: views.windows(filter) };
}

/**
 * With several instances, the filtered windows are assembled by the instance that ingests (they
 * come from its job's state): another instance answers 503 and the client retries.
 */
function notHere(): RouteAnswer {
  return json(
    503,
    { error: 'filtered numbers are answered by the ingesting instance; try again' },
    { 'retry-after': '2' },
  );
}
