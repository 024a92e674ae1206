import { perBatch } from '../nodes/per-batch-node';
import type { TransformFn } from '../types';
import type { StreamNode } from '../nodes/node-types';

/** Spark's `transform`: an arbitrary function of each whole batch (and its time). */
export function transform<T, U>(parent: StreamNode<T>, fn: TransformFn<T, U>): StreamNode<U> {
  return perBatch(parent, 'transform', fn);
}
