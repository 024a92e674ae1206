import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { coalescedUpdates } from './coalesced-updates';

describe('coalescedUpdates', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('applies the updates pushed within the window together, in order, once', () => {
    const applied: string[][] = [];
    let current: string[] = [];
    const queue = coalescedUpdates((updates) => {
      current = [];
      updates();
      applied.push(current);
    }, 25);
    queue.push(() => current.push('batch'));
    vi.advanceTimersByTime(10);
    queue.push(() => current.push('series'));
    queue.push(() => current.push('detail'));
    expect(applied).toEqual([]);
    vi.advanceTimersByTime(15);
    expect(applied).toEqual([['batch', 'series', 'detail']]);
  });

  it('starts a new window for an update after the last one was applied', () => {
    const apply = vi.fn((updates: () => void) => updates());
    const seen: number[] = [];
    const queue = coalescedUpdates(apply, 25);
    queue.push(() => seen.push(1));
    vi.advanceTimersByTime(25);
    queue.push(() => seen.push(2));
    vi.advanceTimersByTime(25);
    expect(apply).toHaveBeenCalledTimes(2);
    expect(seen).toEqual([1, 2]);
  });

  it('drops the pending updates when cancelled', () => {
    const apply = vi.fn((updates: () => void) => updates());
    const queue = coalescedUpdates(apply, 25);
    queue.push(() => undefined);
    queue.cancel();
    vi.advanceTimersByTime(100);
    expect(apply).not.toHaveBeenCalled();
  });
});
