import { describe, expect, it } from 'vitest';
import { ManualServerClock } from './manual-server-clock';
import { cancellableSleep } from './cancellable-sleep';

describe('ManualServerClock', () => {
  it('wakes a sleeper only when advanced to its time', async () => {
    const clock = new ManualServerClock({ startMs: 1000 });
    let woke = false;
    const sleeping = clock.sleep(50).then(() => (woke = true));
    await clock.advance(49);
    expect(woke).toBe(false);
    await clock.advance(1);
    await sleeping;
    expect(clock.now()).toBe(1050);
    expect(clock.monotonicNow()).toBe(1050);
  });

  it('runs a loop of sleeps woken within one advance', async () => {
    const clock = new ManualServerClock();
    const wakes: number[] = [];
    const loop = async (): Promise<void> => {
      for (let i = 0; i < 3; i++) {
        await clock.sleep(10);
        wakes.push(clock.now());
      }
    };
    const running = loop();
    await clock.advance(100);
    await running;
    expect(wakes).toEqual([10, 20, 30]);
  });

  it('ends a sleep early on abort, and a cancelled sleep leaves no timer', async () => {
    const clock = new ManualServerClock();
    const sleep = cancellableSleep(clock, 1_000);
    sleep.cancel();
    await sleep.done;
    expect(clock.now()).toBe(0);
    expect(clock.pendingCount).toBe(0);
  });

  it('moves time forward by itself on sleep when asked to', async () => {
    const clock = new ManualServerClock({ advanceOnSleep: true });
    await clock.sleep(250);
    await clock.sleep(750);
    expect(clock.now()).toBe(1000);
    expect(clock.slept).toEqual([250, 750]);
  });

  it('runs timeouts in time order and skips cancelled ones', async () => {
    const clock = new ManualServerClock();
    const ran: string[] = [];
    clock.setTimeout(() => ran.push('late'), 20);
    clock.setTimeout(() => ran.push('early'), 10);
    clock.setTimeout(() => ran.push('cancelled'), 15).cancel();
    await clock.advance(20);
    expect(ran).toEqual(['early', 'late']);
  });
});
