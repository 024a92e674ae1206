import { greatestCommonDivisor } from '@/lib/engine';
import type { TrendingOptions } from '../trending/trend-tracker';
import { DEFAULT_SCORE_OPTIONS } from '../trending/trending-score';
import type { TrendsJobOptions } from '../types';
import type { TagDetailOptions } from '../detail/detail-types';

/** Bounds of what the job keeps behind a trend (see `TagDetail`); defaults where omitted. */
export type TagDetailSettings = Partial<Omit<TagDetailOptions, 'longestWindowMs'>>;

/** Everything the job is configured with: the shared options plus the trending knobs. */
export interface TrendsJobConfig extends TrendsJobOptions {
  trending: TrendingOptions;
  /** Pane length of heavy-hitters windows (derived, see `choosePaneMs`). */
  paneMs: number;
  detail: TagDetailSettings;
}

/** What `createTrendsJob` accepts: any subset, defaults for the rest. */
export type TrendsJobSettings = Partial<TrendsJobOptions> & {
  trending?: Partial<TrendingOptions>;
  detail?: TagDetailSettings;
};

export const DEFAULT_TRENDS_OPTIONS: Readonly<TrendsJobOptions> = Object.freeze({
  windowsMs: [60_000, 5 * 60_000, 15 * 60_000, 60 * 60_000],
  topN: 100,
  seriesTagsPerBatch: 500,
  heavyHittersFromMs: 15 * 60_000,
  heavyHittersCapacity: 20_000,
  maxExactWindowKeys: 100_000,
  maxSpellingKeys: 100_000,
  maxDedupeIds: 500_000,
  filterDimensions: true,
});

export const DEFAULT_TRENDING_OPTIONS: Readonly<TrendingOptions> = Object.freeze({
  ...DEFAULT_SCORE_OPTIONS,
  retweetWeight: 0.5,
  minPosts: 5,
  minAuthors: 8,
  minOriginals: 5,
  minScore: 4.5,
  minRateMultiple: 2.5,
  warmUpMs: 10 * 60_000,
  minQuietPosts: 10,
  pastPeakShare: 0.5,
  coolingMs: 10 * 60_000,
  dailyMemoryMs: 7 * 24 * 60 * 60_000,
  dailyToleranceMs: 45 * 60_000,
  maxRememberedKeys: 10_000,
  restartAfterSilenceMs: 5 * 60_000,
  maxTrackedKeys: 50_000,
  maxTags: 50,
});

const MAX_PANE_MS = 60_000;
/** A heavy window spans at least this many panes, so it slides in steps of at most 1/15 of it. */
const MIN_PANES_PER_WINDOW = 15;

/**
 * Fills defaults and checks the options when the job is defined (not when it runs): windows are
 * distinct positive multiples of the batch interval, sizes are positive integers. Throws a
 * `RangeError` naming the first bad option. Windows come back sorted, shortest first.
 */
export function resolveTrendsOptions(
  settings: TrendsJobSettings,
  batchIntervalMs: number,
): TrendsJobConfig {
  const options = { ...DEFAULT_TRENDS_OPTIONS, ...definedOnly(settings) };
  const trending = { ...DEFAULT_TRENDING_OPTIONS, ...definedOnly(settings.trending ?? {}) };
  const windowsMs = [...options.windowsMs].sort((a, b) => a - b);
  if (windowsMs.length === 0) fail('windowsMs', 'needs at least one window');
  for (const windowMs of windowsMs) {
    if (!(windowMs > 0) || windowMs % batchIntervalMs !== 0) {
      fail('windowsMs', `${windowMs} is not a positive multiple of the batch interval`);
    }
  }
  if (new Set(windowsMs).size !== windowsMs.length) fail('windowsMs', 'lengths must be distinct');
  const sizes = [
    'topN',
    'seriesTagsPerBatch',
    'heavyHittersCapacity',
    'maxExactWindowKeys',
    'maxSpellingKeys',
    'maxDedupeIds',
  ] as const;
  for (const name of sizes) {
    if (!Number.isInteger(options[name]) || options[name] < 1) fail(name, 'must be an integer ≥ 1');
  }
  if (!(options.heavyHittersFromMs > 0)) fail('heavyHittersFromMs', 'must be positive');
  if (!Number.isInteger(trending.maxTrackedKeys) || trending.maxTrackedKeys < 1) {
    fail('trending.maxTrackedKeys', 'must be an integer ≥ 1');
  }
  const heavyWindowsMs = windowsMs.filter((windowMs) => windowMs >= options.heavyHittersFromMs);
  const detail = definedOnly(settings.detail ?? {});
  for (const [name, value] of Object.entries(detail)) {
    if (!Number.isInteger(value) || value < 1) fail(`detail.${name}`, 'must be an integer ≥ 1');
  }
  return {
    ...options,
    windowsMs,
    trending,
    detail,
    paneMs: choosePaneMs(heavyWindowsMs, batchIntervalMs),
  };
}

/** `60000` → `1m`, `90000` → `90s`, `3600000` → `60m`: the labels of `WINDOWS` in the config. */
export function windowLabel(windowMs: number): string {
  if (windowMs % 60_000 === 0) return `${windowMs / 60_000}m`;
  if (windowMs % 1_000 === 0) return `${windowMs / 1_000}s`;
  return `${windowMs}ms`;
}

/**
 * The pane of heavy-hitters windows: the longest multiple of the batch interval that divides
 * every heavy window and is at most 1 min and at most 1/15 of the shortest one (1 min for the
 * default 15 m and 60 m windows); the batch interval when nothing longer fits.
 */
export function choosePaneMs(heavyWindowsMs: number[], batchIntervalMs: number): number {
  if (heavyWindowsMs.length === 0) return batchIntervalMs;
  const common = heavyWindowsMs.reduce(greatestCommonDivisor, 0);
  const longestMs = Math.min(MAX_PANE_MS, Math.min(...heavyWindowsMs) / MIN_PANES_PER_WINDOW);
  for (let batches = Math.floor(longestMs / batchIntervalMs); batches > 1; batches--) {
    if (common % (batches * batchIntervalMs) === 0) return batches * batchIntervalMs;
  }
  return batchIntervalMs;
}

function definedOnly<T extends object>(partial: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(partial).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}

function fail(option: string, detail: string): never {
  throw new RangeError(`Trends job option ${option}: ${detail}`);
}
