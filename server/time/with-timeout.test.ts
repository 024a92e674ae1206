import { describe, expect, it } from 'vitest';
import { ManualServerClock } from './manual-server-clock';
import { withTimeout } from './with-timeout';

describe('withTimeout', () => {
  it('resolves with the work when it is in time', async () => {
    await expect(withTimeout(new ManualServerClock(), Promise.resolve(42), 100)).resolves.toBe(42);
  });

  it('rejects after the timeout and hands a late result to onLate', async () => {
    const clock = new ManualServerClock();
    let finish!: (value: string) => void;
    const work = new Promise<string>((resolve) => (finish = resolve));
    const late: string[] = [];
    const racing = withTimeout(clock, work, 100, (value) => late.push(value));
    const failed = expect(racing).rejects.toThrow('no response within 100 ms');
    await clock.advance(99);
    expect(late).toEqual([]);
    await clock.advance(1);
    await failed;
    finish('connection');
    await clock.yield();
    expect(late).toEqual(['connection']);
  });

  it('leaves no timer behind when the work wins', async () => {
    const clock = new ManualServerClock();
    await withTimeout(clock, Promise.resolve('fast'), 100);
    expect(clock.pendingCount).toBe(0);
  });
});
