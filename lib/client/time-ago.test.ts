import { describe, expect, it } from 'vitest';
import { exactTime, timeAgo } from './time-ago';

describe('timeAgo', () => {
  it('reads seconds, minutes, hours and days', () => {
    const now = 1_000_000_000;
    expect(timeAgo(now - 12_400, now)).toBe('12 s ago');
    expect(timeAgo(now - 3 * 60_000 - 5000, now)).toBe('3 min ago');
    expect(timeAgo(now - 2 * 3_600_000, now)).toBe('2 h ago');
    expect(timeAgo(now - 4 * 86_400_000, now)).toBe('4 d ago');
  });

  it('reads "just now" for the same second or a time ahead of the clock', () => {
    expect(timeAgo(5000, 5400)).toBe('just now');
    expect(timeAgo(9000, 5000)).toBe('just now');
  });

  it('gives the exact time in UTC', () => {
    expect(exactTime(Date.parse('2026-11-26T12:00:05.120Z'))).toBe('2026-11-26 12:00:05 UTC');
  });
});
