import { reducePairsInto } from './operators/reduce-by-key';
import { StreamNodeBase, batchOf } from './stream-node';
import type { ReduceFn, StreamNode } from './types';

export interface ReducedWindowSpec<K, V> {
  /** One batch per pane: distinct keys, reduced over `(paneEnd - paneMs, paneEnd]`. */
  panes: StreamNode<[K, V]>;
  fn: ReduceFn<V>;
  invFn: ReduceFn<V>;
  windowMs: number;
  slideMs: number;
  filterFn?: (pair: [K, V]) => boolean;
}

interface ReducedWindowState<K, V> {
  lastTime: number | null;
  needsRebuild: boolean;
  panes: [number, [K, V][]][];
  running: [K, V][];
}

/**
 * Spark's ReducedWindowedDStream, incremental: keeps the reduced pane of every pane interval in
 * the window and the running reduction per key. Each slide applies `invFn` for the panes that
 * leave the window and `fn` for the panes that enter it, so a batch costs in proportion to the
 * keys of those panes, never to the window's length. As in Spark, a key whose previous value is
 * absent (filtered out) ignores leaving values, and without `filterFn` keys stay (e.g. at 0).
 *
 * User functions run before any state changes, so a throw leaves the state consistent: a pane
 * that failed counts as empty, and if `fn`/`invFn`/`filterFn` failed while merging, the running
 * state is rebuilt from the panes on the next slide (keys at 0 are not kept by a rebuild).
 */
export class ReducedWindowedNode<K, V> extends StreamNodeBase<[K, V]> {
  private panes = new Map<number, [K, V][]>();
  private running = new Map<K, [K, V]>();
  private lastTime: number | undefined = undefined;
  private needsRebuild = false;

  constructor(private readonly spec: ReducedWindowSpec<K, V>) {
    super(spec.panes.graph, {
      kind: 'reduceByKeyAndWindow',
      parents: [spec.panes],
      slideMs: spec.slideMs,
      params: { windowMs: spec.windowMs, slideMs: spec.slideMs, filter: spec.filterFn ? 1 : 0 },
      parentLookbackMs: spec.slideMs,
      eager: true,
    });
  }

  protected compute(batchTime: number): [K, V][] {
    const paneSource = this.spec.panes;
    const fromTime = this.lastTime ?? this.graph.zeroTime ?? 0;
    this.lastTime = batchTime;
    let failure: { error: unknown } | undefined;
    const entering: [K, V][][] = [];
    // Panes that end before the window starts never enter it (slide longer than the window).
    const firstPaneEnd = Math.max(fromTime, batchTime - this.spec.windowMs) + paneSource.slideMs;
    for (let time = firstPaneEnd; time <= batchTime; time += paneSource.slideMs) {
      try {
        const pane = batchOf(paneSource, time);
        entering.push(pane);
        this.panes.set(time, pane);
      } catch (error) {
        failure ??= { error };
      }
    }
    const leaving = this.takeLeavingPanes(batchTime - this.spec.windowMs);
    if (!this.needsRebuild) {
      try {
        this.merge(leaving, entering);
      } catch (error) {
        failure ??= { error };
        this.needsRebuild = true;
      }
    }
    if (this.needsRebuild) {
      try {
        this.rebuild();
        this.needsRebuild = false;
      } catch (error) {
        failure ??= { error };
      }
    }
    if (failure) throw failure.error;
    return Array.from(this.running.values());
  }

  /** Removes and returns the panes ending at or before `horizon` (the ones leaving). */
  private takeLeavingPanes(horizon: number): [K, V][][] {
    const leaving: [K, V][][] = [];
    for (const [endTime, pane] of this.panes) {
      if (endTime > horizon) break;
      leaving.push(pane);
      this.panes.delete(endTime);
    }
    return leaving;
  }

  /** Applies leaving and entering panes; all user code runs before the state is touched. */
  private merge(leaving: [K, V][][], entering: [K, V][][]): void {
    const { fn, invFn, filterFn } = this.spec;
    const updated = new Map<K, V>();
    for (const [key, oldValue] of combinePanes(leaving, fn)) {
      const previous = this.running.get(key);
      if (previous !== undefined) updated.set(key, invFn(previous[1], oldValue));
    }
    for (const [key, newValue] of combinePanes(entering, fn)) {
      if (updated.has(key)) {
        updated.set(key, fn(updated.get(key) as V, newValue));
      } else {
        const previous = this.running.get(key);
        updated.set(key, previous === undefined ? newValue : fn(previous[1], newValue));
      }
    }
    const results: [K, [K, V] | undefined][] = [];
    for (const [key, value] of updated) {
      const pair: [K, V] = [key, value];
      results.push([key, filterFn === undefined || filterFn(pair) ? pair : undefined]);
    }
    for (const [key, pair] of results) {
      if (pair === undefined) this.running.delete(key);
      else this.running.set(key, pair);
    }
  }

  /** Recomputes the running state from the panes in the window (after a failed merge). */
  private rebuild(): void {
    const totals = new Map<K, V>();
    for (const pane of this.panes.values()) reducePairsInto(totals, pane, this.spec.fn);
    const rebuilt = new Map<K, [K, V]>();
    for (const [key, value] of totals) {
      const pair: [K, V] = [key, value];
      if (this.spec.filterFn === undefined || this.spec.filterFn(pair)) rebuilt.set(key, pair);
    }
    this.running = rebuilt;
  }

  protected override snapshotState(): ReducedWindowState<K, V> {
    return {
      lastTime: this.lastTime ?? null,
      needsRebuild: this.needsRebuild,
      panes: Array.from(this.panes),
      running: Array.from(this.running.values()),
    };
  }

  protected override restoreState(state: unknown): void {
    const saved = state as ReducedWindowState<K, V>;
    this.lastTime = saved.lastTime ?? undefined;
    this.needsRebuild = saved.needsRebuild;
    this.panes = new Map(saved.panes);
    this.running = new Map(saved.running.map((pair) => [pair[0], pair]));
  }
}

/** The panes' pairs reduced by key: the pane itself when there is one (keys already distinct). */
function combinePanes<K, V>(panes: [K, V][][], fn: ReduceFn<V>): Iterable<[K, V]> {
  if (panes.length === 0) return [];
  if (panes.length === 1) return panes[0];
  const combined = new Map<K, V>();
  for (const pane of panes) reducePairsInto(combined, pane, fn);
  return combined;
}
