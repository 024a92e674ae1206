import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StreamingContext } from '../streaming-context';
import type { BatchInfo } from '../types';
import { SystemClock } from './system-clock';

describe('SystemClock', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(10_000);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs a task when the wall clock reaches its time, and not after cancel', () => {
    const clock = new SystemClock();
    const ran: number[] = [];
    clock.schedule(10_500, () => void ran.push(Date.now()));
    clock.schedule(10_600, () => void ran.push(-1)).cancel();
    vi.advanceTimersByTime(499);
    expect(ran).toEqual([]);
    vi.advanceTimersByTime(200);
    expect(ran).toEqual([10_500]);
  });

  it('drives batches every interval from the time of start()', () => {
    const context = new StreamingContext({ batchIntervalMs: 2000, clock: new SystemClock() });
    const times: number[] = [];
    context.queueStream([[1]]).foreachBatch((_items, time) => times.push(time));
    context.start();
    vi.advanceTimersByTime(6000);
    expect(times).toEqual([12_000, 14_000, 16_000]);
    context.stop();
  });

  it('delays the next batch when one overruns, with growing scheduling delay', () => {
    const context = new StreamingContext({ batchIntervalMs: 1000, clock: new SystemClock() });
    context.queueStream<number>([]).foreachBatch(() => {
      vi.setSystemTime(Date.now() + 1500); // each batch takes 1.5 s of wall time
    });
    const infos: BatchInfo[] = [];
    context.onBatchCompleted((info) => infos.push(info));
    context.start();
    vi.advanceTimersByTime(1000);
    vi.advanceTimersToNextTimer();
    vi.advanceTimersToNextTimer();
    context.stop();
    // Fake timers run a 0 ms timeout 1 ms later, hence the small tolerance.
    expect(infos.map((info) => info.batchTime)).toEqual([11_000, 12_000, 13_000]);
    const delays = infos.map((info) => info.schedulingDelayMs);
    expect(delays[0]).toBe(0);
    expect(delays[1]).toBeGreaterThanOrEqual(500);
    expect(delays[1]).toBeLessThan(510);
    expect(delays[2]).toBeGreaterThanOrEqual(1000);
    expect(delays[2]).toBeLessThan(1010);
  });
});
