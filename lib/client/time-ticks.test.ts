import { describe, expect, it } from 'vitest';
import { timeTicks } from './time-ticks';

describe('timeTicks', () => {
  it('puts at most four ticks on round times within the span', () => {
    // 6 minutes of 2-second batches: ticks every 2 minutes.
    expect(timeTicks(1_000_002_000, 1_000_362_000)).toEqual([
      1_000_080_000, 1_000_200_000, 1_000_320_000,
    ]);
  });

  it('uses the shortest step that keeps within the limit', () => {
    expect(timeTicks(0, 30_000)).toEqual([0, 10_000, 20_000, 30_000]);
    expect(timeTicks(0, 30_000, 7)).toEqual([0, 5_000, 10_000, 15_000, 20_000, 25_000, 30_000]);
  });

  it('spans a day in hours', () => {
    expect(timeTicks(0, 86_400_000)).toEqual([0, 43_200_000, 86_400_000]);
    // 1 h to 7 h: every 2 hours, on the even hours.
    expect(timeTicks(3_600_000, 25_200_000)).toEqual([7_200_000, 14_400_000, 21_600_000]);
  });

  it('gives no ticks for an empty or inverted span', () => {
    expect(timeTicks(5, 5)).toEqual([]);
    expect(timeTicks(9, 5)).toEqual([]);
  });
});
