import { perBatch } from '../nodes/per-batch-node';
import type { ReduceFn } from '../types';
import type { StreamNode } from '../nodes/node-types';

/** One item per non-empty batch: its items folded with `fn`; empty batches stay empty. */
export function reduce<T>(parent: StreamNode<T>, fn: ReduceFn<T>): StreamNode<T> {
  return perBatch(parent, 'reduce', (items: T[]) => {
    if (items.length === 0) return [];
    let accumulator = items[0];
    for (let index = 1; index < items.length; index++) accumulator = fn(accumulator, items[index]);
    return [accumulator];
  });
}
