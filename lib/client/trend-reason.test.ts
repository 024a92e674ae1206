import { describe, expect, it } from 'vitest';
import type { TrendingTag } from '@/lib/trends/types';
import { formatMultiple, trendReason, warmUpLeft } from './trend-reason';

function trendingTag(overrides: Partial<TrendingTag> = {}): TrendingTag {
  return {
    key: 'news',
    tag: 'News',
    score: 12,
    count: 300,
    fastRatePerMin: 41,
    usualRatePerMin: 10,
    rateMultiple: 4.1,
    authors: 83,
    originals: 60,
    direction: 'rising',
    trendingSinceMs: 0,
    rankChange: 0,
    ...overrides,
  };
}

describe('trendReason', () => {
  it('says how many times its usual rate and how many people', () => {
    expect(trendReason(trendingTag(), 60_000, 'en')).toBe(
      '4.1× its usual rate, 83 people in the last minute',
    );
    expect(trendReason(trendingTag({ authors: 1_204 }), 300_000, 'en')).toBe(
      '4.1× its usual rate, 1,204 people in the last 5 min',
    );
  });

  it('calls a tag with no usual rate new and a cooling one past its peak', () => {
    expect(trendReason(trendingTag({ rateMultiple: null }), 60_000, 'en')).toBe(
      'new, 83 people in the last minute',
    );
    expect(
      trendReason(trendingTag({ rateMultiple: 1.6, direction: 'cooling' }), 60_000, 'en'),
    ).toBe('past its peak, 1.6× its usual rate, 83 people in the last minute');
  });

  it('keeps multiples short', () => {
    expect(formatMultiple(2.46, 'en')).toBe('2.5×');
    expect(formatMultiple(37.2, 'en')).toBe('37×');
    expect(formatMultiple(5_000, 'en')).toBe('999+×');
  });

  it('rounds the warm-up left up to whole minutes', () => {
    expect(warmUpLeft(600_000, 170_000)).toBe('about 8 min');
    expect(warmUpLeft(600_000, 590_000)).toBe('less than a minute');
  });
});
