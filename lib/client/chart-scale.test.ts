import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countTicks, fractionOf, nearestIndex } from './chart-scale';

describe('countTicks', () => {
  it('steps from 0 by round whole numbers to the first tick at or above the highest count', () => {
    expect(countTicks(14)).toEqual([0, 5, 10, 15]);
    expect(countTicks(10)).toEqual([0, 5, 10]);
    expect(countTicks(3)).toEqual([0, 1, 2, 3]);
    expect(countTicks(7)).toEqual([0, 5, 10]);
    expect(countTicks(180)).toEqual([0, 100, 200]);
    expect(countTicks(1)).toEqual([0, 1]);
  });

  it('gives 0 and 1 when there is nothing to show, or no number', () => {
    expect(countTicks(0)).toEqual([0, 1]);
    expect(countTicks(-4)).toEqual([0, 1]);
    expect(countTicks(Number.NaN)).toEqual([0, 1]);
  });

  it('always covers the highest count with whole, evenly spaced ticks, at most maxSteps apart', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e9, noNaN: true }),
        fc.integer({ min: 1, max: 8 }),
        (max, steps) => {
          const ticks = countTicks(max, steps);
          expect(ticks[0]).toBe(0);
          expect(ticks.at(-1)!).toBeGreaterThanOrEqual(max);
          expect(ticks.length - 1).toBeLessThanOrEqual(steps);
          const step = ticks[1]! - ticks[0]!;
          expect(Number.isInteger(step) && step >= 1).toBe(true);
          ticks.forEach((tick, place) => expect(tick).toBe(place * step));
        },
      ),
    );
  });
});

describe('nearestIndex', () => {
  it('finds the nearest value, the earlier of two as near, and -1 in nothing', () => {
    const xs = [0, 10, 20, 40];
    expect(nearestIndex(xs, -5)).toBe(0);
    expect(nearestIndex(xs, 4)).toBe(0);
    expect(nearestIndex(xs, 5)).toBe(0);
    expect(nearestIndex(xs, 6)).toBe(1);
    expect(nearestIndex(xs, 31)).toBe(3);
    expect(nearestIndex(xs, 99)).toBe(3);
    expect(nearestIndex([], 3)).toBe(-1);
  });

  it("agrees with a scan of distinct values (a series' times)", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: -1000, max: 1000 })),
        fc.integer({ min: -1200, max: 1200 }),
        (values, x) => {
          const xs = [...values].sort((a, b) => a - b);
          const place = nearestIndex(xs, x);
          if (!xs.length) {
            expect(place).toBe(-1);
            return;
          }
          const best = Math.min(...xs.map((value) => Math.abs(value - x)));
          expect(Math.abs(xs[place]! - x)).toBe(best);
          expect(xs.findIndex((value) => Math.abs(value - x) === best)).toBe(place);
        },
      ),
    );
  });
});

describe('fractionOf', () => {
  it('places a value in its span, and at 0 in an empty one', () => {
    expect(fractionOf(15, 10, 20)).toBe(0.5);
    expect(fractionOf(10, 10, 10)).toBe(0);
  });
});
