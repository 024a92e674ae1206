import { describe, expect, it } from 'vitest';
import { ManualClock } from './clock/manual-clock';
import { StreamingContext } from './streaming-context';
import type { BatchInfo } from './types';

const add = (a: number, b: number): number => a + b;
const subtract = (a: number, b: number): number => a - b;

function createContext(batchIntervalMs = 1000) {
  const clock = new ManualClock(0);
  return { clock, context: new StreamingContext({ batchIntervalMs, clock }) };
}

describe('batch failures and stop', () => {
  it('reports an exception thrown in a batch, skips its output and keeps running', async () => {
    const { clock, context } = createContext(1000);
    const input = context.queueStream([[1], [2, -1], [3]]);
    const sums: { time: number; value: number[] }[] = [];
    input
      .map((x) => {
        if (x < 0) throw new Error('negative');
        return x;
      })
      .reduceByWindow(add, subtract, 2000, 1000)
      .foreachBatch((items, time) => sums.push({ time, value: [...items] }));
    const raw: number[][] = [];
    input.foreachBatch((items) => raw.push([...items]));
    const infos: BatchInfo[] = [];
    context.onBatchCompleted((info) => infos.push(info));
    context.start();
    await clock.advance(4000);
    expect(infos.map((info) => (info.error as Error | undefined)?.message)).toEqual([
      undefined,
      'negative',
      undefined,
      undefined,
    ]);
    // The failed batch's values are lost; windows stay consistent afterwards.
    expect(sums).toEqual([
      { time: 1000, value: [1] },
      { time: 3000, value: [3] },
      { time: 4000, value: [3] },
    ]);
    expect(raw).toEqual([[1], [2, -1], [3], []]);
  });

  it('rebuilds incremental window state after an inverse function throws', async () => {
    const { clock, context } = createContext(1000);
    let failOnce = true;
    const flakySubtract = (a: number, b: number): number => {
      if (failOnce) {
        failOnce = false;
        throw new Error('flaky');
      }
      return a - b;
    };
    const counts: { time: number; value: [string, number][] }[] = [];
    context
      .queueStream<[string, number]>([[['a', 1]], [['b', 1]], [['a', 1]], []])
      .reduceByKeyAndWindow(add, flakySubtract, 2000, 1000)
      .foreachBatch((items, time) => counts.push({ time, value: [...items] }));
    const errors: unknown[] = [];
    context.onBatchCompleted((info) => info.error && errors.push(info.error));
    context.start();
    await clock.advance(5000);
    expect(errors).toHaveLength(1);
    expect(counts).toEqual([
      { time: 1000, value: [['a', 1]] },
      {
        time: 2000,
        value: [
          ['a', 1],
          ['b', 1],
        ],
      },
      {
        time: 4000,
        value: [
          ['b', 0],
          ['a', 1],
        ],
      },
      {
        time: 5000,
        value: [
          ['b', 0],
          ['a', 0],
        ],
      },
    ]);
  });

  it('keeps running when a listener throws', async () => {
    const { clock, context } = createContext(1000);
    context.queueStream([[1]]).foreachBatch(() => undefined);
    const times: number[] = [];
    context.onBatchCompleted(() => {
      throw new Error('listener');
    });
    context.onBatchCompleted((info) => times.push(info.batchTime));
    context.start();
    await clock.advance(2000);
    expect(times).toEqual([1000, 2000]);
  });

  it('stops scheduling batches and refuses pushes after stop()', async () => {
    const { clock, context } = createContext(1000);
    const input = context.pushStream<number>();
    const times: number[] = [];
    input.foreachBatch((_items, time) => {
      times.push(time);
      if (time === 2000) context.stop();
    });
    context.start();
    await clock.advance(5000);
    expect(times).toEqual([1000, 2000]);
    expect(context.state).toBe('stopped');
    expect(input.push(1)).toBe(false);
    expect(clock.pendingCount).toBe(0);
  });
});
