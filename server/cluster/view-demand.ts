/**
 * What the dashboards and API clients of one instance ask for that only the ingesting instance
 * can answer: tag details (a tag's posts and related tags in some windows) and filtered views.
 * A follower records each ask here with its time; what was asked within `ttlMs` is this
 * instance's demand, which it shares through Redis (`SharedViewDemand`) so that the holder
 * publishes those views with every batch. Socket subscriptions are asked again at every flush,
 * so they stay while open; an HTTP ask lasts `ttlMs`.
 */
import { filterId } from '@/lib/trends/filters/filter-cells';
import type { ViewFilter } from '@/lib/view-filters';

/** One instance's demand, or the holder's union of all of them (plain JSON). */
export interface ViewDemand {
  /** `[tag key, windows (ms) whose related tags are asked, asked at (ms)]`. */
  details: [string, number[], number][];
  /** `[filter, asked at (ms)]`, each filter once. */
  filters: [ViewFilter, number][];
}

export interface ViewDemandBounds {
  /** Tags with a detail asked, at most (the least recently asked go first). */
  maxTags: number;
  /** Distinct filters asked, at most (the least recently asked go first). */
  maxFilters: number;
}

export const NO_DEMAND: ViewDemand = { details: [], filters: [] };

export class LocalViewDemand {
  private readonly details = new Map<string, { windows: Map<number, number>; atMs: number }>();
  private readonly filters = new Map<string, { filter: ViewFilter; atMs: number }>();

  constructor(
    private readonly bounds: ViewDemandBounds,
    /** An ask older than this is forgotten. */
    private readonly ttlMs: number,
    /** Called when something not asked before (or forgotten since) is asked. */
    private readonly onNew: () => void,
    private readonly nowMs: () => number = Date.now,
  ) {}

  /** Records that `key`'s detail (and, with `windowMs`, its related tags there) is asked. */
  askDetail(key: string, windowMs?: number): void {
    const nowMs = this.nowMs();
    let entry = this.details.get(key);
    const isNew = entry === undefined || this.expired(entry.atMs, nowMs);
    if (entry === undefined) entry = { windows: new Map(), atMs: nowMs };
    let windowIsNew = false;
    if (windowMs !== undefined) {
      const windowAtMs = entry.windows.get(windowMs);
      windowIsNew = windowAtMs === undefined || this.expired(windowAtMs, nowMs);
      entry.windows.set(windowMs, nowMs);
    }
    entry.atMs = nowMs;
    refresh(this.details, key, entry, this.bounds.maxTags);
    if (isNew || windowIsNew) this.onNew();
  }

  /** Records that the numbers under `filter` (which narrows something) are asked. */
  askFilter(filter: ViewFilter): void {
    const nowMs = this.nowMs();
    const id = filterId(filter);
    const entry = this.filters.get(id);
    const isNew = entry === undefined || this.expired(entry.atMs, nowMs);
    refresh(this.filters, id, { filter, atMs: nowMs }, this.bounds.maxFilters);
    if (isNew) this.onNew();
  }

  /** What was asked within `ttlMs`; older asks are forgotten. */
  current(): ViewDemand {
    const nowMs = this.nowMs();
    const demand: ViewDemand = { details: [], filters: [] };
    for (const [key, entry] of this.details) {
      if (this.expired(entry.atMs, nowMs)) {
        this.details.delete(key);
        continue;
      }
      const windows = [...entry.windows].filter(([, atMs]) => !this.expired(atMs, nowMs));
      demand.details.push([key, windows.map(([windowMs]) => windowMs), entry.atMs]);
    }
    for (const [id, entry] of this.filters) {
      if (this.expired(entry.atMs, nowMs)) this.filters.delete(id);
      else demand.filters.push([entry.filter, entry.atMs]);
    }
    return demand;
  }

  private expired(atMs: number, nowMs: number): boolean {
    return nowMs - atMs > this.ttlMs;
  }
}

/** Moves `key` to the end (most recent) and lets the oldest go beyond `max`. */
function refresh<V>(map: Map<string, V>, key: string, value: V, max: number): void {
  map.delete(key);
  map.set(key, value);
  while (map.size > max) map.delete(map.keys().next().value!);
}

/**
 * Several instances' demands as one, each tag and filter once (the union of its windows, its
 * latest ask), bounded to the most recently asked.
 */
export function mergeDemands(demands: readonly ViewDemand[], bounds: ViewDemandBounds): ViewDemand {
  const details = new Map<string, [string, Set<number>, number]>();
  const filters = new Map<string, [ViewFilter, number]>();
  for (const demand of demands) {
    for (const [key, windows, atMs] of demand.details) {
      const entry = details.get(key) ?? [key, new Set<number>(), atMs];
      for (const windowMs of windows) entry[1].add(windowMs);
      entry[2] = Math.max(entry[2], atMs);
      details.set(key, entry);
    }
    for (const [filter, atMs] of demand.filters) {
      const id = filterId(filter);
      filters.set(id, [filter, Math.max(atMs, filters.get(id)?.[1] ?? atMs)]);
    }
  }
  const newestFirst = <T extends unknown[]>(a: T, b: T) =>
    (b.at(-1) as number) - (a.at(-1) as number);
  return {
    details: [...details.values()]
      .sort(newestFirst)
      .slice(0, bounds.maxTags)
      .map(([key, windows, atMs]) => [key, [...windows].sort((a, b) => a - b), atMs]),
    filters: [...filters.values()].sort(newestFirst).slice(0, bounds.maxFilters),
  };
}
