import { perBatch } from '../nodes/per-batch-node';
import type { ReduceFn } from '../types';
import type { StreamNode } from '../nodes/node-types';

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

/** The function each `reduceByKey` stream reduces with, so windows can reuse its batches. */
const reduceFunctions = new WeakMap<StreamNode<unknown>, unknown>();

/** True when `stream`'s batches are already reduced by key with `fn` (distinct keys). */
export function isReducedByKeyWith(stream: StreamNode<unknown>, fn: unknown): boolean {
  return reduceFunctions.get(stream) === fn;
}

/**
 * Declares that every batch of `stream` already holds one pair per key, folded with `fn` (a
 * transform that counted as the posts arrived, Spark's map-side combine done by hand), so that
 * windows with `fn` take its batches as their panes without reducing them again. The batches are
 * not checked: a batch with a repeated key gives such a window a wrong count.
 */
export function declareReducedByKey<K, V>(stream: StreamNode<[K, V]>, fn: ReduceFn<V>): void {
  reduceFunctions.set(stream, fn);
}

/** Per batch: one `[key, value]` per distinct key, values folded with `fn`, first-seen order. */
export function reduceByKey<K, V>(parent: StreamNode<[K, V]>, fn: ReduceFn<V>): StreamNode<[K, V]> {
  const reduced = perBatch(parent, 'reduceByKey', (pairs: [K, V][]) => {
    const totals = new Map<K, V>();
    reducePairsInto(totals, pairs, fn);
    return Array.from(totals);
  });
  reduceFunctions.set(reduced, fn);
  return reduced;
}
