import { perBatch } from '../per-batch-node';
import type { ReduceFn, StreamNode } from '../types';

/** Folds `pairs` into `into` by key with `fn` (one Map lookup per pair, no allocation). */
export function reducePairsInto<K, V>(into: Map<K, V>, pairs: [K, V][], fn: ReduceFn<V>): void {
  for (let index = 0; index < pairs.length; index++) {
    const pair = pairs[index];
    const key = pair[0];
    const current = into.get(key);
    if (current === undefined && !into.has(key)) into.set(key, pair[1]);
    else into.set(key, fn(current as V, pair[1]));
  }
}

/** Per batch: one `[key, value]` per distinct key, values folded with `fn`, first-seen order. */
export function reduceByKey<K, V>(parent: StreamNode<[K, V]>, fn: ReduceFn<V>): StreamNode<[K, V]> {
  return perBatch(parent, 'reduceByKey', (pairs: [K, V][]) => {
    const reduced = new Map<K, V>();
    reducePairsInto(reduced, pairs, fn);
    return Array.from(reduced);
  });
}
