import { describe, expect, it } from 'vitest';
import { evictLeastRecentlySeen } from './evict-least-recent';

const seenAt = (value: number) => value;

describe('evictLeastRecentlySeen', () => {
  it('leaves a map within its bound untouched', () => {
    const entries = new Map([
      ['a', 1],
      ['b', 2],
    ]);
    expect(evictLeastRecentlySeen(entries, 2, seenAt, 0)).toBe(0);
    expect([...entries.keys()]).toEqual(['a', 'b']);
  });

  it('evicts the oldest keys not seen recently, and moves recent ones to the back', () => {
    const entries = new Map([
      ['old-but-recent', 10],
      ['stale', 1],
      ['also-stale', 2],
      ['new', 10],
    ]);
    expect(evictLeastRecentlySeen(entries, 2, seenAt, 10)).toBe(2);
    expect([...entries.keys()]).toEqual(['new', 'old-but-recent']);
  });

  it('keeps the bound when every key was seen recently', () => {
    const entries = new Map(Array.from({ length: 10 }, (_, index) => [`k${index}`, 5] as const));
    expect(evictLeastRecentlySeen(entries, 3, seenAt, 0)).toBe(7);
    expect(entries.size).toBe(3);
  });
});
