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

describe('StreamingContext', () => {
  it('runs batches at zero + k * batchIntervalMs with what was pushed before each', async () => {
    const { clock, context } = createContext(2000);
    const words = context.pushStream<string>();
    const seen: { time: number; value: string[] }[] = [];
    words.foreachBatch((items, time) => seen.push({ time, value: [...items] }));
    context.start();
    words.push('a');
    words.push('b');
    await clock.advance(2000);
    words.push('c');
    await clock.advance(4000);
    expect(seen).toEqual([
      { time: 2000, value: ['a', 'b'] },
      { time: 4000, value: ['c'] },
      { time: 6000, value: [] },
    ]);
  });

  it('starts the batch grid at the clock time of start()', async () => {
    const clock = new ManualClock(500);
    const context = new StreamingContext({ batchIntervalMs: 1000, clock });
    const times: number[] = [];
    context.queueStream([[1]]).foreachBatch((_items, time) => times.push(time));
    context.start();
    await clock.advance(2000);
    expect(times).toEqual([1500, 2500]);
  });

  it('counts words per window incrementally over pushed items', async () => {
    const { clock, context } = createContext(1000);
    const lines = context.pushStream<string>();
    const counts: { time: number; value: [string, number][] }[] = [];
    lines
      .flatMap((line) => line.split(' '))
      .map((word): [string, number] => [word, 1])
      .reduceByKeyAndWindow(add, subtract, 2000, 1000)
      .foreachBatch((items, time) => counts.push({ time, value: [...items] }));
    context.start();
    lines.push('a b');
    await clock.advance(1000);
    lines.push('a');
    await clock.advance(1000);
    await clock.advance(1000);
    expect(counts).toEqual([
      {
        time: 1000,
        value: [
          ['a', 1],
          ['b', 1],
        ],
      },
      {
        time: 2000,
        value: [
          ['a', 2],
          ['b', 1],
        ],
      },
      {
        time: 3000,
        value: [
          ['a', 1],
          ['b', 0],
        ],
      },
    ]);
  });

  it('reports batch metrics to listeners', async () => {
    const { clock, context } = createContext(1000);
    const input = context.pushStream<number>();
    input.foreachBatch(() => undefined);
    const infos: BatchInfo[] = [];
    context.onBatchCompleted((info) => infos.push(info));
    context.start();
    input.push(1);
    input.push(2);
    await clock.advance(2000);
    expect(infos.map((info) => [info.batchTime, info.numRecords, info.droppedRecords])).toEqual([
      [1000, 2, 0],
      [2000, 0, 0],
    ]);
    expect(infos[0].schedulingDelayMs).toBe(0);
    expect(infos[0].totalDelayMs).toBe(infos[0].processingDelayMs);
  });
});
