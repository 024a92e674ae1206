import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createJobHarness } from '../job/trends-job.test-helpers';
import { CellKeyBook } from './cell-key-book';
import { cellKey } from './filter-cells';
import { ExactCellViews } from './exact-cell-views';
import { ExactCellBatches } from './exact-cell-batches';
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
  const ptRetweets = cellKey('pt|r', 'hot');

  /** A 10 s window over 2 s batches, views kept 6 s unasked, and its batches. */
  function windowOfTenSeconds() {
    const batches = new ExactCellBatches(10_000 + 6_000, keys);
    const views = new ExactCellViews(10_000, 2_000, 6_000, batches);
    const ran = (batchTime: number, pairs: [string, number][]) => {
      batches.record(batchTime, pairs);
      views.batchRan(batchTime);
    };
    return { batches, views, ran };
  }

  it('drops a view nobody asked for during the idle time, and sums it again when asked', () => {
    const { views, ran } = windowOfTenSeconds();
    ran(2_000, [[pt, 1]]);
    expect(views.countsOf(['pt|o'], 2_000).get('hot')).toBe(1);
    expect(views.size).toBe(1);
    ran(4_000, [
      [pt, 2],
      [ptRetweets, 5],
    ]);
    ran(6_000, []);
    expect(views.size).toBe(1);
    ran(8_000, []);
    expect(views.size).toBe(0);
    expect(views.countsOf(['pt|o'], 8_000).get('hot')).toBe(3);
    expect(views.countsOf(['pt|o', 'pt|r'], 8_000).get('hot')).toBe(8);
    // Kept and brought up to date: the batch at 2 s leaves the window at 12 s.
    ran(10_000, [[pt, 4]]);
    ran(12_000, []);
    expect(views.countsOf(['pt|o'], 12_000).get('hot')).toBe(6);
    ran(14_000, []);
    expect(views.countsOf(['pt|o'], 14_000).get('hot')).toBe(4);
  });

  it('after a restore, sums the restored batches; one missed while down counts as empty', () => {
    const before = windowOfTenSeconds();
    before.ran(2_000, [[pt, 1]]);
    before.ran(4_000, [[pt, 2]]);
    before.ran(6_000, [[pt, 3]]);
    const saved = structuredClone(before.batches.snapshot());
    const after = windowOfTenSeconds();
    after.batches.restore(saved);
    after.views.restored();
    // Down at 8 s and 10 s: those batches never ran.
    after.ran(12_000, [[pt, 10]]);
    expect(after.views.countsOf(['pt|o'], 12_000).get('hot')).toBe(2 + 3 + 10);
    after.ran(14_000, []);
    expect(after.views.countsOf(['pt|o'], 14_000).get('hot')).toBe(3 + 10);
    // The view was summed at 12 s and brought up to date at 14 s; a fresh sum agrees.
    after.views.restored();
    expect(after.views.countsOf(['pt|o'], 14_000).get('hot')).toBe(13);
  });

  it('holds a batch by cell, whatever the order of its pairs; a view sums its cells only', () => {
    const { batches, views, ran } = windowOfTenSeconds();
    const cold = cellKey('pt|o', 'cold');
    const english = cellKey('en|o', 'hot');
    ran(2_000, [
      [pt, 2],
      [english, 7],
      [cold, 1],
      [ptRetweets, 3],
    ]);
    expect(batches.get(2_000)).toEqual([
      { cell: 'pt|o', tags: ['hot', 'cold'], counts: [2, 1] },
      { cell: 'en|o', tags: ['hot'], counts: [7] },
      { cell: 'pt|r', tags: ['hot'], counts: [3] },
    ]);
    expect([...views.countsOf(['pt|o'], 2_000)]).toEqual([
      ['hot', 2],
      ['cold', 1],
    ]);
    expect(views.countsOf(['*|o'], 2_000).get('hot')).toBe(9);
  });

  it('keeps batches for the window and the idle time, and counts the pairs they hold', () => {
    const { batches, ran } = windowOfTenSeconds();
    for (let time = 2_000; time <= 40_000; time += 2_000)
      ran(time, [
        [pt, 1],
        [ptRetweets, 1],
      ]);
    expect(batches.get(24_000)).toBeUndefined();
    expect(batches.get(26_000)).toEqual([
      { cell: 'pt|o', tags: ['hot'], counts: [1] },
      { cell: 'pt|r', tags: ['hot'], counts: [1] },
    ]);
    expect(batches.pairCount).toBe(2 * 8);
    const malformed = { firstTime: 0, batches: [[2_000, [['pt|o', ['hot'], []]]]] } as const;
    expect(() => batches.restore(structuredClone(malformed) as never)).toThrow(TypeError);
  });
});
