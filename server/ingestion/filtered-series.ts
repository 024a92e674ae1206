import type { SeriesPoint } from '@/lib/protocol';
import { cellKey, cellsOfFilter } from '@/lib/trends/filters/filter-cells';
import type { ViewFilter } from '@/lib/view-filters';
import type { TrendStore } from './trend-store';

/**
 * `store.series` under a filter: the store keeps each batch's counts per cell beside the plain
 * ones (`filteredBatchCounts`), so a tag's count under a filter is the sum of its cells'. Like
 * the plain series, a batch holds the `seriesTagsPerBatch` largest counts (cells here).
 */
export function filteredSeries(
  store: TrendStore,
  filter: ViewFilter,
  keys: readonly string[],
  afterBatchTime?: number,
): SeriesPoint[] {
  const cells = cellsOfFilter(filter);
  if (cells === undefined) return store.series(keys, afterBatchTime);
  const cellKeys = keys.flatMap((key) => cells.map((cell) => cellKey(cell, key)));
  return store.series(cellKeys, afterBatchTime).map(({ batchTime, counts }) => ({
    batchTime,
    counts: keys.map((_key, index) => {
      let sum = 0;
      for (let cell = 0; cell < cells.length; cell++) sum += counts[index * cells.length + cell]!;
      return sum;
    }),
  }));
}
