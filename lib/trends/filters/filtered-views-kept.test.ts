import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createJobHarness } from '../job/trends-job.test-helpers';
import { CellKeyBook } from './cell-key-book';
import { cellKey } from './filter-cells';
import { ExactCellViews } from './exact-cell-views';
import { FILTERS, SETTINGS, batchesArbitrary } from './filtered-views.test-helpers';

/** Which batches the occasional asker asks at: long gaps (past the idle time) and runs. */
const askingArbitrary = fc.array(fc.oneof(fc.constant(true), fc.constant(false)), {
  minLength: 50,
  maxLength: 50,
});

describe('filtered views kept between batches', () => {
  it('answer as views built afresh whether asked every batch, now and then, or after a long pause', async () => {
    await fc.assert(
      fc.asyncProperty(batchesArbitrary, askingArbitrary, async (batches, asking) => {
        // `every` asks each filter each batch (its views are kept and updated); `sometimes`
        // asks at the chosen batches only (its views are dropped after a pause and rebuilt).
        // Both equal a job asked only at that batch, checked at the last batch below.
        const every = createJobHarness(SETTINGS);
        const sometimes = createJobHarness(SETTINGS);
        const once = createJobHarness(SETTINGS);
        for (let index = 0; index < batches.length; index++) {
          const posts = batches[index]!;
          const expected = await every.batch(posts);
          const result = await sometimes.batch(posts);
          await once.batch(posts);
          const everyViews = every.job.filteredViews()!;
          for (const filter of FILTERS) {
            everyViews.windows(filter);
            everyViews.trending(filter, expected);
          }
          if (!asking[index]) continue;
          const views = sometimes.job.filteredViews()!;
          for (const filter of FILTERS) {
            expect(views.windows(filter)).toEqual(everyViews.windows(filter));
            expect(views.trending(filter, result)).toEqual(everyViews.trending(filter, expected));
          }
        }
        const last = every.results[every.results.length - 1]!;
        const fresh = once.job.filteredViews()!;
        for (const filter of FILTERS) {
          expect(fresh.windows(filter)).toEqual(every.job.filteredViews()!.windows(filter));
          expect(fresh.trending(filter, last)).toEqual(
            every.job.filteredViews()!.trending(filter, last),
          );
        }
        for (const harness of [every, sometimes, once]) {
          expect(harness.errors).toEqual([]);
          harness.stop();
        }
      }),
      { numRuns: 20 },
    );
  });
});

describe('ExactCellViews', () => {
  const keys = new CellKeyBook(1_000);
  const pt = cellKey('pt|o', 'hot');

  it('drops a view nobody asked for during the idle time, and rebuilds it when asked again', () => {
    const views = new ExactCellViews(10_000, 2_000, 6_000, keys);
    views.record(2_000, [[pt, 1]]);
    expect(views.countsOf(['pt|o'], 2_000, [[pt, 1]]).get('hot')).toBe(1);
    expect(views.size).toBe(1);
    views.record(4_000, [[pt, 2]]);
    views.record(6_000, []);
    expect(views.size).toBe(1);
    views.record(8_000, []);
    expect(views.size).toBe(0);
    expect(views.countsOf(['pt|o'], 8_000, [[pt, 3]]).get('hot')).toBe(3);
  });

  it('after a restore, builds views from the window until its batches were all seen', () => {
    const views = new ExactCellViews(4_000, 2_000, 6_000, keys);
    views.restored();
    views.record(10_000, [[pt, 1]]);
    // The window (6 s, 10 s] held 5 posts before the restore: the engine's pairs say so.
    expect(views.countsOf(['pt|o'], 10_000, [[pt, 6]]).get('hot')).toBe(6);
    views.record(12_000, []);
    // The batch at 8 s left unseen: the view is built again from the window's pairs.
    expect(views.countsOf(['pt|o'], 12_000, [[pt, 1]]).get('hot')).toBe(1);
    views.record(14_000, [[pt, 4]]);
    // The batch at 10 s, seen, left: updated from the batches.
    expect(views.countsOf(['pt|o'], 14_000, [[pt, 999]]).get('hot')).toBe(4);
  });
});
