import { CounterHeap } from './space-saving-heap';
import { stateFromColumns } from './space-saving-columns';
import type { SpaceSavingColumns } from './space-saving-columns';
import { stateFromJson, stateToJson } from './space-saving-json';
import type { SpaceSavingJson } from './space-saving-json';
import { mergeStates } from './space-saving-merge';
import { checkCapacity } from './space-saving-state';
import type { SpaceSavingCounter, SpaceSavingState } from './space-saving-state';

/**
 * Space-Saving heavy hitters (Metwally, Agrawal, El Abbadi, 2005) over weighted offers, with at
 * most `capacity` counters. For a stream of total weight N, whatever the order:
 * - `estimate(key).count` is never below the key's true count, and `count - error` never above;
 * - every `error` is at most N / capacity;
 * - every key whose true count exceeds N / capacity is monitored.
 * An unmonitored key takes the place of the smallest counter and inherits its count as its error.
 * Updates cost O(log capacity) (a min-heap indexed by key). Keys are compared as `Map` keys do.
 */
export class SpaceSaving<K = string> {
  readonly capacity: number;
  private readonly heap = new CounterHeap<K>();
  private totalWeight = 0;
  /** True count bound of unmonitored keys while not full; above 0 only after some merges. */
  private floor = 0;

  constructor(capacity: number) {
    checkCapacity(capacity);
    this.capacity = capacity;
  }

  /** Adds `count` (a positive weight, 1 by default) to `key`. */
  offer(key: K, count = 1): void {
    if (!(count > 0) || !Number.isFinite(count)) {
      throw new RangeError(`Space-Saving offers need a positive finite count, got ${count}`);
    }
    this.totalWeight += count;
    const slot = this.heap.slotOf(key);
    if (slot !== -1) this.heap.increment(slot, count);
    else if (this.heap.size < this.capacity) this.heap.add(key, this.floor + count, this.floor);
    else {
      const minCount = this.heap.minCount();
      this.heap.replaceMin(key, minCount + count, minCount);
    }
  }

  get size(): number {
    return this.heap.size;
  }

  /** Total weight offered (N); the classic bound: any key's overcount <= N / capacity. */
  get total(): number {
    return this.totalWeight;
  }

  /**
   * The key's counter slot, -1 when not monitored: with `countAt` and `errorAt`, `estimate`
   * without an object, for per-key work every batch. A slot holds until the next offer.
   */
  slotOf(key: K): number {
    return this.heap.slotOf(key);
  }

  countAt(slot: number): number {
    return this.heap.countAt(slot);
  }

  errorAt(slot: number): number {
    return this.heap.errorAt(slot);
  }

  /** Estimated count (overestimate) and its max overcount; undefined when not monitored. */
  estimate(key: K): { count: number; error: number } | undefined {
    const slot = this.heap.slotOf(key);
    if (slot === -1) return undefined;
    return { count: this.heap.countAt(slot), error: this.heap.errorAt(slot) };
  }

  /** The `n` largest counters by count, highest first; equal counts by smaller error first. */
  top(n: number): SpaceSavingCounter<K>[] {
    return [...this.entries()]
      .sort((a, b) => b.count - a.count || a.error - b.error)
      .slice(0, Math.max(0, n));
  }

  /** The key of the `index`-th monitored counter (0 ≤ index < size), in `entries()`'s order. */
  keyAt(index: number): K {
    return this.heap.keyAt(index);
  }

  /** Every monitored counter, in no particular order. */
  *entries(): IterableIterator<SpaceSavingCounter<K>> {
    for (let slot = 0; slot < this.heap.size; slot++) {
      yield {
        key: this.heap.keyAt(slot),
        count: this.heap.countAt(slot),
        error: this.heap.errorAt(slot),
      };
    }
  }

  /**
   * Mergeable summaries (Agarwal et al. 2012): result bounds hold for the union of both streams.
   * When every input's capacity is at least `capacity`, the bounds above hold with N the sum of
   * the inputs' totals (see `mergeStates`).
   */
  static merge<K>(summaries: SpaceSaving<K>[], capacity: number): SpaceSaving<K> {
    checkCapacity(capacity);
    const inputs = summaries.map((summary) => ({
      counters: summary.entries(),
      total: summary.total,
      unmonitoredBound: summary.unmonitoredBound,
    }));
    return SpaceSaving.fromState(mergeStates(inputs, capacity));
  }

  toJSON(): SpaceSavingJson<K> {
    return stateToJson(this.state());
  }

  /** Rebuilds a summary from `toJSON` output; throws on malformed input. */
  static fromJSON<K>(json: unknown): SpaceSaving<K> {
    return SpaceSaving.fromState(stateFromJson<K>(json));
  }

  /** Columns for a checkpoint (see `SpaceSavingColumns`). */
  toColumns(): SpaceSavingColumns<K> {
    // What `stateToColumns(this.state())` gives, without a counter object per slot: panes are
    // frozen this way once a pane, at up to `capacity` counters each.
    const size = this.heap.size;
    const keys = new Array<K>(size);
    const counts = new Float64Array(size);
    const errors = new Float64Array(size);
    for (let slot = 0; slot < size; slot++) {
      keys[slot] = this.heap.keyAt(slot);
      counts[slot] = this.heap.countAt(slot);
      errors[slot] = this.heap.errorAt(slot);
    }
    const { capacity, totalWeight: total, floor } = this;
    return { capacity, total, floor, keys, counts, errors };
  }

  /** Rebuilds the identical summary from `toColumns` output; throws on malformed input. */
  static fromColumns<K>(columns: SpaceSavingColumns<K>): SpaceSaving<K> {
    return SpaceSaving.fromState(stateFromColumns(columns));
  }

  /**
   * Most that a key this summary does not monitor can have been offered: the smallest count
   * when full, else 0 (or, after a merge into a larger capacity, the inputs' summed bounds).
   */
  get unmonitoredBound(): number {
    return this.heap.size >= this.capacity ? this.heap.minCount() : this.floor;
  }

  private state(): SpaceSavingState<K> {
    return {
      capacity: this.capacity,
      total: this.totalWeight,
      floor: this.floor,
      counters: [...this.entries()],
    };
  }

  private static fromState<K>(state: SpaceSavingState<K>): SpaceSaving<K> {
    const summary = new SpaceSaving<K>(state.capacity);
    summary.totalWeight = state.total;
    summary.floor = state.floor;
    for (const { key, count, error } of state.counters) summary.heap.add(key, count, error);
    return summary;
  }
}
