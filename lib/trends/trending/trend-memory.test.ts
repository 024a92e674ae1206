import { describe, expect, it } from 'vitest';
import { TrendMemory } from './trend-memory';

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
const NINE_AM = 9 * 60 * MINUTE_MS;

function memory() {
  return new TrendMemory({ memoryMs: 7 * DAY_MS, toleranceMs: 45 * MINUTE_MS, maxKeys: 3 });
}

describe('TrendMemory', () => {
  it('expects yesterday’s peak around the same time of day, not today’s nor at other hours', () => {
    const trends = memory();
    for (let minute = 0; minute <= 20; minute++) {
      trends.note('show', NINE_AM + minute * MINUTE_MS, 50 + minute);
    }
    expect(trends.expectedFastAt('show', NINE_AM + 30 * MINUTE_MS)).toBe(0);
    expect(trends.expectedFastAt('show', DAY_MS + NINE_AM - 30 * MINUTE_MS)).toBe(70);
    expect(trends.expectedFastAt('show', DAY_MS + NINE_AM + 50 * MINUTE_MS)).toBe(70);
    expect(trends.expectedFastAt('show', DAY_MS + NINE_AM + 90 * MINUTE_MS)).toBe(0);
    expect(trends.expectedFastAt('show', DAY_MS + NINE_AM - 2 * 60 * MINUTE_MS)).toBe(0);
    expect(trends.expectedFastAt('other', DAY_MS + NINE_AM)).toBe(0);
  });

  it('forgets episodes after a week and keeps at most maxKeys keys', () => {
    const trends = memory();
    trends.note('show', NINE_AM, 50);
    expect(trends.expectedFastAt('show', 6 * DAY_MS + NINE_AM)).toBe(50);
    trends.sweep(8 * DAY_MS + NINE_AM);
    expect(trends.expectedFastAt('show', 8 * DAY_MS + NINE_AM)).toBe(0);
    expect(trends.size).toBe(0);
    for (const key of ['a', 'b', 'c', 'd']) trends.note(key, NINE_AM, 10);
    expect(trends.size).toBe(3);
    expect(trends.expectedFastAt('a', DAY_MS + NINE_AM)).toBe(0);
    expect(trends.expectedFastAt('d', DAY_MS + NINE_AM)).toBe(10);
  });
});
