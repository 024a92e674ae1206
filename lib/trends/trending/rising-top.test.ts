import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RisingTop } from './rising-top';
import { byCountThenKey, topCounts } from '../sketches/top-n';

describe('RisingTop', () => {
  it('agrees with a fresh selection after any sequence of rising counts', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 5 })), {
          maxLength: 200,
        }),
        fc.integer({ min: 1, max: 8 }),
        (increments, n) => {
          const counts = new Map<string, number>([['seed', 3]]);
          const top = new RisingTop<[string, number]>(n, byCountThenKey, (entry) => entry[0]);
          top.reset(counts);
          for (const [key, increment] of increments) {
            const name = `k${key}`;
            const entry: [string, number] = [name, (counts.get(name) ?? 0) + increment];
            counts.set(name, entry[1]);
            top.update(entry);
            expect(top.sorted()).toEqual(topCounts(counts, n));
          }
        },
      ),
    );
  });
});
