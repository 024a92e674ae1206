import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BATCH_MS, createJobHarness, naiveWindow, post } from './trends-job.test-helpers';
import { choosePaneMs } from './trends-options';
import type { ParsedPost } from '../types';

const EXACT = { windowsMs: [4_000, 10_000, 20_000], heavyHittersFromMs: 3_600_000, topN: 1_000 };

/** Random batches of posts over a small vocabulary, with some ids delivered twice. */
const batchesArbitrary = fc
  .array(
    fc.array(
      fc.record({
        id: fc.integer({ min: 0, max: 60 }),
        tags: fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), { maxLength: 3 }),
      }),
      { maxLength: 8 },
    ),
    { minLength: 1, maxLength: 20 },
  )
  .map((batches) => batches.map((posts) => posts.map(({ id, tags }) => post(`${id}`, tags))));

describe('createTrendsJob', () => {
  it('reports windowed counts equal to a naive recount of each window', async () => {
    await fc.assert(
      fc.asyncProperty(batchesArbitrary, async (batches) => {
        const harness = createJobHarness(EXACT);
        // Extra empty batches: every window drains.
        const fed: ParsedPost[][] = [...batches, ...Array.from({ length: 11 }, () => [])];
        for (const [index, posts] of fed.entries()) {
          const result = await harness.batch(posts);
          const batchTime = (index + 1) * BATCH_MS;
          expect(result.batchTime).toBe(batchTime);
          for (const window of result.windows) {
            const naive = naiveWindow(fed, batchTime - window.windowMs, batchTime, 20_000);
            const reported = new Map(window.top.map((tag) => [tag.key, tag.count]));
            expect(reported).toEqual(naive.counts);
            expect(window.tweets).toBe(naive.tweets);
          }
          const batch = naiveWindow(fed, batchTime - BATCH_MS, batchTime, 20_000);
          expect(result.batchTweets).toBe(batch.tweets);
          expect(new Map(result.batchCounts.map((tag) => [tag.key, tag.count]))).toEqual(
            batch.counts,
          );
        }
        expect(harness.errors).toEqual([]);
        harness.stop();
      }),
      { numRuns: 60 },
    );
  });

  it('merges case and width variants into one key shown in its most frequent spelling', async () => {
    const harness = createJobHarness(EXACT);
    const result = await harness.batch([
      post('1', ['WorldCup']),
      post('2', ['worldcup']),
      post('3', ['ＷｏｒｌｄＣｕｐ']),
      post('4', ['WorldCup', 'WORLDCUP']),
    ]);
    expect(result.windows[0]!.top).toEqual([
      { key: 'worldcup', tag: 'WorldCup', count: 4, error: 0 },
    ]);
    expect(result.batchCounts).toEqual([{ key: 'worldcup', tag: 'WorldCup', count: 4, error: 0 }]);
  });

  it('counts a redelivered post once and reports the duplicates of each batch', async () => {
    const harness = createJobHarness(EXACT);
    const first = await harness.batch([post('1', ['a']), post('1', ['a']), post('2', ['a'])]);
    const second = await harness.batch([post('2', ['a']), post('3', ['a'])]);
    expect([first.batchTweets, first.duplicates]).toEqual([2, 1]);
    expect([second.batchTweets, second.duplicates]).toEqual([1, 1]);
    expect(second.windows[0]!.top[0]!.count).toBe(3);
    expect(second.windows[0]!.tweets).toBe(3);
  });

  it('counts every post in volume, retweets and posts without hashtags included', async () => {
    const harness = createJobHarness(EXACT);
    const retweet = { ...post('2', ['a']), isRetweet: true };
    const result = await harness.batch([post('1', ['a']), retweet, post('3', [])]);
    expect(result.windows[0]!.tweets).toBe(3);
    expect(result.windows[0]!.top).toEqual([{ key: 'a', tag: 'a', count: 2, error: 0 }]);
  });

  it('drains every window once the input stops', async () => {
    const harness = createJobHarness(EXACT);
    await harness.batch([post('1', ['a']), post('2', ['b'])]);
    const counts: number[][] = [];
    for (let batch = 0; batch < 10; batch++) {
      const result = await harness.batch([]);
      counts.push(result.windows.map((window) => window.top.length + window.tweets));
    }
    // 4 s, 10 s and 20 s windows: empty 4, 10 and 20 s after the posts' batch.
    expect(counts.map((row) => row.join(','))).toEqual([
      '4,4,4',
      '0,4,4',
      '0,4,4',
      '0,4,4',
      '0,0,4',
      '0,0,4',
      '0,0,4',
      '0,0,4',
      '0,0,4',
      '0,0,0',
    ]);
  });

  it('labels windows as the configuration does and checks options at definition', () => {
    const harness = createJobHarness({});
    expect(harness.job.options.windowsMs).toEqual([60_000, 300_000, 900_000, 3_600_000]);
    expect(() => createJobHarness({ windowsMs: [3_000] })).toThrow(RangeError);
  });
});

describe('resolveTrendsOptions', () => {
  it('cuts heavy-hitters windows into panes of at most a minute and a fifteenth', () => {
    expect(choosePaneMs([900_000, 3_600_000], 2_000)).toBe(60_000);
    expect(choosePaneMs([60_000], 2_000)).toBe(4_000);
    expect(choosePaneMs([1_000_000], 2_000)).toBe(50_000);
    expect(choosePaneMs([14_000], 2_000)).toBe(2_000);
  });
});
