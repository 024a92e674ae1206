import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sourceStatus } from '@/lib/client/test-factories';
import type { SourceStatus } from '@/lib/protocol';
import { watchSourceStatus } from './watch-source-status';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('watchSourceStatus', () => {
  it('reports a change of what people read, not of the rate', () => {
    let current: SourceStatus = sourceStatus();
    const seen: SourceStatus[] = [];
    const stop = watchSourceStatus(
      () => current,
      (status) => seen.push(status),
      500,
    );
    current = { ...current, tweetsPerSec: current.tweetsPerSec + 5 };
    vi.advanceTimersByTime(500);
    expect(seen).toEqual([]);
    current = { ...current, degraded: 'Redis unreachable: showing the last results received' };
    vi.advanceTimersByTime(500);
    vi.advanceTimersByTime(500);
    expect(seen).toEqual([current]);
    stop();
    current = { ...current, degraded: undefined };
    vi.advanceTimersByTime(1000);
    expect(seen).toHaveLength(1);
  });
});
