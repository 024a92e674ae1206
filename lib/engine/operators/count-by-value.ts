import { perBatch } from '../nodes/per-batch-node';
import type { StreamNode } from '../nodes/node-types';

/** Per batch: one `[value, count]` per distinct value, first-seen order. */
export function countByValue<T>(parent: StreamNode<T>): StreamNode<[T, number]> {
  return perBatch(parent, 'countByValue', (items: T[]) => {
    const counts = new Map<T, number>();
    for (let index = 0; index < items.length; index++) {
      const item = items[index];
      counts.set(item, (counts.get(item) ?? 0) + 1);
    }
    return Array.from(counts);
  });
}
