import { describe, expect, it } from 'vitest';
import { createJobHarness, post } from './trends-job.test-helpers';
import type { ParsedPost } from '../types';
import type { TrendsJobStateSizes } from './trends-job-state';
import type { TagDetailSizes } from '../detail/tag-detail';

type Sizes = TrendsJobStateSizes & TagDetailSizes;

// The default windows scaled down 10× (6 s, 30 s, 90 s, 6 m), and every bound small, so that a
// flood of 36,000 new hashtags in 180 batches goes far past each of them.
const BOUNDS = {
  heavyHittersCapacity: 500,
  maxExactWindowKeys: 2_000,
  maxSpellingKeys: 3_000,
  maxDedupeIds: 5_000,
  maxTrackedKeys: 1_000,
  detailMaxTags: 300,
  detailMaxRelatedUnits: 5_000,
};
const POSTS_PER_BATCH = 40;
const NEW_TAGS_PER_POST = 5;

describe('createTrendsJob under a flood of new hashtags', () => {
  it('keeps every structure within its bound and the steady tag exact', async () => {
    const harness = createJobHarness({
      windowsMs: [6_000, 30_000, 90_000, 360_000],
      heavyHittersFromMs: 90_000,
      heavyHittersCapacity: BOUNDS.heavyHittersCapacity,
      maxExactWindowKeys: BOUNDS.maxExactWindowKeys,
      maxSpellingKeys: BOUNDS.maxSpellingKeys,
      maxDedupeIds: BOUNDS.maxDedupeIds,
      trending: { maxTrackedKeys: BOUNDS.maxTrackedKeys },
      detail: { maxTags: BOUNDS.detailMaxTags, maxRelatedUnits: BOUNDS.detailMaxRelatedUnits },
    });
    let next = 0;
    const largest: Partial<Sizes> = {};
    for (let batch = 0; batch < 180; batch++) {
      const posts: ParsedPost[] = [];
      for (let index = 0; index < POSTS_PER_BATCH; index++) {
        const tags = Array.from({ length: NEW_TAGS_PER_POST }, () => `f${next++}`);
        // Three posts a batch, by three authors, carry a tag that is there from the start.
        if (index < 3) tags.push('Steady');
        posts.push(post(`${batch}-${index}`, tags, `a${index}`));
      }
      const result = await harness.batch(posts);
      const sizes = harness.job.stateSizes();
      for (const [name, value] of Object.entries(sizes) as [keyof Sizes, number][]) {
        largest[name] = Math.max(largest[name] ?? 0, value);
      }
      if (batch >= 15) {
        const [, thirtySeconds] = result.windows;
        expect(thirtySeconds!.approximate).toBe(true);
        expect(thirtySeconds!.top[0]).toEqual({
          key: 'steady',
          tag: 'Steady',
          count: 45,
          error: 0,
        });
        expect(thirtySeconds!.tweets).toBe(15 * POSTS_PER_BATCH);
      }
    }
    expect(next).toBe(36_000);
    expect(largest.exactAdmittedKeys).toBe(BOUNDS.maxExactWindowKeys);
    expect(largest.spellingKeys).toBeLessThanOrEqual(BOUNDS.maxSpellingKeys);
    expect(largest.trendKeys).toBeLessThanOrEqual(BOUNDS.maxTrackedKeys);
    expect(largest.dedupeIds).toBeLessThanOrEqual(BOUNDS.maxDedupeIds + POSTS_PER_BATCH);
    expect(largest.openPaneCounters).toBe(BOUNDS.heavyHittersCapacity);
    // Two heavy windows of 15 and 60 panes: closed panes, their merges, the cached merge and the
    // candidates, each at most the capacity.
    expect(largest.heavyCounters).toBeLessThanOrEqual(
      2 * (2 * 60 + 2) * BOUNDS.heavyHittersCapacity,
    );
    // The filter cells have the same bounds: two cells a tag here (`und|o` and `*|o`).
    expect(largest.filterExactAdmittedKeys).toBe(BOUNDS.maxExactWindowKeys);
    expect(largest.filterHeavyCounters).toBeLessThanOrEqual(
      (2 * (2 * 60 + 1) + 1) * BOUNDS.heavyHittersCapacity,
    );
    // Every flood tag reaches the top lists (each is seen once, as often as any other): the
    // detail follows at most its bound of them, with at most 20 posts each, shared.
    expect(largest.detailTags).toBe(BOUNDS.detailMaxTags);
    expect(largest.detailPosts).toBeLessThanOrEqual(BOUNDS.detailMaxTags * 20);
    expect(largest.relatedUnits).toBeLessThanOrEqual(BOUNDS.detailMaxRelatedUnits);
    expect(harness.job.detail.postsOf('steady')).toHaveLength(20);
    expect(harness.job.detail.relatedOf('steady', 6_000, 360_000).posts).toBe(9);
    expect(harness.errors).toEqual([]);
    harness.stop();
  });
});
