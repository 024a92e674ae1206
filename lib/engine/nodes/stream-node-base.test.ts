import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock/manual-clock';
import { StreamingContext } from '../streaming-context';

function createContext(batchIntervalMs = 1000) {
  const clock = new ManualClock(0);
  return { clock, context: new StreamingContext({ batchIntervalMs, clock }) };
}

describe('StreamingContext memoisation', () => {
  it('computes a stream once per batch however many children read it', async () => {
    const { clock, context } = createContext(1000);
    let calls = 0;
    const doubled = context.queueStream([[1, 2], [3]]).map((x) => {
      calls++;
      return x * 2;
    });
    doubled.foreachBatch(() => undefined);
    doubled.count().foreachBatch(() => undefined);
    doubled.window(3000).foreachBatch(() => undefined);
    context.start();
    await clock.advance(4000);
    expect(calls).toBe(3);
  });

  it('keeps only the batches that windows still need', async () => {
    const { clock, context } = createContext(1000);
    const input = context.queueStream(Array.from({ length: 30 }, (_, index) => [index]));
    input.window(3000, 1000).foreachBatch(() => undefined);
    input.map((x) => x).foreachBatch(() => undefined);
    context.start();
    await clock.advance(30_000);
    const kept = context.checkpoint().streams.map((stream) => stream.memo.map(([time]) => time));
    expect(kept).toEqual([[28_000, 29_000, 30_000], [], []]);
  });
});
