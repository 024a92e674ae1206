import { stateFromColumns } from './space-saving-columns';
import type { SpaceSavingColumns } from './space-saving-columns';
import { mergeStates } from './space-saving-merge';
import type { SpaceSaving } from './space-saving';
import type { SpaceSavingCounter, SpaceSavingState } from './space-saving-state';
import { selectTop } from './top-n';

/**
 * A Space-Saving summary that no longer changes (a closed pane, a merge of closed panes) in
 * parallel arrays: 24 bytes a counter, where a live `SpaceSaving` spends about 100 (a heap slot,
 * a counter object and a `Map` entry). Long windows hold a hundred of them, so this is most of
 * their memory. Counters keep the order in which the equivalent `SpaceSaving` would list them,
 * so merges come out exactly as with live summaries (a top list takes equal counters by key, so
 * it does not depend on that order). Lookups by key build an index on first use (only the
 * window's cached merge is looked up). Its checkpoint form is the same `SpaceSavingColumns` as a
 * live summary's.
 */
export class FrozenSummary {
  private index: Map<string, number> | undefined;

  /** Most a key this summary does not monitor can have been offered. */
  readonly unmonitoredBound: number;

  private constructor(private readonly columns: SpaceSavingColumns<string>) {
    const { keys, counts, capacity, floor } = columns;
    // Slot 0 holds the smallest count (heap order), as in a live summary.
    this.unmonitoredBound = keys.length >= capacity && keys.length > 0 ? counts[0]! : floor;
  }

  /** A copy of `summary` as it is now. */
  static of(summary: SpaceSaving<string>): FrozenSummary {
    return new FrozenSummary(summary.toColumns());
  }

  /** Rebuilds a summary from `toColumns` output; throws a `TypeError` on malformed input. */
  static fromColumns(columns: SpaceSavingColumns<string>): FrozenSummary {
    stateFromColumns(columns);
    return new FrozenSummary(columns);
  }

  /** The checkpoint form (shared arrays: do not mutate them). */
  toColumns(): SpaceSavingColumns<string> {
    return this.columns;
  }

  /** Total weight offered (N). */
  get total(): number {
    return this.columns.total;
  }

  private get keys(): string[] {
    return this.columns.keys;
  }

  private get counts(): Float64Array {
    return this.columns.counts;
  }

  private get errors(): Float64Array {
    return this.columns.errors;
  }

  /** `SpaceSaving.merge` of frozen summaries (same bounds, same counters, same order). */
  static merge(summaries: FrozenSummary[], capacity: number): FrozenSummary {
    const state = mergeStates(
      summaries.map((summary) => ({
        counters: summary.entries(),
        total: summary.total,
        unmonitoredBound: summary.unmonitoredBound,
      })),
      capacity,
    );
    return FrozenSummary.fromState(state);
  }

  get size(): number {
    return this.keys.length;
  }

  estimate(key: string): { count: number; error: number } | undefined {
    const slot = this.slotOf(key);
    return slot === -1 ? undefined : { count: this.counts[slot]!, error: this.errors[slot]! };
  }

  /** The key's counter slot, -1 when not monitored (see `SpaceSaving.slotOf`). */
  slotOf(key: string): number {
    if (this.index === undefined) {
      this.index = new Map();
      for (let slot = 0; slot < this.keys.length; slot++) this.index.set(this.keys[slot]!, slot);
    }
    return this.index.get(key) ?? -1;
  }

  countAt(slot: number): number {
    return this.counts[slot]!;
  }

  errorAt(slot: number): number {
    return this.errors[slot]!;
  }

  /** The `n` largest counters by count, highest first; then by smaller error, then by key. */
  top(n: number): SpaceSavingCounter<string>[] {
    const { keys, counts, errors } = this;
    const ranksAbove = (a: number, b: number) =>
      counts[a]! - counts[b]! ||
      errors[b]! - errors[a]! ||
      (keys[a]! < keys[b]! ? 1 : keys[a]! > keys[b]! ? -1 : 0);
    const slots = selectTop(keys.keys(), n, ranksAbove, (slot) => counts[slot]!);
    return slots.map((slot) => ({ key: keys[slot]!, count: counts[slot]!, error: errors[slot]! }));
  }

  *entries(): IterableIterator<SpaceSavingCounter<string>> {
    for (let slot = 0; slot < this.keys.length; slot++) {
      yield { key: this.keys[slot]!, count: this.counts[slot]!, error: this.errors[slot]! };
    }
  }

  /**
   * The summary `SpaceSaving.fromState(state)` would build, frozen: its counters are added one by
   * one to a min-heap on count, so they are laid out in that heap's order.
   */
  private static fromState(state: SpaceSavingState<string>): FrozenSummary {
    const counters = state.counters;
    const order = heapOrder(counters);
    const size = counters.length;
    const keys = new Array<string>(size);
    const counts = new Float64Array(size);
    const errors = new Float64Array(size);
    for (let slot = 0; slot < size; slot++) {
      const counter = counters[order[slot]!]!;
      keys[slot] = counter.key;
      counts[slot] = counter.count;
      errors[slot] = counter.error;
    }
    const { capacity, total, floor } = state;
    return new FrozenSummary({ capacity, total, floor, keys, counts, errors });
  }
}

/** Slot → index in `counters` after adding them in order to a min-heap on count (`CounterHeap`). */
function heapOrder(counters: SpaceSavingCounter<string>[]): Int32Array {
  const order = new Int32Array(counters.length);
  for (let added = 0; added < counters.length; added++) {
    const count = counters[added]!.count;
    let slot = added;
    while (slot > 0) {
      const parentSlot = (slot - 1) >> 1;
      if (counters[order[parentSlot]!]!.count <= count) break;
      order[slot] = order[parentSlot]!;
      slot = parentSlot;
    }
    order[slot] = added;
  }
  return order;
}

/** Counters of the `summaries` not in `counted` (each once), which are added to it. */
export function countNew(summaries: readonly FrozenSummary[], counted: Set<FrozenSummary>): number {
  let counters = 0;
  for (const summary of summaries) {
    if (counted.has(summary)) continue;
    counted.add(summary);
    counters += summary.size;
  }
  return counters;
}
