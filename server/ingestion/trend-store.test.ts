import { describe, expect, it } from 'vitest';
import type { TrendsBatchResult } from '@/lib/trends/types';
import { HOSTILE_TAGS } from '@/tests/support/hostile-tags';
import { InMemoryTrendStore } from './trend-store';

function result(batchTime: number, counts: Record<string, number>): TrendsBatchResult {
  const top = Object.entries(counts).map(([key, count]) => ({
    key,
    tag: `#${key}`,
    count,
    error: 0,
  }));
  return {
    batchTime,
    batchTweets: 0,
    duplicates: 0,
    batchCounts: top,
    windows: [{ label: '1m', windowMs: 60_000, tweets: 0, top: [], approximate: false }],
    trending: [],
    cooling: [],
    trendWarmUpEndsMs: null,
  };
}

describe('InMemoryTrendStore', () => {
  it('keeps only the most recent batches', () => {
    const store = new InMemoryTrendStore(3);
    for (let batch = 1; batch <= 5; batch++) store.record(result(batch * 2000, { a: batch }));
    expect(store.series(['a'])).toEqual([
      { batchTime: 6000, counts: [3] },
      { batchTime: 8000, counts: [4] },
      { batchTime: 10000, counts: [5] },
    ]);
    expect(store.latest()?.batchTime).toBe(10000);
  });

  it('answers zeros for keys absent from a batch and only the batches after a time', () => {
    const store = new InMemoryTrendStore();
    store.record(result(2000, { a: 1 }));
    store.record(result(4000, { b: 2 }));
    expect(store.series(['a', 'b'], 2000)).toEqual([{ batchTime: 4000, counts: [0, 2] }]);
  });

  it('spells keys as last seen and leaves unknown keys out', () => {
    const store = new InMemoryTrendStore();
    store.record(result(2000, { a: 1 }));
    store.record(result(4000, { b: 1 }));
    expect(['a', 'b', 'zzz'].map((key) => store.spelling(key))).toEqual(['#a', '#b', undefined]);
  });

  it('spells a key as the latest windows do, then its trending list, then the batches', () => {
    const store = new InMemoryTrendStore();
    const entry = (key: string, tag: string) => ({ key, tag, count: 1, error: 0 });
    const latest = (batchTime: number, top: string, trending: string): TrendsBatchResult =>
      ({
        ...result(batchTime, { k: 1 }),
        windows: [
          { label: '1m', windowMs: 60_000, tweets: 1, top: [entry('k', top)], approximate: false },
        ],
        trending: [entry('k', trending), entry('t', trending)],
      }) as unknown as TrendsBatchResult;
    store.record(latest(2000, '#Window', '#Trending'));
    expect(store.spelling('k')).toBe('#Window');
    expect(store.spelling('t')).toBe('#Trending');
    // A new result replaces what was looked up in the previous one.
    store.record(latest(4000, '#WINDOW', '#TRENDING'));
    expect([store.spelling('k'), store.spelling('t')]).toEqual(['#WINDOW', '#TRENDING']);
  });

  it.each(HOSTILE_TAGS)('keeps the series and spelling of the tag %s like any other', (key) => {
    const store = new InMemoryTrendStore();
    store.record(result(2000, { [key]: 2, other: 1 }));
    expect(store.series([key, 'other', 'absent'])).toEqual([
      { batchTime: 2000, counts: [2, 1, 0] },
    ]);
    expect(store.spelling(key)).toBe(`#${key}`);
    expect(store.spelling('absent')).toBeUndefined();
  });
});
