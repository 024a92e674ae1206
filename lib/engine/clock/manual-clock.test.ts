import { describe, expect, it } from 'vitest';
import { ManualClock } from './manual-clock';

describe('ManualClock', () => {
  it('runs due tasks in time order with now() at each task time', async () => {
    const clock = new ManualClock(100);
    const seen: [string, number][] = [];
    clock.schedule(300, () => void seen.push(['late', clock.now()]));
    clock.schedule(200, () => void seen.push(['early', clock.now()]));
    clock.schedule(200, () => void seen.push(['early-second', clock.now()]));
    clock.schedule(900, () => void seen.push(['not due', clock.now()]));
    await clock.advance(150);
    expect(seen).toEqual([
      ['early', 200],
      ['early-second', 200],
    ]);
    expect(clock.now()).toBe(250);
    await clock.advanceTo(200);
    expect(clock.now()).toBe(250);
    await clock.advanceTo(1000);
    expect(seen.map(([name]) => name)).toEqual(['early', 'early-second', 'late', 'not due']);
  });

  it('runs tasks scheduled by a task when they fall due within the same advance', async () => {
    const clock = new ManualClock();
    const times: number[] = [];
    const tick = (): void => {
      times.push(clock.now());
      clock.schedule(clock.now() + 10, tick);
    };
    clock.schedule(10, tick);
    await clock.advance(35);
    expect(times).toEqual([10, 20, 30]);
  });

  it('awaits asynchronous tasks before running the next', async () => {
    const clock = new ManualClock();
    const events: string[] = [];
    clock.schedule(1, async () => {
      events.push('first start');
      await Promise.resolve();
      events.push('first end');
    });
    clock.schedule(2, () => void events.push('second'));
    await clock.advance(2);
    expect(events).toEqual(['first start', 'first end', 'second']);
  });

  it('skips cancelled tasks', async () => {
    const clock = new ManualClock();
    let ran = false;
    clock.schedule(5, () => void (ran = true)).cancel();
    await clock.advance(10);
    expect(ran).toBe(false);
    expect(clock.pendingCount).toBe(0);
  });

  it('rejects a negative advance', async () => {
    await expect(new ManualClock().advance(-1)).rejects.toThrow(/≥ 0/);
  });
});
