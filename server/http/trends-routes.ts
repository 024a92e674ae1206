/** `GET /api/trends`, `GET /api/trends/:tag/series`, `GET /api/trending`, `GET /api/languages`. */
import type { WindowSpec } from '@/server/config';
import type { TagHistory } from '@/lib/trends/history/tag-history';
import type { TrendsBatchResult, WindowResult } from '@/lib/trends/types';
import { isUnfiltered } from '@/lib/view-filters';
import type { LanguagesAnswer, ViewFilter } from '@/lib/view-filters';
import type { TrendStore } from '@/server/ingestion/trend-store';
import type { FilterViews } from '@/server/sockets/hub-messages';
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
  /**
   * The latest numbers under `filter`: the job's; on an instance that does not ingest, the
   * holder's as shared, undefined until it shares them (asking for them).
   */
  filteredViews(filter: ViewFilter): FilterViews | undefined;
  /** With several instances: waits (about two batches at most) until `check()` holds. */
  waitForSharedViews?(check: () => boolean): Promise<boolean>;
}

/** The latest batch's top tags of one window; before the first batch `batchTime` is null. */
export async function trendsRoute(
  deps: TrendsRouteDeps,
  params: URLSearchParams,
): Promise<RouteAnswer> {
  const window = checkWindow(params, deps.windows, deps.defaultWindow);
  if (!window.ok) return window.answer;
  const limit = checkLimit(params);
  if (!limit.ok) return limit.answer;
  const filter = checkRouteFilter(deps, params);
  if (!filter.ok) return filter.answer;
  const { label, windowMs } = window.value;
  const views = await viewsOf(deps, filter.value);
  const latest = deps.store.latest();
  const windows = views === PENDING ? [] : latestWindows(latest, filter.value, views);
  const result = windows.find((candidate) => candidate.windowMs === windowMs);
  return json(views === PENDING ? 202 : 200, {
    window: label,
    windowMs,
    batchTime: latest?.batchTime ?? null,
    ...filterFields(filter.value),
    ...pendingField(views),
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
export async function trendingRoute(
  deps: TrendsRouteDeps,
  params: URLSearchParams,
): Promise<RouteAnswer> {
  const limit = checkLimit(params);
  if (!limit.ok) return limit.answer;
  const filter = checkRouteFilter(deps, params);
  if (!filter.ok) return filter.answer;
  const views = await viewsOf(deps, filter.value);
  const latest = deps.store.latest();
  let lists = { trending: latest?.trending ?? [], cooling: latest?.cooling ?? [] };
  if (views === PENDING) lists = { trending: [], cooling: [] };
  else if (views !== undefined) lists = views.trending(filter.value, lists);
  return json(views === PENDING ? 202 : 200, {
    batchTime: latest?.batchTime ?? null,
    ...filterFields(filter.value),
    ...pendingField(views),
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
  latest: TrendsBatchResult | undefined,
  filter: ViewFilter,
  views: FilterViews | undefined,
): WindowResult[] {
  if (latest === undefined) return [];
  if (isUnfiltered(filter) || views === undefined) return latest.windows;
  return views.windows(filter);
}

/** The numbers under the filter are not here yet (see `viewsOf`). */
const PENDING = 'pending';

/**
 * The numbers under `filter` at the latest batch; undefined when the filter narrows nothing or
 * no batch came yet. With several instances the filtered numbers come from the ingesting
 * instance's job: an instance that does not ingest asks for them and waits until the holder
 * shares them (one to two batches); `PENDING` when they did not come in time.
 */
async function viewsOf(
  deps: TrendsRouteDeps,
  filter: ViewFilter,
): Promise<FilterViews | undefined | typeof PENDING> {
  if (isUnfiltered(filter) || deps.store.latest() === undefined) return undefined;
  let views = deps.filteredViews(filter);
  if (views === undefined && deps.waitForSharedViews !== undefined) {
    await deps.waitForSharedViews(() => (views = deps.filteredViews(filter)) !== undefined);
  }
  return views ?? PENDING;
}

/**
 * `pending: true` on an answer whose numbers the ingesting instance has not shared yet (202,
 * empty lists): asked again a batch later, it has them.
 */
function pendingField(views: unknown): { pending?: true } {
  return views === PENDING ? { pending: true } : {};
}
