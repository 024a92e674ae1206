import type { DStream, StreamingContext } from '@/lib/engine';
import type { ParsedPost } from '../types';
import { cellPostPairs, cellTagPairs } from './filter-cells';
import type { FilterBatchInput, WindowPairs } from './filter-batch-input';

const add = (a: number, b: number): number => a + b;
const subtract = (a: number, b: number): number => a - b;
const isPositive = (pair: [string, number]): boolean => pair[1] > 0;

/**
 * The filter dimensions on the engine, beside the plain counts and with the same operators:
 * - posts → `[<cell>\0<tag>, 1]` per hashtag per cell → `reduceByKey(+)`: the batch's cell
 *   counts (the heavy-hitters panes and the series take them);
 * - → the pairs the cells' own key bound admits (`admitExact`) → `reduceByKeyAndWindow(+, −)`
 *   per exact window;
 * - posts → `[cell, 1]` → `reduceByKey(+)` → `reduceByKeyAndWindow(+, −)` per window: the posts
 *   under each filter and the languages seen.
 * All gathered by one `ssc.transform` into one `FilterBatchInput` per batch.
 */
export function filterStreams(
  ssc: StreamingContext,
  posts: DStream<ParsedPost>,
  admitExact: (pairs: [string, number][], batchTime: number) => [string, number][],
  windowsMs: readonly number[],
  isHeavy: (windowMs: number) => boolean,
): DStream<FilterBatchInput> {
  const interval = ssc.batchIntervalMs;
  const batchPairs = posts.transform(cellTagPairs).reduceByKey(add);
  const admitted = batchPairs.transform(admitExact);
  const exactWindowsMs = windowsMs.filter((windowMs) => !isHeavy(windowMs));
  const exactWindows = exactWindowsMs.map((windowMs) =>
    admitted.reduceByKeyAndWindow(add, subtract, windowMs, interval, isPositive),
  );
  const postCells = posts.transform(cellPostPairs).reduceByKey(add);
  const postWindows = windowsMs.map((windowMs) =>
    postCells.reduceByKeyAndWindow(add, subtract, windowMs, interval, isPositive),
  );
  const pairsOf = (lengthsMs: readonly number[], windows: [string, number][][]): WindowPairs[] =>
    lengthsMs.map((windowMs, index) => ({ windowMs, pairs: windows[index]! }));
  return ssc.transform(
    [batchPairs, ...exactWindows, ...postWindows],
    ([pairs, ...windows]): FilterBatchInput[] => [
      {
        batchPairs: pairs,
        exactWindows: pairsOf(exactWindowsMs, windows.slice(0, exactWindowsMs.length)),
        postWindows: pairsOf(windowsMs, windows.slice(exactWindowsMs.length)),
      },
    ],
  );
}
