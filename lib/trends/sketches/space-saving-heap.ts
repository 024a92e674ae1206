/** One monitored key; `slot` is its place in the heap array. */
interface Counter<K> {
  key: K;
  count: number;
  error: number;
  slot: number;
}

/**
 * The counters of a Space-Saving summary as a binary min-heap on `count`, with a map from key
 * to counter: O(1) lookup and minimum, O(log k) increment and replacement. Counters carry their
 * heap slot, so sifting touches no map, and an evicted key's counter is reused for the key that
 * replaces it: a full summary allocates nothing per offer.
 */
export class CounterHeap<K> {
  private readonly heap: Counter<K>[] = [];
  private readonly byKey = new Map<K, Counter<K>>();

  get size(): number {
    return this.heap.length;
  }

  /** Heap slot of `key`, or -1 when it is not monitored. */
  slotOf(key: K): number {
    return this.byKey.get(key)?.slot ?? -1;
  }

  countAt(slot: number): number {
    return this.heap[slot].count;
  }

  errorAt(slot: number): number {
    return this.heap[slot].error;
  }

  keyAt(slot: number): K {
    return this.heap[slot].key;
  }

  /** Smallest count; only meaningful when `size > 0`. */
  minCount(): number {
    return this.heap[0].count;
  }

  add(key: K, count: number, error: number): void {
    const counter = { key, count, error, slot: this.heap.length };
    this.heap.push(counter);
    this.byKey.set(key, counter);
    this.siftUp(counter);
  }

  increment(slot: number, by: number): void {
    const counter = this.heap[slot];
    counter.count += by;
    this.siftDown(counter);
  }

  /** Evicts the key with the smallest count and monitors `key` in its place. */
  replaceMin(key: K, count: number, error: number): void {
    const counter = this.heap[0];
    this.byKey.delete(counter.key);
    counter.key = key;
    counter.count = count;
    counter.error = error;
    this.byKey.set(key, counter);
    this.siftDown(counter);
  }

  private siftUp(counter: Counter<K>): void {
    const heap = this.heap;
    let slot = counter.slot;
    while (slot > 0) {
      const parentSlot = (slot - 1) >> 1;
      const parent = heap[parentSlot];
      if (parent.count <= counter.count) break;
      this.place(parent, slot);
      slot = parentSlot;
    }
    this.place(counter, slot);
  }

  private siftDown(counter: Counter<K>): void {
    const heap = this.heap;
    const size = heap.length;
    let slot = counter.slot;
    for (;;) {
      const left = 2 * slot + 1;
      if (left >= size) break;
      const right = left + 1;
      const childSlot = right < size && heap[right].count < heap[left].count ? right : left;
      const child = heap[childSlot];
      if (counter.count <= child.count) break;
      this.place(child, slot);
      slot = childSlot;
    }
    this.place(counter, slot);
  }

  private place(counter: Counter<K>, slot: number): void {
    this.heap[slot] = counter;
    counter.slot = slot;
  }
}
