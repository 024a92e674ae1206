import type { StreamNode } from '../nodes/node-types';
import { map } from './map';
import { reduceByKeyAndWindow } from './reduce-by-key-and-window';
import { checkWindowDurations } from '../validate-durations';

const add = (a: number, b: number): number => a + b;
const subtract = (a: number, b: number): number => a - b;
const isNonZero = (pair: [unknown, number]): boolean => pair[1] !== 0;

/** Spark's `countByValueAndWindow`: `[value, count]` per value in the window, zeros dropped. */
export function countByValueAndWindow<T>(
  parent: StreamNode<T>,
  windowMs: number,
  slideMs: number = parent.slideMs,
): StreamNode<[T, number]> {
  checkWindowDurations('countByValueAndWindow', windowMs, slideMs, parent.slideMs);
  const ones = map(parent, (item: T): [T, number] => [item, 1]);
  return reduceByKeyAndWindow(ones, {
    fn: add,
    invFn: subtract,
    windowMs,
    slideMs,
    filterFn: isNonZero,
    operator: 'countByValueAndWindow',
  });
}
