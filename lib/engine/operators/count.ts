import { perBatch } from '../nodes/per-batch-node';
import type { StreamNode } from '../nodes/node-types';

/** One item per batch: the batch's size (0 for an empty batch, as in Spark). */
export function count<T>(parent: StreamNode<T>): StreamNode<number> {
  return perBatch(parent, 'count', (items: T[]) => [items.length]);
}
