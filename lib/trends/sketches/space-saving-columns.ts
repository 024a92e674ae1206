import { checkCapacity } from './space-saving-state';
import type { SpaceSavingState } from './space-saving-state';

/**
 * A Space-Saving summary in columns, for checkpoints: keys in heap order and their counts and
 * errors as typed arrays (a fraction of the size of `[key, count, error]` triples, and rebuilt
 * into the very same heap, so later evictions pick the same keys).
 */
export interface SpaceSavingColumns<K> {
  capacity: number;
  total: number;
  floor: number;
  keys: K[];
  counts: Float64Array;
  errors: Float64Array;
}

export function stateToColumns<K>(state: SpaceSavingState<K>): SpaceSavingColumns<K> {
  const size = state.counters.length;
  const keys = new Array<K>(size);
  const counts = new Float64Array(size);
  const errors = new Float64Array(size);
  state.counters.forEach((counter, index) => {
    keys[index] = counter.key;
    counts[index] = counter.count;
    errors[index] = counter.error;
  });
  return { capacity: state.capacity, total: state.total, floor: state.floor, keys, counts, errors };
}

/** Checks columns made by `stateToColumns`; throws a `TypeError` naming the first problem. */
export function stateFromColumns<K>(columns: SpaceSavingColumns<K>): SpaceSavingState<K> {
  const { capacity, total, floor, keys, counts, errors } = columns;
  checkCapacity(capacity);
  if (!(total >= 0) || !(floor >= 0))
    throw new TypeError('summary: total and floor must be counts');
  if (!Array.isArray(keys) || keys.length > capacity) {
    throw new TypeError('summary: keys must be an array of at most capacity entries');
  }
  if (counts.length !== keys.length || errors.length !== keys.length) {
    throw new TypeError('summary: keys, counts and errors differ in length');
  }
  const counters = keys.map((key, index) => {
    const count = counts[index]!;
    const error = errors[index]!;
    if (!(error >= 0 && error <= count && count >= floor)) {
      throw new TypeError('summary: a counter needs 0 <= error <= count and count >= floor');
    }
    return { key, count, error };
  });
  return { capacity, total, floor, counters };
}
