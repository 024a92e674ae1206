import type { SpaceSavingCounter, SpaceSavingState } from './space-saving-state';

/** A summary to merge: its counters, its total, and the bound of keys it does not monitor. */
export interface MergeInput<K> {
  counters: Iterable<SpaceSavingCounter<K>>;
  total: number;
  /** True count bound of unmonitored keys: the minimum count when full, else the floor. */
  unmonitoredBound: number;
}

/**
 * Merges Space-Saving summaries (Agarwal et al., "Mergeable summaries", 2012, with the
 * Space-Saving form of the Misra-Gries merge). For every key seen by any input, each input adds
 * its counter when it monitors the key, else its `unmonitoredBound` (as count and as error),
 * which keeps `count >= true count >= count - error` over the union of the streams. The
 * `capacity` largest counters are kept.
 *
 * When every input's capacity is at least `capacity` (a full input then holds at least as many
 * counters as are kept), the kept counts add up to at most the summed totals N, so every error
 * stays within N / capacity and every key whose true count exceeds N / capacity is kept.
 * Merging into a larger capacity keeps the count bounds but the error bound is then the sum of
 * each input's total / its capacity.
 */
export function mergeStates<K>(inputs: MergeInput<K>[], capacity: number): SpaceSavingState<K> {
  // Every key starts at the sum of the bounds; each input that monitors it swaps its bound
  // for its counter.
  const boundSum = inputs.reduce((sum, input) => sum + input.unmonitoredBound, 0);
  const merged = new Map<K, SpaceSavingCounter<K>>();
  for (const input of inputs) {
    for (const { key, count, error } of input.counters) {
      let counter = merged.get(key);
      if (counter === undefined) {
        counter = { key, count: boundSum, error: boundSum };
        merged.set(key, counter);
      }
      counter.count += count - input.unmonitoredBound;
      counter.error += error - input.unmonitoredBound;
    }
  }
  const counters = [...merged.values()];
  counters.sort((a, b) => b.count - a.count || a.error - b.error);
  return {
    capacity,
    total: inputs.reduce((sum, input) => sum + input.total, 0),
    // A key that no input monitors is bounded by the sum of the bounds.
    floor: boundSum,
    counters: counters.slice(0, capacity),
  };
}
