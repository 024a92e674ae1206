import type { OpenPane } from './pane-builder';
import { SlidingAggregate } from './sliding-aggregate';
import type { SpaceSavingCounter } from './space-saving-state';
import { mergeAggregates } from './summary-aggregate';
import type { SummaryAggregate } from './summary-aggregate';
import { selectTop } from './top-n';

/** A window's top hashtags with Space-Saving bounds, and the posts of the panes it covers. */
export interface HeavyHittersTop {
  top: SpaceSavingCounter<string>[];
  posts: number;
}

/**
 * A long window in heavy-hitters mode: bounded memory however many distinct hashtags flow.
 *
 * The window is made of whole panes: the `windowMs / paneMs − 1` panes closed before the open
 * one, plus the open pane. It is exact in length at a pane's last batch and shorter by less than
 * one pane in between (it slides by pane at its old end, by batch at its new end).
 *
 * Closed panes are merged once per pane boundary, incrementally (`SlidingAggregate`), and the
 * merge's top-N is cached. Each batch then only combines the open pane's counters with that
 * cache: a key monitored by neither is bounded by the cached N-th count plus the open pane's
 * bound, below every cached candidate, so the candidates hold the exact top-N of the merge.
 * Every count keeps `count ≥ true ≥ count − error` over the panes covered.
 */
export class HeavyHittersWindow {
  private readonly closed: SlidingAggregate<SummaryAggregate>;
  private readonly closedIndices: number[] = [];
  private readonly closedPanesInWindow: number;
  private cache: { merged: SummaryAggregate; top: SpaceSavingCounter<string>[] } | undefined;

  constructor(
    readonly windowMs: number,
    paneMs: number,
    capacity: number,
    private readonly topN: number,
  ) {
    this.closedPanesInWindow = windowMs / paneMs - 1;
    this.closed = new SlidingAggregate((older, newer) => mergeAggregates(older, newer, capacity));
  }

  /** A pane closed; it stays in the window for the next `windowMs / paneMs − 1` panes. */
  paneClosed(pane: OpenPane): void {
    if (this.closedPanesInWindow <= 0) return;
    this.closed.push({ summary: pane.summary, posts: pane.posts });
    this.closedIndices.push(pane.index);
    this.cache = undefined;
  }

  /** The window's top-N at a batch that went into `open` (the latest pane). */
  top(open: OpenPane): HeavyHittersTop {
    this.evictBefore(open.index - this.closedPanesInWindow);
    const closed = this.cached();
    const candidates: SpaceSavingCounter<string>[] = [];
    const openBound = open.summary.unmonitoredBound;
    const closedBound = closed?.merged.summary.unmonitoredBound ?? 0;
    for (const counter of open.summary.entries()) {
      const known = closed?.merged.summary.estimate(counter.key);
      counter.count += known?.count ?? closedBound;
      counter.error += known?.error ?? closedBound;
      candidates.push(counter);
    }
    for (const counter of closed?.top ?? []) {
      if (open.summary.estimate(counter.key) !== undefined) continue;
      candidates.push({
        key: counter.key,
        count: counter.count + openBound,
        error: counter.error + openBound,
      });
    }
    return {
      top: selectTop(candidates, this.topN, byCount),
      posts: (closed?.merged.posts ?? 0) + open.posts,
    };
  }

  /** Counters held by the closed panes' summaries and merges (bounded by panes × capacity). */
  heldCounters(): number {
    let counters = 0;
    for (const aggregate of this.closed.held()) counters += aggregate.summary.size;
    if (this.cache !== undefined) counters += this.cache.merged.summary.size;
    return counters;
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

function byCount(a: SpaceSavingCounter<string>, b: SpaceSavingCounter<string>): number {
  if (a.count !== b.count) return a.count - b.count;
  if (a.error !== b.error) return b.error - a.error;
  return a.key < b.key ? 1 : a.key > b.key ? -1 : 0;
}
