import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HeavyHittersWindow } from './heavy-hitters-window';
import { PaneBuilder } from './pane-builder';

const BATCH_MS = 2_000;
const PANE_MS = 6_000;
const WINDOW_MS = 18_000;

/** Batches of `[key, count]` pairs with skewed keys, like hashtag traffic. */
const batchesArbitrary = fc.array(
  fc.array(
    fc.tuple(
      fc.oneof(
        { weight: 3, arbitrary: fc.integer({ min: 0, max: 5 }) },
        { weight: 1, arbitrary: fc.integer({ min: 6, max: 200 }) },
      ),
      fc.integer({ min: 1, max: 30 }),
    ),
    { maxLength: 40 },
  ),
  { minLength: 1, maxLength: 40 },
);

function distinctPairs(batch: [number, number][]): [string, number][] {
  const counts = new Map<string, number>();
  for (const [key, count] of batch) counts.set(`k${key}`, (counts.get(`k${key}`) ?? 0) + count);
  return [...counts];
}

describe('HeavyHittersWindow', () => {
  // A window of 3 panes, and one of 10 whose closed panes are turned a merge per batch.
  it.each([WINDOW_MS, 10 * PANE_MS])(
    'bounds every reported count and reports every key above total / capacity (%i ms)',
    (windowMs) => {
      fc.assert(
        fc.property(batchesArbitrary, fc.integer({ min: 4, max: 30 }), (batches, capacity) => {
          const panes = new PaneBuilder(PANE_MS, BATCH_MS, capacity);
          const window = new HeavyHittersWindow(windowMs, PANE_MS, capacity, 1_000);
          const history: { batchTime: number; pairs: [string, number][] }[] = [];
          batches.forEach((batch, index) => {
            const batchTime = (index + 1) * BATCH_MS;
            const pairs = distinctPairs(batch);
            history.push({ batchTime, pairs });
            const closed = panes.addBatch(batchTime, pairs, batch.length);
            if (closed) window.paneClosed(closed);
            const open = panes.current!;
            const result = window.top(open, pairs);
            // The window covers whole panes: from the start of the oldest pane in it.
            const coveredFromMs = (open.index - windowMs / PANE_MS) * PANE_MS;
            const exact = new Map<string, number>();
            let total = 0;
            for (const entry of history) {
              if (entry.batchTime <= coveredFromMs) continue;
              for (const [key, count] of entry.pairs) {
                exact.set(key, (exact.get(key) ?? 0) + count);
                total += count;
              }
            }
            for (const { key, count, error } of result.top) {
              const truth = exact.get(key) ?? 0;
              expect(count).toBeGreaterThanOrEqual(truth);
              expect(count - error).toBeLessThanOrEqual(truth);
            }
            const reported = new Set(result.top.map((counter) => counter.key));
            for (const [key, truth] of exact) {
              if (truth > total / capacity) expect(reported.has(key)).toBe(true);
            }
          });
        }),
        { numRuns: 200 },
      );
    },
  );

  it('counts exactly while panes have room, and sums the posts of the panes covered', () => {
    const panes = new PaneBuilder(PANE_MS, BATCH_MS, 100);
    const window = new HeavyHittersWindow(WINDOW_MS, PANE_MS, 100, 2);
    let result;
    for (let index = 1; index <= 12; index++) {
      const pairs: [string, number][] = [
        ['a', 1],
        ['b', index],
      ];
      const closed = panes.addBatch(index * BATCH_MS, pairs, 10);
      if (closed) window.paneClosed(closed);
      result = window.top(panes.current!, pairs);
    }
    // Batches 4..12 are in the window at 24 s (panes 2, 3 and 4 of 6 s each).
    expect(result).toEqual({
      top: [
        { key: 'b', count: 4 + 5 + 6 + 7 + 8 + 9 + 10 + 11 + 12, error: 0 },
        { key: 'a', count: 9, error: 0 },
      ],
      posts: 90,
    });
  });
});
