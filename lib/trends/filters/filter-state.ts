import { ExactWindowAdmission } from '../job/exact-window-admission';
import type { TrendsJobConfig } from '../job/trends-options';
import { exactTagCounts } from '../job/window-results';
import { PaneBuilder } from '../sketches/pane-builder';
import type { FrozenSummary } from '../sketches/frozen-summary';
import type { PaneBuilderSnapshot } from '../sketches/pane-builder';
import { aggregateLoader, aggregateSaver } from '../sketches/summary-aggregate-snapshot';
import { topCounts } from '../sketches/top-n';
import type { LanguageCount, TagCount } from '../types';
import type { FilterBatchInput } from './filter-batch-input';
import { FilteredExactWindow } from './filtered-exact-window';
import { FilteredHeavyWindow } from './filtered-heavy-window';
import type { FilteredHeavyWindowSnapshot } from './filtered-heavy-window';
import { FilteredViews } from './filtered-views';
import { CellCounter } from './cell-counts';
import { CellKeyBook } from './cell-key-book';
import { ExactCellViews } from './exact-cell-views';
import { ExactCellBatches } from './exact-cell-batches';
import type { ExactCellBatchesSnapshot } from './exact-cell-batches';
import { OpenPaneParts } from './open-pane-parts';
import { windowLanguages } from './window-languages';

/** A filter's kept exact-window view is dropped when nobody asked for it for this long. */
const FILTER_VIEW_IDLE_MS = 30_000;

/** The filter dimensions' state in a checkpoint (the posts per cell are the engine's). */
export interface FilterStateSnapshot {
  panes: PaneBuilderSnapshot | null;
  heavyWindows: FilteredHeavyWindowSnapshot[];
  /** The exact windows' batches; absent in checkpoints of before they were kept here. */
  exactBatches?: ExactCellBatchesSnapshot | null;
}

/** Sizes of the filter dimensions' state, to watch its memory. */
export interface FilterStateSizes {
  /** Cell-key pairs of the exact windows' batches, summed over the batches kept. */
  filterExactBatchPairs: number;
  /** Distinct cell keys admitted to the longest exact window (at most `maxExactWindowKeys`). */
  filterExactAdmittedKeys: number;
  /** Counters of the open pane and of the closed panes and merges of cell keys. */
  filterHeavyCounters: number;
}

/**
 * The job's state for the filter dimensions: the same bounds as the plain counts, applied to the
 * cell keys on their own (an exact-window key bound of `maxExactWindowKeys` cell keys, panes of
 * `heavyHittersCapacity` counters), and the latest batch's windows for the on-demand queries.
 */
export class FilterState {
  private readonly admission: ExactWindowAdmission | undefined;
  private readonly panes: PaneBuilder | undefined;
  private readonly heavyWindows = new Map<number, FilteredHeavyWindow>();
  private readonly exactViews = new Map<number, ExactCellViews>();
  private readonly exactBatches: ExactCellBatches | undefined;
  private latest: FilteredViews | undefined;
  private readonly keys: CellKeyBook;
  private readonly openParts: OpenPaneParts;
  /** Counts each batch's posts per cell (`filterStreams`), with the keys of `keys`. */
  readonly counter: CellCounter;

  constructor(
    private readonly config: TrendsJobConfig,
    batchIntervalMs: number,
    private readonly spellingOf: (key: string) => string,
  ) {
    const { windowsMs, heavyHittersFromMs, heavyHittersCapacity, paneMs } = config;
    // A cache of about 160 bytes a key beside the key itself: one window bound's worth of keys
    // (the exact windows' cell keys, which it serves, are cut at that bound).
    this.keys = new CellKeyBook(config.maxExactWindowKeys);
    this.counter = new CellCounter(this.keys, 2 * config.maxExactWindowKeys);
    this.openParts = new OpenPaneParts(this.keys);
    const exactWindowsMs = windowsMs.filter((windowMs) => windowMs < heavyHittersFromMs);
    if (exactWindowsMs.length > 0) {
      const longestMs = exactWindowsMs[exactWindowsMs.length - 1]!;
      this.admission = new ExactWindowAdmission(longestMs, config.maxExactWindowKeys);
      const batches = new ExactCellBatches(longestMs + FILTER_VIEW_IDLE_MS, this.keys);
      this.exactBatches = batches;
      for (const windowMs of exactWindowsMs) {
        const views = new ExactCellViews(windowMs, batchIntervalMs, FILTER_VIEW_IDLE_MS, batches);
        this.exactViews.set(windowMs, views);
      }
    }
    for (const windowMs of windowsMs.filter((windowMs) => windowMs >= heavyHittersFromMs)) {
      this.heavyWindows.set(
        windowMs,
        new FilteredHeavyWindow(windowMs, paneMs, heavyHittersCapacity, this.keys),
      );
    }
    if (this.heavyWindows.size > 0) {
      this.panes = new PaneBuilder(paneMs, batchIntervalMs, heavyHittersCapacity);
    }
  }

  /** The batch's cell-key pairs that the exact windows count (`assemble` keeps them). */
  admitExact(pairs: [string, number][], batchTime: number): [string, number][] {
    return this.admission?.admit(pairs, batchTime) ?? pairs;
  }

  /**
   * Takes the batch's cell counts (after the plain windows' assembly, same order of panes) and
   * returns what the batch's result carries: the languages of every window, the cell counts of
   * the batch for the series.
   */
  assemble(
    input: FilterBatchInput,
    batchTime: number,
  ): { languages: Map<number, LanguageCount[]>; batchCounts: TagCount[] } {
    const closed = this.panes?.addBatch(batchTime, input.batchPairs, 0);
    if (closed) for (const heavy of this.heavyWindows.values()) heavy.paneClosed(closed);
    this.openParts.batchAdded(batchTime, input.batchPairs);
    this.exactBatches?.record(batchTime, input.admittedPairs, input.languageGroups);
    const admission = this.admission;
    const exact = [...this.exactViews].map(([windowMs, views]) => {
      views.batchRan(batchTime);
      const errorOf =
        admission !== undefined && admission.hasCuts(windowMs, batchTime)
          ? (key: string) => admission.errorOf(key, windowMs, batchTime)
          : undefined;
      const postCells = input.postWindows.find((window) => window.windowMs === windowMs)?.pairs;
      return new FilteredExactWindow({
        windowMs,
        batchTime,
        postCells: postCells ?? [],
        errorOf,
        keys: this.keys,
        views,
      });
    });
    this.latest = new FilteredViews({
      config: this.config,
      batchTime,
      exact: new Map(exact.map((window) => [window.windowMs, window])),
      heavy: this.heavyWindows,
      openPane: this.panes?.current,
      postWindows: new Map(input.postWindows.map(({ windowMs, pairs }) => [windowMs, pairs])),
      spellingOf: this.spellingOf,
      keys: this.keys,
      openParts: this.openParts,
    });
    return {
      languages: new Map(
        input.postWindows.map(({ windowMs, pairs }) => [windowMs, windowLanguages(pairs)]),
      ),
      batchCounts: exactTagCounts(
        topCounts(input.batchPairs, this.config.seriesTagsPerBatch),
        (key) => key,
      ),
    };
  }

  /** The latest batch's filtered views; undefined before the first batch. */
  views(): FilteredViews | undefined {
    return this.latest;
  }

  snapshot(): FilterStateSnapshot {
    const save = aggregateSaver();
    return {
      panes: this.panes?.snapshot() ?? null,
      heavyWindows: [...this.heavyWindows.values()].map((heavy) => heavy.snapshot(save)),
      exactBatches: this.exactBatches?.snapshot() ?? null,
    };
  }

  /** Loads a `snapshot()`; the latest views come back with the next batch. */
  restore(snapshot: FilterStateSnapshot): void {
    if (snapshot.heavyWindows.length !== this.heavyWindows.size) {
      throw new TypeError('filter snapshot: heavy-hitters windows differ');
    }
    if (snapshot.panes !== null) this.panes?.restore(snapshot.panes);
    this.openParts.clear();
    // Before the batches were kept here, the windows refill from the next batch on.
    if (snapshot.exactBatches) this.exactBatches?.restore(snapshot.exactBatches);
    for (const views of this.exactViews.values()) views.restored();
    const load = aggregateLoader();
    for (const saved of snapshot.heavyWindows) {
      const heavy = this.heavyWindows.get(saved.windowMs);
      if (heavy === undefined)
        throw new TypeError(`filter snapshot: no ${saved.windowMs} ms window`);
      heavy.restore(saved, load);
    }
  }

  sizes(): FilterStateSizes {
    let heavyCounters = this.panes?.current?.summary.size ?? 0;
    const counted = new Set<FrozenSummary>();
    for (const heavy of this.heavyWindows.values()) heavyCounters += heavy.heldCounters(counted);
    return {
      filterExactBatchPairs: this.exactBatches?.pairCount ?? 0,
      filterExactAdmittedKeys: this.admission?.size ?? 0,
      filterHeavyCounters: heavyCounters,
    };
  }
}
