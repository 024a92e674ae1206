import { describe, expect, it } from 'vitest';
import { reconnectDelayMs } from './redis-connection';

describe('reconnectDelayMs', () => {
  it('doubles from 100 ms and stops growing at 2 s', () => {
    const middle = () => 0.5;
    expect([0, 1, 2, 3, 4, 5, 30].map((retries) => reconnectDelayMs(retries, middle))).toEqual([
      100, 200, 400, 800, 1600, 2000, 2000,
    ]);
  });

  it('spreads attempts by ±20 %', () => {
    expect(reconnectDelayMs(5, () => 0)).toBe(1600);
    expect(reconnectDelayMs(5, () => 1)).toBe(2400);
  });
});
