import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ViewFilter } from '@/lib/view-filters';
import { BATCH_MS, createJobHarness } from '../job/trends-job.test-helpers';
import type { ParsedPost } from '../types';
import {
  FILTERS,
  HEAVY_MS,
  PANE_MS,
  SETTINGS,
  batchesArbitrary,
  filteredPost,
} from './filtered-views.test-helpers';

function matches(post: ParsedPost, filter: ViewFilter): boolean {
  if (filter.originalsOnly && post.isRetweet) return false;
  return filter.lang === undefined || (post.lang ?? 'und') === filter.lang;
}

/** Exact counts of the posts under `filter` in the batches with times in `(fromMs, toMs]`. */
function naiveFiltered(batches: ParsedPost[][], fromMs: number, toMs: number, filter: ViewFilter) {
  const counts = new Map<string, number>();
  let tweets = 0;
  batches.forEach((posts, index) => {
    const batchTime = (index + 1) * BATCH_MS;
    if (batchTime <= fromMs || batchTime > toMs) return;
    for (const post of posts) {
      if (!matches(post, filter)) continue;
      tweets++;
      for (const tag of post.tags) counts.set(tag.key, (counts.get(tag.key) ?? 0) + 1);
    }
  });
  return { counts, tweets };
}

describe('filtered views of the trends job', () => {
  it('equal a naive recount per filter in exact windows, within the bounds in heavy ones', async () => {
    await fc.assert(
      fc.asyncProperty(batchesArbitrary, async (batches) => {
        const harness = createJobHarness(SETTINGS);
        const fed: ParsedPost[][] = [];
        for (const posts of batches) {
          fed.push(posts);
          const result = await harness.batch(posts);
          const views = harness.job.filteredViews()!;
          expect(views.batchTime).toBe(result.batchTime);
          for (const filter of FILTERS) {
            const [short, middle, heavy] = views.windows(filter);
            for (const exact of [short!, middle!]) {
              const truth = naiveFiltered(
                fed,
                result.batchTime - exact.windowMs,
                result.batchTime,
                filter,
              );
              expect(exact.approximate).toBe(false);
              expect(exact.tweets).toBe(truth.tweets);
              expect(new Map(exact.top.map((tag) => [tag.key, tag.count]))).toEqual(truth.counts);
              expect(exact.top.every((tag) => tag.error === 0)).toBe(true);
            }
            const coveredFromMs =
              (Math.ceil(result.batchTime / PANE_MS) - HEAVY_MS / PANE_MS) * PANE_MS;
            const covered = naiveFiltered(fed, coveredFromMs, result.batchTime, filter);
            expect(heavy!.approximate).toBe(true);
            for (const { key, count, error } of heavy!.top) {
              const truth = covered.counts.get(key) ?? 0;
              expect(count).toBeGreaterThanOrEqual(truth);
              expect(count - error).toBeLessThanOrEqual(truth);
            }
          }
        }
        expect(harness.errors).toEqual([]);
        harness.stop();
      }),
      { numRuns: 30 },
    );
  });

  it('counts every tag exactly in heavy windows while panes have room, and says the languages', async () => {
    const harness = createJobHarness({ ...SETTINGS, heavyHittersCapacity: 1_000 });
    let result;
    for (let batch = 0; batch < 40; batch++) {
      result = await harness.batch([
        filteredPost(`${batch}-a`, ['Hot'], 'pt', false),
        filteredPost(`${batch}-b`, ['Hot', 'Other'], 'pt', true),
        filteredPost(`${batch}-c`, ['Other'], 'en', false),
        filteredPost(`${batch}-d`, ['Other'], undefined, false),
      ]);
    }
    const views = harness.job.filteredViews()!;
    // At 80 s the heavy window covers batches at 22 s..80 s: 30 of each post.
    expect(views.windows({ lang: 'pt', originalsOnly: true })[2]!.top).toEqual([
      { key: 'hot', tag: 'Hot', count: 30, error: 0 },
    ]);
    expect(views.windows({ originalsOnly: true })[2]!.top).toEqual([
      { key: 'other', tag: 'Other', count: 60, error: 0 },
      { key: 'hot', tag: 'Hot', count: 30, error: 0 },
    ]);
    expect(views.windows({ lang: 'pt' })[0]).toMatchObject({
      label: '10s',
      tweets: 10,
      top: [
        { key: 'hot', count: 10, error: 0 },
        { key: 'other', count: 5, error: 0 },
      ],
    });
    expect(result!.windows[0]!.languages).toEqual([
      { lang: 'pt', posts: 10 },
      { lang: 'en', posts: 5 },
      { lang: 'und', posts: 5 },
    ]);
    harness.stop();
  });
});
