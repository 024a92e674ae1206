import { describe, expect, it } from 'vitest';
import { createJobHarness, post } from './trends-job.test-helpers';
import type { ParsedPost, TrendsBatchResult } from '../types';

const MINUTE_BATCHES = 30;

/** `count` posts of `tag` in one batch, each from its own author unless `author` is given. */
function posts(prefix: string, tag: string, count: number, author?: string): ParsedPost[] {
  return Array.from({ length: count }, (_, index) =>
    post(`${prefix}-${index}`, [tag], author ?? `${prefix}-author-${index}`),
  );
}

describe('createTrendsJob trending list', () => {
  it('ranks a burst from many authors first, above a steadily large tag, spam and trickles', async () => {
    const harness = createJobHarness({});
    let result: TrendsBatchResult | undefined;
    // 40 minutes of background: a big steady tag, a trickle, and one account spamming.
    for (let batch = 0; batch < 40 * MINUTE_BATCHES; batch++) {
      result = await harness.batch([
        ...posts(`steady-${batch}`, 'Steady', 20),
        ...(batch % 15 === 0 ? posts(`trickle-${batch}`, 'Trickle', 1) : []),
        ...(batch >= 35 * MINUTE_BATCHES ? posts(`spam-${batch}`, 'Spam', 25, 'bot') : []),
      ]);
    }
    // Then a 40-second burst of a new tag from many accounts.
    for (let batch = 0; batch < 20; batch++) {
      result = await harness.batch([
        ...posts(`steady-burst-${batch}`, 'Steady', 20),
        ...posts(`news-${batch}`, 'BreakingNews', 6),
        ...posts(`spam-burst-${batch}`, 'Spam', 25, 'bot'),
      ]);
    }
    const trending = result!.trending;
    expect(trending[0]).toMatchObject({ key: 'breakingnews', tag: 'BreakingNews', count: 120 });
    const keys = trending.map((tag) => tag.key);
    expect(keys).not.toContain('spam');
    expect(keys).not.toContain('trickle');
    const steady = trending.find((tag) => tag.key === 'steady');
    expect(steady === undefined || steady.score < trending[0]!.score / 5).toBe(true);
    expect(result!.windows[0]!.top[0]).toMatchObject({ key: 'spam', count: 750 });
    expect(harness.errors).toEqual([]);
    harness.stop();
  }, 60_000);

  it('lists neither a handful of posts nor posts of two authors, but a crowd; cooling after', async () => {
    const harness = createJobHarness({});
    let result: TrendsBatchResult | undefined;
    // Past the warm-up, with a steady background (a silent stream would restart the warm-up).
    for (let batch = 0; batch < 11 * MINUTE_BATCHES; batch++) {
      result = await harness.batch(posts(`bg-${batch}`, 'Background', 5));
    }
    expect(result!.trendWarmUpEndsMs).toBeNull();
    const few = await harness.batch(posts('few', 'Few', 4));
    expect(few.windows[0]!.top.find((tag) => tag.key === 'few')).toMatchObject({ count: 4 });
    expect(few.trending).toEqual([]);
    const pair = await harness.batch([
      ...posts('pair-a', 'Pair', 5, 'first'),
      ...posts('pair-b', 'Pair', 5, 'second'),
    ]);
    expect(pair.trending).toEqual([]);
    for (let batch = 0; batch < 3; batch++)
      result = await harness.batch(posts(`many-${batch}`, 'Many', 8));
    expect(result!.trending.map((tag) => [tag.key, tag.authors, tag.direction])).toEqual([
      ['many', 24, 'rising'],
    ]);
    for (let batch = 0; batch < MINUTE_BATCHES; batch++) result = await harness.batch([]);
    expect(result!.trending).toEqual([]);
    expect(result!.cooling.map((tag) => [tag.key, tag.direction])).toEqual([['many', 'cooling']]);
    harness.stop();
  });
});
