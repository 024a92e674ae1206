import { afterEach, describe, expect, it, vi } from 'vitest';
import { withTimeout } from './with-timeout';

afterEach(() => {
  vi.useRealTimers();
});

describe('withTimeout', () => {
  it('resolves with the work when it is in time', async () => {
    await expect(withTimeout(Promise.resolve(42), 100)).resolves.toBe(42);
  });

  it('rejects after the timeout and hands a late result to onLate', async () => {
    vi.useFakeTimers();
    let finish!: (value: string) => void;
    const work = new Promise<string>((resolve) => (finish = resolve));
    const late: string[] = [];
    const racing = withTimeout(work, 100, (value) => late.push(value));
    const failed = expect(racing).rejects.toThrow('no response within 100 ms');
    await vi.advanceTimersByTimeAsync(100);
    await failed;
    finish('connection');
    await vi.advanceTimersByTimeAsync(0);
    expect(late).toEqual(['connection']);
  });
});
