import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BATCH_MS, createJobHarness, naiveWindow, post } from './trends-job.test-helpers';
import type { ParsedPost } from '../types';

const WINDOW_MS = 60_000;
/** `choosePaneMs([60 s], 2 s)`: 15 panes of 4 s. */
const PANE_MS = 4_000;
const CAPACITY = 8;
const HEAVY = {
  windowsMs: [10_000, WINDOW_MS],
  heavyHittersFromMs: WINDOW_MS,
  heavyHittersCapacity: CAPACITY,
  topN: 100,
};

/** Batches of posts with skewed hashtags: a few frequent, many rare. */
const batchesArbitrary = fc
  .array(
    fc.array(
      fc.oneof(
        { weight: 2, arbitrary: fc.integer({ min: 0, max: 3 }) },
        { weight: 1, arbitrary: fc.integer({ min: 4, max: 300 }) },
      ),
      { maxLength: 12 },
    ),
    { minLength: 1, maxLength: 70 },
  )
  .map((batches) =>
    batches.map((tags, batch) => tags.map((tag, index) => post(`${batch}-${index}`, [`t${tag}`]))),
  );

describe('createTrendsJob in heavy-hitters mode', () => {
  it('bounds each count by its error and reports every key above total / capacity', async () => {
    await fc.assert(
      fc.asyncProperty(batchesArbitrary, async (batches) => {
        const harness = createJobHarness(HEAVY);
        const fed: ParsedPost[][] = [];
        for (const posts of batches) {
          fed.push(posts);
          const result = await harness.batch(posts);
          const heavy = result.windows[1]!;
          expect(heavy.approximate).toBe(true);
          // The window covers whole panes: the open one and the 14 before it.
          const paneIndex = Math.ceil(result.batchTime / PANE_MS);
          const coveredFromMs = (paneIndex - WINDOW_MS / PANE_MS) * PANE_MS;
          const exact = naiveWindow(fed, coveredFromMs, result.batchTime, WINDOW_MS);
          expect(heavy.tweets).toBe(exact.tweets);
          for (const { key, count, error } of heavy.top) {
            const truth = exact.counts.get(key) ?? 0;
            expect(count).toBeGreaterThanOrEqual(truth);
            expect(count - error).toBeLessThanOrEqual(truth);
          }
          const total = [...exact.counts.values()].reduce((sum, count) => sum + count, 0);
          const reported = new Set(heavy.top.map((tag) => tag.key));
          for (const [key, truth] of exact.counts) {
            if (truth > total / CAPACITY) expect(reported.has(key)).toBe(true);
          }
        }
        expect(harness.errors).toEqual([]);
        harness.stop();
      }),
      { numRuns: 40 },
    );
  });

  it('reports exact counts with zero error while panes have room', async () => {
    const harness = createJobHarness({ ...HEAVY, heavyHittersCapacity: 1_000 });
    let result;
    for (let batch = 0; batch < 40; batch++) {
      result = await harness.batch([post(`${batch}`, ['Hot', 'Other'])]);
    }
    // At 80 s the window covers panes 6..20: batches at 22 s..80 s, 30 posts.
    expect(result!.windows[1]).toMatchObject({
      label: '1m',
      tweets: 30,
      top: [
        { key: 'hot', tag: 'Hot', count: 30, error: 0 },
        { key: 'other', tag: 'Other', count: 30, error: 0 },
      ],
    });
    expect(BATCH_MS).toBe(2_000);
  });
});
