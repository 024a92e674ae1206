import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FrozenSummary } from '../sketches/frozen-summary';
import { SpaceSaving } from '../sketches/space-saving';
import type { SpaceSavingCounter } from '../sketches/space-saving-state';
import { selectTop } from '../sketches/top-n';
import { CellKeyBook } from './cell-key-book';
import { cellKey, splitCellKey } from './filter-cells';
import {
  byCount,
  filteredHeavyTop,
  openPaneCounts,
  rankMergeCandidates,
} from './filtered-heavy-top';

type Counter = SpaceSavingCounter<string>;

/** The top as ranked afresh: every candidate of either summary estimated over the cells. */
function rankedAfresh(
  open: SpaceSaving<string>,
  merged: FrozenSummary | undefined,
  cells: readonly string[],
  topN: number,
): Counter[] {
  const candidates = new Set<string>();
  for (const summary of merged ? [open, merged] : [open]) {
    for (const { key } of summary.entries()) {
      const split = splitCellKey(key);
      if (split !== undefined && cells.includes(split[0])) candidates.add(split[1]);
    }
  }
  const counters = [...candidates].map((tag) => {
    let count = 0;
    let error = 0;
    for (const cell of cells) {
      const inOpen = open.estimate(cellKey(cell, tag));
      const inMerge = merged?.estimate(cellKey(cell, tag));
      const mergeBound = merged?.unmonitoredBound ?? 0;
      count += (inOpen?.count ?? open.unmonitoredBound) + (inMerge?.count ?? mergeBound);
      error += (inOpen?.error ?? open.unmonitoredBound) + (inMerge?.error ?? mergeBound);
    }
    return { key: tag, count, error };
  });
  return selectTop(counters, topN, byCount, (counter) => counter.count);
}

const offersArbitrary = fc.array(
  fc.tuple(fc.constantFrom('pt|o', 'pt|r', 'en|o', '*|o'), fc.integer({ min: 0, max: 30 })),
  { maxLength: 120 },
);

describe('filteredHeavyTop', () => {
  it('equals the top ranked afresh, with evictions in both summaries', () => {
    fc.assert(
      fc.property(
        offersArbitrary,
        fc.option(offersArbitrary),
        fc.constantFrom(['pt|o'], ['pt|o', 'pt|r'], ['*|o'], ['fr|o']),
        fc.integer({ min: 1, max: 12 }),
        (openOffers, mergeOffers, cells, topN) => {
          const keys = new CellKeyBook(1_000);
          const summaryOf = (offers: [string, number][]) => {
            const summary = new SpaceSaving<string>(8);
            for (const [cell, tag] of offers) summary.offer(keys.keyOf(cell, `t${tag}`));
            return summary;
          };
          const open = summaryOf(openOffers);
          const merged = mergeOffers ? FrozenSummary.of(summaryOf(mergeOffers)) : undefined;
          const ranked = rankMergeCandidates(merged, cells, keys);
          const inOpen = openPaneCounts(open, cells, keys);
          expect(filteredHeavyTop(inOpen, ranked, cells, topN)).toEqual(
            rankedAfresh(open, merged, cells, topN),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
