import { describe, expect, it } from 'vitest';
import {
  BATCH_MS,
  MINUTE_BATCHES,
  OPTIONS,
  createTrackerHarness,
  listedKeys,
  postsOf,
} from './trend-tracker.test-helpers';
import type { TrendLists } from './trend-tracker';
import { trendingScore } from './trending-score';

/** Sixteen minutes of a steady background: past the warm-up and the baseline's half-life. */
function warmHarness() {
  const harness = createTrackerHarness();
  for (let batch = 0; batch < 16 * MINUTE_BATCHES; batch++) {
    harness.batch(postsOf('steady', 10, `s${batch}-`));
  }
  return harness;
}

describe('trendingScore', () => {
  it('is zero for a steady rate and positive while accelerating', () => {
    const steadyFast = (100 * 1) / Math.LN2;
    const steadySlow = (100 * 15) / Math.LN2;
    expect(trendingScore(steadyFast, steadySlow)).toBeCloseTo(0, 10);
    expect(trendingScore(steadyFast * 2, steadySlow)).toBeGreaterThan(5);
  });

  it('is zero for a steady rate just after the job started', () => {
    const rate = 100;
    const fast = ((rate * 1) / Math.LN2) * (1 - Math.pow(2, -3));
    const slow = ((rate * 15) / Math.LN2) * (1 - Math.pow(2, -3 / 15));
    expect(trendingScore(fast, slow, 3 * 60_000)).toBeCloseTo(0, 10);
    expect(trendingScore(fast, slow)).toBeGreaterThan(5);
  });
});

describe('TrendTracker', () => {
  it('lists nothing while nothing rises, then a burst from many people with its numbers', () => {
    const harness = createTrackerHarness();
    let lists: TrendLists | undefined;
    for (let batch = 0; batch < 15 * MINUTE_BATCHES; batch++) {
      lists = harness.batch(postsOf('steady', 10, `s${batch}-`));
      expect(listedKeys(lists)).toEqual([]);
    }
    for (let batch = 0; batch < 10; batch++) {
      lists = harness.batch([
        ...postsOf('steady', 10, `t${batch}-`),
        ...postsOf('news', 4, `n${batch}-`),
      ]);
    }
    expect(lists!.trending).toHaveLength(1);
    expect(lists!.trending[0]).toMatchObject({
      key: 'news',
      tag: 'NEWS',
      count: 40,
      authors: 40,
      originals: 40,
      rateMultiple: null,
      direction: 'rising',
    });
    expect(lists!.trending[0]!.fastRatePerMin).toBeGreaterThan(20);
  });

  it('lists a new tag reaching 1 post/s from only 20 authors within a minute', () => {
    const harness = warmHarness();
    let batches = 0;
    let lists: TrendLists;
    do {
      // Two posts a batch, the 20 authors in turn: each posts every 20 s.
      lists = harness.batch(
        [0, 1].map((post) => ({ key: 'news', author: `a${(2 * batches + post) % 20}` })),
      );
      batches++;
    } while (lists.trending.length === 0 && batches < MINUTE_BATCHES);
    expect(lists.trending.map((tag) => tag.key)).toEqual(['news']);
    expect(batches * BATCH_MS).toBeLessThanOrEqual(30_000);
  });

  it('says how many times its usual rate a known tag runs', () => {
    const harness = warmHarness();
    let lists: TrendLists | undefined;
    for (let batch = 0; batch < 20; batch++) {
      lists = harness.batch(postsOf('steady', 100, `u${batch}-`));
    }
    const steady = lists!.trending.find((tag) => tag.key === 'steady');
    expect(steady?.rateMultiple).toBeGreaterThan(2.5);
    expect(steady?.usualRatePerMin).toBeGreaterThan(100);
  });

  it('counts an author once per minute: one account or a few cannot trend', () => {
    const harness = warmHarness();
    for (let batch = 0; batch < 3 * MINUTE_BATCHES; batch++) {
      const spam = Array.from({ length: 50 }, () => ({ key: 'spam', author: 'bot' }));
      const few = postsOf('few', 7, 'f');
      expect(listedKeys(harness.batch([...spam, ...few]))).toEqual([]);
    }
  });

  it('counts retweets of one post as little more than the post', () => {
    const harness = warmHarness();
    for (let batch = 0; batch < 3 * MINUTE_BATCHES; batch++) {
      const ring = postsOf('ring', 30, `r${batch}-`).map((post) => ({ ...post, retweetOf: 'x' }));
      expect(listedKeys(harness.batch(ring))).toEqual([]);
    }
  });

  it('moves a tag past its peak to cooling down, then drops it', () => {
    const harness = warmHarness();
    for (let batch = 0; batch < 30; batch++) harness.batch(postsOf('news', 6, `n${batch}-`));
    let lists = harness.batch([]);
    expect(lists.trending.map((tag) => tag.key)).toEqual(['news']);
    let batches = 0;
    while (lists.trending.length > 0) {
      lists = harness.batch([]);
      batches++;
    }
    expect(batches).toBeLessThanOrEqual(MINUTE_BATCHES + 5);
    expect(lists.cooling).toMatchObject([{ key: 'news', direction: 'cooling', rankChange: null }]);
    for (let batch = 0; batch < 11 * MINUTE_BATCHES; batch++) lists = harness.batch([]);
    expect(listedKeys(lists)).toEqual([]);
  });

  it('warms up: reports its end and lists only tags first seen after a quiet start', () => {
    const harness = createTrackerHarness();
    let lists = harness.batch(postsOf('busy', 20, 'b0-'));
    expect(lists.warmUpEndsMs).toBe(OPTIONS.warmUpMs);
    for (let batch = 1; batch < 3 * MINUTE_BATCHES; batch++) {
      const busy = postsOf('busy', batch < 10 ? 20 : 80, `b${batch}-`);
      const fresh = batch >= 2 * MINUTE_BATCHES ? postsOf('fresh', 6, `f${batch}-`) : [];
      lists = harness.batch([...busy, ...fresh]);
    }
    expect(lists.trending.map((tag) => tag.key)).toEqual(['fresh']);
    while (harness.batchMs < OPTIONS.warmUpMs)
      lists = harness.batch(postsOf('busy', 80, `c${harness.batchMs}-`));
    expect(lists.warmUpEndsMs).toBeNull();
  });

  it('starts the warm-up again after a silence', () => {
    const harness = warmHarness();
    for (let batch = 0; batch < 6 * MINUTE_BATCHES; batch++) harness.batch([]);
    const lists = harness.batch(postsOf('steady', 10, 'back-'));
    expect(lists.warmUpEndsMs).toBe(harness.batchMs - BATCH_MS + OPTIONS.warmUpMs);
  });

  it('forgets idle one-off tags so state stays bounded', () => {
    const harness = createTrackerHarness();
    for (let i = 0; i < 200; i++) harness.batch(postsOf(`once-${i}`, 1, 'a'));
    harness.tracker.sweep(harness.batchMs);
    expect(harness.tracker.size).toBeLessThanOrEqual(MINUTE_BATCHES);
  });

  it('evicts the smallest baselines beyond the hard bound on keys', () => {
    const harness = createTrackerHarness({ ...OPTIONS, maxTrackedKeys: 50 });
    harness.batch(Array.from({ length: 200 }, (_, i) => postsOf(`k${i}`, 1 + (i % 3), 'a')).flat());
    harness.tracker.sweep(harness.batchMs);
    expect(harness.tracker.size).toBe(50);
  });
});
