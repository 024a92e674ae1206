import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MINUTE_BATCHES,
  OPTIONS,
  createTrackerHarness,
  listedKeys,
} from './trend-tracker.test-helpers';
import type { TestPost } from './trend-tracker.test-helpers';

/** A background that keeps the tracker fed (and the warm-up running) while the case plays. */
function background(batch: number): TestPost[] {
  return Array.from({ length: 5 }, (_, index) => ({
    key: 'background',
    author: `bg${batch}-${index}`,
  }));
}

describe('trend gates', () => {
  it('never lists a ring of k accounts retweeting one post, for any k below the author gate', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: OPTIONS.minAuthors - 1 }),
        fc.integer({ min: 0, max: 15 * MINUTE_BATCHES }),
        fc.integer({ min: 1, max: 4 * MINUTE_BATCHES }),
        fc.integer({ min: 1, max: 20 }),
        (accounts, startBatch, batches, retweetsPerAccount) => {
          const harness = createTrackerHarness();
          for (let batch = 0; batch < startBatch + batches; batch++) {
            const ring: TestPost[] = [];
            if (batch >= startBatch) {
              for (let account = 0; account < accounts; account++) {
                for (let retweet = 0; retweet < retweetsPerAccount; retweet++) {
                  ring.push({ key: 'ring', author: `ring-${account}`, retweetOf: 'the-post' });
                }
              }
            }
            expect(listedKeys(harness.batch([...background(batch), ...ring]))).not.toContain(
              'ring',
            );
          }
        },
      ),
      { numRuns: 30 },
    );
  });

  it('never lists retweets of one post, however many accounts retweet it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 1, max: 3 * MINUTE_BATCHES }),
        (accountsPerBatch, batches) => {
          const harness = createTrackerHarness();
          for (let batch = 0; batch < 11 * MINUTE_BATCHES + batches; batch++) {
            const ring: TestPost[] =
              batch < 11 * MINUTE_BATCHES
                ? []
                : Array.from({ length: accountsPerBatch }, (_, account) => ({
                    key: 'ring',
                    author: `ring-${batch}-${account}`,
                    retweetOf: 'the-post',
                  }));
            expect(listedKeys(harness.batch([...background(batch), ...ring]))).not.toContain(
              'ring',
            );
          }
        },
      ),
      { numRuns: 15 },
    );
  });

  it('never lists a steady tag, whenever it started and however long the job has run', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 5_000 }),
        fc.integer({ min: 0, max: 20 * MINUTE_BATCHES }),
        fc.integer({ min: 1, max: 30 * MINUTE_BATCHES }),
        (postsPerBatch, authorPool, quietBatches, steadyBatches) => {
          const harness = createTrackerHarness();
          let next = 0;
          for (let batch = 0; batch < quietBatches + steadyBatches; batch++) {
            const steady: TestPost[] = [];
            if (batch >= quietBatches) {
              for (let post = 0; post < postsPerBatch; post++) {
                steady.push({ key: 'steady', author: `a${next++ % authorPool}` });
              }
            }
            const lists = harness.batch([...background(batch), ...steady]);
            // A tag that appears after the start is new: it may trend while it arrives, and then
            // must stop within the minutes it takes its baseline to learn its rate.
            const arrivingBatches = quietBatches > 0 ? 12 * MINUTE_BATCHES : 0;
            if (batch >= quietBatches + arrivingBatches) expect(lists.trending).toEqual([]);
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});
