import { describe, expect, it } from 'vitest';
import { TrendTracker } from './trend-tracker';
import type { TrendingOptions } from './trend-tracker';
import { DEFAULT_SCORE_OPTIONS, trendingScore } from './trending-score';

const BATCH_MS = 2_000;
const GATE_WINDOW_MS = 60_000;

const OPTIONS: TrendingOptions = {
  ...DEFAULT_SCORE_OPTIONS,
  retweetWeight: 0.5,
  authorPostsPerBatch: 1,
  minPosts: 5,
  minAuthors: 3,
  maxTrackedAuthors: 32,
  maxTrackedKeys: 10_000,
  maxTags: 10,
};

type Post = { key: string; author: string; isRetweet?: boolean };

/** Drives a tracker batch by batch, keeping exact shortest-window counts beside it. */
function createHarness(options: TrendingOptions = OPTIONS) {
  const tracker = new TrendTracker(options, GATE_WINDOW_MS, BATCH_MS);
  const history: { batchMs: number; posts: Post[] }[] = [];
  let batchMs = 0;
  return {
    tracker,
    batch(posts: Post[]) {
      batchMs += BATCH_MS;
      for (const post of posts) tracker.observe(post.key, post.author, !!post.isRetweet, batchMs);
      tracker.endBatch(batchMs);
      history.push({ batchMs, posts });
      const counts = new Map<string, number>();
      for (const entry of history) {
        if (entry.batchMs <= batchMs - GATE_WINDOW_MS) continue;
        for (const post of entry.posts) counts.set(post.key, (counts.get(post.key) ?? 0) + 1);
      }
      return tracker.rank(batchMs, counts, (key) => key.toUpperCase());
    },
  };
}

function posts(key: string, count: number, authorPrefix: string, isRetweet = false): Post[] {
  return Array.from({ length: count }, (_, i) => ({
    key,
    author: `${authorPrefix}${i}`,
    isRetweet,
  }));
}

describe('trendingScore', () => {
  it('is zero for a steady rate and positive while accelerating', () => {
    // Steady r posts per minute: F = r·H_fast/ln2, S = r·H_slow/ln2.
    const steadyFast = (100 * 1) / Math.LN2;
    const steadySlow = (100 * 15) / Math.LN2;
    expect(trendingScore(steadyFast, steadySlow)).toBeCloseTo(0, 10);
    expect(trendingScore(steadyFast * 2, steadySlow)).toBeGreaterThan(5);
  });

  it('is zero for a steady rate just after the job started', () => {
    // After 3 minutes at r posts/min: F = r·τf·(1 − 2^(−3)), S = r·τs·(1 − 2^(−3/15)).
    const rate = 100;
    const fast = ((rate * 1) / Math.LN2) * (1 - Math.pow(2, -3));
    const slow = ((rate * 15) / Math.LN2) * (1 - Math.pow(2, -3 / 15));
    expect(trendingScore(fast, slow, 3 * 60_000)).toBeCloseTo(0, 10);
    expect(trendingScore(fast, slow)).toBeGreaterThan(5);
  });

  it('damps a handful of posts with the prior', () => {
    expect(trendingScore(3, 3)).toBeLessThan(1.5);
  });
});

describe('TrendTracker', () => {
  it('ranks a burst from many authors above a steadily large tag', () => {
    const harness = createHarness();
    let ranked = harness.batch([]);
    for (let i = 0; i < 900; i++) ranked = harness.batch(posts('steady', 20, `s${i % 7}-`));
    for (let i = 0; i < 20; i++) {
      ranked = harness.batch([...posts('steady', 20, 's-'), ...posts('burst', 8, `b${i}-`)]);
    }
    expect(ranked[0]).toMatchObject({ key: 'burst', tag: 'BURST', authors: 32 });
    const steady = ranked.find((tag) => tag.key === 'steady');
    expect(steady === undefined || steady.score < ranked[0]!.score / 5).toBe(true);
  });

  it('does not rank a single-author spam burst', () => {
    const harness = createHarness();
    let ranked = harness.batch([]);
    for (let i = 0; i < 30; i++)
      ranked = harness.batch(
        posts('spam', 50, 'same').map((post) => ({ ...post, author: 'spammer' })),
      );
    expect(ranked.map((tag) => tag.key)).not.toContain('spam');
  });

  it('does not rank a handful of posts, nor a few authors, but ranks a real burst', () => {
    const harness = createHarness();
    for (let i = 0; i < 450; i++) harness.batch([]);
    expect(harness.batch(posts('tiny', 4, 'a'))).toEqual([]);
    const twoAuthors = posts('pair', 8, 'x').map((post, i) => ({ ...post, author: `x${i % 2}` }));
    expect(harness.batch(twoAuthors)).toEqual([]);
    expect(harness.batch(posts('real', 8, 'r')).map((tag) => tag.key)).toEqual(['real']);
  });

  it('weights retweets less than posts in the score', () => {
    const original = createHarness();
    const retweeted = createHarness();
    for (let i = 0; i < 450; i++) [original, retweeted].forEach((harness) => harness.batch([]));
    const byPosts = original.batch(posts('tag', 10, 'a'));
    const byRetweets = retweeted.batch(posts('tag', 10, 'a', true));
    expect(byRetweets[0]!.count).toBe(10);
    expect(byRetweets[0]!.score).toBeLessThan(byPosts[0]!.score);
  });

  it('marks newly ranked tags new and then reports direction and rank change', () => {
    const harness = createHarness();
    for (let i = 0; i < 450; i++) harness.batch([]);
    const first = harness.batch([...posts('a', 10, 'x'), ...posts('b', 6, 'y')]);
    expect(first.map((tag) => [tag.key, tag.direction, tag.rankChange])).toEqual([
      ['a', 'new', null],
      ['b', 'new', null],
    ]);
    const second = harness.batch(posts('b', 30, 'z'));
    expect(second.map((tag) => [tag.key, tag.direction, tag.rankChange])).toEqual([
      ['b', 'rising', 1],
      ['a', 'falling', -1],
    ]);
  });

  it('forgets idle one-off tags so state stays bounded', () => {
    const harness = createHarness();
    for (let i = 0; i < 200; i++) harness.batch(posts(`once-${i}`, 1, 'a'));
    harness.tracker.sweep(200 * BATCH_MS);
    expect(harness.tracker.size).toBeLessThanOrEqual(GATE_WINDOW_MS / BATCH_MS);
  });

  it('evicts the smallest baselines beyond the hard bound on keys', () => {
    const harness = createHarness({ ...OPTIONS, maxTrackedKeys: 50 });
    harness.batch(Array.from({ length: 200 }, (_, i) => posts(`k${i}`, 1 + (i % 3), 'a')).flat());
    harness.tracker.sweep(BATCH_MS);
    expect(harness.tracker.size).toBe(50);
  });
});
