import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compactDecimal, groupedDecimal } from './decimal-text';

const english = (options: Intl.NumberFormatOptions) => new Intl.NumberFormat('en-US', options);

/** Counts and rates as the dashboard meets them, whole and fractional, ties included. */
const numbers = fc.oneof(
  fc.integer({ min: -1_000_000, max: 100_000_000_000_000 }),
  fc.double({ min: -1e6, max: 1e13, noNaN: true }),
  fc.integer({ min: 0, max: 2_000_000 }).map((tenths) => tenths / 10 + 0.05),
  fc.integer({ min: 0, max: 2_000_000 }).map((hundredths) => hundredths / 100),
);

describe('groupedDecimal', () => {
  it('groups thousands and rounds half away from zero', () => {
    expect(groupedDecimal(9876)).toBe('9,876');
    expect(groupedDecimal(1_234_567.25, 1)).toBe('1,234,567.3');
    expect(groupedDecimal(4.35, 1)).toBe('4.4');
    expect(groupedDecimal(0.96, 1)).toBe('1');
    expect(groupedDecimal(4, 1, 1)).toBe('4.0');
    expect(groupedDecimal(-0.01, 1)).toBe('-0');
  });

  it('writes what Intl writes in US English', () => {
    fc.assert(
      fc.property(numbers, fc.integer({ min: 0, max: 2 }), (value, digits) => {
        expect(groupedDecimal(value, digits)).toBe(
          english({ maximumFractionDigits: digits }).format(value),
        );
        expect(groupedDecimal(value, digits, digits)).toBe(
          english({ minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value),
        );
      }),
      { numRuns: 2000 },
    );
  });
});

describe('compactDecimal', () => {
  it('names thousands, millions, billions and trillions with one decimal at most', () => {
    expect(compactDecimal(999)).toBe('999');
    expect(compactDecimal(12_345)).toBe('12.3K');
    expect(compactDecimal(999_950)).toBe('1M');
    expect(compactDecimal(1_250_000)).toBe('1.3M');
    expect(compactDecimal(2e9)).toBe('2B');
    expect(compactDecimal(1.5e12)).toBe('1.5T');
  });

  it('writes what Intl writes in US English', () => {
    const compact = english({ notation: 'compact', maximumFractionDigits: 1 });
    fc.assert(
      fc.property(numbers, (value) => {
        expect(compactDecimal(value)).toBe(compact.format(value));
      }),
      { numRuns: 2000 },
    );
  });
});
