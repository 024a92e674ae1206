/**
 * The counters of a Space-Saving summary as a binary min-heap on `count`, with an index from key
 * to heap slot: O(1) lookup and minimum, O(log k) increment and replacement. Parallel arrays
 * rather than one object per counter keep the hot path free of allocation.
 */
export class CounterHeap<K> {
  private readonly keys: K[] = [];
  private readonly counts: number[] = [];
  private readonly errors: number[] = [];
  private readonly slots = new Map<K, number>();

  get size(): number {
    return this.keys.length;
  }

  /** Heap slot of `key`, or -1 when it is not monitored. */
  slotOf(key: K): number {
    return this.slots.get(key) ?? -1;
  }

  countAt(slot: number): number {
    return this.counts[slot];
  }

  errorAt(slot: number): number {
    return this.errors[slot];
  }

  keyAt(slot: number): K {
    return this.keys[slot];
  }

  /** Smallest count; only meaningful when `size > 0`. */
  minCount(): number {
    return this.counts[0];
  }

  add(key: K, count: number, error: number): void {
    const slot = this.keys.length;
    this.keys.push(key);
    this.counts.push(count);
    this.errors.push(error);
    this.slots.set(key, slot);
    this.siftUp(slot);
  }

  increment(slot: number, by: number): void {
    this.counts[slot] += by;
    this.siftDown(slot);
  }

  /** Evicts the key with the smallest count and monitors `key` in its place. */
  replaceMin(key: K, count: number, error: number): void {
    this.slots.delete(this.keys[0]);
    this.keys[0] = key;
    this.counts[0] = count;
    this.errors[0] = error;
    this.slots.set(key, 0);
    this.siftDown(0);
  }

  private siftUp(start: number): void {
    let slot = start;
    while (slot > 0) {
      const parent = (slot - 1) >> 1;
      if (this.counts[parent] <= this.counts[slot]) return;
      this.swap(slot, parent);
      slot = parent;
    }
  }

  private siftDown(start: number): void {
    const size = this.keys.length;
    let slot = start;
    for (;;) {
      const left = 2 * slot + 1;
      if (left >= size) return;
      const right = left + 1;
      const child = right < size && this.counts[right] < this.counts[left] ? right : left;
      if (this.counts[slot] <= this.counts[child]) return;
      this.swap(slot, child);
      slot = child;
    }
  }

  private swap(a: number, b: number): void {
    const key = this.keys[a];
    this.keys[a] = this.keys[b];
    this.keys[b] = key;
    const count = this.counts[a];
    this.counts[a] = this.counts[b];
    this.counts[b] = count;
    const error = this.errors[a];
    this.errors[a] = this.errors[b];
    this.errors[b] = error;
    this.slots.set(this.keys[a], a);
    this.slots.set(this.keys[b], b);
  }
}
