import type { ViewFilter } from '@/lib/view-filters';
import type { TrendsJobConfig } from '../job/trends-options';
import { windowLabel } from '../job/trends-options';
import type { OpenPane } from '../sketches/pane-builder';
import type { TagCount, TrendingTag, WindowResult } from '../types';
import { cellsOfFilter, filterId } from './filter-cells';
import type { FilteredExactWindow } from './filtered-exact-window';
import type { FilteredHeavyWindow } from './filtered-heavy-window';
import { postsInCells } from './window-languages';
import type { CellKeyBook } from './cell-key-book';
import type { OpenPaneParts } from './open-pane-parts';
import type { OpenPaneCounts } from './filtered-heavy-top';

export interface FilteredViewsParts {
  config: TrendsJobConfig;
  batchTime: number;
  exact: Map<number, FilteredExactWindow>;
  heavy: Map<number, FilteredHeavyWindow>;
  /** The latest pane of cell counts (heavy-hitters windows only). */
  openPane: OpenPane | undefined;
  /** `[cell, posts]` of every window. */
  postWindows: Map<number, [string, number][]>;
  spellingOf: (key: string) => string;
  keys: CellKeyBook;
  /** The open pane's part of each filter, kept between batches. */
  openParts: OpenPaneParts;
}

/**
 * The latest batch's numbers under any filter, assembled on demand from the cells and kept for
 * the batch: each distinct filter's windows are built once per batch however many ask (the
 * socket rooms, the HTTP routes). Valid until the next batch, which replaces this object.
 */
export class FilteredViews {
  readonly batchTime: number;
  private readonly cache = new Map<string, WindowResult[]>();
  private readonly openParts = new Map<string, OpenPaneCounts>();

  constructor(private readonly parts: FilteredViewsParts) {
    this.batchTime = parts.batchTime;
  }

  /** Every window's result under `filter` (which must narrow something), shortest first. */
  windows(filter: ViewFilter): WindowResult[] {
    const id = filterId(filter);
    let windows = this.cache.get(id);
    if (windows === undefined) {
      const cells = requireCells(filter);
      windows = this.parts.config.windowsMs.map((windowMs) => this.windowOf(cells, windowMs));
      this.cache.set(id, windows);
    }
    return windows;
  }

  /**
   * The trending and cooling lists under `filter`. A trend tracker per filter would cost as much
   * as the job's own again per filter, so the lists are the job's, narrowed: a trending tag stays
   * when its posts under the filter in the shortest window pass the posts gate (`minPosts`), a
   * cooling tag when it has any; `count` becomes its count under the filter. The score, rates,
   * authors and originals stay those of all posts (they explain why the tag trends at all).
   */
  trending(
    filter: ViewFilter,
    lists: { trending: readonly TrendingTag[]; cooling: readonly TrendingTag[] },
  ): { trending: TrendingTag[]; cooling: TrendingTag[] } {
    const cells = requireCells(filter);
    const shortestMs = this.parts.config.windowsMs[0]!;
    const exact = this.parts.exact.get(shortestMs);
    const heavyTop = exact === undefined ? this.windows(filter)[0]!.top : undefined;
    const countOf = (key: string): number =>
      exact?.count(cells, key).count ?? heavyTop?.find((tag) => tag.key === key)?.count ?? 0;
    const narrow = (tags: readonly TrendingTag[], minPosts: number) =>
      tags.flatMap((tag) => {
        const count = countOf(tag.key);
        return count >= minPosts ? [{ ...tag, count }] : [];
      });
    return {
      trending: narrow(lists.trending, this.parts.config.trending.minPosts),
      cooling: narrow(lists.cooling, 1),
    };
  }

  /** The open pane's part of a filter, shared by the heavy windows (the pane is theirs). */
  private openPart(open: OpenPane, cells: readonly string[]): OpenPaneCounts {
    const id = cells.join(' ');
    let part = this.openParts.get(id);
    if (part === undefined) {
      part = this.parts.openParts.partOf(open, cells, this.batchTime);
      this.openParts.set(id, part);
    }
    return part;
  }

  private windowOf(cells: readonly string[], windowMs: number): WindowResult {
    const { config, spellingOf } = this.parts;
    const tweets = postsInCells(this.parts.postWindows.get(windowMs) ?? [], cells);
    const base = { label: windowLabel(windowMs), windowMs, tweets };
    const heavy = this.parts.heavy.get(windowMs);
    const open = this.parts.openPane;
    if (heavy !== undefined) {
      const top =
        open === undefined
          ? []
          : heavy
              .top(open, this.openPart(open, cells), cells, config.topN)
              .map(({ key, count, error }) => ({
                key,
                tag: spellingOf(key),
                count,
                error,
              }));
      return { ...base, top, approximate: true };
    }
    const exact = this.parts.exact.get(windowMs);
    const top: TagCount[] = (exact?.top(cells, config.topN) ?? []).map(([key, counted]) => {
      const error = exact!.errorOfTag(cells, key);
      return { key, tag: spellingOf(key), count: counted + error, error };
    });
    return { ...base, top, approximate: exact?.approximate ?? false };
  }
}

function requireCells(filter: ViewFilter): string[] {
  const cells = cellsOfFilter(filter);
  if (cells === undefined) throw new RangeError('an empty filter is answered by the plain counts');
  return cells;
}
