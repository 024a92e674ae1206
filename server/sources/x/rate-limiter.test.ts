import { describe, expect, it } from 'vitest';
import { nextRequestDelayMs } from './rate-limiter';

const nowMs = 1_700_000_000_000;

describe('nextRequestDelayMs', () => {
  it('keeps the interval while the budget lasts until the reset', () => {
    const rateLimit = { limit: 450, remaining: 449, reset: nowMs / 1000 + 900 };
    expect(nextRequestDelayMs(2_000, rateLimit, nowMs)).toBe(2_005);
    expect(nextRequestDelayMs(5_000, rateLimit, nowMs)).toBe(5_000);
  });

  it('spreads the remaining budget evenly when it would run out before the reset', () => {
    const rateLimit = { limit: 450, remaining: 60, reset: nowMs / 1000 + 600 };
    expect(nextRequestDelayMs(2_000, rateLimit, nowMs)).toBe(10_000);
  });

  it('waits until the reset when nothing is left', () => {
    const rateLimit = { limit: 450, remaining: 0, reset: nowMs / 1000 + 42 };
    expect(nextRequestDelayMs(2_000, rateLimit, nowMs)).toBe(42_000);
  });

  it('uses the interval without headers or after the reset time', () => {
    expect(nextRequestDelayMs(2_000, undefined, nowMs)).toBe(2_000);
    expect(
      nextRequestDelayMs(2_000, { limit: 450, remaining: 0, reset: nowMs / 1000 - 5 }, nowMs),
    ).toBe(2_000);
    expect(nextRequestDelayMs(2_000, { limit: NaN, remaining: NaN, reset: NaN }, nowMs)).toBe(
      2_000,
    );
  });

  it('never asks more than the budget in a window (simulated 15 min)', () => {
    let clockMs = nowMs;
    const resetS = nowMs / 1000 + 900;
    let remaining = 450;
    let requests = 0;
    while (clockMs < resetS * 1000 && remaining > 0) {
      remaining -= 1;
      requests += 1;
      clockMs += nextRequestDelayMs(100, { limit: 450, remaining, reset: resetS }, clockMs);
    }
    expect(requests).toBeLessThanOrEqual(450);
    expect(remaining).toBeGreaterThanOrEqual(0);
  });
});
