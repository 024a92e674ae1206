import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SpaceSaving } from './space-saving';
import {
  exactCounts,
  expectBounds,
  seededRandom,
  summarize,
  zipfOffers,
} from './space-saving-test-helpers';
import type { Offer } from './space-saving-test-helpers';

const offersArb = fc.array(
  fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 5 })) as fc.Arbitrary<Offer>,
  { maxLength: 400 },
);

describe('SpaceSaving', () => {
  it('counts exactly while the keys fit', () => {
    const summary = new SpaceSaving<string>(3);
    for (const key of ['a', 'b', 'a', 'c', 'a']) summary.offer(key);
    summary.offer('b', 4);
    expect(summary.top(3)).toEqual([
      { key: 'b', count: 5, error: 0 },
      { key: 'a', count: 3, error: 0 },
      { key: 'c', count: 1, error: 0 },
    ]);
    expect(summary.total).toBe(9);
  });

  it('replaces the smallest counter and inherits its count as the error', () => {
    const summary = new SpaceSaving<string>(2);
    summary.offer('a', 3);
    summary.offer('b');
    summary.offer('c', 2);
    expect(summary.estimate('b')).toBeUndefined();
    expect(summary.estimate('c')).toEqual({ count: 3, error: 1 });
    expect(summary.estimate('a')).toEqual({ count: 3, error: 0 });
    expect(summary.size).toBe(2);
  });

  it('bounds unmonitored keys by 0 until full, then by the smallest count', () => {
    const summary = new SpaceSaving<string>(2);
    summary.offer('a', 3);
    expect(summary.unmonitoredBound).toBe(0);
    summary.offer('b', 2);
    expect(summary.unmonitoredBound).toBe(2);
    summary.offer('c');
    expect(summary.unmonitoredBound).toBe(3);
  });

  it('returns the top counters by count, highest first', () => {
    const summary = new SpaceSaving<string>(10);
    summary.offer('x', 2);
    summary.offer('y', 7);
    summary.offer('z', 5);
    expect(summary.top(2).map((entry) => entry.key)).toEqual(['y', 'z']);
    expect(summary.top(0)).toEqual([]);
  });

  it('rejects a capacity that is not a positive integer and a count that is not positive', () => {
    expect(() => new SpaceSaving(0)).toThrow(RangeError);
    expect(() => new SpaceSaving(2.5)).toThrow(RangeError);
    const summary = new SpaceSaving(2);
    expect(() => summary.offer('a', 0)).toThrow(RangeError);
    expect(() => summary.offer('a', Number.NaN)).toThrow(RangeError);
    expect(summary.total).toBe(0);
  });

  it('keeps its bounds on arbitrary weighted streams', () => {
    fc.assert(
      fc.property(offersArb, fc.integer({ min: 1, max: 20 }), (offers, capacity) => {
        const summary = summarize(new SpaceSaving<number>(capacity), offers);
        const total = offers.reduce((sum, [, weight]) => sum + weight, 0);
        expect(summary.total).toBe(total);
        expectBounds(summary, exactCounts(offers), total / capacity);
      }),
    );
  });

  it('keeps counts adding up to the total weight', () => {
    fc.assert(
      fc.property(offersArb, fc.integer({ min: 1, max: 20 }), (offers, capacity) => {
        const summary = summarize(new SpaceSaving<number>(capacity), offers);
        const countSum = [...summary.entries()].reduce((sum, entry) => sum + entry.count, 0);
        expect(countSum).toBe(summary.total);
      }),
    );
  });

  it('keeps its bounds and finds the heavy keys of a Zipf stream', () => {
    const offers = zipfOffers(200_000, 50_000, 1.1, 7);
    const exact = exactCounts(offers);
    const summary = summarize(new SpaceSaving<number>(500), offers);
    expectBounds(summary, exact, offers.length / 500);
    const trueTop = [...exact].sort((a, b) => b[1] - a[1]).slice(0, 10);
    expect(summary.top(10).map((entry) => entry.key)).toEqual(trueTop.map(([key]) => key));
  });

  it('keeps its bounds when capacity + 1 keys take turns (every offer evicts)', () => {
    const capacity = 50;
    const offers: Offer[] = Array.from({ length: 20_000 }, (_, i): Offer => [
      i % (capacity + 1),
      1,
    ]);
    expectBounds(summarize(new SpaceSaving<number>(capacity), offers), exactCounts(offers), 400);
  });

  it('keeps a heavy key hidden among unique keys that arrive first', () => {
    const random = seededRandom(3);
    const offers: Offer[] = Array.from({ length: 10_000 }, (_, i): Offer => [i + 1, 1]);
    for (let i = 0; i < 2_000; i++) {
      offers.splice(Math.floor(random() * offers.length), 0, [0, 1]);
    }
    const summary = summarize(new SpaceSaving<number>(20), offers);
    expectBounds(summary, exactCounts(offers), offers.length / 20);
    expect(summary.top(1)[0].key).toBe(0);
  });

  it('stays at capacity over 1,000,000 offers of 200,000 distinct keys', () => {
    const summary = new SpaceSaving<number>(1_000);
    const random = seededRandom(11);
    let maxSize = 0;
    for (let i = 0; i < 1_000_000; i++) {
      summary.offer(i < 200_000 ? i : Math.floor(random() * 200_000));
      if ((i & 1023) === 0) maxSize = Math.max(maxSize, summary.size);
    }
    expect(Math.max(maxSize, summary.size)).toBe(1_000);
    expect(summary.total).toBe(1_000_000);
    expect(Math.max(...[...summary.entries()].map((entry) => entry.error))).toBeLessThanOrEqual(
      1_000,
    );
  });
});
