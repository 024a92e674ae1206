import type { FrozenSummary } from './frozen-summary';
import { countNew } from './frozen-summary';
import type { ClosedPane, OpenPane } from './pane-builder';
import { SlidingAggregate } from './sliding-aggregate';
import type { SlidingAggregateSnapshot } from './sliding-aggregate';
import { aggregateLoader, aggregateSaver } from './summary-aggregate-snapshot';
import type { SummaryAggregateSnapshot } from './summary-aggregate-snapshot';
import type { SpaceSavingCounter } from './space-saving-state';
import { mergeAggregates } from './summary-aggregate';
import type { SummaryAggregate } from './summary-aggregate';
import { RisingTop } from '../trending/rising-top';

/** A window's top hashtags with Space-Saving bounds, and the posts of the panes it covers. */
export interface HeavyHittersTop {
  top: SpaceSavingCounter<string>[];
  posts: number;
}

type Counter = SpaceSavingCounter<string>;

/** A checkpoint of a heavy-hitters window (between batches). */
export interface HeavyHittersWindowSnapshot {
  windowMs: number;
  closedIndices: number[];
  closed: SlidingAggregateSnapshot<SummaryAggregateSnapshot>;
  candidatesPane: number;
  candidateKeys: string[];
  candidateCounts: Float64Array;
  candidateErrors: Float64Array;
}

/**
 * A long window in heavy-hitters mode: bounded memory however many distinct hashtags flow.
 *
 * The window is made of whole panes: the `windowMs / paneMs − 1` panes closed before the open
 * one, plus the open pane. It is exact in length at a pane's last batch and shorter by less than
 * one pane in between (it slides by pane at its old end, by batch at its new end).
 *
 * Closed panes are merged once per pane boundary, incrementally (`SlidingAggregate`, its work ahead
 * done one merge per batch within a pane), and the merge's top-N is cached. Within a pane, the
 * candidates are that top-N plus the open pane's keys, each as the sum of its closed and open
 * estimates (or bounds): a key in neither is bounded by the cached N-th count plus the open pane's
 * bound, below every cached candidate, so the candidates hold the top-N of the merge. Only the keys
 * of each batch change, so each batch updates those and re-selects; a key the open pane evicts is
 * then counted at the pane's bound, and keeps that sum (an upper bound with a valid error, as its
 * open count cannot grow unseen). Every count keeps `count ≥ true ≥ count − error` over the panes
 * covered.
 */
export class HeavyHittersWindow {
  private readonly closed: SlidingAggregate<SummaryAggregate>;
  private readonly closedIndices: number[] = [];
  private readonly closedPanesInWindow: number;
  private cache: { merged: SummaryAggregate; top: Counter[] } | undefined;
  private candidates = new Map<string, Counter>();
  private candidatesPane = -1;
  private readonly best: RisingTop<Counter>;
  private rebuilding = false;

  constructor(
    readonly windowMs: number,
    paneMs: number,
    capacity: number,
    private readonly topN: number,
  ) {
    this.closedPanesInWindow = windowMs / paneMs - 1;
    this.best = new RisingTop(topN, byCount, (counter) => counter.key);
    this.closed = new SlidingAggregate(
      (older, newer) => mergeAggregates(older, newer, capacity),
      this.closedPanesInWindow,
    );
  }

  /** A pane closed; it stays in the window for the next `windowMs / paneMs − 1` panes. */
  paneClosed(pane: ClosedPane): void {
    if (this.closedPanesInWindow <= 0) return;
    this.closed.push(pane.aggregate);
    this.closedIndices.push(pane.index);
    this.cache = undefined;
  }

  /** The window's top-N at a batch that added `batchPairs` to `open` (the latest pane). */
  top(open: OpenPane, batchPairs: [string, number][]): HeavyHittersTop {
    this.evictBefore(open.index - this.closedPanesInWindow);
    const newPane = this.candidatesPane !== open.index;
    this.rebuilding = newPane;
    if (newPane) {
      this.candidatesPane = open.index;
      this.candidates = new Map();
      for (const counter of open.summary.entries()) this.updateCandidate(open, counter.key);
    } else {
      for (let index = 0; index < batchPairs.length; index++) {
        this.updateCandidate(open, batchPairs[index]![0]);
      }
      // Within a pane, one merge of the closed panes' work ahead (see `SlidingAggregate`), so
      // that no pane boundary does a window's worth of merges.
      this.closed.step();
    }
    // Closed candidates absent from the open pane follow its bound, which grows once it is full.
    const openBound = open.summary.unmonitoredBound;
    for (const counter of this.cached()?.top ?? []) {
      if (open.summary.slotOf(counter.key) !== -1) continue;
      this.setCandidate({
        key: counter.key,
        count: counter.count + openBound,
        error: counter.error + openBound,
      });
    }
    // Within a pane every sum only grows, so the top follows the changed candidates.
    if (newPane) this.best.reset(this.candidates.values());
    this.rebuilding = false;
    return { top: this.best.sorted(), posts: (this.cache?.merged.posts ?? 0) + open.posts };
  }

  /**
   * Counters held by the candidates, the closed panes' summaries and merges (bounded by panes ×
   * capacity), those in `counted` left out (closed panes are shared with the other windows);
   * adds the summaries it counts to `counted`.
   */
  heldCounters(counted = new Set<FrozenSummary>()): number {
    const held = this.closed.held().map((aggregate) => aggregate.summary);
    if (this.cache !== undefined) held.push(this.cache.merged.summary);
    return this.candidates.size + countNew(held, counted);
  }

  /** `save`: one `aggregateSaver()` shared by the windows of one snapshot. */
  snapshot(save = aggregateSaver()): HeavyHittersWindowSnapshot {
    const candidates = [...this.candidates.values()];
    return {
      windowMs: this.windowMs,
      closedIndices: [...this.closedIndices],
      closed: this.closed.snapshot(save),
      candidatesPane: this.candidatesPane,
      candidateKeys: candidates.map((counter) => counter.key),
      candidateCounts: Float64Array.from(candidates, (counter) => counter.count),
      candidateErrors: Float64Array.from(candidates, (counter) => counter.error),
    };
  }

  /**
   * Loads a `snapshot()` into this fresh window of the same length; the merge's top-N cache is
   * recomputed from the restored panes and the current top from the candidates.
   */
  restore(snapshot: HeavyHittersWindowSnapshot, load = aggregateLoader()): void {
    if (snapshot.windowMs !== this.windowMs) {
      throw new TypeError(
        `heavy window snapshot is of ${snapshot.windowMs} ms, not ${this.windowMs}`,
      );
    }
    const { candidateKeys: keys, candidateCounts: counts, candidateErrors: errors } = snapshot;
    if (counts.length !== keys.length || errors.length !== keys.length) {
      throw new TypeError('heavy window snapshot: candidate columns differ in length');
    }
    this.closed.restore(snapshot.closed, load);
    if (this.closed.length !== snapshot.closedIndices.length) {
      throw new TypeError('heavy window snapshot: panes and their indices differ in number');
    }
    this.closedIndices.splice(0, Infinity, ...snapshot.closedIndices);
    this.cache = undefined;
    this.candidatesPane = snapshot.candidatesPane;
    this.candidates = new Map(
      keys.map((key, index): [string, Counter] => [
        key,
        { key, count: counts[index]!, error: errors[index]! },
      ]),
    );
    this.best.reset(this.candidates.values());
  }

  /** Sets `key`'s sums; a key the open pane just evicted is bounded by the pane's bound. */
  /** The key's sum of open and closed estimates (or bounds), read by slot: no object per key. */
  private updateCandidate(open: OpenPane, key: string): void {
    const summary = open.summary;
    const openSlot = summary.slotOf(key);
    let count: number;
    let error: number;
    if (openSlot === -1) count = error = summary.unmonitoredBound;
    else {
      count = summary.countAt(openSlot);
      error = summary.errorAt(openSlot);
    }
    const merged = this.cached()?.merged.summary;
    if (merged !== undefined) {
      const closedSlot = merged.slotOf(key);
      if (closedSlot === -1) {
        count += merged.unmonitoredBound;
        error += merged.unmonitoredBound;
      } else {
        count += merged.countAt(closedSlot);
        error += merged.errorAt(closedSlot);
      }
    }
    this.setCandidate({ key, count, error });
  }

  private setCandidate(counter: Counter): void {
    this.candidates.set(counter.key, counter);
    if (!this.rebuilding) this.best.update(counter);
  }

  private evictBefore(oldestIndex: number): void {
    while (this.closedIndices.length > 0 && this.closedIndices[0]! < oldestIndex) {
      this.closedIndices.shift();
      this.closed.shift();
      this.cache = undefined;
    }
  }

  private cached(): typeof this.cache {
    if (this.cache === undefined && this.closed.length > 0) {
      const merged = this.closed.combined()!;
      this.cache = { merged, top: merged.summary.top(this.topN) };
    }
    return this.cache;
  }
}

function byCount(a: Counter, b: Counter): number {
  if (a.count !== b.count) return a.count - b.count;
  if (a.error !== b.error) return b.error - a.error;
  return a.key < b.key ? 1 : a.key > b.key ? -1 : 0;
}
