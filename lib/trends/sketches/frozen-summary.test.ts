import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FrozenSummary } from './frozen-summary';
import { SpaceSaving } from './space-saving';

function frozen(offers: readonly [string, number][], capacity: number): FrozenSummary {
  const summary = new SpaceSaving<string>(capacity);
  for (const [key, count] of offers) summary.offer(key, count);
  return FrozenSummary.of(summary);
}

describe('FrozenSummary.top', () => {
  it('takes equal counters by key, whatever the order they were offered in', () => {
    const offers: [string, number][] = [
      ['d', 2],
      ['b', 2],
      ['a', 5],
      ['c', 2],
    ];
    const expected = [
      { key: 'a', count: 5, error: 0 },
      { key: 'b', count: 2, error: 0 },
      { key: 'c', count: 2, error: 0 },
    ];
    expect(frozen(offers, 10).top(3)).toEqual(expected);
    expect(frozen([...offers].reverse(), 10).top(3)).toEqual(expected);
  });

  it('is the head of every counter sorted by count, error and key', () => {
    const offersArbitrary = fc.array(
      fc.tuple(
        fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'),
        fc.integer({ min: 1, max: 4 }),
      ),
    );
    fc.assert(
      fc.property(
        offersArbitrary,
        fc.integer({ min: 2, max: 6 }),
        fc.nat(9),
        (offers, capacity, n) => {
          const summary = frozen(offers, capacity);
          const sorted = [...summary.entries()].sort(
            (a, b) => b.count - a.count || a.error - b.error || (a.key < b.key ? -1 : 1),
          );
          expect(summary.top(n)).toEqual(sorted.slice(0, n));
        },
      ),
    );
  });
});
