/** A Space-Saving summary as plain data: what merging and JSON work on. */
export interface SpaceSavingCounter<K> {
  key: K;
  /** Estimated count: never below the true count. */
  count: number;
  /** Most the count may exceed the true count by: `count - error` never exceeds it. */
  error: number;
}

export interface SpaceSavingState<K> {
  capacity: number;
  /** Total weight offered (N). */
  total: number;
  /**
   * Upper bound of the true count of any key that is not monitored while the summary is not
   * full. 0 for a summary built by offers alone; a merge into a larger capacity can leave it above 0.
   */
  floor: number;
  counters: SpaceSavingCounter<K>[];
}

export function checkCapacity(capacity: number): void {
  if (!Number.isInteger(capacity) || capacity < 1) {
    throw new RangeError(`Space-Saving capacity must be a positive integer, got ${capacity}`);
  }
}
