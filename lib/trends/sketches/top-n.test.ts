import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byCountThenKey, selectTop, topCounts, topCountsOfMap } from './top-n';

describe('selectTop', () => {
  it('returns the n best entries, best first, ties broken by key', () => {
    const counts: [string, number][] = [
      ['b', 3],
      ['a', 3],
      ['c', 9],
      ['d', 1],
      ['e', 5],
    ];
    expect(topCounts(counts, 3)).toEqual([
      ['c', 9],
      ['e', 5],
      ['a', 3],
    ]);
  });

  it('returns everything sorted when there are fewer items than n', () => {
    expect(
      topCounts(
        new Map([
          ['x', 1],
          ['y', 2],
        ]),
        10,
      ),
    ).toEqual([
      ['y', 2],
      ['x', 1],
    ]);
  });

  it('returns nothing for n = 0', () => {
    expect(topCounts([['x', 1]], 0)).toEqual([]);
  });

  it('agrees with a full sort on random inputs', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ maxLength: 3 }), fc.integer({ min: 0, max: 20 })),
        fc.integer({ min: 0, max: 12 }),
        (dict, n) => {
          const entries = Object.entries(dict);
          const expected = [...entries].sort((a, b) => byCountThenKey(b, a)).slice(0, n);
          expect(selectTop(entries, n, byCountThenKey)).toEqual(expected);
        },
      ),
    );
  });

  it('gives the same top of a map as of its entries', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.string({ maxLength: 3 }), fc.integer({ min: 1, max: 6 }))),
        fc.integer({ min: 0, max: 12 }),
        (entries, n) => {
          const counts = new Map(entries);
          expect(topCountsOfMap(counts, n)).toEqual(topCounts(counts.entries(), n));
        },
      ),
      { numRuns: 500 },
    );
  });
});
