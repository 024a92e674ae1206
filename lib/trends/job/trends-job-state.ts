import { DisplaySpellings } from './display-spellings';
import { HeavyHittersWindow } from '../sketches/heavy-hitters-window';
import { PaneBuilder } from '../sketches/pane-builder';
import type { FrozenSummary } from '../sketches/frozen-summary';
import { ExactWindowAdmission } from './exact-window-admission';
import { PostDeduper } from './post-deduper';
import { topCounts } from '../sketches/top-n';
import { TrendTracker } from '../trending/trend-tracker';
import type { TrendsJobSnapshot } from './trends-job-snapshot';
import { aggregateLoader, aggregateSaver } from '../sketches/summary-aggregate-snapshot';
import type { TrendsJobConfig } from './trends-options';
import type { ParsedPost, TrendsBatchResult, WindowResult } from '../types';
import type { BatchInputs, ExactWindowInput } from './batch-inputs';
import { exactTagCounts, exactWindowResult, heavyWindowResult } from './window-results';
import { FilterState } from '../filters/filter-state';
import type { FilterStateSizes } from '../filters/filter-state';
import type { FilteredViews } from '../filters/filtered-views';
import type { CellCounter } from '../filters/cell-counts';

/** Sizes of the job's keyed state, the filter dimensions' included (zeros when they are off). */
export interface TrendsJobStateSizes extends FilterStateSizes {
  /** Post ids remembered for de-duplication (posts of the longest window). */
  dedupeIds: number;
  /** Keys of the exact windows at the latest batch, summed over those windows. */
  exactWindowKeys: number;
  /** Distinct keys admitted to the longest exact window (at most `maxExactWindowKeys`). */
  exactAdmittedKeys: number;
  /** Counters of the heavy-hitters pane being filled (each pane holds at most the capacity). */
  openPaneCounters: number;
  /** Counters of the closed panes and their merges, over all heavy-hitters windows. */
  heavyCounters: number;
  spellingKeys: number;
  trendKeys: number;
}

/**
 * The job's state outside the engine's operators, and the assembly of each batch's result:
 * `beginBatch`, `admit` and `observeTrend` run per post as the posts arrive (the engine's arrival
 * stage, `PostArrivalCombiner`), then `assemble` takes everything the engine computed for the
 * batch and updates the rest of the state in one stated order.
 */
export class TrendsJobState {
  private readonly deduper: PostDeduper;
  private readonly spellings = new DisplaySpellings();
  private readonly tracker: TrendTracker;
  private readonly panes: PaneBuilder | undefined;
  private readonly heavyWindows = new Map<number, HeavyHittersWindow>();
  private readonly admission: ExactWindowAdmission | undefined;
  private readonly filters: FilterState | undefined;
  private latestExactKeys = 0;
  private lastSweepMs: number | undefined;
  private readonly spellOf = (key: string): string => this.spellings.spellingOf(key);

  constructor(
    private readonly config: TrendsJobConfig,
    batchIntervalMs: number,
  ) {
    const { windowsMs, heavyHittersFromMs, heavyHittersCapacity, paneMs, topN } = config;
    this.deduper = new PostDeduper(windowsMs[windowsMs.length - 1]!, config.maxDedupeIds);
    const exactWindowsMs = windowsMs.filter((windowMs) => windowMs < heavyHittersFromMs);
    if (exactWindowsMs.length > 0) {
      const longestMs = exactWindowsMs[exactWindowsMs.length - 1]!;
      this.admission = new ExactWindowAdmission(longestMs, config.maxExactWindowKeys);
    }
    this.tracker = new TrendTracker(config.trending, windowsMs[0]!, batchIntervalMs);
    for (const windowMs of windowsMs.filter((windowMs) => windowMs >= heavyHittersFromMs)) {
      this.heavyWindows.set(
        windowMs,
        new HeavyHittersWindow(windowMs, paneMs, heavyHittersCapacity, topN),
      );
    }
    if (this.heavyWindows.size > 0) {
      this.panes = new PaneBuilder(paneMs, batchIntervalMs, heavyHittersCapacity);
    }
    if (config.filterDimensions)
      this.filters = new FilterState(config, batchIntervalMs, this.spellOf);
  }

  isHeavy(windowMs: number): boolean {
    return this.heavyWindows.has(windowMs);
  }

  /** Opens a batch's de-duplication (its posts are then `admit`ted as they arrive). */
  beginBatch(batchTime: number): void {
    this.deduper.beginBatch(batchTime);
  }

  /** True when the post was not seen before (in this batch or the longest window). */
  admit(post: ParsedPost): boolean {
    return this.deduper.admit(post.id);
  }

  /**
   * A new post's trend evidence, per tag, as it arrives (the tracker reads it at `endBatch`, when
   * the batch runs; nothing reads it between batches).
   */
  observeTrend(post: ParsedPost, batchTime: number): void {
    const tags = post.tags;
    if (tags.length === 0) return;
    // A post without an author id counts as its own author: the gate cannot be checked.
    const author = post.authorId ?? post.id;
    // A retweet without the retweeted id (not from the X API) counts as its own original.
    const retweetOf = post.isRetweet ? (post.retweetOf ?? post.id) : undefined;
    for (let tag = 0; tag < tags.length; tag++) {
      this.tracker.observe(tags[tag]!.key, author, retweetOf, batchTime);
    }
  }

  /** The batch's `[key, count]` pairs that the exact windows count (see `ExactWindowAdmission`). */
  admitExact(pairs: [string, number][], batchTime: number): [string, number][] {
    return this.admission?.admit(pairs, batchTime) ?? pairs;
  }

  /** The batch's cell-key pairs that the exact windows count (the cells' own key bound). */
  admitExactCells(pairs: [string, number][], batchTime: number): [string, number][] {
    return this.filters?.admitExact(pairs, batchTime) ?? pairs;
  }

  /** The latest batch's filtered numbers; undefined before it or without the dimensions. */
  /** The filter dimensions' per-cell counter; undefined when they are off. */
  cellCounter(): CellCounter | undefined {
    return this.filters?.counter;
  }

  filteredViews(): FilteredViews | undefined {
    return this.filters?.views();
  }

  /**
   * The batch's result from its inputs (the posts' trend evidence came in as they arrived,
   * `observeTrend`). The order is the contract: the posts' spellings first; then the heavy-hitters pane (closing the previous one); then the decayed
   * counts; then every window's top-N (spellings as of this batch); then the trending and cooling
   * lists, ranked on the shortest window's counts; last the once-a-minute sweep, which keeps what
   * was just shown.
   */
  assemble(inputs: BatchInputs): TrendsBatchResult {
    const { batchTime, posts, batchPairs } = inputs;
    // When the batch runs: the filtered views read the spellings between batches, and must see
    // those of the batches that ran only.
    this.spellings.recordBatch(inputs.tagTallies, batchTime);
    const closedPane = this.panes?.addBatch(batchTime, batchPairs, posts.length);
    if (closedPane) for (const heavy of this.heavyWindows.values()) heavy.paneClosed(closedPane);
    this.tracker.endBatch(batchTime);
    const exact = new Map(inputs.exactWindows.map((window) => [window.windowMs, window]));
    this.latestExactKeys = inputs.exactWindows.reduce(
      (sum, window) => sum + window.pairs.length,
      0,
    );
    const windows = this.config.windowsMs.map((windowMs) =>
      this.windowResult(windowMs, exact.get(windowMs), batchPairs, batchTime),
    );
    const filtered =
      inputs.filters === undefined ? undefined : this.filters?.assemble(inputs.filters, batchTime);
    for (const window of windows) window.languages = filtered?.languages.get(window.windowMs);
    const lists = this.tracker.rank(batchTime, this.gateCounts(windows, exact), this.spellOf);
    this.maybeSweep(
      batchTime,
      windows,
      [...lists.trending, ...lists.cooling].map((tag) => tag.key),
    );
    this.spellings.evictBeyond(this.config.maxSpellingKeys, batchTime - this.config.windowsMs[0]!);
    return {
      batchTime,
      batchTweets: posts.length,
      duplicates: inputs.duplicates,
      batchCounts: exactTagCounts(
        topCounts(batchPairs, this.config.seriesTagsPerBatch),
        this.spellOf,
      ),
      ...(filtered === undefined ? {} : { filteredBatchCounts: filtered.batchCounts }),
      windows,
      trending: lists.trending,
      cooling: lists.cooling,
      trendWarmUpEndsMs: lists.warmUpEndsMs,
    };
  }

  /**
   * Everything the next batches depend on, between batches. What belongs to one batch only
   * (its window pairs and post totals) is not kept: the next batch recomputes it.
   */
  snapshot(): Omit<TrendsJobSnapshot, 'history'> {
    const save = aggregateSaver();
    return {
      windowsMs: [...this.config.windowsMs],
      deduper: this.deduper.snapshot(),
      spellings: this.spellings.snapshot(),
      tracker: this.tracker.snapshot(),
      panes: this.panes?.snapshot() ?? null,
      heavyWindows: [...this.heavyWindows.values()].map((heavy) => heavy.snapshot(save)),
      lastSweepMs: this.lastSweepMs ?? null,
      filters: this.filters?.snapshot() ?? null,
    };
  }

  /** Loads a `snapshot()` of a job with the same windows into this fresh state. */
  restore(snapshot: Omit<TrendsJobSnapshot, 'history'>): void {
    if (snapshot.windowsMs.join() !== this.config.windowsMs.join()) {
      throw new TypeError(`job snapshot windows ${snapshot.windowsMs.join()} differ from these`);
    }
    if (snapshot.heavyWindows.length !== this.heavyWindows.size) {
      throw new TypeError('job snapshot: heavy-hitters windows differ');
    }
    this.deduper.restore(snapshot.deduper);
    this.spellings.restore(snapshot.spellings);
    this.tracker.restore(snapshot.tracker);
    if (snapshot.panes !== null) this.panes?.restore(snapshot.panes);
    const load = aggregateLoader();
    for (const saved of snapshot.heavyWindows) {
      const heavy = this.heavyWindows.get(saved.windowMs);
      if (heavy === undefined) throw new TypeError(`job snapshot: no ${saved.windowMs} ms window`);
      heavy.restore(saved, load);
    }
    this.lastSweepMs = snapshot.lastSweepMs ?? undefined;
    // A checkpoint from before the filter dimensions: their windows fill up from now on.
    if (snapshot.filters) this.filters?.restore(snapshot.filters);
  }

  sizes(): TrendsJobStateSizes {
    let heavyCounters = 0;
    const counted = new Set<FrozenSummary>();
    for (const heavy of this.heavyWindows.values()) heavyCounters += heavy.heldCounters(counted);
    return {
      dedupeIds: this.deduper.size,
      exactWindowKeys: this.latestExactKeys,
      exactAdmittedKeys: this.admission?.size ?? 0,
      openPaneCounters: this.panes?.current?.summary.size ?? 0,
      heavyCounters,
      spellingKeys: this.spellings.size,
      trendKeys: this.tracker.size,
      ...(this.filters?.sizes() ?? NO_FILTER_SIZES),
    };
  }

  private windowResult(
    windowMs: number,
    exact: ExactWindowInput | undefined,
    batchPairs: [string, number][],
    batchTime: number,
  ): WindowResult {
    const heavy = this.heavyWindows.get(windowMs);
    if (heavy !== undefined)
      return heavyWindowResult(windowMs, heavy.top(this.panes!.current!, batchPairs), this.spellOf);
    const admission = this.admission;
    const errorOf =
      admission !== undefined && admission.hasCuts(windowMs, batchTime)
        ? (key: string) => admission.errorOf(key, windowMs, batchTime)
        : undefined;
    return exactWindowResult(
      windowMs,
      exact?.pairs ?? [],
      exact?.tweets ?? 0,
      this.config.topN,
      this.spellOf,
      errorOf,
    );
  }

  /** The shortest window's counts: every key when exact, its top-N in heavy-hitters mode. */
  private gateCounts(
    windows: WindowResult[],
    exact: Map<number, ExactWindowInput>,
  ): Iterable<[string, number]> {
    const shortest = exact.get(this.config.windowsMs[0]!);
    if (shortest !== undefined) return shortest.pairs;
    return windows[0]!.top.map((tag): [string, number] => [tag.key, tag.count]);
  }

  /**
   * Once a minute of batch time (or once per shortest window, if shorter): forget trend state of
   * idle keys, and spellings of keys that left every exact window unless a window or the trending
   * list still shows them. Half a period off the panes' boundaries (which fall a whole number of
   * minutes after the first batch), so that a sweep and a pane's merges share no close.
   */
  private maybeSweep(batchTime: number, windows: WindowResult[], trendingKeys: string[]): void {
    const periodMs = Math.min(60_000, this.config.windowsMs[0]!);
    this.lastSweepMs ??= batchTime - periodMs / 2;
    if (batchTime - this.lastSweepMs < periodMs) return;
    this.lastSweepMs = batchTime;
    this.tracker.sweep(batchTime);
    const exactWindowsMs = this.config.windowsMs.filter((windowMs) => !this.isHeavy(windowMs));
    const retainMs = Math.max(this.config.windowsMs[0]!, ...exactWindowsMs);
    const pinned = new Set(trendingKeys);
    for (const window of windows) for (const tag of window.top) pinned.add(tag.key);
    this.spellings.sweep((key, lastSeenMs) => lastSeenMs > batchTime - retainMs || pinned.has(key));
  }
}

const NO_FILTER_SIZES: FilterStateSizes = Object.freeze({
  filterExactBatchPairs: 0,
  filterExactAdmittedKeys: 0,
  filterHeavyCounters: 0,
});
