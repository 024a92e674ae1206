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
 * A key's running value in the window, as the (immutable) pair last emitted, plus scratch room
 * for the slide being merged: `pending` is its new value while `mergedIn` is that slide's number.
 */
interface RunningSlot<K, V> {
  pair: [K, V];
  pending: V;
  mergedIn: number;
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
  /** Running value per key; unchanged pairs are emitted again as they are. */
  private running = new Map<K, RunningSlot<K, V>>();
  private lastTime: number | undefined = undefined;
  private needsRebuild = false;
  /** Number of the slide being merged (tells a slot's scratch value of this slide apart). */
  private slide = 0;

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
    return Array.from(this.running.values(), pairOf);
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
   * Applies leaving and entering panes; all user code runs before the state is touched. Each
   * pane's keys being distinct, a key is looked up once per pane: its new value waits in its
   * slot's scratch room (`pending`), keys new to the window in a list of their own, and only
   * `apply` changes the running state.
   */
  private merge(leaving: Pane<K, V>[], entering: Pane<K, V>[]): void {
    const { fn, invFn } = this.spec;
    const slide = ++this.slide;
    const updated: RunningSlot<K, V>[] = [];
    if (leaving.length > 0) {
      const pane = combinePanes(leaving, fn);
      for (let index = 0; index < pane.keys.length; index++) {
        const slot = this.running.get(pane.keys[index]);
        if (slot === undefined) continue;
        slot.pending = invFn(slot.pair[1], pane.values[index]);
        slot.mergedIn = slide;
        updated.push(slot);
      }
    }
    const fresh: [K, V][] = [];
    if (entering.length > 0) {
      const pane = combinePanes(entering, fn);
      for (let index = 0; index < pane.keys.length; index++) {
        const key = pane.keys[index];
        const slot = this.running.get(key);
        if (slot === undefined) {
          fresh.push([key, pane.values[index]]);
        } else if (slot.mergedIn === slide) {
          slot.pending = fn(slot.pending, pane.values[index]);
        } else {
          slot.pending = fn(slot.pair[1], pane.values[index]);
          slot.mergedIn = slide;
          updated.push(slot);
        }
      }
    }
    this.apply(updated, fresh);
  }

  /**
   * Builds the updated pairs, asks `filterFn` about each, then updates the running state:
   * updated keys keep their place, new keys come last in the entering pane's order.
   */
  private apply(updated: RunningSlot<K, V>[], fresh: [K, V][]): void {
    const filterFn = this.spec.filterFn;
    const pairs: [K, V][] = new Array(updated.length);
    const kept: boolean[] = new Array(updated.length + fresh.length);
    for (let index = 0; index < updated.length; index++) {
      const pair: [K, V] = [updated[index]!.pair[0], updated[index]!.pending];
      pairs[index] = pair;
      kept[index] = filterFn === undefined || filterFn(pair);
    }
    for (let index = 0; index < fresh.length; index++) {
      kept[updated.length + index] = filterFn === undefined || filterFn(fresh[index]!);
    }
    for (let index = 0; index < updated.length; index++) {
      if (kept[index]) updated[index]!.pair = pairs[index]!;
      else this.running.delete(pairs[index]![0]);
    }
    for (let index = 0; index < fresh.length; index++) {
      const pair = fresh[index]!;
      if (kept[updated.length + index]) this.running.set(pair[0], slotOf(pair));
    }
  }

  /** Recomputes the running state from the panes in the window (after a failed merge). */
  private rebuild(): void {
    const totals = new Map<K, V>();
    for (const pane of this.panes.values()) foldPaneInto(totals, pane, this.spec.fn);
    const rebuilt = new Map<K, RunningSlot<K, V>>();
    for (const [key, value] of totals) {
      const pair: [K, V] = [key, value];
      if (this.spec.filterFn === undefined || this.spec.filterFn(pair)) {
        rebuilt.set(key, slotOf(pair));
      }
    }
    this.running = rebuilt;
  }

  protected override snapshotState(): ReducedWindowState<K, V> {
    return {
      lastTime: this.lastTime ?? null,
      needsRebuild: this.needsRebuild,
      panes: Array.from(this.panes, ([endTime, pane]) => [endTime, pane.keys, pane.values]),
      running: Array.from(this.running.values(), pairOf),
    };
  }

  protected override restoreState(state: unknown): void {
    const saved = state as ReducedWindowState<K, V>;
    this.lastTime = saved.lastTime ?? undefined;
    this.needsRebuild = saved.needsRebuild;
    this.panes = new Map(saved.panes.map(([endTime, keys, values]) => [endTime, { keys, values }]));
    this.running = new Map(saved.running.map((pair) => [pair[0], slotOf(pair)]));
  }
}

function slotOf<K, V>(pair: [K, V]): RunningSlot<K, V> {
  return { pair, pending: pair[1], mergedIn: 0 };
}

function pairOf<K, V>(slot: RunningSlot<K, V>): [K, V] {
  return slot.pair;
}
