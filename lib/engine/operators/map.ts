import { perBatch } from '../nodes/per-batch-node';
import type { StreamNode } from '../nodes/node-types';

export function map<T, U>(parent: StreamNode<T>, fn: (item: T) => U): StreamNode<U> {
  return perBatch(parent, 'map', (items: T[]) => {
    const mapped = new Array<U>(items.length);
    for (let index = 0; index < items.length; index++) mapped[index] = fn(items[index]);
    return mapped;
  });
}
