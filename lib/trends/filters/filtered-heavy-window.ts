import type { FrozenSummary } from '../sketches/frozen-summary';
import { countNew } from '../sketches/frozen-summary';
import type { ClosedPane, OpenPane } from '../sketches/pane-builder';
import { SlidingAggregate } from '../sketches/sliding-aggregate';
import type { SlidingAggregateSnapshot } from '../sketches/sliding-aggregate';
import { aggregateLoader, aggregateSaver } from '../sketches/summary-aggregate-snapshot';
import type { SummaryAggregateSnapshot } from '../sketches/summary-aggregate-snapshot';
import { mergeAggregates } from '../sketches/summary-aggregate';
import type { SummaryAggregate } from '../sketches/summary-aggregate';
import type { SpaceSavingCounter } from '../sketches/space-saving-state';
import type { CellKeyBook } from './cell-key-book';
import { filteredHeavyTop, rankMergeCandidates } from './filtered-heavy-top';
import type { OpenPaneCounts, RankedMergeCandidates } from './filtered-heavy-top';

type Counter = SpaceSavingCounter<string>;

/** A checkpoint of a filtered heavy-hitters window (between batches). */
export interface FilteredHeavyWindowSnapshot {
  windowMs: number;
  closedIndices: number[];
  closed: SlidingAggregateSnapshot<SummaryAggregateSnapshot>;
}

/**
 * The cells of a long window in heavy-hitters mode: Space-Saving summaries of the cell keys
 * (`<cell>\0<tag>`), one per pane, merged over the window's closed panes as the plain window
 * does (`HeavyHittersWindow`), plus the open pane.
 *
 * A filter's top is assembled on demand: every tag monitored in one of the filter's cells, in
 * the closed merge or the open pane, is a candidate; its count is, per cell, its estimate in each
 * of the two summaries or that summary's bound where it is not monitored, summed over the cells
 * and summaries, and so are the errors. Each term keeps `count ≥ true ≥ count − error`, so their
 * sums do (error bounds add). A tag monitored in none of them is bounded by the sum of the
 * bounds, which no candidate is below.
 *
 * Merging is paid for only when a filter is asked for: closed panes wait (frozen) until the next
 * query, which merges them into the sliding aggregation then; panes that left the window before
 * any query are dropped unmerged. With a filter in use every batch, the work is the plain
 * windows' (one merge per pane); with none, no merge is done at all.
 */
export class FilteredHeavyWindow {
  private readonly closed: SlidingAggregate<SummaryAggregate>;
  private readonly closedIndices: number[] = [];
  private readonly closedPanesInWindow: number;
  /** Closed panes not merged yet, oldest first, all newer than those in `closed`. */
  private pending: ClosedPane[] = [];
  private merged: SummaryAggregate | undefined;
  /** Per filter asked since the merge last changed (by its cells): its ranked candidates. */
  private readonly rankedByCells = new Map<string, RankedMergeCandidates>();

  constructor(
    readonly windowMs: number,
    paneMs: number,
    capacity: number,
    private readonly keys: CellKeyBook,
  ) {
    this.closedPanesInWindow = windowMs / paneMs - 1;
    this.closed = new SlidingAggregate(
      (older, newer) => mergeAggregates(older, newer, capacity),
      this.closedPanesInWindow,
    );
  }

  /** A pane of cell counts closed; it stays for the next `windowMs / paneMs − 1` panes. */
  paneClosed(pane: ClosedPane): void {
    if (this.closedPanesInWindow <= 0) return;
    this.pending.push(pane);
    // Queries come and go: the window drops what left it even when nobody asks.
    this.evictBefore(pane.index + 1 - this.closedPanesInWindow);
  }

  /**
   * The top `topN` tags summed over `cells`, with `open` the latest pane of cell counts and
   * `inOpen` the filter's part of it.
   */
  top(open: OpenPane, inOpen: OpenPaneCounts, cells: readonly string[], topN: number): Counter[] {
    this.evictBefore(open.index - this.closedPanesInWindow);
    this.catchUp();
    const merged = this.mergedSummary();
    // One merge of the aggregation's work ahead per query, as the plain window does per batch.
    this.closed.step();
    const id = cells.join(' ');
    let ranked = this.rankedByCells.get(id);
    if (ranked === undefined) {
      ranked = rankMergeCandidates(merged, cells, this.keys);
      this.rankedByCells.set(id, ranked);
    }
    return filteredHeavyTop(inOpen, ranked, cells, topN);
  }

  /**
   * Counters held by the closed panes' summaries and their merges, those in `counted` left out
   * (closed panes are shared with the other windows); adds the ones it counts to `counted`.
   */
  heldCounters(counted = new Set<FrozenSummary>()): number {
    const held = this.closed.held().map((aggregate) => aggregate.summary);
    if (this.merged !== undefined) held.push(this.merged.summary);
    for (const { aggregate } of this.pending) held.push(aggregate.summary);
    return countNew(held, counted);
  }

  snapshot(save = aggregateSaver()): FilteredHeavyWindowSnapshot {
    this.catchUp();
    return {
      windowMs: this.windowMs,
      closedIndices: [...this.closedIndices],
      closed: this.closed.snapshot(save),
    };
  }

  /** Loads a `snapshot()` into this fresh window of the same length. */
  restore(snapshot: FilteredHeavyWindowSnapshot, load = aggregateLoader()): void {
    if (snapshot.windowMs !== this.windowMs) {
      throw new TypeError(`filtered window snapshot is of ${snapshot.windowMs} ms`);
    }
    this.closed.restore(snapshot.closed, load);
    if (this.closed.length !== snapshot.closedIndices.length) {
      throw new TypeError('filtered window snapshot: panes and their indices differ in number');
    }
    this.closedIndices.splice(0, Infinity, ...snapshot.closedIndices);
    this.forgetMerge();
  }

  private mergedSummary(): FrozenSummary | undefined {
    if (this.merged === undefined && this.closed.length > 0) this.merged = this.closed.combined();
    return this.merged?.summary;
  }

  private evictBefore(oldestIndex: number): void {
    while (this.closedIndices.length > 0 && this.closedIndices[0]! < oldestIndex) {
      this.closedIndices.shift();
      this.closed.shift();
      this.forgetMerge();
    }
    let dropped = 0;
    while (dropped < this.pending.length && this.pending[dropped]!.index < oldestIndex) dropped++;
    if (dropped > 0) this.pending.splice(0, dropped);
  }

  /**
   * The merge changed: its ranked candidates go too, so a filter nobody asks for any more is
   * held at most until the next pane closes.
   */
  private forgetMerge(): void {
    this.merged = undefined;
    this.rankedByCells.clear();
  }

  /** Merges the waiting panes into the sliding aggregation (one merge each). */
  private catchUp(): void {
    if (this.pending.length === 0) return;
    for (const { index, aggregate } of this.pending) {
      this.closed.push(aggregate);
      this.closedIndices.push(index);
    }
    this.pending = [];
    this.forgetMerge();
  }
}
