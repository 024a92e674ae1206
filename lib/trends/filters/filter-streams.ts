import type { DStream, StreamingContext } from '@/lib/engine';
import type { CellCounts } from './cell-counts';
import type { FilterBatchInput, WindowPairs } from './filter-batch-input';

const add = (a: number, b: number): number => a + b;
const subtract = (a: number, b: number): number => a - b;
const isPositive = (pair: [string, number]): boolean => pair[1] > 0;

/**
 * The filter dimensions on the engine, beside the plain counts and with the same operators:
 * - `counted`: `[<cell>\0<tag>, count]` per distinct pair (`CellCounter`, a flatMap and a
 *   reduceByKey folded as the posts arrive), one item per batch: the batch's cell counts (the
 *   heavy-hitters panes and the series take them);
 * - the language cells' pairs (not `*|o`: an exact window sums the original cells of every
 *   language instead, at no loss) → the pairs the cells' own key bound admits (`admitExact`) →
 *   `reduceByKeyAndWindow(+, −)` per exact window;
 * - `[cell, posts]` (the same fold) → `reduceByKey(+)` → `reduceByKeyAndWindow(+, −)` per window: the posts
 *   under each filter and the languages seen.
 * All gathered by one `ssc.transform` into one `FilterBatchInput` per batch.
 */
export function filterStreams(
  ssc: StreamingContext,
  counted: DStream<CellCounts>,
  admitExact: (pairs: [string, number][], batchTime: number) => [string, number][],
  windowsMs: readonly number[],
  isHeavy: (windowMs: number) => boolean,
): DStream<FilterBatchInput> {
  const interval = ssc.batchIntervalMs;
  const batchPairs = counted.transform((items) =>
    items.length === 0 ? [] : [...items[0]!.languagePairs, ...items[0]!.originalPairs],
  );
  const languagePairs = counted.transform((items) => items[0]?.languagePairs ?? []);
  // One pair per cell key (folded on arrival), so the windows take these batches as panes.
  const admitted = languagePairs.transform(admitExact).alreadyReducedByKey(add);
  const exactWindowsMs = windowsMs.filter((windowMs) => !isHeavy(windowMs));
  const exactWindows = exactWindowsMs.map((windowMs) =>
    admitted.reduceByKeyAndWindow(add, subtract, windowMs, interval, isPositive),
  );
  const postCells = counted.transform((items) => items[0]?.postPairs ?? []).reduceByKey(add);
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
