import type { ReduceFn } from '../types';
import type { StreamNode } from '../nodes/node-types';
import { map } from './map';
import { reduce } from './reduce';
import { reduceByKeyAndWindow } from './reduce-by-key-and-window';
import { window } from './window';
import { checkWindowDurations } from '../validate-durations';

/**
 * Spark's `reduceByWindow`. Without `invFn`: `reduce → window → reduce` (nothing for a window
 * without items). With `invFn`: incremental on a single key, so like Spark it emits nothing
 * until the first item and then one value per slide, even once the window is empty.
 */
export function reduceByWindow<T>(
  parent: StreamNode<T>,
  fn: ReduceFn<T>,
  invFn: ReduceFn<T> | undefined,
  windowMs: number,
  slideMs: number,
  operator = 'reduceByWindow',
): StreamNode<T> {
  checkWindowDurations(operator, windowMs, slideMs, parent.slideMs);
  if (!invFn) return reduce(window(reduce(parent, fn), windowMs, slideMs), fn);
  const keyed = map(parent, (item: T): [number, T] => [0, item]);
  const reduced = reduceByKeyAndWindow(keyed, { fn, invFn, windowMs, slideMs, operator });
  return map(reduced, (pair: [number, T]) => pair[1]);
}
