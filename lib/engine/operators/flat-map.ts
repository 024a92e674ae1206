import { perBatch } from '../nodes/per-batch-node';
import type { StreamNode } from '../nodes/node-types';

export function flatMap<T, U>(parent: StreamNode<T>, fn: (item: T) => Iterable<U>): StreamNode<U> {
  return perBatch(parent, 'flatMap', (items: T[]) => {
    const flattened: U[] = [];
    for (let index = 0; index < items.length; index++) {
      const produced = fn(items[index]);
      if (Array.isArray(produced)) {
        for (let inner = 0; inner < produced.length; inner++) flattened.push(produced[inner]);
      } else {
        for (const item of produced) flattened.push(item);
      }
    }
    return flattened;
  });
}
