import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SpaceSaving } from './space-saving';
import { exactCounts, expectBounds, summarize, zipfOffers } from './space-saving-test-helpers';
import type { Offer } from './space-saving-test-helpers';

const offerArb = fc.tuple(
  fc.integer({ min: 0, max: 40 }),
  fc.integer({ min: 1, max: 4 }),
) as fc.Arbitrary<Offer>;
const partsArb = fc.array(fc.array(offerArb, { maxLength: 150 }), { minLength: 1, maxLength: 5 });

function totalOf(offers: Offer[]): number {
  return offers.reduce((sum, [, weight]) => sum + weight, 0);
}

describe('SpaceSaving.merge', () => {
  it('keeps the bounds for the union of the streams', () => {
    fc.assert(
      fc.property(partsArb, fc.integer({ min: 1, max: 12 }), (parts, capacity) => {
        const summaries = parts.map((part) => summarize(new SpaceSaving<number>(capacity), part));
        const merged = SpaceSaving.merge(summaries, capacity);
        const union = parts.flat();
        expect(merged.total).toBe(totalOf(union));
        expectBounds(merged, exactCounts(union), totalOf(union) / capacity);
      }),
    );
  });

  it('keeps the bounds when merging into a smaller capacity', () => {
    fc.assert(
      fc.property(partsArb, fc.integer({ min: 1, max: 6 }), (parts, capacity) => {
        const summaries = parts.map((part) =>
          summarize(new SpaceSaving<number>(2 * capacity), part),
        );
        const union = parts.flat();
        expectBounds(
          SpaceSaving.merge(summaries, capacity),
          exactCounts(union),
          totalOf(union) / capacity,
        );
      }),
    );
  });

  it('keeps the bounds through merges of merges and offers after a merge', () => {
    fc.assert(
      fc.property(
        partsArb,
        partsArb,
        fc.array(offerArb),
        fc.integer({ min: 1, max: 8 }),
        (a, b, after, capacity) => {
          const level = (parts: Offer[][]) =>
            SpaceSaving.merge(
              parts.map((part) => summarize(new SpaceSaving<number>(capacity), part)),
              capacity,
            );
          const merged = summarize(SpaceSaving.merge([level(a), level(b)], capacity), after);
          const union = [...a.flat(), ...b.flat(), ...after];
          expectBounds(merged, exactCounts(union), totalOf(union) / capacity);
        },
      ),
    );
  });

  it('never underestimates after merging into a larger capacity and offering more', () => {
    fc.assert(
      fc.property(
        partsArb,
        fc.array(offerArb),
        fc.integer({ min: 1, max: 4 }),
        (parts, after, capacity) => {
          const summaries = parts.map((part) => summarize(new SpaceSaving<number>(capacity), part));
          const merged = summarize(SpaceSaving.merge(summaries, 4 * capacity), after);
          const exact = exactCounts([...parts.flat(), ...after]);
          for (const { key, count, error } of merged.entries()) {
            expect(count).toBeGreaterThanOrEqual(exact.get(key) ?? 0);
            expect(count - error).toBeLessThanOrEqual(exact.get(key) ?? 0);
          }
        },
      ),
    );
  });

  it('finds the heavy keys of Zipf streams split over shards', () => {
    const shards = [1, 2, 3, 4].map((seed) => zipfOffers(50_000, 20_000, 1.2, seed));
    const merged = SpaceSaving.merge(
      shards.map((shard) => summarize(new SpaceSaving<number>(300), shard)),
      300,
    );
    const union = shards.flat();
    expectBounds(merged, exactCounts(union), union.length / 300);
    expect(merged.top(5).map((entry) => entry.key)).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('SpaceSaving JSON', () => {
  it('round-trips through JSON and goes on counting the same way', () => {
    const offers = zipfOffers(5_000, 2_000, 1.0, 5);
    const original = summarize(new SpaceSaving<number>(50), offers.slice(0, 4_000));
    const copy = SpaceSaving.fromJSON<number>(JSON.parse(JSON.stringify(original)));
    expect(copy.total).toBe(original.total);
    summarize(original, offers.slice(4_000));
    summarize(copy, offers.slice(4_000));
    expect(copy.top(50)).toEqual(original.top(50));
    expectBounds(copy, exactCounts(offers), offers.length / 50);
  });

  it('rejects malformed snapshots', () => {
    const valid = {
      capacity: 2,
      total: 3,
      floor: 0,
      counters: [
        ['a', 2, 0],
        ['b', 1, 0],
      ],
    };
    expect(SpaceSaving.fromJSON<string>(valid).estimate('a')).toEqual({ count: 2, error: 0 });
    expect(() => SpaceSaving.fromJSON(null)).toThrow(TypeError);
    expect(() => SpaceSaving.fromJSON({ ...valid, capacity: 0 })).toThrow(RangeError);
    expect(() => SpaceSaving.fromJSON({ ...valid, capacity: 1 })).toThrow(TypeError);
    expect(() => SpaceSaving.fromJSON({ ...valid, total: -1 })).toThrow(TypeError);
    expect(() => SpaceSaving.fromJSON({ ...valid, counters: [['a', 1, 2]] })).toThrow(TypeError);
    expect(() =>
      SpaceSaving.fromJSON({
        ...valid,
        counters: [
          ['a', 1, 0],
          ['a', 1, 0],
        ],
      }),
    ).toThrow(TypeError);
  });
});
