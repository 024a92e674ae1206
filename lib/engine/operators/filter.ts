import { perBatch } from '../nodes/per-batch-node';
import type { StreamNode } from '../nodes/node-types';

export function filter<T>(parent: StreamNode<T>, predicate: (item: T) => boolean): StreamNode<T> {
  return perBatch(parent, 'filter', (items: T[]) => {
    const kept: T[] = [];
    for (let index = 0; index < items.length; index++) {
      if (predicate(items[index])) kept.push(items[index]);
    }
    return kept;
  });
}
