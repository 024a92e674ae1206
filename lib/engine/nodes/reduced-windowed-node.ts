import { combinePanes, foldPaneInto, paneOf } from './pane';
import type { Pane } from './pane';
import { StreamNodeBase, batchOf } from './stream-node-base';
import type { ReduceFn } from '../types';
import type { StreamNode } from './node-types';

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
  panes: [number, K[], V[]][];
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
  private panes = new Map<number, Pane<K, V>>();
  /** Running value per key, as the (immutable) pair emitted, so unchanged pairs are reused. */
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
    let failure: { error: unknown } | undefined;
    const entering: Pane<K, V>[] = [];
    for (const time of this.enteringPaneTimes(batchTime)) {
      try {
        const pane = paneOf(batchOf(this.spec.panes, time));
        entering.push(pane);
        this.panes.set(time, pane);
      } catch (error) {
        failure ??= { error };
      }
    }
    this.lastTime = batchTime;
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

  /** Pane end times in `(last slide, batchTime]` that lie inside the window ending now. */
  private enteringPaneTimes(batchTime: number): number[] {
    const paneMs = this.spec.panes.slideMs;
    const fromTime = this.lastTime ?? this.graph.zeroTime ?? 0;
    const times: number[] = [];
    const first = Math.max(fromTime, batchTime - this.spec.windowMs) + paneMs;
    for (let time = first; time <= batchTime; time += paneMs) times.push(time);
    return times;
  }

  /** Removes and returns the panes ending at or before `horizon` (the ones leaving). */
  private takeLeavingPanes(horizon: number): Pane<K, V>[] {
    const leaving: Pane<K, V>[] = [];
    for (const [endTime, pane] of this.panes) {
      if (endTime > horizon) break;
      leaving.push(pane);
      this.panes.delete(endTime);
    }
    return leaving;
  }

  /**
   * Applies leaving and entering panes; all user code runs before the state is touched. The
   * updated keys go into parallel arrays (leaving keys first, then new entering ones, each pane's
   * keys being distinct), with a `Map` only from leaving keys to their index.
   */
  private merge(leaving: Pane<K, V>[], entering: Pane<K, V>[]): void {
    const { fn, invFn, filterFn } = this.spec;
    const keys: K[] = [];
    const values: V[] = [];
    // Made only when panes leave.
    let leavingIndex: Map<K, number> | undefined;
    if (leaving.length > 0) {
      leavingIndex = new Map<K, number>();
      const pane = combinePanes(leaving, fn);
      for (let index = 0; index < pane.keys.length; index++) {
        const previous = this.running.get(pane.keys[index]);
        if (previous === undefined) continue;
        leavingIndex.set(pane.keys[index], keys.length);
        keys.push(pane.keys[index]);
        values.push(invFn(previous[1], pane.values[index]));
      }
    }
    if (entering.length > 0) {
      const pane = combinePanes(entering, fn);
      for (let index = 0; index < pane.keys.length; index++) {
        const key = pane.keys[index];
        const at =
          leavingIndex !== undefined && leavingIndex.size > 0 ? leavingIndex.get(key) : undefined;
        if (at !== undefined) {
          values[at] = fn(values[at], pane.values[index]);
        } else {
          const previous = this.running.get(key);
          keys.push(key);
          values.push(
            previous === undefined ? pane.values[index] : fn(previous[1], pane.values[index]),
          );
        }
      }
    }
    this.apply(keys, values, filterFn);
  }

  /** Builds the updated pairs, asks `filterFn` about each, then updates the running state. */
  private apply(keys: K[], values: V[], filterFn: ((pair: [K, V]) => boolean) | undefined): void {
    // A pair that `filterFn` drops is left undefined.
    const pairs = new Array<[K, V] | undefined>(keys.length);
    for (let index = 0; index < keys.length; index++) {
      const pair: [K, V] = [keys[index], values[index]];
      pairs[index] = filterFn === undefined || filterFn(pair) ? pair : undefined;
    }
    const running = this.running;
    for (let index = 0; index < pairs.length; index++) {
      const pair = pairs[index];
      if (pair !== undefined) running.set(keys[index], pair);
      else running.delete(keys[index]);
    }
  }

  /** Recomputes the running state from the panes in the window (after a failed merge). */
  private rebuild(): void {
    const totals = new Map<K, V>();
    for (const pane of this.panes.values()) foldPaneInto(totals, pane, this.spec.fn);
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
      panes: Array.from(this.panes, ([endTime, pane]) => [endTime, pane.keys, pane.values]),
      running: Array.from(this.running.values()),
    };
  }

  protected override restoreState(state: unknown): void {
    const saved = state as ReducedWindowState<K, V>;
    this.lastTime = saved.lastTime ?? undefined;
    this.needsRebuild = saved.needsRebuild;
    this.panes = new Map(saved.panes.map(([endTime, keys, values]) => [endTime, { keys, values }]));
    this.running = new Map(saved.running.map((pair) => [pair[0], pair]));
  }
}
