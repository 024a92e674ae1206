import type { StreamNode } from '../nodes/node-types';
import { map } from './map';
import { reduceByWindow } from './reduce-by-window';
import { checkWindowDurations } from '../validate-durations';

const add = (a: number, b: number): number => a + b;
const subtract = (a: number, b: number): number => a - b;

/** Spark's `countByWindow`: items in the window, incremental; emits 0 once the window drains. */
export function countByWindow<T>(
  parent: StreamNode<T>,
  windowMs: number,
  slideMs: number,
): StreamNode<number> {
  checkWindowDurations('countByWindow', windowMs, slideMs, parent.slideMs);
  const ones = map(parent, () => 1);
  return reduceByWindow(ones, add, subtract, windowMs, slideMs, 'countByWindow');
}
