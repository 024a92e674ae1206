import type { DStream, StreamingContext } from '@/lib/engine';
import type { CellCounts } from './cell-counts';
import type { FilterBatchInput } from './filter-batch-input';

const add = (a: number, b: number): number => a + b;
const subtract = (a: number, b: number): number => a - b;
const isPositive = (pair: [string, number]): boolean => pair[1] > 0;

/**
 * The filter dimensions on the engine, beside the plain counts and with the same operators:
 * - `counted`: `[<cell>\0<tag>, count]` per distinct pair (`CellCounter`, a flatMap and a
 *   reduceByKey folded as the posts arrive), one item per batch: the batch's cell counts (the
 *   heavy-hitters panes and the series take them);
 * - the language cells' pairs (not `*|o`: an exact window sums the original cells of every
 *   language instead, at no loss) → the pairs the cells' own key bound admits (`admitExact`):
 *   the exact windows under a filter are summed from these batches when a filter is asked, and
 *   kept up to date with `+` and `−` while it is in use (`ExactCellViews`), not kept for every
 *   cell key by a `reduceByKeyAndWindow` that nothing else reads;
 * - `[cell, posts]` (the same fold) → `reduceByKey(+)` → `reduceByKeyAndWindow(+, −)` per
 *   window: the posts under each filter and the languages seen.
 * All gathered by one `ssc.transform` into one `FilterBatchInput` per batch.
 */
export function filterStreams(
  ssc: StreamingContext,
  counted: DStream<CellCounts>,
  admitExact: (pairs: [string, number][], batchTime: number) => [string, number][],
  windowsMs: readonly number[],
): DStream<FilterBatchInput> {
  const interval = ssc.batchIntervalMs;
  const batchPairs = counted.transform((items) =>
    items.length === 0 ? [] : [...items[0]!.languagePairs, ...items[0]!.originalPairs],
  );
  const languagePairs = counted.transform((items) => items[0]?.languagePairs ?? []);
  const admitted = languagePairs.transform(admitExact);
  const postCells = counted.transform((items) => items[0]?.postPairs ?? []).reduceByKey(add);
  const postWindows = windowsMs.map((windowMs) =>
    postCells.reduceByKeyAndWindow(add, subtract, windowMs, interval, isPositive),
  );
  return ssc.transform(
    [counted, batchPairs, admitted, ...postWindows],
    ([counts, pairs, admittedPairs, ...windows]): FilterBatchInput[] => [
      {
        batchPairs: pairs,
        admittedPairs,
        languageGroups: (counts[0] as CellCounts | undefined)?.languageGroups ?? [],
        postWindows: windowsMs.map((windowMs, index) => ({ windowMs, pairs: windows[index]! })),
      },
    ],
  );
}
