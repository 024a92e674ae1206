/**
 * Top-N selection without sorting every candidate: a bounded min-heap of the best `n` seen so far,
 * O(m log n) for m candidates instead of O(m log m), and O(n) memory. Used every batch over the
 * keys of a window, where m (thousands of keys) is much larger than n (100).
 */

/** Positive when `a` ranks above `b`; must be a total order for a deterministic result. */
export type RankOrder<T> = (a: T, b: T) => number;

/**
 * The `n` highest-ranked of `items`, best first. `primary`, when given, must be the order's first
 * criterion as a number (higher ranks higher): a candidate below the heap's smallest is then
 * rejected with one number comparison, the common case when most items are small.
 */
export function selectTop<T>(
  items: Iterable<T>,
  n: number,
  order: RankOrder<T>,
  primary?: (item: T) => number,
): T[] {
  if (n <= 0) return [];
  const heap: T[] = [];
  let floor = -Infinity;
  for (const item of items) {
    if (heap.length < n) {
      heap.push(item);
      siftUp(heap, heap.length - 1, order);
      if (heap.length === n && primary) floor = primary(heap[0]!);
    } else if ((!primary || primary(item) >= floor) && order(item, heap[0]!) > 0) {
      heap[0] = item;
      siftDown(heap, 0, order);
      if (primary) floor = primary(heap[0]!);
    }
  }
  return heap.sort((a, b) => order(b, a));
}

/** Higher count first; ties by key, ascending. */
export function byCountThenKey(a: [string, number], b: [string, number]): number {
  if (a[1] !== b[1]) return a[1] - b[1];
  return a[0] < b[0] ? 1 : a[0] > b[0] ? -1 : 0;
}

/**
 * The `n` entries of `counts` with the highest counts, best first, equal counts by key. Runs for
 * every window every batch, so it is written out for `[key, count]` pairs (monomorphic, inlined
 * comparisons): a pair below the heap's smallest count costs one number comparison.
 */
export function topCounts(counts: Iterable<[string, number]>, n: number): [string, number][] {
  if (n <= 0) return [];
  // All of them (a batch's pairs under the series' 500, say): one sort is cheaper than a heap.
  if (Array.isArray(counts) && counts.length <= n) return counts.slice().sort(byCountThenKeyDesc);
  const heap: [string, number][] = [];
  let floor = -Infinity;
  for (const entry of counts) {
    const count = entry[1];
    if (heap.length < n) {
      heap.push(entry);
      siftUp(heap, heap.length - 1, byCountThenKey);
      floor = heap[0]![1];
    } else if (count > floor || (count === floor && entry[0] < heap[0]![0])) {
      heap[0] = entry;
      siftDown(heap, 0, byCountThenKey);
      floor = heap[0]![1];
    }
  }
  return heap.sort((a, b) => byCountThenKey(b, a));
}

/**
 * `topCounts` of a `key → count` map, the same list, without a `[key, count]` pair built per
 * entry: only those that enter the heap get one (the filters' kept views, every batch).
 */
export function topCountsOfMap(counts: ReadonlyMap<string, number>, n: number): [string, number][] {
  if (n <= 0) return [];
  const heap: [string, number][] = [];
  let floor = -Infinity;
  let floorKey = '';
  counts.forEach((count, key) => {
    if (heap.length < n) {
      heap.push([key, count]);
      siftUp(heap, heap.length - 1, byCountThenKey);
    } else if (count > floor || (count === floor && key < floorKey)) {
      heap[0] = [key, count];
      siftDown(heap, 0, byCountThenKey);
    } else return;
    floor = heap[0]![1];
    floorKey = heap[0]![0];
  });
  return heap.sort((a, b) => byCountThenKey(b, a));
}

function byCountThenKeyDesc(a: [string, number], b: [string, number]): number {
  return byCountThenKey(b, a);
}

// The heap's root is its lowest-ranked item: the one the next better candidate replaces.
function siftUp<T>(heap: T[], index: number, order: RankOrder<T>): void {
  const item = heap[index]!;
  while (index > 0) {
    const parent = (index - 1) >> 1;
    if (order(heap[parent]!, item) <= 0) break;
    heap[index] = heap[parent]!;
    index = parent;
  }
  heap[index] = item;
}

function siftDown<T>(heap: T[], index: number, order: RankOrder<T>): void {
  const item = heap[index]!;
  const length = heap.length;
  for (;;) {
    const left = 2 * index + 1;
    if (left >= length) break;
    const right = left + 1;
    const lower = right < length && order(heap[right]!, heap[left]!) < 0 ? right : left;
    if (order(item, heap[lower]!) <= 0) break;
    heap[index] = heap[lower]!;
    index = lower;
  }
  heap[index] = item;
}
